package dev.guanxi.crm.internal.stewardship;

/** The rows of an import, in order, parsed outside any transaction. Not thread-safe. */
interface RowSource extends AutoCloseable {
    /** @return the next row, or {@code null} after the last */
    ImportRow next();

    /** Releases the source (a file). */
    @Override
    void close();
}
