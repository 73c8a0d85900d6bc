package dev.guanxi.crm.internal.stewardship;

import dev.guanxi.crm.stewardship.RowError;
import java.util.List;

/**
 * One row of an import, parsed outside any transaction: its numbers, its external id and its content, or the
 * errors that make it bad. A purchase read from CSV spans the rows of its lines ({@code number} to {@code
 * lastNumber}).
 *
 * @param number the row's number (the first line's, for a purchase)
 * @param lastNumber the number of its last row (= {@code number} except for a purchase of several lines)
 * @param line the file line it starts on, 0 for an iterable
 * @param externalId its external id, or {@code null} if unreadable
 * @param idField the field that holds the external id, as errors name it
 * @param content a {@link CustomerPatch}, or an imported contact, purchase, payment or interaction; {@code null}
 *     if the row is bad
 * @param errors what makes it bad; empty for a good row
 */
record ImportRow(
        long number,
        long lastNumber,
        long line,
        String externalId,
        String idField,
        Object content,
        List<RowError> errors) {
    ImportRow {
        errors = List.copyOf(errors);
    }

    boolean bad() {
        return !errors.isEmpty();
    }

    /** @return this row made bad by one more error */
    ImportRow withError(RowError error) {
        List<RowError> more = new java.util.ArrayList<>(errors);
        more.add(error);
        return new ImportRow(number, lastNumber, line, externalId, idField, null, more);
    }
}
