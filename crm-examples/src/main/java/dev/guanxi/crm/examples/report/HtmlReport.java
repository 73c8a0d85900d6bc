package dev.guanxi.crm.examples.report;

import dev.guanxi.crm.TenantCrm;
import dev.guanxi.crm.analytics.StatisticsDimension;
import dev.guanxi.crm.analytics.StatisticsRequest;
import dev.guanxi.crm.analytics.StatisticsRow;
import dev.guanxi.crm.analytics.StatisticsTable;
import dev.guanxi.crm.classification.CustomerGrade;
import dev.guanxi.crm.classification.RfmSegment;
import dev.guanxi.crm.classification.WinBackCandidate;
import dev.guanxi.crm.customer.Customer;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.customer.CustomerQuery;
import dev.guanxi.crm.customer.ReferenceCode;
import dev.guanxi.crm.customer.ReferenceCodeType;
import dev.guanxi.crm.lifecycle.LifecycleStage;
import dev.guanxi.crm.lifecycle.StageFlow;
import dev.guanxi.crm.money.MissingExchangeRateException;
import dev.guanxi.crm.query.Page;
import dev.guanxi.crm.query.PageRequest;
import dev.guanxi.crm.spi.storage.ScoreSnapshot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Writes the HTML report of one tenant: a single self-contained file (inline CSS, charts as inline SVG, no
 * scripts, nothing loaded over the network) with the Pareto curve of customer value and the key / ordinary /
 * small cut-offs of the 80/20 grading, the RFM segment map, the lifecycle funnel and stage flow, the P(alive) and
 * CLV distributions, the credit grades, the top of the win-back list with reasons, and statistics by region and
 * by owner.
 *
 * <p>Everything is read through the SDK's API, nothing is recomputed: the customers ({@code customers().query}),
 * each customer's latest score snapshot as the last scoring run wrote it ({@code scoring().snapshots}), the
 * win-back list ({@code scoring().winBackList}), the lifecycle stage flow ({@code lifecycle().flow}) and the sales
 * statistics ({@code analysis().statistics}). Run the scoring first ({@code scoring().run}, with {@link
 * dev.guanxi.crm.classification.StandardRules#all()} and {@link
 * dev.guanxi.crm.classification.ScoringModels#bgNbdGammaGamma()} for every section); a section whose results are
 * missing says so instead of drawing a chart.
 *
 * <p>Cost: one page query per 1,000 customers and one per 1,000 snapshots ({@code scoring().snapshots}), O(n) in
 * customers (the snapshots are held in a map while the report is built), plus a sort
 * of the scored customers by their 80/20 rank, O(n log n); the Pareto curve is drawn with at most {@value
 * #MAX_CURVE_POINTS} points. Meant for reports of up to some hundred thousand customers.
 *
 * <p>Stateless and thread-safe; each call reads the tenant's data as it is at that moment.
 */
public final class HtmlReport {
    /** The most points of the Pareto curve, besides the origin. */
    public static final int MAX_CURVE_POINTS = 1000;
    /** How many win-back candidates the report lists. */
    public static final int WIN_BACK_ROWS = 15;

    static final String KEY_COLOR = "#1f5fbf";
    static final String ORDINARY_COLOR = "#e08a00";
    static final String SMALL_COLOR = "#9aa4b1";
    private static final String[] SEGMENT_COLORS = {
        "#1a7f37", "#2da44e", "#4ac26b", "#0969da", "#54aeff", "#bf8700", "#d4a72c", "#cf222e", "#8250df", "#6e7781",
        "#a40e26", "#d0d7de"
    };
    private static final String[] STAGE_COLORS = {"#8c959f", "#54aeff", "#1a7f37", "#d4a72c", "#cf222e", "#8250df"};

    private HtmlReport() {}

    /**
     * Writes the report, in the currency most of the tenant's purchases are in.
     *
     * @param tenant the tenant's CRM
     * @param asOf the report's day: the stage flow covers the year up to it, the overdue figures are judged on it
     * @param out the file to write (replaced if it exists)
     * @return {@code out}
     * @throws UncheckedIOException if the file cannot be written
     */
    public static Path write(TenantCrm tenant, LocalDate asOf, Path out) {
        return write(tenant, asOf, mainCurrency(tenant), out);
    }

    /**
     * Writes the report with the money statistics in {@code currency} (amounts in other currencies need the
     * exchange rates the statistics section then reports as missing).
     *
     * @param tenant the tenant's CRM
     * @param asOf the report's day
     * @param currency the currency of revenue
     * @param out the file to write (replaced if it exists)
     * @return {@code out}
     * @throws UncheckedIOException if the file cannot be written
     */
    public static Path write(TenantCrm tenant, LocalDate asOf, Currency currency, Path out) {
        Objects.requireNonNull(out, "out");
        String html = render(tenant, asOf, currency);
        try {
            Files.writeString(out, html, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
        }
        return out;
    }

    /**
     * Renders the report as a string (what {@link #write(TenantCrm, LocalDate, Currency, Path)} writes).
     *
     * @param tenant the tenant's CRM
     * @param asOf the report's day
     * @param currency the currency of revenue
     * @return the HTML document, well-formed XML as well
     */
    public static String render(TenantCrm tenant, LocalDate asOf, Currency currency) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(currency, "currency");
        Scores scores = Scores.read(tenant);
        StringBuilder h = new StringBuilder(64 * 1024);
        head(h, tenant, asOf, scores);
        pareto(h, scores);
        rfm(h, scores);
        lifecycle(h, tenant, asOf, scores);
        distributions(h, scores, currency);
        credit(h, scores);
        winBack(h, tenant, currency);
        statistics(h, tenant, asOf, currency, scores);
        h.append("<footer>Generated by Guanxi CRM (dev.guanxi.crm.examples.report.HtmlReport). Figures as of the"
                + " last scoring run; this file needs no network access.</footer>\n</main>\n</body>\n</html>\n");
        return h.toString();
    }

    /**
     * The day of the latest score snapshot of the tenant: the as-of day of its last scoring run. Reads every
     * customer's snapshot: O(n).
     *
     * @param tenant the tenant's CRM
     * @return the day, or empty if no customer was ever scored
     */
    public static Optional<LocalDate> lastScored(TenantCrm tenant) {
        LocalDate last = null;
        for (LocalDate d : Scores.read(tenant).snapshotDays) {
            last = last == null || d.isAfter(last) ? d : last;
        }
        return Optional.ofNullable(last);
    }

    /** The currency of most purchases (by count), or USD without purchases. Streams the purchases once. */
    static Currency mainCurrency(TenantCrm tenant) {
        Map<Currency, long[]> counts = new HashMap<>();
        tenant.sales()
                .scanPurchases(
                        (customer, date, cents, currency) -> counts.computeIfAbsent(currency, c -> new long[1])[0]++);
        return counts.entrySet().stream()
                .max((a, b) -> a.getValue()[0] != b.getValue()[0]
                        ? Long.compare(a.getValue()[0], b.getValue()[0])
                        : b.getKey().getCurrencyCode().compareTo(a.getKey().getCurrencyCode()))
                .map(Map.Entry::getKey)
                .orElse(Currency.getInstance("USD"));
    }

    /** What the report needs from the customers and their snapshots, in primitive columns. */
    static final class Scores {
        int customers;
        int scored;
        final List<LocalDate> snapshotDays = new ArrayList<>();
        // 80/20 grading, per scored customer: rank, cumulative share, grade (0 key, 1 ordinary, 2 small)
        double[] rank = new double[256];
        double[] cumulative = new double[256];
        int[] grade = new int[256];
        int graded;
        final long[][] rfmCells = new long[6][6];
        final Map<String, Long> rfmSegments = new LinkedHashMap<>();
        final Map<LifecycleStage, Long> stages = new EnumMap<>(LifecycleStage.class);
        final TreeMap<Integer, String> creditLabels = new TreeMap<>();
        final Map<Integer, Long> creditCounts = new HashMap<>();
        long arrearsWarnings;
        double[] pAlive = new double[256];
        int alive;
        double[] clv = new double[256];
        int clvs;
        final Map<String, long[]> byRegion = new TreeMap<>(); // customers, key customers
        final Map<String, long[]> byOwner = new TreeMap<>();

        static Scores read(TenantCrm tenant) {
            Map<CustomerId, ScoreSnapshot> snapshots = new HashMap<>();
            PageRequest page = PageRequest.first(PageRequest.MAX_LIMIT);
            while (true) {
                Page<ScoreSnapshot> p = tenant.scoring().snapshots(page);
                for (ScoreSnapshot snapshot : p.items()) {
                    snapshots.put(snapshot.customerId(), snapshot);
                }
                if (p.nextRequest().isEmpty()) {
                    break;
                }
                page = p.nextRequest().get();
            }
            Scores s = new Scores();
            page = PageRequest.first(PageRequest.MAX_LIMIT);
            while (true) {
                Page<Customer> p = tenant.customers().query(CustomerQuery.all(), page);
                for (Customer c : p.items()) {
                    s.add(c, snapshots.get(c.id()));
                }
                if (p.nextRequest().isEmpty()) {
                    return s;
                }
                page = p.nextRequest().get();
            }
        }

        private void add(Customer c, ScoreSnapshot snapshot) {
            customers++;
            String region = c.region() == null ? StatisticsDimension.NONE : c.region();
            String owner =
                    c.owner() == null ? StatisticsDimension.NONE : c.owner().value();
            boolean key = snapshot != null && CustomerGrade.KEY.name().equals(snapshot.label("abc"));
            long[] r = byRegion.computeIfAbsent(region, k -> new long[2]);
            r[0]++;
            r[1] += key ? 1 : 0;
            long[] o = byOwner.computeIfAbsent(owner, k -> new long[2]);
            o[0]++;
            o[1] += key ? 1 : 0;
            if (snapshot == null) {
                return;
            }
            scored++;
            if (!snapshotDays.contains(snapshot.asOf())) {
                snapshotDays.add(snapshot.asOf());
            }
            String abc = snapshot.label("abc");
            BigDecimal rankValue = snapshot.metric("abc.rank");
            BigDecimal share = snapshot.metric("abc.cumulativeShare");
            if (abc != null && rankValue != null && share != null) {
                if (graded == rank.length) {
                    rank = Arrays.copyOf(rank, 2 * graded);
                    cumulative = Arrays.copyOf(cumulative, 2 * graded);
                    grade = Arrays.copyOf(grade, 2 * graded);
                }
                rank[graded] = rankValue.doubleValue();
                cumulative[graded] = share.doubleValue();
                grade[graded] =
                        abc.equals(CustomerGrade.KEY.name()) ? 0 : abc.equals(CustomerGrade.ORDINARY.name()) ? 1 : 2;
                graded++;
            }
            String segment = snapshot.label("rfm");
            if (segment != null) {
                rfmSegments.merge(segment, 1L, Long::sum);
                BigDecimal rs = snapshot.metric("rfm.r");
                BigDecimal fs = snapshot.metric("rfm.f");
                if (rs != null
                        && fs != null
                        && rs.intValue() >= 1
                        && rs.intValue() <= 5
                        && fs.intValue() >= 1
                        && fs.intValue() <= 5) {
                    rfmCells[rs.intValue()][fs.intValue()]++;
                }
            }
            String stage = snapshot.label("lifecycle");
            if (stage != null) {
                try {
                    stages.merge(LifecycleStage.valueOf(stage), 1L, Long::sum);
                } catch (IllegalArgumentException unknownStage) {
                    // a host's own stage names are not drawn
                }
            }
            String credit = snapshot.label("credit");
            BigDecimal gradeIndex = snapshot.metric("credit.gradeIndex");
            if (credit != null && gradeIndex != null) {
                creditLabels.putIfAbsent(gradeIndex.intValue(), credit);
                creditCounts.merge(gradeIndex.intValue(), 1L, Long::sum);
                BigDecimal warning = snapshot.metric("credit.arrearsWarning");
                arrearsWarnings += warning != null && warning.signum() > 0 ? 1 : 0;
            }
            BigDecimal p = snapshot.metric("model.pAlive");
            if (p != null) {
                if (alive == pAlive.length) {
                    pAlive = Arrays.copyOf(pAlive, 2 * alive);
                }
                pAlive[alive++] = p.doubleValue();
            }
            BigDecimal v = snapshot.metric("model.clv");
            if (v != null) {
                if (clvs == clv.length) {
                    clv = Arrays.copyOf(clv, 2 * clvs);
                }
                clv[clvs++] = v.doubleValue();
            }
        }
    }

    private static void head(StringBuilder h, TenantCrm tenant, LocalDate asOf, Scores s) {
        String title = "Customer report: " + tenant.tenant();
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n<title>")
                .append(Html.esc(title))
                .append("</title>\n<style>\n")
                .append(CSS)
                .append("</style>\n</head>\n<body>\n<main>\n<h1>")
                .append(Html.esc(title))
                .append("</h1>\n<p class=\"meta\">As of ")
                .append(asOf)
                .append(" · ")
                .append(Html.count(s.customers))
                .append(" customers, ")
                .append(Html.count(s.scored))
                .append(" with a score snapshot");
        if (!s.snapshotDays.isEmpty()) {
            List<LocalDate> days = new ArrayList<>(s.snapshotDays);
            days.sort(null);
            h.append(" (scored as of ").append(days.get(days.size() - 1)).append(')');
        }
        h.append("</p>\n<nav><a href=\"#value\">Value</a> <a href=\"#rfm\">RFM</a> <a href=\"#lifecycle\">Lifecycle</a>"
                + " <a href=\"#models\">P(alive) &amp; CLV</a> <a href=\"#credit\">Credit</a>"
                + " <a href=\"#winback\">Win-back</a> <a href=\"#statistics\">Regions &amp; owners</a></nav>\n");
    }

    private static void section(StringBuilder h, String id, String title, String lead) {
        h.append("<section id=\"")
                .append(id)
                .append("\">\n<h2>")
                .append(Html.esc(title))
                .append("</h2>\n<p class=\"lead\">")
                .append(Html.esc(lead))
                .append("</p>\n");
    }

    private static void missing(StringBuilder h, String what) {
        h.append("<p class=\"missing\">").append(Html.esc(what)).append("</p>\n");
    }

    private static void pareto(StringBuilder h, Scores s) {
        section(
                h,
                "value",
                "Customer value: the 80/20 curve",
                "Customers ranked by value, highest first; the curve shows which share of the total value the top"
                        + " customers hold. The cut-offs are where the 80/20 grading of the last scoring run put its"
                        + " key, ordinary and small customers.");
        int n = s.graded;
        if (n == 0) {
            missing(h, "No 80/20 grades in the score snapshots: run the scoring first.");
            h.append("</section>\n");
            return;
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(
                order,
                (a, b) -> a.equals(b)
                        ? 0
                        : Double.compare(s.rank[a], s.rank[b]) != 0
                                ? Double.compare(s.rank[a], s.rank[b])
                                : Integer.compare(a, b));
        int stride = (int) Math.ceil(n / (double) MAX_CURVE_POINTS);
        int points = (n + stride - 1) / stride;
        double[] xs = new double[points + 1];
        double[] ys = new double[points + 1];
        int k = 1;
        for (int j = stride - 1; k <= points; j = Math.min(j + stride, n - 1), k++) {
            xs[k] = (j + 1) / (double) n;
            ys[k] = s.cumulative[order[j]];
        }
        long[] counts = new long[3];
        int[] lastOf = {-1, -1, -1};
        for (int j = 0; j < n; j++) {
            int g = s.grade[order[j]];
            counts[g]++;
            lastOf[g] = j;
        }
        double keyShare = lastOf[0] < 0 ? 0 : s.cumulative[order[lastOf[0]]];
        int lastNotSmall = Math.max(lastOf[0], lastOf[1]);
        double upToOrdinary = lastNotSmall < 0 ? 0 : s.cumulative[order[lastNotSmall]];
        List<Svg.Cut> cuts = new ArrayList<>();
        if (lastOf[0] >= 0) {
            cuts.add(new Svg.Cut(
                    (lastOf[0] + 1) / (double) n,
                    keyShare,
                    "key customers: top " + Html.percent((lastOf[0] + 1) / (double) n) + " hold "
                            + Html.percent(keyShare),
                    KEY_COLOR));
        }
        if (lastOf[1] >= 0) {
            cuts.add(new Svg.Cut(
                    (lastNotSmall + 1) / (double) n,
                    upToOrdinary,
                    "key + ordinary: top " + Html.percent((lastNotSmall + 1) / (double) n) + " hold "
                            + Html.percent(upToOrdinary),
                    ORDINARY_COLOR));
        }
        h.append("<figure>").append(Svg.pareto("pareto", xs, ys, cuts)).append("</figure>\n");
        h.append(
                "<table class=\"grades\"><thead><tr><th>Grade</th><th class=\"num\">Customers</th>"
                        + "<th class=\"num\">Share of customers</th><th class=\"num\">Share of value</th></tr></thead><tbody>\n");
        double[] shares = {keyShare, upToOrdinary - keyShare, 1 - upToOrdinary};
        String[] colors = {KEY_COLOR, ORDINARY_COLOR, SMALL_COLOR};
        String[] names = {"Key", "Ordinary", "Small"};
        for (int g = 0; g < 3; g++) {
            h.append("<tr><td><span class=\"swatch\" style=\"background:")
                    .append(colors[g])
                    .append("\"></span>")
                    .append(names[g])
                    .append("</td><td class=\"num\">")
                    .append(Html.count(counts[g]))
                    .append("</td><td class=\"num\">")
                    .append(Html.percent(counts[g] / (double) n))
                    .append("</td><td class=\"num\">")
                    .append(Html.percent(Math.max(0, shares[g])))
                    .append("</td></tr>\n");
        }
        h.append("</tbody></table>\n</section>\n");
    }

    private static void rfm(StringBuilder h, Scores s) {
        section(
                h,
                "rfm",
                "RFM segment map",
                "Each cell is a combination of the recency score R and the frequency score F (quintiles, 5 is best)"
                        + " and belongs to one named segment; the darker the cell, the more customers it holds.");
        if (s.rfmSegments.isEmpty()) {
            missing(h, "No RFM segments in the score snapshots.");
            h.append("</section>\n");
            return;
        }
        RfmSegment[] segments = RfmSegment.values();
        h.append("<figure>")
                .append(Svg.rfmGrid("rfm-map", s.rfmCells, new Svg.CellNames() {
                    @Override
                    public String name(int r, int f) {
                        return Html.humanize(RfmSegment.of(r, f).name());
                    }

                    @Override
                    public String color(int r, int f) {
                        return SEGMENT_COLORS[RfmSegment.of(r, f).ordinal() % SEGMENT_COLORS.length];
                    }
                }))
                .append("</figure>\n");
        h.append("<table class=\"segments\"><thead><tr><th>Segment</th><th class=\"num\">Customers</th></tr></thead>"
                + "<tbody>\n");
        for (RfmSegment seg : segments) {
            long c = s.rfmSegments.getOrDefault(seg.name(), 0L);
            h.append("<tr><td><span class=\"swatch\" style=\"background:")
                    .append(SEGMENT_COLORS[seg.ordinal() % SEGMENT_COLORS.length])
                    .append("\"></span>")
                    .append(Html.esc(Html.humanize(seg.name())))
                    .append("</td><td class=\"num\">")
                    .append(Html.count(c))
                    .append("</td></tr>\n");
        }
        h.append("</tbody></table>\n</section>\n");
    }

    private static void lifecycle(StringBuilder h, TenantCrm tenant, LocalDate asOf, Scores s) {
        section(
                h,
                "lifecycle",
                "Lifecycle funnel and stage flow",
                "How many customers are in each stage of the relationship lifecycle now (from the score snapshots),"
                        + " and how they moved between stages in the year up to " + asOf
                        + " (from the transition log).");
        h.append("<h3>Customers per stage</h3>\n");
        if (s.stages.isEmpty()) {
            missing(h, "No lifecycle stages in the score snapshots (run the scoring with the lifecycle rule).");
        } else {
            List<String> labels = new ArrayList<>();
            LifecycleStage[] all = LifecycleStage.values();
            long[] values = new long[all.length];
            for (LifecycleStage stage : all) {
                labels.add(Html.humanize(stage.name()));
                values[stage.ordinal()] = s.stages.getOrDefault(stage, 0L);
            }
            h.append("<figure>")
                    .append(Svg.hbars(
                            "lifecycle-funnel", labels, values, STAGE_COLORS, true, "Customers per lifecycle stage"))
                    .append("</figure>\n");
        }
        h.append("<h3>Stage flow</h3>\n");
        StageFlow flow;
        try {
            flow = tenant.lifecycle().flow(asOf.minusYears(1).plusDays(1), asOf);
        } catch (UnsupportedOperationException noLog) {
            missing(h, "This store keeps no lifecycle log.");
            h.append("</section>\n");
            return;
        }
        if (flow.moves().isEmpty()) {
            missing(h, "No stage moves between " + flow.from() + " and " + flow.to() + ".");
            h.append("</section>\n");
            return;
        }
        List<LifecycleStage> froms = new ArrayList<>();
        List<LifecycleStage> tos = new ArrayList<>();
        long max = 1;
        for (StageFlow.Move m : flow.moves()) {
            if (!froms.contains(m.from())) {
                froms.add(m.from());
            }
            if (!tos.contains(m.to())) {
                tos.add(m.to());
            }
            max = Math.max(max, m.count());
        }
        tos.sort(null);
        h.append("<table class=\"flow\" id=\"stage-flow\"><thead><tr><th>From \\ to</th>");
        for (LifecycleStage to : tos) {
            h.append("<th class=\"num\">")
                    .append(Html.esc(Html.humanize(to.name())))
                    .append("</th>");
        }
        h.append("</tr></thead><tbody>\n");
        for (LifecycleStage from : froms) {
            h.append("<tr><th>")
                    .append(from == null ? "(first placement)" : Html.esc(Html.humanize(from.name())))
                    .append("</th>");
            for (LifecycleStage to : tos) {
                int c = 0;
                for (StageFlow.Move m : flow.moves()) {
                    if (m.from() == from && m.to() == to) {
                        c = m.count();
                    }
                }
                double alpha = c == 0 ? 0 : 0.1 + 0.6 * c / max;
                h.append("<td class=\"num flow-cell\" style=\"background:rgba(31,95,191,")
                        .append(String.format(java.util.Locale.ROOT, "%.2f", alpha))
                        .append(")\">")
                        .append(c == 0 ? "" : Html.count(c))
                        .append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</tbody></table>\n</section>\n");
    }

    private static void distributions(StringBuilder h, Scores s, Currency currency) {
        section(
                h,
                "models",
                "P(alive) and customer lifetime value",
                "From the BG/NBD and Gamma-Gamma models fitted by the scoring run: the probability that each customer"
                        + " is still buying, and the expected value of their future purchases (CLV). BG/NBD deems a"
                        + " customer without repeat purchases alive, so they sit at P(alive) = 1.");
        h.append("<h3>P(alive) distribution</h3>\n");
        if (s.alive == 0) {
            missing(h, "No P(alive) in the score snapshots (run the scoring with the BG/NBD model).");
        } else {
            int bins = 20;
            double[] edges = new double[bins + 1];
            for (int i = 0; i <= bins; i++) {
                edges[i] = i / (double) bins;
            }
            long[] counts = new long[bins];
            for (int i = 0; i < s.alive; i++) {
                counts[Math.max(0, Math.min(bins - 1, (int) Math.floor(s.pAlive[i] * bins)))]++;
            }
            h.append("<figure>")
                    .append(Svg.histogram(
                            "hist-palive",
                            edges,
                            counts,
                            v -> String.format(java.util.Locale.ROOT, "%.2f", v),
                            false,
                            "P(alive)",
                            "Customers",
                            "#1a7f37"))
                    .append("</figure>\n");
        }
        h.append("<h3>CLV distribution</h3>\n");
        if (s.clvs == 0) {
            missing(h, "No CLV in the score snapshots (run the scoring with the Gamma-Gamma model).");
        } else {
            double[] sorted = Arrays.copyOf(s.clv, s.clvs);
            Arrays.sort(sorted);
            double p99 = sorted[Math.min(sorted.length - 1, (int) Math.floor(0.99 * (sorted.length - 1)))];
            double low = Math.min(0, sorted[0]);
            int bins = 20;
            double width = Svg.step(Math.max(p99 - low, 1) * 5 / bins, 0.01);
            double[] edges = new double[bins + 1];
            for (int i = 0; i <= bins; i++) {
                edges[i] = low + i * width;
            }
            boolean open = sorted[sorted.length - 1] >= edges[bins];
            long[] counts = new long[bins];
            for (int i = 0; i < s.clvs; i++) {
                counts[Math.max(0, Math.min(bins - 1, (int) Math.floor((s.clv[i] - low) / width)))]++;
            }
            String code = currency.getCurrencyCode();
            h.append("<figure>")
                    .append(Svg.histogram(
                            "hist-clv",
                            edges,
                            counts,
                            v -> String.format(java.util.Locale.ROOT, "%,.0f", v),
                            open,
                            "CLV (" + code + ")",
                            "Customers",
                            "#0969da"))
                    .append("</figure>\n<p class=\"note\">Median CLV ")
                    .append(Html.amount(sorted[sorted.length / 2]))
                    .append(' ')
                    .append(code)
                    .append(", 99th percentile ")
                    .append(Html.amount(p99))
                    .append(' ')
                    .append(code)
                    .append(open ? "; the last bar holds everything above its lower edge" : "")
                    .append(".</p>\n");
        }
        h.append("</section>\n");
    }

    private static void credit(StringBuilder h, Scores s) {
        section(
                h,
                "credit",
                "Credit grades",
                "Credit grades from payment behaviour (days past due, overdue share, spread around the due date),"
                        + " best grade first.");
        if (s.creditLabels.isEmpty()) {
            missing(h, "No credit grades in the score snapshots.");
        } else {
            List<String> labels = new ArrayList<>();
            long[] values = new long[s.creditLabels.size()];
            String[] colors = new String[values.length];
            int i = 0;
            for (Map.Entry<Integer, String> e : s.creditLabels.entrySet()) {
                labels.add(e.getValue());
                values[i] = s.creditCounts.get(e.getKey());
                double t = values.length == 1 ? 0 : i / (double) (values.length - 1);
                // green (best) through amber to red (worst)
                colors[i] = String.format(
                        java.util.Locale.ROOT,
                        "hsl(%d,60%%,%d%%)",
                        Math.round(130 * (1 - t)),
                        Math.round(36 + 8 * Math.sin(Math.PI * t)));
                i++;
            }
            h.append("<figure>")
                    .append(Svg.hbars("credit-grades", labels, values, colors, false, "Customers per credit grade"))
                    .append("</figure>\n<p class=\"note\">Arrears early warnings: ")
                    .append(Html.count(s.arrearsWarnings))
                    .append(" customers.</p>\n");
        }
        h.append("</section>\n");
    }

    private static void winBack(StringBuilder h, TenantCrm tenant, Currency currency) {
        section(
                h,
                "winback",
                "Top win-back customers",
                "Lost and at-risk customers ranked by the value a win-back would recover: value if won back (CLV /"
                        + " P(alive)) times the chance of winning them back (recoverability, from loyalty) gives the"
                        + " expected recovery, in " + currency.getCurrencyCode() + ".");
        List<WinBackCandidate> list = tenant.scoring().winBackList(WIN_BACK_ROWS);
        if (list.isEmpty()) {
            missing(h, "Nobody on the win-back list.");
            h.append("</section>\n");
            return;
        }
        h.append("<table class=\"winback\" id=\"winback-table\"><thead><tr><th class=\"num\">#</th><th>Customer</th>"
                + "<th>Stage</th><th class=\"num\">If won back</th>"
                + "<th class=\"num\">Chance</th><th class=\"num\">Expected</th><th>Why</th></tr></thead><tbody>\n");
        int rank = 0;
        for (WinBackCandidate c : list) {
            h.append("<tr><td class=\"num\">")
                    .append(++rank)
                    .append("</td><td class=\"name\">")
                    .append(Html.esc(c.displayName()))
                    .append("</td><td>")
                    .append(Html.esc(Html.humanize(String.valueOf(c.stage()))))
                    .append("</td><td class=\"num\">")
                    .append(Html.amount(c.valueIfWonBack()))
                    .append("</td><td class=\"num\">")
                    .append(Html.percent(c.recoverability()))
                    .append("</td><td class=\"num\">")
                    .append(Html.amount(c.expectedRecovery()))
                    .append("</td><td class=\"reason\">")
                    .append(Html.esc(c.reason()))
                    .append("</td></tr>\n");
        }
        h.append("</tbody></table>\n</section>\n");
    }

    private static void statistics(StringBuilder h, TenantCrm tenant, LocalDate asOf, Currency currency, Scores s) {
        section(
                h,
                "statistics",
                "Statistics by region and by owner",
                "Customers, revenue (all recorded sales, " + currency.getCurrencyCode() + ") and key customers (80/20"
                        + " grade KEY) per region and per responsible owner.");
        Map<String, String> regionLabels = new HashMap<>();
        for (ReferenceCode code : tenant.referenceCodes().list(ReferenceCodeType.REGION)) {
            regionLabels.put(code.code(), code.label());
        }
        table(h, tenant, asOf, currency, StatisticsDimension.REGION, "Region", s.byRegion, regionLabels, "by-region");
        table(h, tenant, asOf, currency, StatisticsDimension.OWNER, "Owner", s.byOwner, Map.of(), "by-owner");
        h.append("</section>\n");
    }

    private static void table(
            StringBuilder h,
            TenantCrm tenant,
            LocalDate asOf,
            Currency currency,
            StatisticsDimension dimension,
            String title,
            Map<String, long[]> counts,
            Map<String, String> labels,
            String id) {
        h.append("<h3>By ").append(title.toLowerCase(java.util.Locale.ROOT)).append("</h3>\n");
        Map<String, BigDecimal> revenue = new HashMap<>();
        String error = null;
        try {
            StatisticsTable table = tenant.analysis()
                    .statistics(StatisticsRequest.builder()
                            .groupBy(dimension)
                            .asOf(asOf)
                            .currency(currency)
                            .build());
            for (StatisticsRow row : table.rows()) {
                revenue.merge(row.key().get(0), row.sales().amount(), BigDecimal::add);
            }
        } catch (MissingExchangeRateException e) {
            error = "Revenue needs exchange rates: " + e.getMessage();
        }
        if (error != null) {
            missing(h, error);
        }
        BigDecimal max = BigDecimal.ONE;
        for (BigDecimal v : revenue.values()) {
            max = v.compareTo(max) > 0 ? v : max;
        }
        h.append("<table class=\"stats\" id=\"")
                .append(id)
                .append("\"><thead><tr><th>")
                .append(Html.esc(title))
                .append("</th><th class=\"num\">Customers</th><th class=\"num\">Revenue</th><th></th>"
                        + "<th class=\"num\">Key customers</th></tr></thead><tbody>\n");
        for (Map.Entry<String, long[]> e : counts.entrySet()) {
            String key = e.getKey();
            BigDecimal value = revenue.getOrDefault(key, BigDecimal.ZERO);
            String label = labels.containsKey(key) ? labels.get(key) + " (" + key + ")" : key;
            double width = 100 * value.doubleValue() / max.doubleValue();
            h.append("<tr><td>")
                    .append(Html.esc(label))
                    .append("</td><td class=\"num\">")
                    .append(Html.count(e.getValue()[0]))
                    .append("</td><td class=\"num\">")
                    .append(Html.amount(value.doubleValue()))
                    .append("</td><td class=\"barcell\"><span class=\"inline-bar\" style=\"width:")
                    .append(String.format(java.util.Locale.ROOT, "%.1f", Math.max(0, width)))
                    .append("%\"></span></td><td class=\"num\">")
                    .append(Html.count(e.getValue()[1]))
                    .append("</td></tr>\n");
        }
        h.append("</tbody></table>\n");
    }

    private static final String CSS = """
            body { margin: 0; background: #f6f8fa; color: #1f2328;
              font: 15px/1.5 system-ui, -apple-system, "Segoe UI", "Noto Sans", "Noto Sans CJK SC",
                "Microsoft YaHei", sans-serif; }
            main { max-width: 960px; margin: 0 auto; padding: 24px 32px 48px; background: #ffffff; }
            h1 { font-size: 28px; margin: 0 0 4px; }
            h2 { font-size: 22px; margin: 36px 0 6px; padding-top: 12px; border-top: 1px solid #d0d7de; }
            h3 { font-size: 17px; margin: 22px 0 6px; }
            .meta { color: #59636e; margin: 0 0 12px; }
            nav a { margin-right: 14px; color: #0969da; text-decoration: none; }
            .lead { color: #424a53; margin: 0 0 10px; }
            .note { color: #424a53; font-size: 14px; }
            .missing { color: #9a6700; background: #fff8c5; padding: 8px 12px; border-radius: 6px; }
            figure { margin: 8px 0 12px; }
            svg.chart { display: block; max-width: 100%; height: auto; font-family: inherit; }
            svg .grid { stroke: #eaeef2; stroke-width: 1; }
            svg .axis { stroke: #57606a; stroke-width: 1; }
            svg .tick { font-size: 12px; fill: #57606a; }
            svg .axis-title { font-size: 13px; fill: #24292f; font-weight: 600; }
            svg .label { font-size: 14px; fill: #24292f; }
            svg .value { font-size: 12px; fill: #24292f; }
            svg .legend { font-size: 13px; fill: #24292f; }
            svg .legend-box { stroke: #d0d7de; }
            svg .curve { fill: none; stroke: #24292f; stroke-width: 2.5; }
            svg .diagonal { stroke: #8c959f; stroke-width: 1.5; stroke-dasharray: 4 4; }
            svg .cut { stroke-width: 2; stroke-dasharray: 6 4; }
            svg .veil { pointer-events: none; }
            svg .cell { stroke: #ffffff; }
            svg .cell-name { font-size: 12px; font-weight: 600; }
            svg .cell-count { font-size: 15px; }
            svg .ink-dark { fill: #1f2328; }
            svg .ink-light { fill: #ffffff; }
            table { border-collapse: collapse; margin: 8px 0 16px; font-size: 14px; }
            th, td { padding: 5px 10px; border-bottom: 1px solid #eaeef2; text-align: left; vertical-align: top; }
            thead th { border-bottom: 2px solid #d0d7de; background: #f6f8fa; }
            .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
            .swatch { display: inline-block; width: 12px; height: 12px; margin-right: 8px; border-radius: 2px;
              vertical-align: -1px; }
            table.winback { width: 100%; }
            td.reason { font-size: 13px; color: #424a53; min-width: 420px; }
            td.name { white-space: nowrap; }
            td.barcell { width: 180px; }
            .inline-bar { display: inline-block; height: 12px; background: #54aeff; border-radius: 2px; }
            footer { margin-top: 40px; color: #59636e; font-size: 13px; }
            """;
}
