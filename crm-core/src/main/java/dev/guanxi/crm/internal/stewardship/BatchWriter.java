package dev.guanxi.crm.internal.stewardship;

import dev.guanxi.crm.internal.CrmContext;
import java.util.List;

/**
 * Writes one batch of rows of one kind in a unit of work: looks each row up by its external id, checks it as the
 * focused API would, writes it (new records in bulk), publishes the events, and records how each row ended. It
 * must have no effect outside the unit of work, because the store may run it again. Not thread-safe.
 */
interface BatchWriter {
    /**
     * @param scope the batch's unit of work
     * @param rows the rows, in order
     * @param out receives the counts, errors and flags
     */
    void write(CrmContext.WriteScope scope, List<ImportRow> rows, BatchOutcome out);
}
