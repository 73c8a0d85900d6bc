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

    ScoringResult(CustomerBase base, Map<String, Classifications> results) {
        this.base = base;
        this.results = Collections.unmodifiableMap(new LinkedHashMap<>(results));
    }

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
        for (Classifications c : results.values()) {
            String rule = c.rule();
            labels.put(rule, c.label(i));
            String reason = c.explain(i).reason();
            if (!reason.isEmpty()) {
                labels.put(
                        rule + ".reason",
                        reason.length() > ScoreSnapshot.LABEL_MAX
                                ? cut(reason, ScoreSnapshot.LABEL_MAX - 1) + "…"
                                : reason);
            }
            put(metrics, rule + ".score", c.score(i));
            for (String m : c.metricNames()) {
                put(metrics, rule + "." + m, c.metric(m, i));
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
            metrics.put(name, BigDecimal.valueOf(value).setScale(METRIC_SCALE, RoundingMode.HALF_EVEN));
        }
    }
}
