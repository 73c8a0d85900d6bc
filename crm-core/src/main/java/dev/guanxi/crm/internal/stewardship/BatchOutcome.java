package dev.guanxi.crm.internal.stewardship;

import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.ValidationRule;
import dev.guanxi.crm.Violation;
import dev.guanxi.crm.stewardship.ImportCounts;
import dev.guanxi.crm.stewardship.ImportFlag;
import dev.guanxi.crm.stewardship.RowError;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** How the rows of one batch ended: counts, errors, flags. Built inside the batch's unit of work. Not thread-safe. */
final class BatchOutcome {
    long created;
    long updated;
    long unchanged;
    long skipped;
    long flagged;
    long failed;
    final List<RowError> errors = new ArrayList<>();
    final List<ImportFlag> flags = new ArrayList<>();

    ImportCounts counts() {
        return new ImportCounts(created, updated, unchanged, skipped, flagged, failed);
    }

    /** Counts a row that was bad when parsed. */
    void fail(ImportRow row) {
        errors.addAll(row.errors());
        failed++;
    }

    void fail(ImportRow row, String field, ValidationRule rule, String message) {
        errors.add(new RowError(row.number(), row.line(), row.externalId(), field, rule, message));
        failed++;
    }

    void fail(ImportRow row, ValidationException e, UnaryOperator<String> fieldOf) {
        for (Violation v : e.violations()) {
            errors.add(new RowError(
                    row.number(), row.line(), row.externalId(), fieldOf.apply(v.field()), v.rule(), v.message()));
        }
        failed++;
    }

    void add(BatchOutcome other) {
        created += other.created;
        updated += other.updated;
        unchanged += other.unchanged;
        skipped += other.skipped;
        flagged += other.flagged;
        failed += other.failed;
        errors.addAll(other.errors);
        flags.addAll(other.flags);
    }
}
