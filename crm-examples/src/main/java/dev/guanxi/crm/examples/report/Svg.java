package dev.guanxi.crm.examples.report;

import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;

/**
 * The report's charts as inline SVG strings: histograms, horizontal bar charts (and a centred funnel), the Pareto
 * line chart and the RFM grid. Every bar is a {@code <rect class="bar">}, every grid cell a {@code <rect
 * class="cell">}, the Pareto curve one {@code <polyline class="curve">}, so that tests can count them. All text
 * is escaped. Stateless, thread-safe.
 */
final class Svg {
    static final int WIDTH = 880;
    private static final String OPEN = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" id=\"%s\""
            + " viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" role=\"img\" aria-label=\"%s\">";

    private Svg() {}

    /** A cut-off on the Pareto curve: where it is, what it is called, its colour. */
    record Cut(double x, double y, String label, String color) {}

    /** A step of 1, 2, 2.5 or 5 times a power of ten, at least {@code minStep}, that gives about five ticks. */
    static double step(double max, double minStep) {
        double raw = Math.max(max / 5, minStep);
        if (raw <= 0) {
            return 1;
        }
        double exp = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / exp;
        double nice = f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10;
        return Math.max(nice * exp, minStep);
    }

    private static String open(String id, int w, int h, String label) {
        return String.format(Locale.ROOT, OPEN, Html.esc(id), w, h, w, h, Html.esc(label));
    }

    private static void text(StringBuilder s, double x, double y, String cls, String anchor, String text) {
        s.append("<text x=\"")
                .append(Html.coord(x))
                .append("\" y=\"")
                .append(Html.coord(y))
                .append('"');
        if (cls != null) {
            s.append(" class=\"").append(cls).append('"');
        }
        if (anchor != null) {
            s.append(" text-anchor=\"").append(anchor).append('"');
        }
        s.append('>').append(Html.esc(text)).append("</text>");
    }

    private static void line(StringBuilder s, double x1, double y1, double x2, double y2, String cls) {
        s.append("<line x1=\"")
                .append(Html.coord(x1))
                .append("\" y1=\"")
                .append(Html.coord(y1))
                .append("\" x2=\"")
                .append(Html.coord(x2))
                .append("\" y2=\"")
                .append(Html.coord(y2))
                .append("\" class=\"")
                .append(cls)
                .append("\"/>");
    }

    private static void rect(
            StringBuilder s, String cls, double x, double y, double w, double h, String fill, String tip) {
        s.append("<rect class=\"")
                .append(cls)
                .append("\" x=\"")
                .append(Html.coord(x))
                .append("\" y=\"")
                .append(Html.coord(y))
                .append("\" width=\"")
                .append(Html.coord(Math.max(w, 0)))
                .append("\" height=\"")
                .append(Html.coord(Math.max(h, 0)))
                .append('"');
        if (fill != null) {
            s.append(" fill=\"").append(Html.esc(fill)).append('"');
        }
        s.append("><title>").append(Html.esc(tip)).append("</title></rect>");
    }

    /** Y axis with gridlines, ticks from 0 to {@code max} by {@code step}, and its title turned 90 degrees. */
    private static void yAxis(
            StringBuilder s,
            double left,
            double top,
            double width,
            double height,
            double max,
            double step,
            DoubleFunction<String> format,
            String title) {
        for (double v = 0; v <= max + step / 1000; v += step) {
            double y = top + height - height * v / max;
            line(s, left, y, left + width, y, "grid");
            text(s, left - 6, y + 4, "tick", "end", format.apply(v));
        }
        line(s, left, top, left, top + height, "axis");
        line(s, left, top + height, left + width, top + height, "axis");
        double cy = top + height / 2;
        s.append("<text class=\"axis-title\" text-anchor=\"middle\" transform=\"translate(16,")
                .append(Html.coord(cy))
                .append(") rotate(-90)\">")
                .append(Html.esc(title))
                .append("</text>");
    }

    /**
     * A histogram: bin {@code i} spans {@code edges[i]} to {@code edges[i + 1]}.
     *
     * @param id the svg element's id
     * @param edges bin edges, one more than the counts
     * @param counts customers per bin
     * @param tick formats an edge for the x axis
     * @param lastOpen whether the last bin holds everything above its lower edge
     */
    static String histogram(
            String id,
            double[] edges,
            long[] counts,
            DoubleFunction<String> tick,
            boolean lastOpen,
            String xTitle,
            String yTitle,
            String color) {
        int w = WIDTH;
        int h = 320;
        double left = 70;
        double top = 16;
        double pw = w - left - 20;
        double ph = h - top - 62;
        long max = 0;
        for (long c : counts) {
            max = Math.max(max, c);
        }
        double step = step(max, 1);
        double yMax = Math.max(step, step * Math.ceil(max / step));
        StringBuilder s = new StringBuilder(4096).append(open(id, w, h, yTitle + " by " + xTitle));
        yAxis(s, left, top, pw, ph, yMax, step, v -> Html.count(Math.round(v)), yTitle);
        int bins = counts.length;
        double bw = pw / bins;
        for (int i = 0; i < bins; i++) {
            double bh = ph * counts[i] / yMax;
            String range =
                    tick.apply(edges[i]) + (lastOpen && i == bins - 1 ? " and more" : " – " + tick.apply(edges[i + 1]));
            rect(s, "bar", left + i * bw + 1, top + ph - bh, bw - 2, bh, color, range + ": " + Html.count(counts[i]));
            if (counts[i] > 0 && bins <= 25) {
                text(s, left + (i + 0.5) * bw, top + ph - bh - 4, "value", "middle", Html.count(counts[i]));
            }
        }
        int every = Math.max(1, (int) Math.ceil(bins / 10.0));
        for (int i = 0; i <= bins; i += every) {
            double x = left + i * bw;
            line(s, x, top + ph, x, top + ph + 5, "axis");
            String label = tick.apply(edges[i]) + (lastOpen && i == bins - 1 ? "+" : "");
            text(s, x, top + ph + 19, "tick", "middle", label);
        }
        if (bins % every != 0) {
            double x = left + bins * bw;
            line(s, x, top + ph, x, top + ph + 5, "axis");
        }
        text(s, left + pw / 2, h - 10, "axis-title", "middle", xTitle);
        return s.append("</svg>").toString();
    }

    /**
     * Horizontal bars, one row per label, with the value written after the bar; {@code centred} draws each bar
     * centred on the middle (a funnel).
     */
    static String hbars(String id, List<String> labels, long[] values, String[] colors, boolean centred, String what) {
        int rows = labels.size();
        int rowH = 30;
        int w = WIDTH;
        int h = rows * rowH + 36;
        double left = 200;
        double pw = w - left - 90;
        long max = 1;
        for (long v : values) {
            max = Math.max(max, v);
        }
        StringBuilder s = new StringBuilder(2048).append(open(id, w, h, what));
        for (int i = 0; i < rows; i++) {
            double y = 8 + i * rowH;
            double bw = pw * values[i] / max;
            double x = centred ? left + (pw - bw) / 2 : left;
            text(s, left - 10, y + rowH / 2.0 + 3, "label", "end", labels.get(i));
            rect(
                    s,
                    "bar",
                    x,
                    y + 3,
                    bw,
                    rowH - 8,
                    colors[i % colors.length],
                    labels.get(i) + ": " + Html.count(values[i]));
            text(
                    s,
                    (centred ? left + (pw + bw) / 2 : x + bw) + 6,
                    y + rowH / 2.0 + 3,
                    "value",
                    "start",
                    Html.count(values[i]));
        }
        line(s, left, 4, left, 8 + rows * rowH, "axis");
        text(s, left + pw / 2, h - 8, "axis-title", "middle", what);
        return s.append("</svg>").toString();
    }

    /**
     * The Pareto curve: cumulative share of value (y) against share of customers (x), both 0 to 1, from the
     * origin; with the line of equal value per customer and the cut-offs.
     */
    static String pareto(String id, double[] xs, double[] ys, List<Cut> cuts) {
        int w = WIDTH;
        int h = 420;
        double left = 70;
        double top = 16;
        double pw = w - left - 24;
        double ph = h - top - 62;
        StringBuilder s =
                new StringBuilder(32 + xs.length * 14).append(open(id, w, h, "Pareto curve of customer value"));
        yAxis(s, left, top, pw, ph, 1, 0.2, v -> Math.round(100 * v) + "%", "Cumulative share of value");
        for (int i = 0; i <= 10; i += 2) {
            double x = left + pw * i / 10.0;
            line(s, x, top, x, top + ph, "grid");
            text(s, x, top + ph + 19, "tick", "middle", (i * 10) + "%");
        }
        text(s, left + pw / 2, h - 10, "axis-title", "middle", "Share of customers, ranked by value (highest first)");
        line(s, left, top + ph, left + pw, top, "diagonal");
        s.append("<polyline class=\"curve\" points=\"");
        for (int i = 0; i < xs.length; i++) {
            if (i > 0) {
                s.append(' ');
            }
            Html.coord(s, left + pw * xs[i]);
            s.append(',');
            Html.coord(s, top + ph - ph * Math.max(0, Math.min(1, ys[i])));
        }
        s.append("\"/>");
        double ly = top + ph - 18 - 22 * (cuts.size() + 1);
        double lx = left + pw * 0.52;
        rect(s, "legend-box", lx - 10, ly - 18, pw * 0.48, 22 * (cuts.size() + 1) + 12, "#ffffff", "legend");
        for (int c = 0; c < cuts.size(); c++) {
            Cut cut = cuts.get(c);
            double x = left + pw * cut.x();
            double y = top + ph - ph * Math.max(0, Math.min(1, cut.y()));
            s.append("<g class=\"cutoff\" stroke=\"")
                    .append(Html.esc(cut.color()))
                    .append("\">");
            line(s, x, top + ph, x, y, "cut");
            line(s, left, y, x, y, "cut");
            s.append("</g><circle cx=\"")
                    .append(Html.coord(x))
                    .append("\" cy=\"")
                    .append(Html.coord(y))
                    .append("\" r=\"5\" fill=\"")
                    .append(Html.esc(cut.color()))
                    .append("\"/>");
            double ry = ly + 22 * c;
            s.append("<line x1=\"")
                    .append(Html.coord(lx))
                    .append("\" y1=\"")
                    .append(Html.coord(ry - 4))
                    .append("\" x2=\"")
                    .append(Html.coord(lx + 24))
                    .append("\" y2=\"")
                    .append(Html.coord(ry - 4))
                    .append("\" class=\"cut\" stroke=\"")
                    .append(Html.esc(cut.color()))
                    .append("\"/>");
            text(s, lx + 32, ry, "legend", "start", cut.label());
        }
        double ry = ly + 22 * cuts.size();
        line(s, lx, ry - 4, lx + 24, ry - 4, "diagonal");
        text(s, lx + 32, ry, "legend", "start", "equal value per customer");
        return s.append("</svg>").toString();
    }

    /** A named RFM cell: its segment's name and colour. */
    interface CellNames {
        /** @return the segment name of cell (r, f) */
        String name(int r, int f);

        /** @return the segment colour of cell (r, f) */
        String color(int r, int f);
    }

    /**
     * The R × F grid: rows R = 5 (top) to 1, columns F = 1 to 5, each cell filled with its segment's colour, more
     * opaque the more customers it holds, and labelled with the segment and the count.
     *
     * @param counts {@code counts[r][f]} for r, f in 1..5
     */
    static String rfmGrid(String id, long[][] counts, CellNames names) {
        int cw = 156;
        int chh = 66;
        double left = 84;
        double top = 8;
        int w = (int) left + 5 * cw + 20;
        int h = (int) top + 5 * chh + 56;
        long max = 1;
        for (int r = 1; r <= 5; r++) {
            for (int f = 1; f <= 5; f++) {
                max = Math.max(max, counts[r][f]);
            }
        }
        StringBuilder s = new StringBuilder(8192).append(open(id, w, h, "RFM segment map"));
        for (int r = 5; r >= 1; r--) {
            double y = top + (5 - r) * chh;
            text(s, left - 10, y + chh / 2.0 + 4, "tick", "end", "R " + r);
            for (int f = 1; f <= 5; f++) {
                double x = left + (f - 1) * cw;
                double alpha = 0.12 + 0.88 * counts[r][f] / max;
                String name = names.name(r, f);
                s.append("<g>");
                rect(
                        s,
                        "cell",
                        x + 1,
                        y + 1,
                        cw - 2,
                        chh - 2,
                        names.color(r, f),
                        "R " + r + ", F " + f + ": " + name + ", " + Html.count(counts[r][f]) + " customers");
                // a white veil over the colour: the fewer customers the cell holds, the paler it is
                s.append(String.format(
                        Locale.ROOT,
                        "<rect class=\"veil\" x=\"%s\" y=\"%s\" width=\"%d\" height=\"%d\" fill=\"#ffffff\""
                                + " fill-opacity=\"%.2f\"/>",
                        Html.coord(x + 1),
                        Html.coord(y + 1),
                        cw - 2,
                        chh - 2,
                        1 - alpha));
                String ink = alpha > 0.55 ? "ink-light" : "ink-dark";
                text(s, x + cw / 2.0, y + 26, "cell-name " + ink, "middle", name);
                text(s, x + cw / 2.0, y + 48, "cell-count " + ink, "middle", Html.count(counts[r][f]));
                s.append("</g>");
            }
        }
        for (int f = 1; f <= 5; f++) {
            text(s, left + (f - 0.5) * cw, top + 5 * chh + 18, "tick", "middle", "F " + f);
        }
        text(
                s,
                left + 2.5 * cw,
                h - 8,
                "axis-title",
                "middle",
                "F = frequency score (5 = most purchases); R = recency score (5 = most recent)");
        return s.append("</svg>").toString();
    }
}
