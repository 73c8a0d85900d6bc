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
import java.util.Objects;
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
    /** Every snapshot key of the rules, with where its value comes from. */
    private final Map<String, Entry> entries;

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
        Map<String, Entry> e = new HashMap<>();
        for (SnapshotKeys sk : keys) {
            Classifications c = sk.results();
            e.put(c.rule(), new Entry(c, Entry.LABEL, -1));
            e.put(sk.reason(), new Entry(c, Entry.REASON, -1));
            e.put(sk.score(), new Entry(c, Entry.SCORE, -1));
            for (int m = 0; m < sk.metricKeys().length; m++) {
                e.put(sk.metricKeys()[m], new Entry(c, Entry.METRIC, c.metricIndex(sk.metricNames()[m])));
            }
        }
        this.entries = Map.copyOf(e);
    }

    /** Where a snapshot key's value comes from: a rule's label, reason, score or metric (by position). */
    private record Entry(Classifications results, int kind, int metric) {
        static final int LABEL = 0;
        static final int REASON = 1;
        static final int SCORE = 2;
        static final int METRIC = 3;
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
                labels.put(k.reason(), reasonLabel(reason));
            }
            put(metrics, k.score(), c.score(i));
            for (int m = 0; m < k.metricKeys().length; m++) {
                put(metrics, k.metricKeys()[m], c.metric(k.metricNames()[m], i));
            }
        }
        return new ScoreSnapshot(base.customerId(i), runId, base.asOf(), inputsHash, metrics, labels);
    }

    /**
     * Reads one label of a customer's snapshot without building the snapshot: the value {@link #snapshot(int,
     * UUID, String, Map) snapshot(i, …)} stores under {@code name} (a rule's label, or its reason, cut as there).
     * A store that keeps a run's snapshots as these results answers reads this way.
     *
     * @param i the customer's index
     * @param name a label name
     * @return the value, or {@code null} if the snapshot has no such label (an unknown name, or an empty reason)
     * @throws IndexOutOfBoundsException if {@code i} is not an index of the base
     * @since 0.1.0
     */
    public String snapshotLabel(int i, String name) {
        Objects.checkIndex(i, base.size());
        Entry e = entries.get(name);
        if (e == null) {
            return null;
        }
        if (e.kind() == Entry.LABEL) {
            return e.results().label(i);
        }
        if (e.kind() == Entry.REASON) {
            String reason = e.results().reason(i);
            return reason.isEmpty() ? null : reasonLabel(reason);
        }
        return null;
    }

    /**
     * Reads one metric of a customer's snapshot without building the snapshot: the value {@link #snapshot(int,
     * UUID, String, Map) snapshot(i, …)} stores under {@code name} for a rule's score or metric (rounded as
     * there). Extra metrics given to {@code snapshot} are not known here.
     *
     * @param i the customer's index
     * @param name a metric name
     * @return the value, or {@code null} if no rule stores a metric of that name for the customer ({@code NaN})
     * @throws IndexOutOfBoundsException if {@code i} is not an index of the base
     * @since 0.1.0
     */
    public BigDecimal snapshotMetric(int i, String name) {
        Objects.checkIndex(i, base.size());
        Entry e = entries.get(name);
        if (e == null || e.kind() < Entry.SCORE) {
            return null;
        }
        double value =
                e.kind() == Entry.SCORE ? e.results().score(i) : e.results().metric(e.metric(), i);
        return Double.isFinite(value) ? metric(value) : null;
    }

    /**
     * @param name a name
     * @return whether a rule stores a metric of that name (for some customers)
     * @since 0.1.0
     */
    public boolean hasSnapshotMetric(String name) {
        Entry e = entries.get(name);
        return e != null && e.kind() >= Entry.SCORE;
    }

    /** A reason as a snapshot label: cut to {@value ScoreSnapshot#LABEL_MAX} characters with an ellipsis. */
    private static String reasonLabel(String reason) {
        return reason.length() > ScoreSnapshot.LABEL_MAX ? cut(reason, ScoreSnapshot.LABEL_MAX - 1) + "…" : reason;
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
