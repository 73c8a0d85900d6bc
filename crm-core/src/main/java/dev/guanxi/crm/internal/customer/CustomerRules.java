package dev.guanxi.crm.internal.customer;

import dev.guanxi.crm.ValidationRule;
import dev.guanxi.crm.customer.Consent;
import dev.guanxi.crm.customer.Customer;
import dev.guanxi.crm.customer.CustomerDraft;
import dev.guanxi.crm.customer.ImportantDate;
import dev.guanxi.crm.customer.ImportantDateType;
import dev.guanxi.crm.customer.ReferenceCode;
import dev.guanxi.crm.customer.ReferenceCodeType;
import dev.guanxi.crm.field.FieldDefinition;
import dev.guanxi.crm.internal.Check;
import dev.guanxi.crm.internal.Violations;
import dev.guanxi.crm.spi.storage.ReferenceCodeRepository;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The checks of a customer write that need more than the draft: the tenant's code tables, the CRM's custom
 * field definitions and its clock. Run inside the write's unit of work, before anything is stored. Stateless.
 */
public final class CustomerRules {
    private CustomerRules() {}

    /**
     * Checks a draft about to be written.
     *
     * @param draft the new values
     * @param current the stored customer being changed, or {@code null} for a registration
     * @param codes the tenant's code tables
     * @param definitions the custom field definitions by qualified name
     * @param clock the CRM's clock
     * @throws dev.guanxi.crm.ValidationException carrying every violation found
     */
    public static void check(
            CustomerDraft draft,
            Customer current,
            ReferenceCodeRepository codes,
            Map<String, FieldDefinition<?>> definitions,
            Clock clock) {
        Violations v = new Violations();
        checkCode(v, codes, ReferenceCodeType.CUSTOMER_TYPE, draft.customerType(), current, Customer::customerType);
        checkCode(v, codes, ReferenceCodeType.CUSTOMER_STATUS, draft.status(), current, Customer::status);
        checkCode(v, codes, ReferenceCodeType.REGION, draft.region(), current, Customer::region);
        checkCode(v, codes, ReferenceCodeType.INDUSTRY, draft.industry(), current, Customer::industry);

        List<Consent> consents = draft.preferences().consents();
        for (int i = 0; i < consents.size(); i++) {
            String field = "preferences.consents[" + i + "].at";
            Consent consent = consents.get(i);
            v.run(() -> Check.notFuture(field, consent.at(), clock));
        }

        List<ImportantDate> dates = draft.importantDates();
        for (int i = 0; i < dates.size(); i++) {
            String field = "importantDates[" + i + "].date";
            ImportantDate date = dates.get(i);
            if (date.type() == ImportantDateType.BIRTHDAY || date.type() == ImportantDateType.FOUNDING_DAY) {
                v.run(() -> Check.notFuture(field, date.date(), clock));
            } else {
                v.run(() -> Check.plannable(field, date.date(), clock));
            }
        }

        Map<String, Object> values = draft.customFields().asMap();
        values.forEach((name, value) -> {
            FieldDefinition<?> definition = definitions.get(name);
            if (definition == null) {
                v.add("customFields." + name, ValidationRule.UNKNOWN_FIELD, "no custom field " + name + " is defined");
            } else {
                v.run(() -> definition.validate(value));
            }
        });
        new TreeMap<>(definitions).forEach((name, definition) -> {
            if (definition.isRequired() && !values.containsKey(name)) {
                v.run(() -> definition.validate(null));
            }
        });
        v.throwIfAny();
    }

    private static void checkCode(
            Violations v,
            ReferenceCodeRepository codes,
            ReferenceCodeType type,
            String code,
            Customer current,
            Function<Customer, String> stored) {
        if (code == null || (current != null && code.equals(stored.apply(current)))) {
            return; // unset, or kept unchanged: a since deactivated code must not block other changes
        }
        Optional<ReferenceCode> found = codes.find(type, code);
        if (found.isEmpty()) {
            v.add(type.field(), ValidationRule.UNKNOWN_CODE, "'" + code + "' is not a defined " + type + " code");
        } else if (!found.get().active()) {
            v.add(type.field(), ValidationRule.UNKNOWN_CODE, "'" + code + "' is an inactive " + type + " code");
        }
    }
}
