package dev.guanxi.crm.credit;

import dev.guanxi.crm.Beta;
import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.ValidationRule;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The collection policy: for each grade of a {@link CreditScale}, the ordered list of {@link CollectionAction}s
 * that apply to a customer of that grade (first steps first). The grade drives the collection: good grades earn
 * convenience, worse ones escalate from reminders and time-limited deferral to dunning visits, suspension of
 * service and prepayment.
 *
 * <p>Defaults of the built-in scales (a scale with the same labels gets them; a host overrides any grade with
 * {@link Builder#grade}):
 *
 * <table>
 *   <caption>Default actions per grade</caption>
 *   <tr><th>{@link CreditScale#letters()}</th><th>{@link CreditScale#fiveBands()}</th><th>actions</th></tr>
 *   <tr><td>AAA, AA</td><td>A</td><td>CONVENIENCE</td></tr>
 *   <tr><td>A</td><td>B</td><td>REMIND</td></tr>
 *   <tr><td>BBB</td><td>C</td><td>REMIND, DEFERRAL(15 days)</td></tr>
 *   <tr><td>BB</td><td></td><td>REMIND, DEFERRAL(7 days), DUNNING_VISIT</td></tr>
 *   <tr><td>B</td><td>D</td><td>REMIND, DUNNING_VISIT, SUSPEND_SERVICE</td></tr>
 *   <tr><td>C</td><td>E</td><td>DUNNING_VISIT, SUSPEND_SERVICE, REQUIRE_PREPAYMENT</td></tr>
 * </table>
 *
 * <p>A custom scale has no defaults: every grade must be given. Immutable and thread-safe.
 */
@Beta
public final class CollectionPolicy {
    private static final List<CollectionAction> CONVENIENCE = List.of(CollectionAction.convenience());
    private static final List<CollectionAction> REMIND = List.of(CollectionAction.remind());
    private static final List<CollectionAction> DEFER_15 =
            List.of(CollectionAction.remind(), CollectionAction.deferral(15));
    private static final List<CollectionAction> DEFER_7_VISIT =
            List.of(CollectionAction.remind(), CollectionAction.deferral(7), CollectionAction.dunningVisit());
    private static final List<CollectionAction> VISIT_SUSPEND =
            List.of(CollectionAction.remind(), CollectionAction.dunningVisit(), CollectionAction.suspendService());
    private static final List<CollectionAction> PREPAY = List.of(
            CollectionAction.dunningVisit(), CollectionAction.suspendService(), CollectionAction.requirePrepayment());

    private final CreditScale scale;
    private final List<List<CollectionAction>> actions;

    private CollectionPolicy(CreditScale scale, List<List<CollectionAction>> actions) {
        this.scale = scale;
        this.actions = actions;
    }

    /**
     * Returns the documented defaults of a built-in scale.
     *
     * @param scale a scale with the labels of {@link CreditScale#letters()} or {@link CreditScale#fiveBands()}
     * @return the default policy
     * @throws ValidationException with field {@code grades.<label>} and rule {@link ValidationRule#REQUIRED} for
     *     a custom scale (it has no defaults)
     */
    public static CollectionPolicy defaults(CreditScale scale) {
        return builder(scale).build();
    }

    /**
     * Starts a policy for a scale, with the defaults if the scale has the labels of a built-in one.
     *
     * @param scale the grades
     * @return a builder
     */
    public static Builder builder(CreditScale scale) {
        return new Builder(Objects.requireNonNull(scale, "scale"));
    }

    private static List<List<CollectionAction>> defaultsFor(CreditScale scale) {
        if (scale.labels().equals(CreditScale.letters().labels())) {
            return List.of(CONVENIENCE, CONVENIENCE, REMIND, DEFER_15, DEFER_7_VISIT, VISIT_SUSPEND, PREPAY);
        }
        if (scale.labels().equals(CreditScale.fiveBands().labels())) {
            return List.of(CONVENIENCE, REMIND, DEFER_15, VISIT_SUSPEND, PREPAY);
        }
        return null;
    }

    /** @return the scale the policy covers */
    public CreditScale scale() {
        return scale;
    }

    /**
     * @param grade a grade label of the scale
     * @return the actions for that grade, first steps first
     * @throws ValidationException with field {@code grade} and rule {@link ValidationRule#UNKNOWN_CODE} if the
     *     scale has no such grade
     */
    public List<CollectionAction> actionsFor(String grade) {
        return actions.get(scale.indexOf(grade));
    }

    /**
     * @param assessment a customer's credit assessment (of a scoring that uses this policy's scale)
     * @return the actions for its grade
     * @throws ValidationException with field {@code grade} and rule {@link ValidationRule#UNKNOWN_CODE} if the
     *     scale has no such grade
     */
    public List<CollectionAction> actionsFor(CreditAssessment assessment) {
        return actionsFor(assessment.grade());
    }

    /**
     * For batch runs, which keep grade indexes ({@link CreditScoring#scoreAll}).
     *
     * @param gradeIndex a grade index of the scale
     * @return the actions for that grade
     * @throws IndexOutOfBoundsException if the scale has no such grade
     */
    public List<CollectionAction> actionsFor(int gradeIndex) {
        return actions.get(Objects.checkIndex(gradeIndex, actions.size()));
    }

    /**
     * Collects the actions of each grade. Each grade may be given once (a second time is an {@link
     * IllegalStateException}); giving a grade replaces its default. Not thread-safe.
     */
    public static final class Builder {
        private final CreditScale scale;
        private final List<List<CollectionAction>> actions;
        private final boolean[] given;

        private Builder(CreditScale scale) {
            this.scale = scale;
            List<List<CollectionAction>> defaults = defaultsFor(scale);
            this.actions = defaults == null ? new ArrayList<>() : new ArrayList<>(defaults);
            while (actions.size() < scale.size()) {
                actions.add(null);
            }
            this.given = new boolean[scale.size()];
        }

        /**
         * Sets the actions of a grade.
         *
         * @param grade a grade label of the scale
         * @param actions the actions, first steps first: at least one, each kind at most once
         * @return this builder
         * @throws ValidationException with field {@code grade} and rule {@link ValidationRule#UNKNOWN_CODE} for a
         *     grade not in the scale; with field {@code actions} and rule {@link ValidationRule#REQUIRED} for no
         *     action, {@code actions[i]} and {@link ValidationRule#DUPLICATE} for a kind given twice
         * @throws IllegalStateException if the grade was already given
         */
        public Builder grade(String grade, List<CollectionAction> actions) {
            int index = scale.indexOf(grade);
            Objects.requireNonNull(actions, "actions");
            if (actions.isEmpty()) {
                throw new ValidationException(
                        "actions", ValidationRule.REQUIRED, "grade " + grade + " needs at least one action");
            }
            List<CollectionAction> copy = List.copyOf(actions);
            for (int i = 1; i < copy.size(); i++) {
                for (int j = 0; j < i; j++) {
                    if (copy.get(j).kind() == copy.get(i).kind()) {
                        throw new ValidationException(
                                "actions[" + i + "]",
                                ValidationRule.DUPLICATE,
                                copy.get(i).kind() + " is listed twice for grade " + grade);
                    }
                }
            }
            if (given[index]) {
                throw new IllegalStateException("the actions of grade " + grade + " were already given");
            }
            given[index] = true;
            this.actions.set(index, copy);
            return this;
        }

        /**
         * Sets the actions of a grade.
         *
         * @param grade a grade label of the scale
         * @param actions the actions, first steps first
         * @return this builder
         * @see #grade(String, List)
         */
        public Builder grade(String grade, CollectionAction... actions) {
            return grade(grade, Arrays.asList(actions));
        }

        /**
         * @return the policy
         * @throws ValidationException with field {@code grades.<label>} and rule {@link ValidationRule#REQUIRED}
         *     for a grade of a custom scale that was not given
         */
        public CollectionPolicy build() {
            for (int i = 0; i < scale.size(); i++) {
                if (actions.get(i) == null) {
                    throw new ValidationException(
                            "grades." + scale.label(i),
                            ValidationRule.REQUIRED,
                            "grade " + scale.label(i) + " of a custom scale needs its collection actions");
                }
            }
            return new CollectionPolicy(scale, List.copyOf(actions));
        }
    }
}
