package dev.guanxi.crm.lifecycle;

import dev.guanxi.crm.Beta;
import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.ValidationRule;
import dev.guanxi.crm.internal.Check;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Combines a {@link LifecyclePolicy}, the {@link LifecycleGuard guards} and {@link LifecycleStage}'s transition
 * table: the policy proposes, the table is checked (an illegal proposal fails loudly with {@link
 * IllegalStageTransitionException} — a bug in the policy, never silently dropped), the guards may veto. The
 * engine neither stores nor publishes: the host applies {@link LifecycleOutcome#toApply()}.
 *
 * <pre>{@code
 * LifecycleEngine engine = LifecycleEngine.builder()
 *         .policy(DefaultLifecyclePolicy.standard())
 *         .guard((t, facts, ctx) -> underContract(facts.customerId())
 *                 ? Optional.of("customer under contract until 2027") : Optional.empty())
 *         .build();
 * LifecycleOutcome outcome = engine.evaluate(facts, LifecycleContext.of(clock));
 * }</pre>
 *
 * <p>The cause of a transition is {@link TransitionCause#FIRST_SEEN} for a first placement, {@link
 * TransitionCause#PURCHASE} if a purchase happened since the last evaluation, else {@link
 * TransitionCause#SCORING_RUN}; {@link #move} makes {@link TransitionCause#MANUAL} ones. Its one-line reason is
 * the decision's reasons rendered (cut to 500 characters), which happens only for customers who move.
 *
 * <p>Immutable; thread-safe if the policy and the guards are.
 */
@Beta
public final class LifecycleEngine {
    private static final LifecycleEngine STANDARD = builder().build();

    private final LifecyclePolicy policy;
    private final LifecycleGuard guard;

    private LifecycleEngine(LifecyclePolicy policy, LifecycleGuard guard) {
        this.policy = policy;
        this.guard = guard;
    }

    /** @return the engine with the standard policy and no guards */
    public static LifecycleEngine standard() {
        return STANDARD;
    }

    /** @return a builder; by default the standard policy and no guards */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the policy that proposes the moves */
    public LifecyclePolicy policy() {
        return policy;
    }

    /**
     * Evaluates one customer.
     *
     * @param facts the customer's facts
     * @param context the day and instant of the evaluation
     * @return stay, the transition to apply, or the vetoed transition with the guard's reason
     * @throws IllegalStageTransitionException if the policy proposes a move the table does not allow
     *     (including a move to the current stage)
     * @throws ValidationException naming {@code context.at} (DATE_ORDER) if the evaluation instant is before the
     *     customer entered the current stage, or as the policy throws for bad facts
     * @throws IllegalStateException if the policy returns {@code null} or a guard returns {@code null} or a blank
     *     reason
     */
    public LifecycleOutcome evaluate(LifecycleFacts facts, LifecycleContext context) {
        Objects.requireNonNull(facts, "facts");
        Objects.requireNonNull(context, "context");
        LifecycleDecision decision = policy.decide(facts, context);
        if (decision == null) {
            throw new IllegalStateException("policy " + policy + " returned null for " + facts.customerId());
        }
        if (decision.isStay()) {
            return LifecycleOutcome.stay(decision);
        }
        TransitionCause cause = facts.state() == null
                ? TransitionCause.FIRST_SEEN
                : facts.purchasedSinceLastEvaluation() ? TransitionCause.PURCHASE : TransitionCause.SCORING_RUN;
        return propose(facts, context, decision, cause, null);
    }

    /**
     * Evaluates many customers, one outcome per customer in input order. O(n) calls of the policy; a customer
     * who stays for no reported reason costs no allocation (a shared outcome), a customer who moves one
     * transition and its rendered reason; the guards are asked only about moves. Use it over batches of the
     * scoring run; it is sequential (split the list to use several threads).
     *
     * @param facts the customers' facts
     * @param context the day and instant of the evaluation, shared by all
     * @return the outcomes, same size and order as {@code facts}
     * @throws IllegalStageTransitionException as {@link #evaluate} does, for the first customer concerned
     * @throws ValidationException as {@link #evaluate} does, with the field prefixed by {@code facts[i]}
     */
    public List<LifecycleOutcome> evaluateAll(List<LifecycleFacts> facts, LifecycleContext context) {
        Objects.requireNonNull(facts, "facts");
        Objects.requireNonNull(context, "context");
        List<LifecycleOutcome> outcomes = new ArrayList<>(facts.size());
        for (int i = 0; i < facts.size(); i++) {
            try {
                outcomes.add(evaluate(facts.get(i), context));
            } catch (ValidationException e) {
                throw e.under("facts[" + i + "]");
            }
        }
        return outcomes;
    }

    /**
     * Moves a customer by hand (cause {@link TransitionCause#MANUAL}). The table and the guards apply as for
     * a policy's proposal.
     *
     * @param facts the customer's facts (their state is the current stage)
     * @param to the stage to move to
     * @param reason a one-line reason, e.g. who decided and why
     * @param context the day and instant of the move
     * @return the transition to apply, or the vetoed transition with the guard's reason
     * @throws IllegalStageTransitionException if the table does not allow the move
     * @throws ValidationException naming {@code reason} if it is blank or too long, or {@code context.at}
     */
    public LifecycleOutcome move(LifecycleFacts facts, LifecycleStage to, String reason, LifecycleContext context) {
        Objects.requireNonNull(facts, "facts");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(context, "context");
        Check.text("reason", reason, Check.LINE_MAX);
        return propose(facts, context, LifecycleDecision.moveTo(to, List.of()), TransitionCause.MANUAL, reason);
    }

    private LifecycleOutcome propose(
            LifecycleFacts facts,
            LifecycleContext context,
            LifecycleDecision decision,
            TransitionCause cause,
            String reason) {
        LifecycleStage from = facts.currentStage();
        LifecycleStage to = LifecycleStage.requireAllowed(from, decision.target());
        if (facts.state() != null && context.at().isBefore(facts.state().since())) {
            throw new ValidationException(
                    "context.at",
                    ValidationRule.DATE_ORDER,
                    "evaluation at " + context.at() + " is before the customer entered " + from + " at "
                            + facts.state().since());
        }
        StageTransition transition = new StageTransition(
                facts.customerId(),
                from,
                to,
                context.at(),
                cause,
                reason != null ? reason : oneLine(decision.reason()),
                decision.reasons());
        Optional<String> veto = guard.veto(transition, facts, context);
        if (veto == null) {
            throw new IllegalStateException("guard " + guard + " returned null instead of a veto or empty");
        }
        if (veto.isPresent()) {
            if (veto.get().isBlank()) {
                throw new IllegalStateException("guard " + guard + " vetoed without a reason");
            }
            return new LifecycleOutcome(LifecycleOutcome.Kind.VETOED, transition, decision, veto.get());
        }
        return new LifecycleOutcome(LifecycleOutcome.Kind.MOVE, transition, decision, null);
    }

    /** Cuts a rendered reason to the one-line limit without splitting a surrogate pair. */
    private static String oneLine(String text) {
        if (text.length() <= Check.LINE_MAX) {
            return text;
        }
        int end = Check.LINE_MAX - 1;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "…";
    }

    /**
     * Builds a {@link LifecycleEngine}. The policy may be set once (a second call throws {@link
     * IllegalStateException}); guards accumulate and are asked in the order added. Not thread-safe.
     */
    public static final class Builder {
        private LifecyclePolicy policy;
        private final List<LifecycleGuard> guards = new ArrayList<>();

        private Builder() {}

        /**
         * @param value the policy that proposes moves
         * @return this builder
         * @throws IllegalStateException if the policy was already set
         */
        public Builder policy(LifecyclePolicy value) {
            Objects.requireNonNull(value, "policy");
            if (policy != null) {
                throw new IllegalStateException("policy was already set to " + policy);
            }
            policy = value;
            return this;
        }

        /**
         * @param value a guard, asked after the ones added before
         * @return this builder
         */
        public Builder guard(LifecycleGuard value) {
            guards.add(Objects.requireNonNull(value, "guard"));
            return this;
        }

        /** @return the engine */
        public LifecycleEngine build() {
            return new LifecycleEngine(
                    policy != null ? policy : DefaultLifecyclePolicy.standard(), LifecycleGuard.allOf(guards));
        }
    }
}
