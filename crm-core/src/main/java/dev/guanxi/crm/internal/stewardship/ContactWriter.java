package dev.guanxi.crm.internal.stewardship;

import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.ValidationRule;
import dev.guanxi.crm.customer.ContactPerson;
import dev.guanxi.crm.customer.ContactPoint;
import dev.guanxi.crm.customer.Customer;
import dev.guanxi.crm.customer.CustomerDraft;
import dev.guanxi.crm.event.CustomerUpdated;
import dev.guanxi.crm.field.FieldDefinition;
import dev.guanxi.crm.internal.CrmContext;
import dev.guanxi.crm.internal.customer.CustomerRules;
import dev.guanxi.crm.spi.storage.ImportKey;
import dev.guanxi.crm.stewardship.ImportKind;
import dev.guanxi.crm.stewardship.ImportedContact;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Contact rows: each adds a contact point or person to its customer (one customer update per row), or replaces
 * what the same external id added before, found by the fingerprint kept in the journal's keys.
 */
final class ContactWriter implements BatchWriter {
    private final Map<String, FieldDefinition<?>> definitions;
    private final boolean csv;
    /** The batch's customers by external id, kept current as rows change them. */
    private Map<String, Customer> customers;

    ContactWriter(Map<String, FieldDefinition<?>> definitions, boolean csv) {
        this.definitions = definitions;
        this.csv = csv;
    }

    @Override
    public void write(CrmContext.WriteScope scope, List<ImportRow> rows, BatchOutcome out) {
        List<ImportKey> keys = new ArrayList<>();
        Map<String, ImportKey> known =
                scope.uow().importJournal().findKeys(ImportKind.CONTACTS, RowKeys.externalIds(rows));
        customers =
                new java.util.HashMap<>(scope.uow().customers().findByExternalIds(RowKeys.customerExternalIds(rows)));
        for (ImportRow row : rows) {
            if (row.bad()) {
                out.fail(row);
                continue;
            }
            ImportedContact contact = (ImportedContact) row.content();
            Optional<Customer> customer = Optional.ofNullable(customers.get(contact.customerExternalId()));
            if (customer.isEmpty()) {
                out.fail(
                        row,
                        csv ? "customer_external_id" : "customerExternalId",
                        ValidationRule.UNKNOWN_REFERENCE,
                        "this tenant has no customer with external id '" + contact.customerExternalId() + "'");
                continue;
            }
            try {
                ImportKey key = write(scope, row, contact, customer.get(), known.get(contact.externalId()), out);
                if (key != null) {
                    keys.add(key);
                }
            } catch (ValidationException e) {
                out.fail(row, e, this::field);
            }
        }
        scope.uow().importJournal().putKeys(keys);
    }

    private ImportKey write(
            CrmContext.WriteScope scope,
            ImportRow row,
            ImportedContact contact,
            Customer current,
            ImportKey previous,
            BatchOutcome out) {
        boolean point = contact.contactPoint() != null;
        Object element = point ? contact.contactPoint() : contact.contactPerson();
        String fingerprint = Fingerprints.sha256Hex(element.toString());
        Optional<ImportKey> key = Optional.ofNullable(previous);
        List<ContactPoint> points = new ArrayList<>(current.contactPoints());
        List<ContactPerson> persons = new ArrayList<>(current.contactPersons());
        List<?> list = point ? points : persons;
        int at = -1;
        if (key.isPresent()) {
            if (!key.get().recordId().equals(current.id().value())) {
                out.fail(
                        row,
                        csv ? "customer_external_id" : "customerExternalId",
                        ValidationRule.INVALID_STATE,
                        "contact '" + contact.externalId() + "' was imported for another customer");
                return null;
            }
            at = indexOf(list, key.get().fingerprint());
            if (at >= 0 && key.get().fingerprint().equals(fingerprint)) {
                out.unchanged++;
                return null;
            }
        }
        if (point) {
            set(points, at, contact.contactPoint());
        } else {
            set(persons, at, contact.contactPerson());
        }
        CustomerDraft draft =
                current.toDraft().contactPoints(points).contactPersons(persons).build();
        CustomerRules.check(draft, current, scope.uow().referenceCodes(), definitions, scope.clock());
        Customer updated = current.revise(draft, scope.now());
        scope.uow().customers().update(current.version(), updated);
        customers.put(contact.customerExternalId(), updated);
        scope.publish(new CustomerUpdated(scope.metadata(), current, updated));
        CustomerWriter.publishDetails(scope, current, updated);
        if (key.isPresent()) {
            out.updated++;
        } else {
            out.created++;
        }
        return new ImportKey(
                ImportKind.CONTACTS, contact.externalId(), current.id().value(), fingerprint);
    }

    private static int indexOf(List<?> list, String fingerprint) {
        for (int i = 0; i < list.size(); i++) {
            if (Fingerprints.sha256Hex(list.get(i).toString()).equals(fingerprint)) {
                return i;
            }
        }
        return -1;
    }

    private static <T> void set(List<T> list, int at, T element) {
        if (at >= 0) {
            list.set(at, element);
        } else {
            list.add(element);
        }
    }

    private String field(String path) {
        if (!csv) {
            return path.startsWith("contactPersons")
                    ? "contactPerson"
                    : path.startsWith("contactPoints") ? "contactPoint" : path;
        }
        if (path.startsWith("contactPersons")) {
            return "type";
        }
        if (path.startsWith("contactPoints")) {
            return path.endsWith(".primary") ? "primary" : "value";
        }
        return Cells.snake(path);
    }
}
