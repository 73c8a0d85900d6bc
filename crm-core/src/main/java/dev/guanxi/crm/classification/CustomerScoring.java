package dev.guanxi.crm.classification;

import dev.guanxi.crm.Beta;
import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.ValidationRule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The one place where classification rules are composed: an ordered list of {@link ClassificationRule}s, each
 * seeing the results of those before it. The defaults are the 80/20 grading, RFM, and the selection matrix
 * (which reads the grading); the scoring run adds the credit and loyalty rules. An ERP vendor adds its own
 * rule, replaces a built-in one by name, or removes one.
 *
 * <pre>{@code
 * CustomerScoring scoring = CustomerScoring.builder()
 *         .add(AbcGrading.of(ValueMeasure.marginNetOfArrears(), GradeCutoffs.defaults()))
 *         .add(RfmAnalysis.standard())
 *         .add(new MyVendorRule())
 *         .build();
 * ScoringResult result = scoring.classify(base);
 * }</pre>
 *
 * <p>Immutable and thread-safe if its rules are.
 */
@Beta
public final class CustomerScoring {
    private final List<ClassificationRule> rules;

    private CustomerScoring(List<ClassificationRule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** @return the 80/20 grading, RFM and the selection matrix, in that order, with their defaults */
    public static CustomerScoring defaults() {
        return builder()
                .add(AbcGrading.defaults())
                .add(RfmAnalysis.standard())
                .add(SelectionMatrix.defaults())
                .build();
    }

    /** @return an empty builder */
    public static Builder builder() {
        return new Builder(List.of());
    }

    /** @return a builder starting from this composition */
    public Builder toBuilder() {
        return new Builder(rules);
    }

    /** @return the rules, in the order they run */
    public List<ClassificationRule> rules() {
        return rules;
    }

    /**
     * Finds a rule by name.
     *
     * @param name the name
     * @return the rule, or empty
     */
    public java.util.Optional<ClassificationRule> rule(String name) {
        return rules.stream().filter(r -> r.name().equals(name)).findFirst();
    }

    /**
     * Runs every rule over the customers, in order. O(sum of the rules' costs).
     *
     * @param base the customers
     * @return the results of every rule
     */
    public ScoringResult classify(CustomerBase base) {
        Objects.requireNonNull(base, "base");
        Map<String, Classifications> results = new LinkedHashMap<>();
        for (ClassificationRule rule : rules) {
            Classifications c = rule.classify(base, new ClassificationContext(base.asOf(), results));
            if (c.size() != base.size() || !c.rule().equals(rule.name())) {
                throw new IllegalStateException(
                        "rule " + rule.name() + " returned results for " + c.size() + " customers named " + c.rule());
            }
            results.put(rule.name(), c);
        }
        return new ScoringResult(base, results);
    }

    /** Builds a {@link CustomerScoring}. Not thread-safe. */
    public static final class Builder {
        private final List<ClassificationRule> rules;

        private Builder(List<ClassificationRule> rules) {
            this.rules = new ArrayList<>(rules);
        }

        /**
         * Appends a rule.
         *
         * @param rule the rule
         * @return this builder
         * @throws ValidationException {@code rule}, {@link ValidationRule#DUPLICATE}, if a rule of that name is
         *     already present
         */
        public Builder add(ClassificationRule rule) {
            Objects.requireNonNull(rule, "rule");
            if (indexOf(rule.name()) >= 0) {
                throw new ValidationException(
                        "rule", ValidationRule.DUPLICATE, "a rule named " + rule.name() + " is already composed");
            }
            rules.add(rule);
            return this;
        }

        /**
         * Replaces the rule of the same name, keeping its position.
         *
         * @param rule the new rule
         * @return this builder
         * @throws ValidationException {@code rule}, {@link ValidationRule#UNKNOWN_CODE}, if there is no rule of
         *     that name
         */
        public Builder replace(ClassificationRule rule) {
            int i = indexOf(rule.name());
            if (i < 0) {
                throw new ValidationException(
                        "rule", ValidationRule.UNKNOWN_CODE, "there is no rule named " + rule.name() + " to replace");
            }
            rules.set(i, rule);
            return this;
        }

        /**
         * Removes a rule.
         *
         * @param name the rule's name
         * @return this builder
         * @throws ValidationException {@code rule}, {@link ValidationRule#UNKNOWN_CODE}, if there is none
         */
        public Builder remove(String name) {
            int i = indexOf(name);
            if (i < 0) {
                throw new ValidationException(
                        "rule", ValidationRule.UNKNOWN_CODE, "there is no rule named " + name + " to remove");
            }
            rules.remove(i);
            return this;
        }

        /** @return the composition */
        public CustomerScoring build() {
            return new CustomerScoring(rules);
        }

        private int indexOf(String name) {
            for (int i = 0; i < rules.size(); i++) {
                if (rules.get(i).name().equals(name)) {
                    return i;
                }
            }
            return -1;
        }
    }
}
