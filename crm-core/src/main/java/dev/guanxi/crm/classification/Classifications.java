package dev.guanxi.crm.classification;

import dev.guanxi.crm.Beta;
import dev.guanxi.crm.customer.CustomerId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One rule's results for every customer of a {@link CustomerBase}, as columns: a label and a score per customer,
 * named metric columns (stored in score snapshots as {@code <rule>.<metric>}), and an {@link Explainer} that
 * renders a customer's contributions and reason on demand — explanations cost nothing until someone asks for
 * them, so a rule over a million customers stays fast.
 *
 * <p>Immutable and thread-safe if the explainer is (the built-in ones are).
 */
@Beta
public final class Classifications {
    private static final Pattern NAME = Pattern.compile("[a-z][a-zA-Z0-9]{0,30}");

    private final String rule;
    private final CustomerBase base;
    private final String[] labels;
    private final double[] scores;
    private final Map<String, double[]> metrics;
    /** The metric columns in the order of {@link #metricNames()}. */
    private final double[][] columns;

    private final Explainer explainer;
    private final Map<Class<?>, Object> attachments;

    private Classifications(Builder b) {
        this.rule = b.rule;
        this.base = b.base;
        this.labels = b.labels;
        this.scores = b.scores;
        this.metrics = Collections.unmodifiableMap(new LinkedHashMap<>(b.metrics));
        this.columns = this.metrics.values().toArray(new double[0][]);
        this.explainer = b.explainer;
        this.attachments = Map.copyOf(b.attachments);
    }

    /**
     * Returns an attachment: typed results of the rule beyond labels, scores and metrics, e.g. the lifecycle
     * rule's {@link dev.guanxi.crm.lifecycle.LifecycleRule.Moves moves}, which the scoring run stores.
     *
     * @param type the attachment's type
     * @param <T> the type
     * @return the attachment, or empty if none of that type was attached
     * @since 0.1.0
     */
    public <T> java.util.Optional<T> attachment(Class<T> type) {
        return java.util.Optional.ofNullable(type.cast(attachments.get(type)));
    }

    /**
     * Starts the results of a rule over a base.
     *
     * @param rule the rule's name ({@code [a-z][a-zA-Z0-9]{0,30}})
     * @param base the customers
     * @return the builder
     */
    public static Builder builder(String rule, CustomerBase base) {
        return new Builder(rule, base);
    }

    /** @return the rule's name */
    public String rule() {
        return rule;
    }

    /** @return the number of customers */
    public int size() {
        return labels.length;
    }

    /**
     * @param i a customer index of the base
     * @return the customer's label
     */
    public String label(int i) {
        return labels[i];
    }

    /**
     * @param i a customer index of the base
     * @return the customer's score, or {@code NaN} if the rule has none
     */
    public double score(int i) {
        return scores == null ? Double.NaN : scores[i];
    }

    /** @return the metric names, in the rule's order */
    public List<String> metricNames() {
        return List.copyOf(metrics.keySet());
    }

    /**
     * @param name a metric name
     * @param i a customer index
     * @return the customer's value of the metric ({@code NaN} if not applicable)
     * @throws IllegalArgumentException if the rule has no such metric
     */
    public double metric(String name, int i) {
        double[] values = metrics.get(name);
        if (values == null) {
            throw new IllegalArgumentException(rule + " has no metric " + name);
        }
        return values[i];
    }

    /**
     * Finds a metric's position, for {@link #metric(int, int)}.
     *
     * @param name a metric name
     * @return its position in {@link #metricNames()}, or -1 if the rule has no such metric
     * @since 0.1.0
     */
    public int metricIndex(String name) {
        int k = 0;
        for (String m : metrics.keySet()) {
            if (m.equals(name)) {
                return k;
            }
            k++;
        }
        return -1;
    }

    /**
     * Reads a metric by position: {@code metric(metricNames().get(metric), i)} without the name lookup, for
     * loops over every customer.
     *
     * @param metric a position in {@link #metricNames()}
     * @param i a customer index
     * @return the customer's value of the metric ({@code NaN} if not applicable)
     * @throws IndexOutOfBoundsException if either is not a valid position
     * @since 0.1.0
     */
    public double metric(int metric, int i) {
        return columns[metric][i];
    }

    /**
     * Counts the customers per label.
     *
     * @return label to count, labels in order of first appearance by index
     */
    public Map<String, Integer> counts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String label : labels) {
            counts.merge(label, 1, Integer::sum);
        }
        return counts;
    }

    /**
     * Explains one customer's result.
     *
     * @param i a customer index of the base
     * @return the result with its metrics, contributions and reason
     */
    public Classification explain(int i) {
        Objects.checkIndex(i, labels.length);
        Map<String, Double> values = new LinkedHashMap<>();
        metrics.forEach((name, column) -> values.put(name, column[i]));
        return new Classification(
                rule, base.customerId(i), labels[i], score(i), values, explainer.contributions(i), explainer.reason(i));
    }

    /**
     * Renders one customer's reason alone: the text {@code explain(i).reason()} gives, without building the
     * contributions, the metric map and the {@link Classification} (the scoring run stores only the reason).
     *
     * @param i a customer index of the base
     * @return why the customer got its result; empty if the rule gives no reason
     * @throws IndexOutOfBoundsException if {@code i} is not an index of the base
     * @since 0.1.0
     */
    public String reason(int i) {
        Objects.checkIndex(i, labels.length);
        return explainer.reason(i);
    }

    /**
     * Finds the index of a customer.
     *
     * @param id the customer
     * @return the index, or -1 if the base has no such customer
     */
    public int indexOf(CustomerId id) {
        for (int i = 0; i < base.size(); i++) {
            if (base.customerId(i).equals(id)) {
                return i;
            }
        }
        return -1;
    }

    /** Renders a customer's explanation on demand. */
    public interface Explainer {
        /**
         * @param i a customer index
         * @return each input's part in the customer's result
         */
        List<Contribution> contributions(int i);

        /**
         * @param i a customer index
         * @return why the customer got its result
         */
        String reason(int i);
    }

    /** Builds {@link Classifications}. Not thread-safe; the arrays given are taken over, not copied. */
    public static final class Builder {
        private final String rule;
        private final CustomerBase base;
        private String[] labels;
        private double[] scores;
        private final Map<String, double[]> metrics = new LinkedHashMap<>();
        private final Map<Class<?>, Object> attachments = new java.util.HashMap<>();
        private Explainer explainer = new Explainer() {
            @Override
            public List<Contribution> contributions(int i) {
                return List.of();
            }

            @Override
            public String reason(int i) {
                return "";
            }
        };

        private Builder(String rule, CustomerBase base) {
            if (rule == null || !NAME.matcher(rule).matches()) {
                throw new IllegalArgumentException("a rule name matches [a-z][a-zA-Z0-9]{0,30}: " + rule);
            }
            this.rule = rule;
            this.base = Objects.requireNonNull(base, "base");
        }

        /**
         * @param labels one label per customer (none null)
         * @return this builder
         */
        public Builder labels(String[] labels) {
            this.labels = check(labels.length, labels);
            for (String label : labels) {
                Objects.requireNonNull(label, "label");
            }
            return this;
        }

        /**
         * @param scores one score per customer
         * @return this builder
         */
        public Builder scores(double[] scores) {
            this.scores = check(scores.length, scores);
            return this;
        }

        /**
         * @param name the metric's name ({@code [a-z][a-zA-Z0-9]{0,30}})
         * @param values one value per customer
         * @return this builder
         */
        public Builder metric(String name, double[] values) {
            if (name == null || !NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("a metric name matches [a-z][a-zA-Z0-9]{0,30}: " + name);
            }
            metrics.put(name, check(values.length, values));
            return this;
        }

        /**
         * @param explainer renders explanations on demand
         * @return this builder
         */
        public Builder explainer(Explainer explainer) {
            this.explainer = Objects.requireNonNull(explainer, "explainer");
            return this;
        }

        /**
         * Attaches typed results (see {@link Classifications#attachment(Class)}), replacing an earlier attachment
         * of the same type. The value should be immutable.
         *
         * @param type the attachment's type
         * @param value the value
         * @param <T> the type
         * @return this builder
         * @since 0.1.0
         */
        public <T> Builder attach(Class<T> type, T value) {
            attachments.put(Objects.requireNonNull(type, "type"), type.cast(Objects.requireNonNull(value, "value")));
            return this;
        }

        /** @return the results */
        public Classifications build() {
            if (labels == null) {
                throw new IllegalStateException("labels are required");
            }
            return new Classifications(this);
        }

        private <T> T check(int length, T values) {
            if (length != base.size()) {
                throw new IllegalArgumentException(
                        "expected " + base.size() + " values (one per customer), got " + length);
            }
            return values;
        }
    }

    /**
     * Lists the explanations of several customers, e.g. for a report.
     *
     * @param indexes customer indexes
     * @return their explanations, in the given order
     */
    public List<Classification> explain(int... indexes) {
        List<Classification> out = new ArrayList<>(indexes.length);
        for (int i : indexes) {
            out.add(explain(i));
        }
        return out;
    }
}
