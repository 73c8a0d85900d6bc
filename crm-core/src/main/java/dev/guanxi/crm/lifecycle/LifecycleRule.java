package dev.guanxi.crm.lifecycle;

import dev.guanxi.crm.Beta;
import dev.guanxi.crm.classification.AbcGrading;
import dev.guanxi.crm.classification.ClassificationContext;
import dev.guanxi.crm.classification.ClassificationRule;
import dev.guanxi.crm.classification.Classifications;
import dev.guanxi.crm.classification.Contribution;
import dev.guanxi.crm.classification.CustomerBase;
import dev.guanxi.crm.classification.CustomerGrade;
import dev.guanxi.crm.customer.CustomerId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The lifecycle evaluation as a {@link ClassificationRule} named {@code "lifecycle"}, so that the scoring run
 * applies the lifecycle policy to every customer after grading, credit and loyalty: labels each customer with
 * its stage ({@link LifecycleStage}) and stores {@code sinceDay} (the epoch day the stage began), {@code moved}
 * (1 if the stage changed in this run), {@code vetoed} (1 if a guard vetoed a move) and, for prospects, {@code
 * funnel} (their AIDA position from the {@value #AIDA_COLUMN} column: 0 none, 1 awareness … 4 action), and attaches
 * the {@link
 * Moves} (the {@link StageTransition}s to log). The reason is the decision's (every rule that fired, with its
 * numbers) or the guard's veto.
 *
 * <p>Inputs: the customer's previous state from the {@link IndexedHistory} or else the {@link History} attached to
 * the base (the scoring run attaches an indexed one, built from the transition log or the previous snapshots;
 * without either every customer is placed for the first time); purchases ever up to the as-of day (count, first and last day: the {@link #PURCHASES_EVER_COLUMN}
 * columns) or, without those columns, purchases in the value period; P(alive); the {@code complaintsOpen} and {@code overdueCases}
 * (active service cases past their SLA at the end of the as-of day) columns; the credit grade
 * index of an earlier {@code credit} rule; the 80/20 grade of an earlier {@code abc} rule. The evaluation
 * instant, which transitions carry, is that of a {@link LifecycleContext} attached to the base for its as-of
 * day (the scoring run attaches the end of the as-of day or, if earlier, the clock's instant, so that no
 * transition is dated in the future), else the last second of the as-of day (UTC). A customer who entered its
 * stage after that instant (a manual move, or a run for a later day) stays there.
 *
 * <p>O(n). Immutable and thread-safe.
 */
@Beta
public final class LifecycleRule implements ClassificationRule {
    /** The rule's name. */
    public static final String NAME = "lifecycle";

    /**
     * The base column with each customer's furthest AIDA stage in campaign responses up to the as-of day: 0 for
     * none, 1 to 4 for {@link dev.guanxi.crm.marketing.AidaStage} AWARENESS to ACTION. The scoring run fills it.
     *
     * @since 0.1.0
     */
    public static final String AIDA_COLUMN = "aidaStage";

    /**
     * The base column with each customer's number of purchases ever (up to the as-of day), which the lifecycle
     * judges by, with {@link #FIRST_PURCHASE_EVER_COLUMN} and {@link #LAST_PURCHASE_EVER_COLUMN} (epoch days):
     * a customer silent for longer than the value period is lost, not a prospect. The scoring run fills them;
     * without them the rule uses the purchases of the value period.
     *
     * @since 0.1.0
     */
    public static final String PURCHASES_EVER_COLUMN = "purchasesEver";

    /**
     * The base column with each customer's first purchase day ever (epoch day).
     *
     * @since 0.1.0
     */
    public static final String FIRST_PURCHASE_EVER_COLUMN = "firstPurchaseEver";

    /**
     * The base column with each customer's last purchase day ever (epoch day).
     *
     * @since 0.1.0
     */
    public static final String LAST_PURCHASE_EVER_COLUMN = "lastPurchaseEver";

    private final LifecycleEngine engine;

    private LifecycleRule(LifecycleEngine engine) {
        this.engine = Objects.requireNonNull(engine, "engine");
    }

    /** @return the rule with the standard engine (default policy, no guards) */
    public static LifecycleRule standard() {
        return new LifecycleRule(LifecycleEngine.standard());
    }

    /**
     * @param engine the host's engine (its policy and guards)
     * @return the rule
     */
    public static LifecycleRule of(LifecycleEngine engine) {
        return new LifecycleRule(engine);
    }

    @Override
    public String name() {
        return NAME;
    }

    /**
     * What the previous run knew of each customer: its lifecycle state, its credit grade index and the day it
     * was evaluated. Attached to the {@link CustomerBase} by the scoring run.
     *
     * @param states the previous state per customer
     * @param creditGrades the previous credit grade index per customer
     * @param evaluatedOn the day of the previous evaluation per customer
     * @param evaluations the outcome of the previous evaluation, for the customers whose previous evaluation was
     *     for the as-of day of this one or a later day (a rerun): such a customer is not evaluated again, it
     *     keeps its stage and reports this outcome, so a rerun with unchanged inputs changes nothing
     */
    public record History(
            Map<CustomerId, LifecycleState> states,
            Map<CustomerId, Integer> creditGrades,
            Map<CustomerId, LocalDate> evaluatedOn,
            Map<CustomerId, Evaluation> evaluations) {
        /**
         * Copies.
         *
         * @param states the previous state per customer
         * @param creditGrades the previous credit grade index per customer
         * @param evaluatedOn the day of the previous evaluation per customer
         * @param evaluations the outcome of the previous evaluation, for the customers whose previous evaluation was
         *     for the as-of day of this one or a later day (a rerun): such a customer is not evaluated again, it keeps
         *     its stage and reports this outcome, so a rerun with unchanged inputs changes nothing
         */
        public History {
            states = Map.copyOf(states);
            creditGrades = Map.copyOf(creditGrades);
            evaluatedOn = Map.copyOf(evaluatedOn);
            evaluations = Map.copyOf(evaluations);
        }

        /**
         * A history without previous outcomes.
         *
         * @param states the previous state per customer
         * @param creditGrades the previous credit grade index per customer
         * @param evaluatedOn the day of the previous evaluation per customer
         */
        public History(
                Map<CustomerId, LifecycleState> states,
                Map<CustomerId, Integer> creditGrades,
                Map<CustomerId, LocalDate> evaluatedOn) {
            this(states, creditGrades, evaluatedOn, Map.of());
        }

        /** @return an empty history (every customer is new to the lifecycle) */
        public static History none() {
            return new History(Map.of(), Map.of(), Map.of(), Map.of());
        }
    }

    /**
     * What a previous evaluation of one customer reported: the stage it left the customer in, whether it moved
     * or a guard vetoed a move, and its reason.
     *
     * @param stage the stage after the evaluation
     * @param moved whether the evaluation moved the customer
     * @param vetoed whether a guard vetoed the proposed move
     * @param reason the evaluation's reason
     * @since 0.1.0
     */
    public record Evaluation(LifecycleStage stage, boolean moved, boolean vetoed, String reason) {
        /**
         * Rejects nulls.
         *
         * @param stage the stage after the evaluation
         * @param moved whether the evaluation moved the customer
         * @param vetoed whether a guard vetoed the proposed move
         * @param reason the evaluation's reason
         */
        public Evaluation {
            java.util.Objects.requireNonNull(stage, "stage");
            java.util.Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * The {@link History} as columns by the base's customer index, which the scoring run attaches: no copy of
     * three maps and no map lookup per customer. A base that carries one is evaluated from it (its size must be
     * the base's); else from the {@link History} attachment. Immutable once built, and thread-safe.
     *
     * @since 0.1.0
     */
    public static final class IndexedHistory {
        private static final int NONE = Integer.MIN_VALUE;

        private final LifecycleState[] states;
        private final int[] creditGrades;
        private final int[] evaluatedDays;
        private final int[] outcomes;

        private IndexedHistory(Builder b) {
            this.states = b.states;
            this.creditGrades = b.creditGrades;
            this.evaluatedDays = b.evaluatedDays;
            this.outcomes = b.outcomes;
        }

        /** The previous evaluation's outcome of customer i as (stage ordinal × 4 + vetoed × 2 + moved), or -1. */
        int outcome(int i) {
            return outcomes[i];
        }

        /**
         * Starts the history of n customers, none known.
         *
         * @param n the number of customers of the base, at least 0
         * @return the builder
         * @throws IllegalArgumentException if n is negative
         */
        public static Builder builder(int n) {
            if (n < 0) {
                throw new IllegalArgumentException("n must be at least 0, got " + n);
            }
            return new Builder(n);
        }

        /** @return the number of customers */
        public int size() {
            return states.length;
        }

        /**
         * @param i a customer index of the base
         * @return the customer's previous state, or empty if it was never placed
         * @throws IndexOutOfBoundsException if {@code i} is not an index
         */
        public Optional<LifecycleState> state(int i) {
            return Optional.ofNullable(states[i]);
        }

        /**
         * @param i a customer index of the base
         * @return the customer's previous credit grade index, or -1 if unknown
         * @throws IndexOutOfBoundsException if {@code i} is not an index
         */
        public int creditGrade(int i) {
            return creditGrades[i];
        }

        /**
         * @param i a customer index of the base
         * @return the day of the customer's previous evaluation, or empty if it was never evaluated
         * @throws IndexOutOfBoundsException if {@code i} is not an index
         */
        public Optional<LocalDate> evaluatedOn(int i) {
            return evaluatedDays[i] == NONE ? Optional.empty() : Optional.of(LocalDate.ofEpochDay(evaluatedDays[i]));
        }

        /** Fills an {@link IndexedHistory}. Not thread-safe; {@link #build()} hands the columns over. */
        public static final class Builder {
            private final LifecycleState[] states;
            private final int[] creditGrades;
            private final int[] evaluatedDays;
            private final int[] outcomes;

            private Builder(int n) {
                this.states = new LifecycleState[n];
                this.creditGrades = new int[n];
                this.evaluatedDays = new int[n];
                this.outcomes = new int[n];
                java.util.Arrays.fill(creditGrades, -1);
                java.util.Arrays.fill(evaluatedDays, NONE);
                java.util.Arrays.fill(outcomes, -1);
            }

            /**
             * Records what the previous evaluation of a customer reported, for a rerun of its day: the rule keeps
             * that outcome instead of evaluating the customer again (see {@link History#evaluations()}).
             *
             * @param i a customer index of the base
             * @param stage the stage the evaluation left the customer in
             * @param moved whether it moved the customer
             * @param vetoed whether a guard vetoed a move
             * @return this builder
             * @throws IndexOutOfBoundsException if {@code i} is not an index
             * @throws NullPointerException if {@code stage} is null
             */
            public Builder evaluation(int i, LifecycleStage stage, boolean moved, boolean vetoed) {
                outcomes[i] = Objects.requireNonNull(stage, "stage").ordinal() * 4 + (vetoed ? 2 : 0) + (moved ? 1 : 0);
                return this;
            }

            /**
             * @param i a customer index of the base
             * @param state the customer's previous state
             * @return this builder
             * @throws IndexOutOfBoundsException if {@code i} is not an index
             * @throws NullPointerException if {@code state} is null
             */
            public Builder state(int i, LifecycleState state) {
                states[i] = Objects.requireNonNull(state, "state");
                return this;
            }

            /**
             * @param i a customer index of the base
             * @param grade the customer's previous credit grade index (at least 0)
             * @return this builder
             * @throws IndexOutOfBoundsException if {@code i} is not an index
             * @throws IllegalArgumentException if {@code grade} is negative
             */
            public Builder creditGrade(int i, int grade) {
                if (grade < 0) {
                    throw new IllegalArgumentException("a credit grade index is at least 0, got " + grade);
                }
                creditGrades[i] = grade;
                return this;
            }

            /**
             * @param i a customer index of the base
             * @param day the day of the customer's previous evaluation
             * @return this builder
             * @throws IndexOutOfBoundsException if {@code i} is not an index
             * @throws NullPointerException if {@code day} is null
             */
            public Builder evaluatedOn(int i, LocalDate day) {
                evaluatedDays[i] = Math.toIntExact(day.toEpochDay());
                return this;
            }

            /** @return the history (the builder must not be used afterwards) */
            public IndexedHistory build() {
                return new IndexedHistory(this);
            }
        }
    }

    /**
     * The moves of one evaluation, by customer index: attached to the rule's {@link Classifications} so that the
     * scoring run can append them to the customers' transition logs. Immutable and thread-safe.
     *
     * @since 0.1.0
     */
    public static final class Moves {
        private final StageTransition[] transitions;
        private final int count;

        private Moves(StageTransition[] transitions) {
            this.transitions = transitions;
            int c = 0;
            for (StageTransition t : transitions) {
                c += t == null ? 0 : 1;
            }
            this.count = c;
        }

        /**
         * @param i a customer index of the base
         * @return the transition the customer made in this evaluation, or empty if it stayed (or a guard vetoed
         *     the move)
         * @throws IndexOutOfBoundsException if {@code i} is not an index of the base
         */
        public Optional<StageTransition> of(int i) {
            return Optional.ofNullable(transitions[i]);
        }

        /** @return how many customers moved */
        public int count() {
            return count;
        }
    }

    @Override
    public Classifications classify(CustomerBase base, ClassificationContext context) {
        int n = base.size();
        History history = base.attachment(History.class).orElse(History.none());
        IndexedHistory indexed = base.attachment(IndexedHistory.class).orElse(null);
        if (indexed != null && indexed.size() != n) {
            throw new IllegalStateException(
                    "the indexed lifecycle history has " + indexed.size() + " customers, the base " + n);
        }
        LocalDate asOf = base.asOf();
        LifecycleContext lc = base.attachment(LifecycleContext.class)
                .filter(c -> c.asOf().equals(asOf))
                .orElseGet(() -> new LifecycleContext(
                        asOf,
                        asOf.plusDays(1)
                                .atStartOfDay(ZoneOffset.UTC)
                                .toInstant()
                                .minusSeconds(1)));
        Instant at = lc.at();
        Classifications abc = context.result(AbcGrading.NAME).orElse(null);
        Classifications credit = context.result("credit").orElse(null);
        String[] labels = new String[n];
        double[] sinceDay = new double[n];
        double[] moved = new double[n];
        double[] vetoed = new double[n];
        double[] funnel = new double[n];
        String[] reasons = new String[n];
        StageTransition[] transitions = new StageTransition[n];
        // the columns read once, not looked up by name per customer
        double[] ever = base.column(PURCHASES_EVER_COLUMN).orElse(null);
        boolean lifetime = ever != null;
        double[] firstEver = column(base, FIRST_PURCHASE_EVER_COLUMN, n);
        double[] lastEver = column(base, LAST_PURCHASE_EVER_COLUMN, n);
        double[] complaintsOpen = column(base, "complaintsOpen", n);
        double[] overdueCases = column(base, "overdueCases", n);
        double[] aida = column(base, AIDA_COLUMN, n);
        for (int i = 0; i < n; i++) {
            CustomerId id = base.customerId(i);
            LifecycleState state =
                    indexed != null ? indexed.states[i] : history.states().get(id);
            int purchases;
            LocalDate first;
            LocalDate last;
            if (lifetime) {
                purchases = (int) ever[i];
                first = purchases == 0 ? null : LocalDate.ofEpochDay((long) firstEver[i]);
                last = purchases == 0 ? null : LocalDate.ofEpochDay((long) lastEver[i]);
            } else {
                purchases = base.purchases(i);
                first = purchases == 0 ? null : LocalDate.ofEpochDay(base.firstPurchaseDay(i));
                last = purchases == 0 ? null : LocalDate.ofEpochDay(base.lastPurchaseDay(i));
            }
            LocalDate evaluated = indexed != null
                    ? (indexed.evaluatedDays[i] == IndexedHistory.NONE
                            ? null
                            : LocalDate.ofEpochDay(indexed.evaluatedDays[i]))
                    : history.evaluatedOn().get(id);
            // a customer never evaluated is placed by its signals alone: "since the last evaluation" is undefined
            boolean purchasedSince = last != null && evaluated != null && last.isAfter(evaluated);
            LifecycleFacts facts = LifecycleFacts.builder(id)
                    .state(state)
                    .purchases(purchases, first, last)
                    .pAlive(base.probabilityAlive(i))
                    .unresolvedComplaints((int) complaintsOpen[i])
                    .overdueCases((int) overdueCases[i])
                    .creditGrades(
                            credit == null ? -1 : (int) credit.metric("gradeIndex", i),
                            indexed != null
                                    ? indexed.creditGrades[i]
                                    : history.creditGrades().getOrDefault(id, -1))
                    .grade(abc == null ? null : CustomerGrade.valueOf(abc.label(i)))
                    .purchasedSinceLastEvaluation(purchasedSince)
                    .build();
            if (state != null && state.since().isAfter(at)) {
                // entered its stage after the as-of day (a manual move, or a run for a later day): the facts of
                // this day cannot move it
                labels[i] = state.stage().name();
                sinceDay[i] = LocalDate.ofInstant(state.since(), ZoneOffset.UTC).toEpochDay();
                reasons[i] = "stays " + state.stage() + ": entered it after " + asOf;
                continue;
            }
            if (state != null && evaluated != null && !evaluated.isBefore(asOf)) {
                // already evaluated for this day (a rerun, or the rest of a run that crashed) or a later one: an
                // evaluation moves a customer at most once per day, so the stage and its outcome are kept
                Evaluation previous;
                if (indexed != null) {
                    int o = indexed.outcome(i);
                    previous = o < 0
                            ? null
                            : new Evaluation(
                                    LifecycleStage.values()[o >> 2],
                                    (o & 1) != 0,
                                    (o & 2) != 0,
                                    "stays " + state.stage() + ": evaluated for " + evaluated + " already");
                } else {
                    previous = history.evaluations().get(id);
                }
                labels[i] = state.stage().name();
                sinceDay[i] = LocalDate.ofInstant(state.since(), ZoneOffset.UTC).toEpochDay();
                if (previous != null && previous.stage() == state.stage()) {
                    moved[i] = previous.moved() ? 1 : 0;
                    vetoed[i] = previous.vetoed() ? 1 : 0;
                    reasons[i] = previous.reason();
                } else {
                    reasons[i] = "stays " + state.stage() + ": evaluated for " + evaluated + " already";
                }
                if (state.stage() == LifecycleStage.PROSPECT) {
                    funnel[i] = aida[i];
                }
                continue;
            }
            LifecycleOutcome outcome = engine.evaluate(facts, lc);
            LifecycleStage stage;
            Instant since;
            if (outcome.toApply().isPresent()) {
                StageTransition t = outcome.toApply().get();
                stage = t.to();
                since = t.at();
                moved[i] = 1;
                reasons[i] = t.reason();
                transitions[i] = t;
            } else if (state != null) {
                stage = state.stage();
                since = state.since();
                vetoed[i] = outcome.veto().isPresent() ? 1 : 0;
                reasons[i] = outcome.veto()
                        .map(v -> "stays " + state.stage() + ": move vetoed: " + v)
                        .orElseGet(() -> "stays " + state.stage() + ": "
                                + outcome.decision().reason());
            } else {
                // never placed and the policy proposes nothing: a prospect without purchases
                stage = LifecycleStage.PROSPECT;
                since = at;
                reasons[i] = "PROSPECT: no purchase yet";
                moved[i] = 1;
                transitions[i] =
                        new StageTransition(id, null, stage, at, TransitionCause.FIRST_SEEN, reasons[i], List.of());
            }
            labels[i] = stage.name();
            if (stage == LifecycleStage.PROSPECT) {
                funnel[i] = aida[i];
            }
            sinceDay[i] = LocalDate.ofInstant(since, ZoneOffset.UTC).toEpochDay();
        }
        return Classifications.builder(NAME, base)
                .labels(labels)
                .metric("sinceDay", sinceDay)
                .metric("moved", moved)
                .metric("vetoed", vetoed)
                .metric("funnel", funnel)
                .attach(Moves.class, new Moves(transitions))
                .explainer(new Classifications.Explainer() {
                    @Override
                    public List<Contribution> contributions(int i) {
                        return List.of();
                    }

                    @Override
                    public String reason(int i) {
                        return reasons[i];
                    }
                })
                .build();
    }

    /** A column of the base, or zeros (a missing column reads as 0, as {@code columnValue(name, i, 0)} does). */
    private static double[] column(CustomerBase base, String name, int n) {
        return base.column(name).orElseGet(() -> new double[n]);
    }
}
