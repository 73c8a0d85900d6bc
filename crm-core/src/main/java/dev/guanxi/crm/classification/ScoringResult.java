package dev.guanxi.crm.classification;

import dev.guanxi.crm.Beta;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.spi.storage.ScoreSnapshot;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The results of every rule of a {@link CustomerScoring} over one {@link CustomerBase}.
 *
 * <p>Immutable and thread-safe.
 */
@Beta
public final class ScoringResult {
    /** The decimal places of metrics in a score snapshot. */
    public static final int METRIC_SCALE = 6;

    private final CustomerBase base;
    private final Map<String, Classifications> results;
    private volatile Map<CustomerId, Integer> index;
    /** Per rule, the snapshot keys, built once rather than once per customer. */
    private final List<SnapshotKeys> keys;

    ScoringResult(CustomerBase base, Map<String, Classifications> results) {
        this.base = base;
        this.results = Collections.unmodifiableMap(new LinkedHashMap<>(results));
        List<SnapshotKeys> k = new ArrayList<>(results.size());
        for (Classifications c : this.results.values()) {
            List<String> names = c.metricNames();
            String[] metricKeys = new String[names.size()];
            for (int m = 0; m < metricKeys.length; m++) {
                metricKeys[m] = c.rule() + "." + names.get(m);
            }
            k.add(new SnapshotKeys(
                    c, c.rule() + ".reason", c.rule() + ".score", names.toArray(new String[0]), metricKeys));
        }
        this.keys = List.copyOf(k);
    }

    /**
     * The names a rule's results take in a snapshot.
     *
     * @param results the rule's results
     * @param reason the key of its reason label
     * @param score the key of its score metric
     * @param metricNames its metric names
     * @param metricKeys the keys of its metrics, in the order of the names
     */
    private record SnapshotKeys(
            Classifications results, String reason, String score, String[] metricNames, String[] metricKeys) {}

    /** @return the customers */
    public CustomerBase base() {
        return base;
    }

    /** @return each rule's results, by rule name, in the order the rules ran */
    public Map<String, Classifications> results() {
        return results;
    }

    /**
     * @param rule a rule's name
     * @return its results, or empty if no such rule ran
     */
    public Optional<Classifications> result(String rule) {
        return Optional.ofNullable(results.get(rule));
    }

    /**
     * Finds a customer's index.
     *
     * @param customerId the customer
     * @return the index, or -1 if the base does not hold the customer
     */
    public int indexOf(CustomerId customerId) {
        Map<CustomerId, Integer> map = index;
        if (map == null) {
            map = new HashMap<>(base.size() * 2);
            for (int i = 0; i < base.size(); i++) {
                map.put(base.customerId(i), i);
            }
            index = map;
        }
        return map.getOrDefault(customerId, -1);
    }

    /**
     * Explains every rule's result for one customer.
     *
     * @param i the customer's index
     * @return one explained result per rule, in rule order
     */
    public List<Classification> explain(int i) {
        List<Classification> out = new ArrayList<>(results.size());
        for (Classifications c : results.values()) {
            out.add(c.explain(i));
        }
        return out;
    }

    /**
     * Builds the score snapshot of one customer: per rule, the label as {@code <rule>}, the reason (cut to
     * {@value ScoreSnapshot#LABEL_MAX} characters) as {@code <rule>.reason}, the score as {@code <rule>.score}
     * and every metric as {@code <rule>.<metric>} (rounded half-even to {@value #METRIC_SCALE} decimals; {@code
     * NaN} metrics are left out).
     *
     * @param i the customer's index
     * @param runId the run writing the snapshot
     * @param inputsHash the hash of the customer's inputs, or {@code null}
     * @param extraMetrics more metrics to store (e.g. model outputs), may be empty
     * @return the snapshot
     */
    public ScoreSnapshot snapshot(int i, UUID runId, String inputsHash, Map<String, BigDecimal> extraMetrics) {
        TreeMap<String, BigDecimal> metrics = new TreeMap<>(extraMetrics);
        TreeMap<String, String> labels = new TreeMap<>();
        for (SnapshotKeys k : keys) {
            Classifications c = k.results();
            labels.put(c.rule(), c.label(i));
            String reason = c.reason(i);
            if (!reason.isEmpty()) {
                labels.put(
                        k.reason(),
                        reason.length() > ScoreSnapshot.LABEL_MAX
                                ? cut(reason, ScoreSnapshot.LABEL_MAX - 1) + "…"
                                : reason);
            }
            put(metrics, k.score(), c.score(i));
            for (int m = 0; m < k.metricKeys().length; m++) {
                put(metrics, k.metricKeys()[m], c.metric(k.metricNames()[m], i));
            }
        }
        return new ScoreSnapshot(base.customerId(i), runId, base.asOf(), inputsHash, metrics, labels);
    }

    /** The first {@code max} characters, one fewer if that would split a surrogate pair. */
    private static String cut(String text, int max) {
        int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        return text.substring(0, end);
    }

    private static void put(Map<String, BigDecimal> metrics, String name, double value) {
        if (Double.isFinite(value)) {
            metrics.put(name, metric(value));
        }
    }

    /** Half a unit in the last place of 2^50, the most {@link #metric} lets {@code value × 10^6} be. */
    private static final double FAST_MAX = 0x1p50;

    /**
     * Rounds a metric as {@code BigDecimal.valueOf(value).setScale(METRIC_SCALE, HALF_EVEN)} does — the decimal
     * form of the double, rounded half-even — without the decimal form in the usual case: when {@code value ×
     * 10^6} (computed in doubles) is further from a tie ({@code .5}) than the errors of that product and of the
     * decimal form can reach (each below 2^-53 of the product), both round to the same integer. Near a tie, and
     * for values of 2^50 / 10^6 (about 1.1e9) or more, it takes the exact path. Package-private for tests.
     *
     * @param value a finite number
     * @return it at scale {@value #METRIC_SCALE}
     */
    static BigDecimal metric(double value) {
        double scaled = value * 1e6;
        double abs = Math.abs(scaled);
        if (abs < FAST_MAX) {
            double rounded = Math.rint(scaled);
            double margin = abs * 0x1p-50 + 1e-9;
            if (0.5 - Math.abs(scaled - rounded) > margin) {
                return BigDecimal.valueOf((long) rounded, METRIC_SCALE);
            }
        }
        return BigDecimal.valueOf(value).setScale(METRIC_SCALE, RoundingMode.HALF_EVEN);
    }
}
