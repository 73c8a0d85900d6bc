package dev.guanxi.crm.lifecycle;

import static dev.guanxi.crm.lifecycle.LifecycleStage.ACTIVE;
import static dev.guanxi.crm.lifecycle.LifecycleStage.AT_RISK;
import static dev.guanxi.crm.lifecycle.LifecycleStage.LOST;
import static dev.guanxi.crm.lifecycle.LifecycleStage.NEW_CUSTOMER;
import static dev.guanxi.crm.lifecycle.LifecycleStage.PROSPECT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.ValidationRule;
import dev.guanxi.crm.classification.CustomerGrade;
import dev.guanxi.crm.customer.CustomerId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LifecycleEngineTest {
    static final CustomerId ID = DefaultLifecyclePolicyTest.ID;
    static final LifecycleContext CONTEXT = DefaultLifecyclePolicyTest.CONTEXT;
    static final LocalDate TODAY = DefaultLifecyclePolicyTest.TODAY;
    static final Instant SINCE = DefaultLifecyclePolicyTest.SINCE;
    static final String CONTRACT = "customer under contract until 2027";

    private static LifecycleFacts.Builder active(int daysSinceLast) {
        return DefaultLifecyclePolicyTest.customer(ACTIVE, daysSinceLast, 30);
    }

    @Test
    @DisplayName("A move is stamped with the clock's instant, the cause and the rendered reasons")
    void move() {
        LifecycleOutcome outcome =
                LifecycleEngine.standard().evaluate(active(10).pAlive(0.21).build(), CONTEXT);
        assertThat(outcome.kind()).isEqualTo(LifecycleOutcome.Kind.MOVE);
        StageTransition t = outcome.toApply().orElseThrow();
        assertThat(t.customerId()).isEqualTo(ID);
        assertThat(t.from()).isEqualTo(ACTIVE);
        assertThat(t.to()).isEqualTo(AT_RISK);
        assertThat(t.at()).isEqualTo(Instant.parse("2026-06-30T12:00:00Z"));
        assertThat(t.cause()).isEqualTo(TransitionCause.SCORING_RUN);
        assertThat(t.reason()).isEqualTo("pAlive 0.21 < 0.30 (at-risk threshold for ORDINARY)");
        assertThat(t.reasons()).hasSize(1);
        Optional<String> veto = outcome.veto();
        assertThat(veto).isEmpty();
    }

    @Test
    @DisplayName("The cause is FIRST_SEEN for a first placement and PURCHASE after a purchase")
    void causes() {
        LifecycleOutcome first =
                LifecycleEngine.standard().evaluate(LifecycleFacts.builder(ID).build(), CONTEXT);
        assertThat(first.transition().cause()).isEqualTo(TransitionCause.FIRST_SEEN);
        assertThat(first.transition().from()).isNull();
        assertThat(first.transition().to()).isEqualTo(PROSPECT);
        LifecycleFacts bought = LifecycleFacts.builder(ID)
                .state(LifecycleState.prospect(null, SINCE))
                .purchases(1, TODAY, TODAY)
                .purchasedSinceLastEvaluation(true)
                .build();
        LifecycleOutcome purchase = LifecycleEngine.standard().evaluate(bought, CONTEXT);
        assertThat(purchase.transition().cause()).isEqualTo(TransitionCause.PURCHASE);
        assertThat(purchase.transition().to()).isEqualTo(NEW_CUSTOMER);
    }

    @Test
    @DisplayName("A customer who stays gets the shared stay outcome and no guard is asked")
    void stay() {
        AtomicInteger asked = new AtomicInteger();
        LifecycleEngine engine = LifecycleEngine.builder()
                .guard((t, f, c) -> {
                    asked.incrementAndGet();
                    return Optional.of("no");
                })
                .build();
        LifecycleOutcome a = engine.evaluate(active(10).build(), CONTEXT);
        LifecycleOutcome b = engine.evaluate(active(11).build(), CONTEXT);
        assertThat(a.kind()).isEqualTo(LifecycleOutcome.Kind.STAY);
        assertThat(a).isSameAs(b);
        assertThat(a.toApply()).isEmpty();
        assertThat(asked.get()).isZero();
    }

    @Test
    @DisplayName("A guard vetoes a move with its reason; the vetoed transition is reported but not to apply")
    void veto() {
        LifecycleGuard contract = ((LifecycleGuard) (t, f, c) -> Optional.of(CONTRACT)).onlyInto(LOST);
        LifecycleEngine engine = LifecycleEngine.builder().guard(contract).build();
        LifecycleOutcome lost = engine.evaluate(active(400).build(), CONTEXT);
        assertThat(lost.kind()).isEqualTo(LifecycleOutcome.Kind.VETOED);
        assertThat(lost.veto()).contains(CONTRACT);
        assertThat(lost.toApply()).isEmpty();
        assertThat(lost.transition().to()).isEqualTo(LOST);
        LifecycleOutcome atRisk = engine.evaluate(active(10).pAlive(0.2).build(), CONTEXT);
        assertThat(atRisk.kind()).isEqualTo(LifecycleOutcome.Kind.MOVE);
    }

    @Test
    @DisplayName("allOf asks guards in order and stops at the first veto")
    void allOf() {
        List<String> asked = new ArrayList<>();
        LifecycleGuard pass = (t, f, c) -> {
            asked.add("pass");
            return Optional.empty();
        };
        LifecycleGuard first = (t, f, c) -> {
            asked.add("first");
            return Optional.of("first says no");
        };
        LifecycleGuard second = (t, f, c) -> {
            asked.add("second");
            return Optional.of("second says no");
        };
        LifecycleEngine engine = LifecycleEngine.builder()
                .guard(LifecycleGuard.allOf(pass, first, second))
                .build();
        LifecycleOutcome outcome = engine.evaluate(active(10).pAlive(0.2).build(), CONTEXT);
        assertThat(outcome.vetoReason()).isEqualTo("first says no");
        assertThat(asked).containsExactly("pass", "first");
        LifecycleOutcome free = LifecycleEngine.builder()
                .guard(LifecycleGuard.allOf())
                .guard(LifecycleGuard.allowAll())
                .build()
                .evaluate(active(10).pAlive(0.2).build(), CONTEXT);
        assertThat(free.kind()).isEqualTo(LifecycleOutcome.Kind.MOVE);
    }

    @Test
    @DisplayName("A guard returning null or a blank reason is a programming error")
    void badGuard() {
        LifecycleFacts facts = active(10).pAlive(0.2).build();
        LifecycleEngine nullGuard =
                LifecycleEngine.builder().guard((t, f, c) -> null).build();
        assertThatThrownBy(() -> nullGuard.evaluate(facts, CONTEXT)).isInstanceOf(IllegalStateException.class);
        LifecycleEngine blank =
                LifecycleEngine.builder().guard((t, f, c) -> Optional.of(" ")).build();
        assertThatThrownBy(() -> blank.evaluate(facts, CONTEXT)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    @DisplayName("A policy proposing a move the table forbids fails loudly, a move to the same stage too")
    void illegalProposal() {
        LifecycleEngine toLost = LifecycleEngine.builder()
                .policy((f, c) -> LifecycleDecision.moveTo(LOST, List.of()))
                .build();
        LifecycleFacts prospect = LifecycleFacts.builder(ID)
                .state(LifecycleState.prospect(null, SINCE))
                .build();
        assertThatThrownBy(() -> toLost.evaluate(prospect, CONTEXT))
                .isInstanceOfSatisfying(IllegalStageTransitionException.class, e -> {
                    assertThat(e.from()).isEqualTo(PROSPECT);
                    assertThat(e.to()).isEqualTo(LOST);
                });
        LifecycleEngine toActive = LifecycleEngine.builder()
                .policy((f, c) -> LifecycleDecision.moveTo(ACTIVE, List.of()))
                .build();
        assertThatThrownBy(() -> toActive.evaluate(active(1).build(), CONTEXT))
                .isInstanceOf(IllegalStageTransitionException.class);
        LifecycleEngine nothing =
                LifecycleEngine.builder().policy((f, c) -> null).build();
        assertThatThrownBy(() -> nothing.evaluate(active(1).build(), CONTEXT))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    @DisplayName("An evaluation before the customer entered the current stage is rejected")
    void evaluationBeforeSince() {
        LifecycleFacts facts = LifecycleFacts.builder(ID)
                .state(LifecycleState.of(ACTIVE, Instant.parse("2026-07-01T00:00:00Z")))
                .purchases(2, TODAY.minusDays(400), TODAY.minusDays(399))
                .build();
        assertThatThrownBy(() -> LifecycleEngine.standard().evaluate(facts, CONTEXT))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo("context.at");
                    assertThat(e.rule()).isEqualTo(ValidationRule.DATE_ORDER);
                });
    }

    @Test
    @DisplayName("A manual move passes the table and the guards and is marked MANUAL")
    void manual() {
        LifecycleEngine engine = LifecycleEngine.builder()
                .guard(((LifecycleGuard) (t, f, c) -> Optional.of(CONTRACT)).onlyInto(LOST))
                .build();
        LifecycleOutcome risk = engine.move(active(1).build(), AT_RISK, "account manager: budget cut", CONTEXT);
        assertThat(risk.transition().cause()).isEqualTo(TransitionCause.MANUAL);
        assertThat(risk.transition().reason()).isEqualTo("account manager: budget cut");
        LifecycleOutcome lost = engine.move(active(1).build(), LOST, "moved abroad", CONTEXT);
        assertThat(lost.veto()).contains(CONTRACT);
        assertThatThrownBy(() -> engine.move(active(1).build(), PROSPECT, "oops", CONTEXT))
                .isInstanceOf(IllegalStageTransitionException.class);
        assertThatThrownBy(() -> engine.move(active(1).build(), LOST, " ", CONTEXT))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.field()).isEqualTo("reason"));
    }

    @Test
    @DisplayName("evaluateAll returns one outcome per customer in order; a bad customer is named by index")
    void batch() {
        List<LifecycleFacts> facts = List.of(
                active(10).build(),
                active(10).pAlive(0.2).build(),
                active(400).build(),
                LifecycleFacts.builder(ID).build());
        List<LifecycleOutcome> outcomes = LifecycleEngine.standard().evaluateAll(facts, CONTEXT);
        assertThat(outcomes).hasSize(4);
        assertThat(outcomes.get(0).kind()).isEqualTo(LifecycleOutcome.Kind.STAY);
        assertThat(outcomes.get(1).transition().to()).isEqualTo(AT_RISK);
        assertThat(outcomes.get(2).transition().to()).isEqualTo(LOST);
        assertThat(outcomes.get(3).transition().to()).isEqualTo(PROSPECT);
        List<LifecycleOutcome> none = LifecycleEngine.standard().evaluateAll(List.of(), CONTEXT);
        assertThat(none).isEmpty();
        LifecycleFacts future = LifecycleFacts.builder(ID)
                .state(LifecycleState.of(ACTIVE, SINCE))
                .purchases(1, TODAY.plusDays(2), TODAY.plusDays(2))
                .build();
        assertThatThrownBy(() -> LifecycleEngine.standard().evaluateAll(List.of(facts.get(0), future), CONTEXT))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.field()).isEqualTo("facts[1].lastPurchaseDay"));
    }

    @Test
    @DisplayName("Setting the policy twice fails at once")
    void builderRepeats() {
        LifecycleEngine.Builder b = LifecycleEngine.builder().policy(DefaultLifecyclePolicy.standard());
        assertThatThrownBy(() -> b.policy(DefaultLifecyclePolicy.standard())).isInstanceOf(IllegalStateException.class);
    }

    @Test
    @DisplayName("Property: the engine never emits a transition the table forbids, whatever the policy proposes")
    void neverForbidden() {
        Random random = new Random(7L);
        LifecycleStage[] stages = LifecycleStage.values();
        CustomerGrade[] grades = CustomerGrade.values();
        LifecycleEngine chaotic = LifecycleEngine.builder()
                .policy((f, c) -> {
                    int i = random.nextInt(stages.length + 1);
                    return i == stages.length
                            ? LifecycleDecision.stay()
                            : LifecycleDecision.moveTo(stages[i], List.of());
                })
                .build();
        int rejected = 0;
        int moved = 0;
        for (int n = 0; n < 20_000; n++) {
            LifecycleFacts facts = PolicyFuzz.randomFacts(random, stages, grades, TODAY, SINCE, random.nextBoolean());
            for (LifecycleEngine engine : List.of(chaotic, LifecycleEngine.standard())) {
                try {
                    LifecycleOutcome outcome = engine.evaluate(facts, CONTEXT);
                    if (outcome.kind() != LifecycleOutcome.Kind.STAY) {
                        moved++;
                        StageTransition t = outcome.transition();
                        boolean allowed = LifecycleStage.isAllowed(t.from(), t.to());
                        assertThat(allowed).isTrue();
                        assertThat(t.from()).isEqualTo(facts.currentStage());
                    }
                } catch (IllegalStageTransitionException e) {
                    assertThat(engine).isSameAs(chaotic);
                    boolean allowed = LifecycleStage.isAllowed(e.from(), e.to());
                    assertThat(allowed).isFalse();
                    rejected++;
                }
            }
        }
        assertThat(rejected).isGreaterThan(1000);
        assertThat(moved).isGreaterThan(1000);
    }

    @Test
    @DisplayName("Property: a history built by repeated nightly evaluation is valid and time never moves backwards")
    void repeatedEvaluation() {
        Random random = new Random(42L);
        Instant start = Instant.parse("2024-01-01T02:00:00Z");
        LifecycleEngine engine = LifecycleEngine.builder()
                .guard((t, f, c) -> random.nextInt(10) == 0 ? Optional.of("random veto") : Optional.empty())
                .build();
        int transitions = 0;
        boolean sawWonBack = false;
        for (int customer = 0; customer < 300; customer++) {
            CustomerId id = new CustomerId(new UUID(1, customer));
            CustomerGrade grade = CustomerGrade.values()[random.nextInt(3)];
            StageHistory history = StageHistory.empty(id);
            LifecycleState state = null;
            int purchases = 0;
            LocalDate first = null;
            LocalDate last = null;
            Instant now = start;
            double buyRate = 0.02 + random.nextDouble() * 0.3;
            for (int night = 0; night < 120; night++) {
                now = now.plus(Duration.ofDays(1 + random.nextInt(14)));
                Clock clock = Clock.fixed(now, ZoneOffset.UTC);
                LifecycleContext context = LifecycleContext.of(clock);
                boolean bought = random.nextDouble() < buyRate;
                if (bought) {
                    purchases++;
                    last = context.asOf();
                    first = first == null ? last : first;
                }
                LifecycleFacts facts = LifecycleFacts.builder(id)
                        .state(state)
                        .purchases(purchases, first, last)
                        .pAlive(purchases == 0 ? Double.NaN : random.nextDouble())
                        .unresolvedComplaints(random.nextInt(10) == 0 ? 3 : 0)
                        .grade(grade)
                        .purchasedSinceLastEvaluation(bought)
                        .build();
                LifecycleOutcome outcome = engine.evaluate(facts, context);
                Optional<StageTransition> apply = outcome.toApply();
                if (apply.isPresent()) {
                    StageTransition t = apply.get();
                    Optional<Instant> before = history.since();
                    history = history.append(t); // validates chain, customer and time order
                    if (before.isPresent()) {
                        assertThat(t.at()).isAfterOrEqualTo(before.get());
                    }
                    if (bought) {
                        assertThat(t.to()).isNotIn(AT_RISK, LOST);
                    }
                    sawWonBack |= t.to() == LifecycleStage.WON_BACK;
                    state = LifecycleState.of(t.to(), t.at());
                    transitions++;
                }
            }
            StageHistory rebuilt = StageHistory.of(id, history.transitions());
            assertThat(rebuilt.currentStage()).isEqualTo(history.currentStage());
            // the time in all stages adds up to the time since the first placement
            Instant end = now;
            Duration total = Duration.ZERO;
            for (LifecycleStage s : LifecycleStage.values()) {
                total = total.plus(history.timeInStage(s, end));
            }
            Duration expected = history.transitions().isEmpty()
                    ? Duration.ZERO
                    : Duration.between(history.transitions().get(0).at(), end);
            assertThat(total).isEqualTo(expected);
        }
        assertThat(transitions).isGreaterThan(1000);
        assertThat(sawWonBack).isTrue();
    }
}
