package dev.guanxi.crm.stewardship;

import dev.guanxi.crm.Beta;
import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.ValidationRule;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The survivorship rule of each customer field for {@link Stewardship#planMerge}: each field's {@link
 * MergeField#defaultRule() default} unless the options name another rule or a host {@link SurvivorshipChooser}.
 *
 * <pre>{@code
 * MergeOptions options = MergeOptions.builder()
 *         .rule(MergeField.DISPLAY_NAME, SurvivorshipRule.LONGEST)
 *         .choose(MergeField.OWNER, SurvivorshipChooser.loser())
 *         .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe (if its choosers are); the {@link Builder} is not thread-safe.
 *
 * @since 0.1.0
 */
@Beta
public final class MergeOptions {
    private static final MergeOptions DEFAULTS = new MergeOptions(new EnumMap<>(MergeField.class), Map.of());

    private final Map<MergeField, SurvivorshipRule> rules;
    private final Map<MergeField, SurvivorshipChooser> choosers;

    private MergeOptions(Map<MergeField, SurvivorshipRule> rules, Map<MergeField, SurvivorshipChooser> choosers) {
        EnumMap<MergeField, SurvivorshipRule> all = new EnumMap<>(MergeField.class);
        for (MergeField field : MergeField.values()) {
            all.put(field, rules.getOrDefault(field, field.defaultRule()));
        }
        this.rules = Collections.unmodifiableMap(all);
        this.choosers = Collections.unmodifiableMap(
                choosers.isEmpty() ? new EnumMap<>(MergeField.class) : new EnumMap<>(choosers));
    }

    /** @return every field at its {@linkplain MergeField#defaultRule() default rule} */
    public static MergeOptions defaults() {
        return DEFAULTS;
    }

    /** @return a builder starting from the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * @param field a field
     * @return the rule that decides it ({@link SurvivorshipRule#HOST} if a chooser was given for it)
     */
    public SurvivorshipRule rule(MergeField field) {
        return rules.get(Objects.requireNonNull(field, "field"));
    }

    /**
     * @param field a field
     * @return the host's chooser of the field, or empty if a plain rule decides it
     */
    public Optional<SurvivorshipChooser> chooser(MergeField field) {
        return Optional.ofNullable(choosers.get(Objects.requireNonNull(field, "field")));
    }

    /** @return the rule of every field, unmodifiable, in {@link MergeField} order */
    public Map<MergeField, SurvivorshipRule> rules() {
        return rules;
    }

    @Override
    public String toString() {
        return "MergeOptions" + rules;
    }

    /**
     * Builds {@link MergeOptions}: at most one rule or chooser per field (a second one for the same field is an
     * {@link IllegalStateException}, at once).
     *
     * <p>Not thread-safe.
     */
    public static final class Builder {
        private final Map<MergeField, SurvivorshipRule> rules = new EnumMap<>(MergeField.class);
        private final Map<MergeField, SurvivorshipChooser> choosers = new EnumMap<>(MergeField.class);

        private Builder() {}

        /**
         * Decides a field by a rule.
         *
         * @param field the field
         * @param rule the rule; not {@link SurvivorshipRule#HOST} (use {@link #choose})
         * @return this builder
         * @throws ValidationException on {@code rules.<field>} ({@link ValidationRule#INVALID_STATE}) if the rule
         *     does not apply to the field ({@link MergeField#supports}) or is {@link SurvivorshipRule#HOST}
         * @throws IllegalStateException if the field already has a rule or chooser
         */
        public Builder rule(MergeField field, SurvivorshipRule rule) {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(rule, "rule");
            if (rule == SurvivorshipRule.HOST) {
                throw new ValidationException(
                        "rules." + field.path(),
                        ValidationRule.INVALID_STATE,
                        "HOST is set with choose(field, chooser), not as a plain rule");
            }
            if (!field.supports(rule)) {
                throw new ValidationException(
                        "rules." + field.path(),
                        ValidationRule.INVALID_STATE,
                        rule + " does not apply to " + field.path());
            }
            claim(field);
            rules.put(field, rule);
            return this;
        }

        /**
         * Lets the host choose a field's value ({@link SurvivorshipRule#HOST}).
         *
         * @param field the field
         * @param chooser returns the value
         * @return this builder
         * @throws ValidationException on {@code rules.externalId} ({@link ValidationRule#INVALID_STATE}) for the
         *     external id, which only {@link SurvivorshipRule#NON_EMPTY} or {@link SurvivorshipRule#SURVIVOR_WINS}
         *     decide
         * @throws IllegalStateException if the field already has a rule or chooser
         */
        public Builder choose(MergeField field, SurvivorshipChooser chooser) {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(chooser, "chooser");
            if (!field.supports(SurvivorshipRule.HOST)) {
                throw new ValidationException(
                        "rules." + field.path(), ValidationRule.INVALID_STATE, "a host cannot choose " + field.path());
            }
            claim(field);
            rules.put(field, SurvivorshipRule.HOST);
            choosers.put(field, chooser);
            return this;
        }

        private void claim(MergeField field) {
            if (rules.containsKey(field)) {
                throw new IllegalStateException(field.path() + " already has the rule " + rules.get(field));
            }
        }

        /** @return the options */
        public MergeOptions build() {
            return new MergeOptions(rules, choosers);
        }
    }
}
