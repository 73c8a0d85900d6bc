package dev.guanxi.crm.internal.stewardship;

import dev.guanxi.crm.ValidationRule;
import dev.guanxi.crm.stewardship.ImportKind;
import dev.guanxi.crm.stewardship.ImportedCustomer;
import dev.guanxi.crm.stewardship.ImportedRecord;
import dev.guanxi.crm.stewardship.RowError;
import java.util.Iterator;
import java.util.List;

/** The rows of a Java iterable of records, numbered from 1. */
final class RecordSource implements RowSource {
    private final ImportKind kind;
    private final Iterator<? extends ImportedRecord> records;
    private long number;

    RecordSource(ImportKind kind, Iterable<? extends ImportedRecord> records) {
        this.kind = kind;
        this.records = records.iterator();
    }

    @Override
    public ImportRow next() {
        if (!records.hasNext()) {
            return null;
        }
        ImportedRecord r = records.next();
        number++;
        String idField = idField(kind);
        if (r == null) {
            return bad(idField, null, "record", ValidationRule.REQUIRED, "the record is null");
        }
        if (r.kind() != kind) {
            return bad(
                    idField,
                    r.externalId(),
                    "record",
                    ValidationRule.INVALID_FORMAT,
                    "a " + r.kind() + " record in a " + kind + " import");
        }
        Object content = r instanceof ImportedCustomer c ? new CustomerPatch.Whole(c) : r;
        return new ImportRow(number, number, 0, r.externalId(), idField, content, List.of());
    }

    private ImportRow bad(String idField, String externalId, String field, ValidationRule rule, String message) {
        return new ImportRow(
                number,
                number,
                0,
                externalId,
                idField,
                null,
                List.of(new RowError(number, 0, externalId, field, rule, message)));
    }

    static String idField(ImportKind kind) {
        return switch (kind) {
            case CUSTOMERS -> "draft.externalId";
            case PURCHASES -> "orderNumber";
            default -> "externalId";
        };
    }

    @Override
    public void close() {}
}
