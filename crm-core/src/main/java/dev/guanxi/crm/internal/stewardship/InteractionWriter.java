package dev.guanxi.crm.internal.stewardship;

import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.ValidationRule;
import dev.guanxi.crm.customer.Customer;
import dev.guanxi.crm.event.InteractionLogged;
import dev.guanxi.crm.interaction.Interaction;
import dev.guanxi.crm.interaction.InteractionId;
import dev.guanxi.crm.interaction.NewInteraction;
import dev.guanxi.crm.internal.Check;
import dev.guanxi.crm.internal.CrmContext;
import dev.guanxi.crm.spi.storage.ImportKey;
import dev.guanxi.crm.stewardship.ImportKind;
import dev.guanxi.crm.stewardship.ImportedInteraction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Interaction rows: an external id imported before with the same values is unchanged, with other values a row
 * error; a new one is logged (in bulk) with the checks and event of {@code Interactions.log}.
 */
final class InteractionWriter implements BatchWriter {
    private final boolean csv;

    InteractionWriter(boolean csv) {
        this.csv = csv;
    }

    @Override
    public void write(CrmContext.WriteScope scope, List<ImportRow> rows, BatchOutcome out) {
        List<Interaction> inserts = new ArrayList<>();
        List<ImportKey> keys = new ArrayList<>();
        Map<String, ImportKey> known =
                scope.uow().importJournal().findKeys(ImportKind.INTERACTIONS, RowKeys.externalIds(rows));
        Map<String, Customer> customers = scope.uow().customers().findByExternalIds(RowKeys.customerExternalIds(rows));
        for (ImportRow row : rows) {
            if (row.bad()) {
                out.fail(row);
                continue;
            }
            ImportedInteraction r = (ImportedInteraction) row.content();
            Optional<Customer> customer = Optional.ofNullable(customers.get(r.customerExternalId()));
            if (customer.isEmpty()) {
                out.fail(
                        row,
                        csv ? "customer_external_id" : "customerExternalId",
                        ValidationRule.UNKNOWN_REFERENCE,
                        "this tenant has no customer with external id '" + r.customerExternalId() + "'");
                continue;
            }
            String fingerprint = Fingerprints.sha256Hex(r.toString());
            Optional<ImportKey> key = Optional.ofNullable(known.get(r.externalId()));
            if (key.isPresent()) {
                if (key.get().fingerprint().equals(fingerprint)) {
                    out.unchanged++;
                } else {
                    out.fail(
                            row,
                            row.idField(),
                            ValidationRule.INVALID_STATE,
                            "interaction " + r.externalId() + " was imported with other values; an import never"
                                    + " changes an interaction");
                }
                continue;
            }
            try {
                if (r.occurredAt() != null) {
                    Check.notFuture("occurredAt", r.occurredAt(), scope.clock());
                }
                NewInteraction draft = new NewInteraction(
                        customer.get().id(),
                        r.channel(),
                        r.direction(),
                        r.occurredAt(),
                        r.subject(),
                        r.notes(),
                        r.outcome(),
                        r.staff(),
                        r.contactPerson(),
                        null,
                        null,
                        null);
                Interaction logged = Interaction.of(InteractionId.random(), draft, scope.now());
                inserts.add(logged);
                keys.add(new ImportKey(
                        ImportKind.INTERACTIONS, r.externalId(), logged.id().value(), fingerprint));
                scope.publish(new InteractionLogged(
                        scope.metadata(),
                        logged.customerId(),
                        logged.id(),
                        logged.channel(),
                        logged.direction(),
                        logged.occurredAt(),
                        logged.staffId()));
                out.created++;
            } catch (ValidationException e) {
                out.fail(row, e, f -> csv ? (f.equals("staffId") ? "staff_id" : Cells.snake(f)) : f);
            }
        }
        scope.uow().interactions().insertAll(inserts);
        scope.uow().importJournal().putKeys(keys);
    }
}
