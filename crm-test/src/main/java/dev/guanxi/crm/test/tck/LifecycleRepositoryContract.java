package dev.guanxi.crm.test.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guanxi.crm.Crm;
import dev.guanxi.crm.StaffId;
import dev.guanxi.crm.StaleVersionException;
import dev.guanxi.crm.TenantCrm;
import dev.guanxi.crm.TenantId;
import dev.guanxi.crm.competitor.CompetitorId;
import dev.guanxi.crm.customer.CustomerDraft;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.customer.ReferenceCodeType;
import dev.guanxi.crm.lifecycle.ChurnReason;
import dev.guanxi.crm.lifecycle.Lifecycle;
import dev.guanxi.crm.lifecycle.LifecycleReason;
import dev.guanxi.crm.lifecycle.LifecycleStage;
import dev.guanxi.crm.lifecycle.LifecycleState;
import dev.guanxi.crm.lifecycle.StageTransition;
import dev.guanxi.crm.lifecycle.TransitionCause;
import dev.guanxi.crm.spi.storage.UnitOfWork;
import dev.guanxi.crm.test.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Conformance tests of {@code LifecycleRepository}: transition logs round-trip exactly (both stages, the instant
 * at microsecond precision, the cause, a reason in hard Unicode up to its 500-character limit, the rules behind
 * the move with every double a rule may carry) in the order appended, and the newest move is the customer's
 * current stage; a move whose {@code from} is not the current stage is a {@link StaleVersionException} naming the
 * customer and the log's length, and the rolled-back unit of work leaves nothing; a customer may appear several
 * times in one call; the current stages are scanned in customer id order and the moves of a period by instant,
 * customer id and position; churn reasons are stored, replaced per (customer, loss), listed and scanned by
 * period; tenants never see each other's logs; concurrent moves of one customer keep its log a chain, one winner
 * per contested stage, every loser told so by a {@link StaleVersionException}. Also a manual move and a churn
 * reason through the {@link Lifecycle} API on the store under test.
 */
public abstract class LifecycleRepositoryContract extends RepositoryContract {
    /** The instant fixtures start at (microsecond precision, as every store keeps it). */
    protected static final Instant T0 = Instant.parse("2026-03-29T01:00:00.123456Z");

    /** One microsecond before the epoch. */
    private static final Instant BEFORE_EPOCH = Instant.parse("1969-12-31T23:59:59.999999Z");

    /** The longest reason: 500 code points, half of them outside the Basic Multilingual Plane (750 chars). */
    private static final String LONGEST_REASON = "🎉".repeat(250) + "İ".repeat(250);

    private static final int THREADS = 8;
    private static final int CONTESTED_ROUNDS = 12;
    private static final int PLACEMENT_ROUNDS = 4;
    private static final int FREE_ATTEMPTS = 10;
    private static final int TIMEOUT_SECONDS = 120;

    /** Creates the contract. */
    protected LifecycleRepositoryContract() {}

    private static CustomerId customer(String hex12) {
        return CustomerId.of(hex12.substring(0, 8) + "-0000-0000-0000-" + hex12.substring(0, 12));
    }

    private static StageTransition move(
            CustomerId id, LifecycleStage from, LifecycleStage to, Instant at, String reason) {
        return new StageTransition(id, from, to, at, TransitionCause.SCORING_RUN, reason, List.of());
    }

    private static StageTransition place(CustomerId id, LifecycleStage to, Instant at) {
        return new StageTransition(id, null, to, at, TransitionCause.FIRST_SEEN, "first seen", List.of());
    }

    private void append(TenantId tenant, StageTransition... transitions) {
        run(tenant, uow -> uow.lifecycle().appendAll(List.of(transitions)));
    }

    private List<StageTransition> history(TenantId tenant, CustomerId id) {
        return read(tenant, uow -> uow.lifecycle().history(id));
    }

    private Optional<LifecycleState> current(TenantId tenant, CustomerId id) {
        return read(tenant, uow -> uow.lifecycle().current(id));
    }

    private Map<CustomerId, LifecycleState> scanCurrent(TenantId tenant) {
        Map<CustomerId, LifecycleState> seen = new LinkedHashMap<>();
        long count = read(
                tenant,
                uow -> uow.lifecycle().scanCurrent((id, state) -> {
                    LifecycleState before = seen.put(id, state);
                    assertThat(before).as("customer %s visited twice", id).isNull();
                }));
        assertThat(count).as("scanCurrent's count").isEqualTo(seen.size());
        return seen;
    }

    private List<StageTransition> scanTransitions(TenantId tenant, Instant from, Instant to) {
        List<StageTransition> seen = new ArrayList<>();
        long count = read(tenant, uow -> uow.lifecycle().scanTransitions(from, to, seen::add));
        assertThat(count).as("scanTransitions' count").isEqualTo(seen.size());
        return seen;
    }

    private List<ChurnReason> churnOf(TenantId tenant, CustomerId id) {
        return read(tenant, uow -> uow.lifecycle().churnReasons(id));
    }

    private List<ChurnReason> scanChurn(TenantId tenant, Instant from, Instant to) {
        List<ChurnReason> seen = new ArrayList<>();
        long count = read(tenant, uow -> uow.lifecycle().scanChurnReasons(from, to, seen::add));
        assertThat(count).as("scanChurnReasons' count").isEqualTo(seen.size());
        return seen;
    }

    @Test
    @DisplayName("a log round-trips every component in the order appended; the newest move is the current stage")
    void roundTrip() {
        CustomerId id = CustomerId.random();
        List<LifecycleReason> reasons = List.of(
                new LifecycleReason("atRiskPAlive", "pAlive", 0.21, "<", 0.30, "at-risk threshold for ORDINARY 普通客户"),
                new LifecycleReason("silence", "daysSinceLastPurchase", 400, ">=", 365, ""),
                new LifecycleReason("规则 İı 🚀", "量 \"quoted\" \\ back", Double.NaN, "≥", Double.POSITIVE_INFINITY, "∞"),
                new LifecycleReason("edges", "x", -0.0, "!=", Double.NEGATIVE_INFINITY, "negative zero"),
                new LifecycleReason("tiny", "y", Double.MIN_VALUE, "<", 1e300, "{\"json\": [1, 2]}"),
                new LifecycleReason("exact", "z", 0.1 + 0.2, "<", -Double.MAX_VALUE, "0.30000000000000004"));
        StageTransition first = new StageTransition(
                id,
                null,
                LifecycleStage.PROSPECT,
                BEFORE_EPOCH,
                TransitionCause.FIRST_SEEN,
                "首次出现 İstanbul",
                List.of());
        StageTransition second = new StageTransition(
                id,
                LifecycleStage.PROSPECT,
                LifecycleStage.NEW_CUSTOMER,
                T0,
                TransitionCause.PURCHASE,
                "first order 首单 🎉 — İĞŞ ıi",
                List.of(reasons.get(0)));
        StageTransition third = new StageTransition(
                id,
                LifecycleStage.NEW_CUSTOMER,
                LifecycleStage.AT_RISK,
                T0.plus(Duration.ofDays(90)).plusNanos(1_000),
                TransitionCause.SCORING_RUN,
                LONGEST_REASON,
                reasons);
        StageTransition fourth = new StageTransition(
                id,
                LifecycleStage.AT_RISK,
                LifecycleStage.LOST,
                Instant.parse("2039-01-19T03:14:08.999999Z"),
                TransitionCause.MANUAL,
                "by hand: ' OR 1=1; -- %_",
                List.of());
        append(TENANT_A, first);
        append(TENANT_A, second, third);
        append(TENANT_A, fourth);

        List<StageTransition> history = history(TENANT_A, id);
        assertThat(history).containsExactly(first, second, third, fourth);
        List<LifecycleReason> stored = history.get(2).reasons();
        // Record equality compares doubles bit for bit (Double.compare): NaN equals NaN, -0.0 differs from 0.0.
        assertThat(stored).containsExactlyElementsOf(reasons);
        double negativeZero = stored.get(3).value();
        assertThat(Double.doubleToRawLongBits(negativeZero)).isEqualTo(Double.doubleToRawLongBits(-0.0));
        Optional<LifecycleState> now = current(TENANT_A, id);
        assertThat(now).contains(LifecycleState.of(LifecycleStage.LOST, fourth.at()));

        CustomerId stranger = CustomerId.random();
        assertThat(history(TENANT_A, stranger)).isEmpty();
        assertThat(current(TENANT_A, stranger)).isEmpty();
    }

    @Test
    @DisplayName("moves at one instant keep the order appended, in one call or several")
    void orderAtOneInstant() {
        CustomerId id = CustomerId.random();
        StageTransition a = place(id, LifecycleStage.ACTIVE, T0);
        StageTransition b = move(id, LifecycleStage.ACTIVE, LifecycleStage.AT_RISK, T0, "b");
        StageTransition c = move(id, LifecycleStage.AT_RISK, LifecycleStage.ACTIVE, T0, "c");
        StageTransition d = move(id, LifecycleStage.ACTIVE, LifecycleStage.AT_RISK, T0, "d");
        StageTransition e = move(id, LifecycleStage.AT_RISK, LifecycleStage.LOST, T0.plusNanos(1_000), "e");
        append(TENANT_A, a, b);
        append(TENANT_A, c);
        append(TENANT_A, d, e);

        assertThat(history(TENANT_A, id)).containsExactly(a, b, c, d, e);
        assertThat(current(TENANT_A, id)).contains(LifecycleState.of(LifecycleStage.LOST, e.at()));
        assertThat(scanTransitions(TENANT_A, T0, T0.plusSeconds(1))).containsExactly(a, b, c, d, e);
    }

    @Test
    @DisplayName("a customer may appear several times in one call: each entry continues the one before")
    void customerTwiceInOneCall() {
        CustomerId c = customer("00000000000c");
        CustomerId d = customer("00000000000d");
        StageTransition c1 = place(c, LifecycleStage.PROSPECT, T0);
        StageTransition d1 = place(d, LifecycleStage.ACTIVE, T0);
        StageTransition c2 = move(c, LifecycleStage.PROSPECT, LifecycleStage.NEW_CUSTOMER, T0.plusSeconds(1), "c2");
        StageTransition c3 = move(c, LifecycleStage.NEW_CUSTOMER, LifecycleStage.ACTIVE, T0.plusSeconds(2), "c3");
        StageTransition d2 = move(d, LifecycleStage.ACTIVE, LifecycleStage.AT_RISK, T0.plusSeconds(3), "d2");
        append(TENANT_A, c1, d1, c2, c3, d2);

        assertThat(history(TENANT_A, c)).containsExactly(c1, c2, c3);
        assertThat(history(TENANT_A, d)).containsExactly(d1, d2);
        assertThat(current(TENANT_A, c)).contains(LifecycleState.of(LifecycleStage.ACTIVE, c3.at()));
        assertThat(current(TENANT_A, d)).contains(LifecycleState.of(LifecycleStage.AT_RISK, d2.at()));

        // The second entry of a customer must continue the first one of the same call, not the stored stage.
        StageTransition fromStored = move(c, LifecycleStage.ACTIVE, LifecycleStage.AT_RISK, T0.plusSeconds(4), "x");
        StageTransition again = move(c, LifecycleStage.ACTIVE, LifecycleStage.LOST, T0.plusSeconds(5), "y");
        assertThatThrownBy(() -> append(TENANT_A, fromStored, again))
                .isInstanceOfSatisfying(StaleVersionException.class, e -> {
                    assertThat(e.entityType()).isEqualTo("LifecycleStage");
                    assertThat(e.id()).isEqualTo(c);
                    assertThat(e.expectedVersion())
                            .as("the log's length when the entry was checked")
                            .isEqualTo(4);
                });
        assertThat(history(TENANT_A, c)).containsExactly(c1, c2, c3);
    }

    @Test
    @DisplayName("a move whose from is not the current stage is stale (customer, log length); nothing stays")
    void staleFrom() {
        CustomerId id = CustomerId.random();
        CustomerId bystander = CustomerId.random();
        CustomerId placed = CustomerId.random();
        StageTransition first = place(id, LifecycleStage.PROSPECT, T0);
        StageTransition other = place(placed, LifecycleStage.ACTIVE, T0);
        append(TENANT_A, first, other);

        List<List<StageTransition>> stale = List.of(
                // a second first placement
                List.of(place(id, LifecycleStage.ACTIVE, T0.plusSeconds(1))),
                // a move from a stage the customer is not in
                List.of(move(id, LifecycleStage.NEW_CUSTOMER, LifecycleStage.ACTIVE, T0.plusSeconds(1), "x")),
                // behind valid moves of other customers in the same call
                List.of(
                        place(bystander, LifecycleStage.LOST, T0.plusSeconds(1)),
                        move(placed, LifecycleStage.ACTIVE, LifecycleStage.AT_RISK, T0.plusSeconds(1), "ok"),
                        move(id, LifecycleStage.ACTIVE, LifecycleStage.LOST, T0.plusSeconds(1), "stale")));
        for (List<StageTransition> call : stale) {
            assertThatThrownBy(() -> run(TENANT_A, uow -> uow.lifecycle().appendAll(call)))
                    .as("%s", call)
                    .isInstanceOfSatisfying(StaleVersionException.class, e -> {
                        assertThat(e.entityType()).isEqualTo("LifecycleStage");
                        assertThat(e.id()).isEqualTo(id);
                        assertThat(e.expectedVersion()).isEqualTo(1);
                    });
        }
        assertThat(history(TENANT_A, id)).containsExactly(first);
        assertThat(history(TENANT_A, placed)).containsExactly(other);
        assertThat(history(TENANT_A, bystander)).isEmpty();
        assertThat(current(TENANT_A, bystander)).isEmpty();
        assertThat(current(TENANT_A, placed)).contains(LifecycleState.of(LifecycleStage.ACTIVE, T0));
        assertThat(scanCurrent(TENANT_A)).containsOnlyKeys(id, placed);

        // a valid call earlier in the same unit of work is rolled back with the stale one
        assertThatThrownBy(() -> run(TENANT_A, uow -> {
                    uow.lifecycle().appendAll(List.of(place(bystander, LifecycleStage.LOST, T0)));
                    uow.lifecycle().appendAll(List.of(place(id, LifecycleStage.LOST, T0)));
                }))
                .isInstanceOf(StaleVersionException.class);
        assertThat(history(TENANT_A, bystander)).isEmpty();
    }

    @Test
    @DisplayName("an empty call writes nothing; a read-only unit of work refuses to append")
    void emptyAndReadOnly() {
        run(TENANT_A, uow -> uow.lifecycle().appendAll(List.of()));
        assertThat(scanCurrent(TENANT_A)).isEmpty();
        CustomerId id = CustomerId.random();
        assertThatThrownBy(() -> read(TENANT_A, uow -> {
                    uow.lifecycle().appendAll(List.of(place(id, LifecycleStage.ACTIVE, T0)));
                    return null;
                }))
                .isInstanceOf(IllegalStateException.class);
        assertThat(history(TENANT_A, id)).isEmpty();
    }

    @Test
    @DisplayName("current stages are scanned once each, in customer id text order, with the newest move's instant")
    void scanCurrentOrder() {
        // ids whose first bytes would sort differently as signed numbers, and random ones
        List<CustomerId> ids = new ArrayList<>(List.of(
                customer("00000000000a"),
                customer("7fffffff0001"),
                customer("80000000000b"),
                customer("ffffffff000c")));
        for (int i = 0; i < 20; i++) {
            ids.add(CustomerId.random());
        }
        List<StageTransition> first = new ArrayList<>();
        for (int i = ids.size() - 1; i >= 0; i--) {
            first.add(place(ids.get(i), LifecycleStage.ACTIVE, T0.plusSeconds(i)));
        }
        run(TENANT_A, uow -> uow.lifecycle().appendAll(first));
        // every third customer moves on in a later unit of work
        Map<CustomerId, LifecycleState> expected = new LinkedHashMap<>();
        List<StageTransition> later = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            Instant at = T0.plusSeconds(1000 + i);
            if (i % 3 == 0) {
                later.add(move(ids.get(i), LifecycleStage.ACTIVE, LifecycleStage.AT_RISK, at, "warning signs"));
                expected.put(ids.get(i), LifecycleState.of(LifecycleStage.AT_RISK, at));
            } else {
                expected.put(ids.get(i), LifecycleState.of(LifecycleStage.ACTIVE, T0.plusSeconds(i)));
            }
        }
        run(TENANT_A, uow -> uow.lifecycle().appendAll(later));
        append(TENANT_B, place(ids.get(0), LifecycleStage.LOST, T0));

        Map<CustomerId, LifecycleState> seen = scanCurrent(TENANT_A);
        assertThat(seen).containsExactlyInAnyOrderEntriesOf(expected);
        List<String> order = new ArrayList<>();
        seen.keySet().forEach(id -> order.add(id.value().toString()));
        assertThat(order).isSorted();
        assertThat(scanCurrent(TENANT_B))
                .containsExactly(Map.entry(ids.get(0), LifecycleState.of(LifecycleStage.LOST, T0)));
        assertThat(scanCurrent(TenantId.of("nobody"))).isEmpty();
    }

    @Test
    @DisplayName("a period's moves are scanned by instant, customer id and position; start inclusive, end exclusive")
    void scanTransitionsPeriod() {
        CustomerId low = customer("00000000000a");
        CustomerId high = customer("ffffffff000c");
        Instant day = T0.plus(Duration.ofDays(1));
        StageTransition highBefore = place(high, LifecycleStage.ACTIVE, T0.minusNanos(1_000));
        StageTransition highAtStart = move(high, LifecycleStage.ACTIVE, LifecycleStage.AT_RISK, T0, "start");
        StageTransition lowAtStart = place(low, LifecycleStage.NEW_CUSTOMER, T0);
        StageTransition lowAtStart2 = move(low, LifecycleStage.NEW_CUSTOMER, LifecycleStage.ACTIVE, T0, "same µs");
        StageTransition highLast =
                move(high, LifecycleStage.AT_RISK, LifecycleStage.ACTIVE, day.minusNanos(1_000), "last");
        StageTransition lowAtEnd = move(low, LifecycleStage.ACTIVE, LifecycleStage.AT_RISK, day, "end");
        // appended in an order unlike the scan's
        append(TENANT_A, highBefore, lowAtStart);
        append(TENANT_A, highAtStart, lowAtStart2, highLast, lowAtEnd);
        append(TENANT_B, place(low, LifecycleStage.ACTIVE, T0.plusSeconds(1)));

        assertThat(scanTransitions(TENANT_A, T0, day)).containsExactly(lowAtStart, lowAtStart2, highAtStart, highLast);
        assertThat(scanTransitions(TENANT_A, T0.minusSeconds(1), day.plusNanos(1_000)))
                .containsExactly(highBefore, lowAtStart, lowAtStart2, highAtStart, highLast, lowAtEnd);
        assertThat(scanTransitions(TENANT_A, T0.plusNanos(1_000), day)).containsExactly(highLast);
        assertThat(scanTransitions(TENANT_A, T0, T0)).isEmpty();
        assertThat(scanTransitions(TENANT_A, day, day.plusNanos(1_000))).containsExactly(lowAtEnd);
        assertThat(scanTransitions(TENANT_B, T0, day))
                .extracting(StageTransition::customerId)
                .containsExactly(low);
        assertThatThrownBy(() -> scanTransitions(TENANT_A, day, T0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("churn reasons round-trip, are replaced per customer and loss, listed by loss and scanned by period")
    void churnReasons() {
        CustomerId low = customer("00000000000a");
        CustomerId high = customer("ffffffff000c");
        Instant firstLoss = T0;
        Instant secondLoss = T0.plus(Duration.ofDays(200));
        CompetitorId rival = CompetitorId.of("3f2b8c1e-0000-4000-8000-00000000beef");
        String note = "价格太高，转向竞争对手 🏃\n第二行\ttab — İstanbul ıi\r\n" + "長".repeat(3_950);
        ChurnReason full =
                new ChurnReason(high, firstLoss, "price", rival, note, firstLoss.plusNanos(1_000), StaffId.of("Bob 王"));
        ChurnReason bare = new ChurnReason(high, secondLoss, "moved", null, null, secondLoss, null);
        ChurnReason lowLoss = new ChurnReason(low, firstLoss, "service", null, "slow", firstLoss.plusSeconds(60), null);
        run(TENANT_A, uow -> {
            uow.lifecycle().putChurnReason(bare);
            uow.lifecycle().putChurnReason(full);
            uow.lifecycle().putChurnReason(lowLoss);
        });
        assertThat(churnOf(TENANT_A, high)).containsExactly(full, bare);

        ChurnReason replaced = new ChurnReason(
                high, firstLoss, "competitor", null, null, firstLoss.plusSeconds(3600), StaffId.of("alice"));
        run(TENANT_A, uow -> uow.lifecycle().putChurnReason(replaced));
        assertThat(churnOf(TENANT_A, high)).containsExactly(replaced, bare);
        assertThat(churnOf(TENANT_A, low)).containsExactly(lowLoss);
        assertThat(churnOf(TENANT_A, CustomerId.random())).isEmpty();

        // by loss instant, then customer id; start inclusive, end exclusive
        assertThat(scanChurn(TENANT_A, firstLoss, secondLoss)).containsExactly(lowLoss, replaced);
        assertThat(scanChurn(TENANT_A, firstLoss.plusNanos(1_000), secondLoss.plusNanos(1_000)))
                .containsExactly(bare);
        assertThat(scanChurn(TENANT_A, firstLoss.minusSeconds(1), secondLoss.plusSeconds(1)))
                .containsExactly(lowLoss, replaced, bare);
        assertThat(scanChurn(TENANT_A, secondLoss, secondLoss)).isEmpty();
        assertThat(scanChurn(TENANT_B, firstLoss, secondLoss.plusSeconds(1))).isEmpty();
        assertThat(churnOf(TENANT_B, high)).isEmpty();
        assertThatThrownBy(() -> scanChurn(TENANT_A, secondLoss, firstLoss))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("a rolled-back unit of work leaves no move, no current stage and no churn reason")
    void rollback() {
        CustomerId id = CustomerId.random();
        StageTransition kept = place(id, LifecycleStage.ACTIVE, T0);
        ChurnReason keptReason = new ChurnReason(id, T0, "price", null, null, T0, null);
        run(TENANT_A, uow -> {
            uow.lifecycle().appendAll(List.of(kept));
            uow.lifecycle().putChurnReason(keptReason);
        });
        CustomerId fresh = CustomerId.random();
        RuntimeException crash = new IllegalStateException("crash after the move");
        assertThatThrownBy(() -> run(TENANT_A, uow -> {
                    uow.lifecycle()
                            .appendAll(List.of(
                                    move(id, LifecycleStage.ACTIVE, LifecycleStage.LOST, T0.plusSeconds(1), "lost"),
                                    place(fresh, LifecycleStage.PROSPECT, T0)));
                    uow.lifecycle().putChurnReason(new ChurnReason(id, T0, "service", null, "x", T0, null));
                    uow.lifecycle()
                            .putChurnReason(new ChurnReason(
                                    id, T0.plusSeconds(1), "moved", null, null, T0.plusSeconds(1), null));
                    assertThat(uow.lifecycle().history(id)).hasSize(2); // visible inside its own unit
                    assertThat(uow.lifecycle().current(fresh)).isPresent();
                    throw crash;
                }))
                .isSameAs(crash);
        assertThat(history(TENANT_A, id)).containsExactly(kept);
        assertThat(current(TENANT_A, id)).contains(LifecycleState.of(LifecycleStage.ACTIVE, T0));
        assertThat(history(TENANT_A, fresh)).isEmpty();
        assertThat(current(TENANT_A, fresh)).isEmpty();
        assertThat(churnOf(TENANT_A, id)).containsExactly(keptReason);
    }

    @Test
    @DisplayName("tenants never see each other's logs, stages or churn reasons, even for the same customer id")
    void tenantIsolation() {
        CustomerId id = CustomerId.random();
        StageTransition a1 = place(id, LifecycleStage.ACTIVE, T0);
        StageTransition a2 = move(id, LifecycleStage.ACTIVE, LifecycleStage.LOST, T0.plusSeconds(1), "a");
        append(TENANT_A, a1, a2);
        run(
                TENANT_A,
                uow -> uow.lifecycle()
                        .putChurnReason(new ChurnReason(id, a2.at(), "price", null, null, a2.at(), null)));

        assertThat(history(TENANT_B, id)).isEmpty();
        assertThat(current(TENANT_B, id)).isEmpty();
        assertThat(scanCurrent(TENANT_B)).isEmpty();
        assertThat(scanTransitions(TENANT_B, T0, T0.plusSeconds(10))).isEmpty();
        assertThat(churnOf(TENANT_B, id)).isEmpty();
        // the other tenant's log is not this one's: a first placement is not stale here
        StageTransition b1 = place(id, LifecycleStage.PROSPECT, T0.plusSeconds(2));
        append(TENANT_B, b1);
        ChurnReason b = new ChurnReason(id, a2.at(), "moved", null, "b", a2.at(), null);
        run(TENANT_B, uow -> uow.lifecycle().putChurnReason(b));

        assertThat(history(TENANT_A, id)).containsExactly(a1, a2);
        assertThat(history(TENANT_B, id)).containsExactly(b1);
        assertThat(current(TENANT_A, id)).contains(LifecycleState.of(LifecycleStage.LOST, a2.at()));
        assertThat(current(TENANT_B, id)).contains(LifecycleState.of(LifecycleStage.PROSPECT, b1.at()));
        assertThat(churnOf(TENANT_A, id)).extracting(ChurnReason::code).containsExactly("price");
        assertThat(churnOf(TENANT_B, id)).containsExactly(b);
        assertThat(scanTransitions(TENANT_A, T0, T0.plusSeconds(10))).containsExactly(a1, a2);
    }

    @Test
    @DisplayName("many customers in one call (several read chunks), then each moved on in one more call")
    void manyCustomers() {
        int n = 2_500;
        List<CustomerId> ids = new ArrayList<>(n);
        List<StageTransition> first = new ArrayList<>(n);
        List<StageTransition> second = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            CustomerId id = CustomerId.random();
            ids.add(id);
            first.add(place(id, LifecycleStage.NEW_CUSTOMER, T0));
            second.add(
                    move(id, LifecycleStage.NEW_CUSTOMER, LifecycleStage.ACTIVE, T0.plusSeconds(1), "repeat purchase"));
        }
        run(TENANT_A, uow -> uow.lifecycle().appendAll(first));
        // one customer placed again in the same call as the moves: the unit of work fails as a whole
        List<StageTransition> mixed = new ArrayList<>(second);
        mixed.add(place(ids.get(n - 1), LifecycleStage.ACTIVE, T0.plusSeconds(2)));
        assertThatThrownBy(() -> run(TENANT_A, uow -> uow.lifecycle().appendAll(mixed)))
                .isInstanceOf(StaleVersionException.class);
        Map<CustomerId, LifecycleState> before = scanCurrent(TENANT_A);
        assertThat(before).hasSize(n);
        assertThat(before.values()).containsOnly(LifecycleState.of(LifecycleStage.NEW_CUSTOMER, T0));

        run(TENANT_A, uow -> uow.lifecycle().appendAll(second));
        Map<CustomerId, LifecycleState> after = scanCurrent(TENANT_A);
        assertThat(after.values()).hasSize(n).containsOnly(LifecycleState.of(LifecycleStage.ACTIVE, T0.plusSeconds(1)));
        assertThat(scanTransitions(TENANT_A, T0, T0.plusSeconds(2))).hasSize(2 * n);
        assertThat(history(TENANT_A, ids.get(n / 2))).containsExactly(first.get(n / 2), second.get(n / 2));
    }

    // ---------------------------------------------------------------- concurrency

    /**
     * {@value #THREADS} threads move one customer at once. In each contested round every thread reads the current
     * stage in a unit of work of its own, all wait at a barrier, then each tries to move the customer on from that
     * stage: exactly one may win, every other must get a {@link StaleVersionException}. The placement rounds do
     * the same with first placements of a new customer (a race on inserting the current stage). The free phase
     * reads and moves in one unit of work without a barrier. Every success appends exactly one move and the log
     * stays a chain; every failure is a {@link StaleVersionException}.
     */
    @Test
    @DisplayName("concurrent moves of one customer: one winner per stage, the log stays a chain, every loser is stale")
    void concurrentMoves() throws Exception {
        CustomerId id = CustomerId.random();
        StageTransition start = place(id, LifecycleStage.ACTIVE, T0);
        append(TENANT_A, start);
        Queue<Throwable> unexpected = new ConcurrentLinkedQueue<>();
        AtomicInteger stale = new AtomicInteger();
        AtomicInteger freeCommits = new AtomicInteger();
        CyclicBarrier barrier = new CyclicBarrier(THREADS);
        AtomicInteger clock = new AtomicInteger();
        int[][] wins = new int[CONTESTED_ROUNDS + PLACEMENT_ROUNDS][THREADS];
        List<CustomerId> placed = new ArrayList<>();
        for (int r = 0; r < PLACEMENT_ROUNDS; r++) {
            placed.add(CustomerId.random());
        }

        concurrently(t -> () -> {
            for (int round = 0; round < CONTESTED_ROUNDS + PLACEMENT_ROUNDS; round++) {
                boolean placement = round >= CONTESTED_ROUNDS;
                CustomerId target = placement ? placed.get(round - CONTESTED_ROUNDS) : id;
                Optional<LifecycleState> seen = current(TENANT_A, target);
                barrier.await(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                Instant at = T0.plusSeconds(clock.incrementAndGet());
                StageTransition next = placement
                        ? place(target, LifecycleStage.ACTIVE, at)
                        : move(
                                target,
                                seen.orElseThrow().stage(),
                                other(seen.orElseThrow().stage()),
                                at,
                                "thread " + t);
                try {
                    append(TENANT_A, next);
                    wins[round][t] = 1;
                } catch (StaleVersionException e) {
                    stale.incrementAndGet();
                    if (!e.id().equals(target) || !"LifecycleStage".equals(e.entityType())) {
                        unexpected.add(e);
                    }
                } catch (RuntimeException | Error e) {
                    unexpected.add(e);
                }
                barrier.await(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            }
            for (int attempt = 0; attempt < FREE_ATTEMPTS; attempt++) {
                try {
                    run(TENANT_A, uow -> freeMove(uow, id, clock));
                    freeCommits.incrementAndGet();
                } catch (StaleVersionException e) {
                    stale.incrementAndGet();
                } catch (RuntimeException | Error e) {
                    unexpected.add(e);
                }
            }
            return null;
        });

        assertThat(unexpected)
                .as("failures other than StaleVersionException of the customer")
                .isEmpty();
        for (int round = 0; round < wins.length; round++) {
            int winners = 0;
            for (int t = 0; t < THREADS; t++) {
                winners += wins[round][t];
            }
            assertThat(winners).as("winners of round %d", round).isEqualTo(1);
        }
        assertThat(stale.get()).as("stale attempts").isGreaterThanOrEqualTo(wins.length * (THREADS - 1));

        List<StageTransition> log = history(TENANT_A, id);
        assertThat(log).as("one move per success").hasSize(1 + CONTESTED_ROUNDS + freeCommits.get());
        assertThat(freeCommits.get()).as("successful free moves").isPositive();
        assertThat(log.get(0)).isEqualTo(start);
        for (int i = 1; i < log.size(); i++) {
            assertThat(log.get(i).from())
                    .as("from of move %d", i)
                    .isEqualTo(log.get(i - 1).to());
        }
        StageTransition last = log.get(log.size() - 1);
        assertThat(current(TENANT_A, id)).contains(LifecycleState.of(last.to(), last.at()));
        for (CustomerId p : placed) {
            assertThat(history(TENANT_A, p)).as("placements of %s", p).hasSize(1);
        }
    }

    /** Reads the current stage and moves on from it, in one unit of work. */
    private static void freeMove(UnitOfWork uow, CustomerId id, AtomicInteger clock) {
        LifecycleStage stage = uow.lifecycle().current(id).orElseThrow().stage();
        Instant at = T0.plusSeconds(clock.incrementAndGet());
        uow.lifecycle().appendAll(List.of(move(id, stage, other(stage), at, "free")));
    }

    private static LifecycleStage other(LifecycleStage stage) {
        return stage == LifecycleStage.ACTIVE ? LifecycleStage.AT_RISK : LifecycleStage.ACTIVE;
    }

    private static void concurrently(IntFunction<Callable<Void>> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<Void>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                futures.add(pool.submit(task.apply(t)));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
            for (Future<Void> f : futures) {
                f.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }
    }

    // ---------------------------------------------------------------- through the API

    @Test
    @DisplayName("a manual move and a churn reason through the Lifecycle API land in the store's log")
    void throughTheApi() {
        MutableClock clock = MutableClock.at(T0);
        Crm crm = Crm.builder().storage(storage()).clock(clock).build();
        TenantCrm tenant = crm.tenant(TENANT_A);
        tenant.referenceCodes().define(ReferenceCodeType.CHURN_REASON, "price", "价格");
        CustomerId id = tenant.customers()
                .register(CustomerDraft.organisation("Acme 有限公司").build())
                .id();
        Lifecycle lifecycle = tenant.lifecycle();

        lifecycle.move(id, LifecycleStage.ACTIVE, "imported from the old CRM");
        clock.advance(Duration.ofDays(400));
        lifecycle.move(id, LifecycleStage.LOST, "closed the account — İzmir office");
        clock.advance(Duration.ofMinutes(5));
        ChurnReason reason = lifecycle.recordChurnReason(id, "price", null, "too expensive 太贵", StaffId.of("alice"));

        List<StageTransition> log = lifecycle.history(id).transitions();
        assertThat(log).extracting(StageTransition::to).containsExactly(LifecycleStage.ACTIVE, LifecycleStage.LOST);
        assertThat(log).extracting(StageTransition::cause).containsOnly(TransitionCause.MANUAL);
        assertThat(lifecycle.current(id).map(LifecycleState::stage)).contains(LifecycleStage.LOST);
        assertThat(log).extracting(StageTransition::at).containsExactly(T0, T0.plus(Duration.ofDays(400)));
        assertThat(reason.lostAt()).isEqualTo(log.get(1).at());
        assertThat(lifecycle.churnReasons(id)).containsExactly(reason);
        assertThatThrownBy(() -> lifecycle.move(id, LifecycleStage.ACTIVE, "not allowed from LOST"))
                .isInstanceOf(dev.guanxi.crm.lifecycle.IllegalStageTransitionException.class);
    }
}
