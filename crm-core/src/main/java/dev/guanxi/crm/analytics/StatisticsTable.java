package dev.guanxi.crm.analytics;

import dev.guanxi.crm.Beta;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Objects;

/**
 * The result of {@link SalesStatistics}: one {@link StatisticsRow} per group and the grand total, in a shape a
 * host can show as a table or a chart.
 *
 * <p>The key columns are the request's {@linkplain #dimensions() dimensions}, in order; the value columns are
 * the {@link StatisticsMeasure}s. Rows are sorted by key, column by column: periods chronologically, other
 * values in {@link String} order with {@value StatisticsDimension#NONE}, {@value
 * StatisticsDimension#ALL_PRODUCTS} and {@value StatisticsDimension#UNKNOWN} last. Only groups with at least
 * one fact have a row. For every measure, the rows add up exactly to the {@linkplain #total() total}.
 *
 * <p>{@link #column(StatisticsMeasure)} gives one measure per row (the series of a chart), {@link #labels()}
 * the rows' labels; {@link #toString()} renders an aligned text table.
 *
 * <p>Immutable and thread-safe.
 */
@Beta
public final class StatisticsTable {
    private final StatisticsRequest request;
    private final List<StatisticsRow> rows;
    private final StatisticsRow total;
    private final long factsCounted;
    private final long factsOutsideRange;
    private final long cancelledOrders;
    private final long recordsWithoutCustomer;

    StatisticsTable(
            StatisticsRequest request,
            List<StatisticsRow> rows,
            StatisticsRow total,
            long factsCounted,
            long factsOutsideRange,
            long cancelledOrders,
            long recordsWithoutCustomer) {
        this.request = Objects.requireNonNull(request, "request");
        this.rows = List.copyOf(rows);
        this.total = Objects.requireNonNull(total, "total");
        this.factsCounted = factsCounted;
        this.factsOutsideRange = factsOutsideRange;
        this.cancelledOrders = cancelledOrders;
        this.recordsWithoutCustomer = recordsWithoutCustomer;
    }

    /** @return the request the table answers */
    public StatisticsRequest request() {
        return request;
    }

    /** @return the key columns, in order (empty when nothing was grouped) */
    public List<StatisticsDimension> dimensions() {
        return request.dimensions();
    }

    /** @return the currency of every money measure */
    public Currency currency() {
        return request.baseCurrency();
    }

    /** @return one row per group with at least one fact, sorted by key */
    public List<StatisticsRow> rows() {
        return rows;
    }

    /** @return the grand total of every measure (its key is empty) */
    public StatisticsRow total() {
        return total;
    }

    /**
     * Returns one measure of every row, in row order: the series to chart.
     *
     * @param measure the measure
     * @return exact values (money at the base currency's scale), one per row
     */
    public List<BigDecimal> column(StatisticsMeasure measure) {
        Objects.requireNonNull(measure, "measure");
        List<BigDecimal> column = new ArrayList<>(rows.size());
        for (StatisticsRow row : rows) {
            column.add(row.value(measure));
        }
        return List.copyOf(column);
    }

    /** @return the label of each row, in row order: its key values joined by {@code " / "} */
    public List<String> labels() {
        List<String> labels = new ArrayList<>(rows.size());
        for (StatisticsRow row : rows) {
            labels.add(String.join(" / ", row.key()));
        }
        return List.copyOf(labels);
    }

    /** @return how many facts were counted (an order, an invoice issued, an overdue invoice, a payment...) */
    public long factsCounted() {
        return factsCounted;
    }

    /** @return how many facts were skipped because their date lies outside the request's range */
    public long factsOutsideRange() {
        return factsOutsideRange;
    }

    /** @return how many cancelled orders were skipped */
    public long cancelledOrders() {
        return cancelledOrders;
    }

    /**
     * @return how many counted records had no customer added before them (grouped under {@value
     *     StatisticsDimension#UNKNOWN}); always 0 when no customer-derived dimension is requested
     */
    public long recordsWithoutCustomer() {
        return recordsWithoutCustomer;
    }

    /**
     * Says what the table holds, e.g. {@code 4 groups by owner, period (MONTH) in CNY, from 2026-01-01 to
     * 2026-12-31, overdue as of 2026-11-22; 120 facts counted, 3 outside the range, 1 cancelled order skipped, 2
     * records without their customer}.
     *
     * @return one line
     */
    public String reason() {
        StringBuilder s = new StringBuilder();
        s.append(rows.size()).append(rows.size() == 1 ? " group" : " groups");
        if (!dimensions().isEmpty()) {
            s.append(" by ");
            for (int i = 0; i < dimensions().size(); i++) {
                StatisticsDimension d = dimensions().get(i);
                s.append(i == 0 ? "" : ", ").append(d.label());
                if (d == StatisticsDimension.PERIOD) {
                    s.append(" (").append(request.period()).append(')');
                }
            }
        }
        s.append(" in ").append(currency().getCurrencyCode());
        if (request.from() != null) {
            s.append(", from ").append(request.from());
        }
        if (request.to() != null) {
            s.append(request.from() == null ? ", until " : " to ").append(request.to());
        }
        s.append(", overdue as of ").append(request.asOf());
        s.append("; ")
                .append(factsCounted)
                .append(factsCounted == 1 ? " fact" : " facts")
                .append(" counted");
        if (factsOutsideRange > 0) {
            s.append(", ").append(factsOutsideRange).append(" outside the range");
        }
        if (cancelledOrders > 0) {
            s.append(", ")
                    .append(cancelledOrders)
                    .append(cancelledOrders == 1 ? " cancelled order" : " cancelled orders")
                    .append(" skipped");
        }
        if (recordsWithoutCustomer > 0) {
            s.append(", ")
                    .append(recordsWithoutCustomer)
                    .append(recordsWithoutCustomer == 1 ? " record" : " records")
                    .append(" without their customer");
        }
        return s.toString();
    }

    /**
     * Renders the table as aligned text: the {@linkplain #reason() reason}, a header line, one line per row and
     * the total. Keys are left-aligned, numbers right-aligned; money amounts are plain decimals in {@link
     * #currency()}.
     *
     * @return the text, lines separated by {@code \n}
     */
    @Override
    public String toString() {
        List<StatisticsDimension> dims = dimensions();
        int keyColumns = Math.max(1, dims.size());
        StatisticsMeasure[] measures = StatisticsMeasure.values();
        int columns = keyColumns + measures.length;
        List<String[]> lines = new ArrayList<>(rows.size() + 2);
        String[] header = new String[columns];
        for (int i = 0; i < keyColumns; i++) {
            header[i] = dims.isEmpty() ? "" : dims.get(i).label();
        }
        for (int m = 0; m < measures.length; m++) {
            header[keyColumns + m] = measures[m].label();
        }
        lines.add(header);
        for (StatisticsRow row : rows) {
            lines.add(cells(row, keyColumns, measures, null));
        }
        lines.add(cells(total, keyColumns, measures, "TOTAL"));
        int[] width = new int[columns];
        for (String[] line : lines) {
            for (int c = 0; c < columns; c++) {
                width[c] = Math.max(width[c], line[c].length());
            }
        }
        StringBuilder s = new StringBuilder(reason()).append('\n');
        for (int l = 0; l < lines.size(); l++) {
            if (l == lines.size() - 1) {
                int all = columns * 2 - 2;
                for (int w : width) {
                    all += w;
                }
                s.append("-".repeat(all)).append('\n');
            }
            String[] line = lines.get(l);
            StringBuilder text = new StringBuilder();
            for (int c = 0; c < columns; c++) {
                String cell = line[c];
                String pad = " ".repeat(width[c] - cell.length());
                text.append(c == 0 ? "" : "  ").append(c < keyColumns ? cell + pad : pad + cell);
            }
            s.append(text.toString().stripTrailing());
            if (l < lines.size() - 1) {
                s.append('\n');
            }
        }
        return s.toString();
    }

    private static String[] cells(StatisticsRow row, int keyColumns, StatisticsMeasure[] measures, String label) {
        String[] cells = new String[keyColumns + measures.length];
        for (int i = 0; i < keyColumns; i++) {
            cells[i] = label != null
                    ? (i == 0 ? label : "")
                    : i < row.key().size() ? row.key().get(i) : "";
        }
        for (int m = 0; m < measures.length; m++) {
            cells[keyColumns + m] = row.value(measures[m]).toPlainString();
        }
        return cells;
    }
}
