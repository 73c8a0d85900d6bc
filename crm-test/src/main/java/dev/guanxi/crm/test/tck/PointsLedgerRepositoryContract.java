package dev.guanxi.crm.test.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guanxi.crm.Crm;
import dev.guanxi.crm.DuplicateKeyException;
import dev.guanxi.crm.NotFoundException;
import dev.guanxi.crm.StaleVersionException;
import dev.guanxi.crm.TenantCrm;
import dev.guanxi.crm.TenantId;
import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.ValidationRule;
import dev.guanxi.crm.customer.CustomerDraft;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.loyalty.Membership;
import dev.guanxi.crm.loyalty.PointsAccount;
import dev.guanxi.crm.loyalty.PointsEntry;
import dev.guanxi.crm.loyalty.PointsEntryId;
import dev.guanxi.crm.loyalty.PointsEntryKind;
import dev.guanxi.crm.query.Page;
import dev.guanxi.crm.query.PageRequest;
import dev.guanxi.crm.sales.OrderId;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Conformance tests of {@code PointsLedgerRepository}: accounts are versioned aggregates keyed by the customer;
 * entries round-trip exactly, are unique per tenant by id, by business key and by (customer, sequence), are
 * listed by sequence and summed (all, and by kind in a half-open period); accounts are listed by customer id
 * text after a given one and filtered by their next expiry; deleting an account deletes its ledger; a rollback
 * leaves nothing; tenants never see each other's accounts, entries or keys.
 *
 * <p>Also C5 of the reliability catalogue, through the membership API on the store under test: {@value #C5_THREADS}
 * threads at once award and redeem points on one member with an opening balance of 100, every award sent three
 * times with the same business key. Every award is applied exactly once, every redemption at most once, a
 * redemption fails only as a typed {@code ValidationException} on {@code points}, no entry's balance is ever
 * negative, and the balance is the sum of the ledger.
 */
public abstract class PointsLedgerRepositoryContract extends RepositoryContract {
    /** The instant fixtures are posted at (microsecond precision, as every store keeps it). */
    protected static final Instant T0 = Instant.parse("2026-01-15T10:00:00.123456Z");
    /** The threads of the C5 race. */
    protected static final int C5_THREADS = 50;

    private static final int C5_AWARDS = 25;
    private static final int C5_REDEMPTIONS = 25;
    private static final long C5_AWARD = 10;
    private static final long C5_REDEEM = 30;
    private static final int TIMEOUT_SECONDS = 120;

    /** Creates the contract. */
    protected PointsLedgerRepositoryContract() {}

    private static CustomerId customer(int n) {
        return CustomerId.of(String.format("c0000000-0000-0000-0000-%012d", n));
    }

    private static PointsAccount account(CustomerId id, long balance, long entries) {
        return new PointsAccount(id, balance, null, null, entries, null, 1, T0, T0);
    }

    private static PointsEntry entry(
            CustomerId customer, long sequence, String key, PointsEntryKind kind, long points, long balanceAfter) {
        return new PointsEntry(
                PointsEntryId.random(),
                customer,
                sequence,
                key,
                kind,
                points,
                balanceAfter,
                T0.plusSeconds(sequence),
                kind == PointsEntryKind.EARN ? LocalDate.of(2027, 1, 15) : null,
                "reason " + key,
                null);
    }

    private Optional<PointsAccount> find(TenantId tenant, CustomerId id) {
        return read(tenant, uow -> uow.points().find(id));
    }

    private Optional<PointsEntry> byKey(TenantId tenant, String key) {
        return read(tenant, uow -> uow.points().findEntryByBusinessKey(key));
    }

    private long sum(TenantId tenant, CustomerId id) {
        Long s = read(tenant, uow -> uow.points().sumEntries(id));
        return s;
    }

    private List<PointsEntry> ledger(TenantId tenant, CustomerId id) {
        List<PointsEntry> all = new ArrayList<>();
        Optional<PageRequest> next = Optional.of(PageRequest.first(3));
        while (next.isPresent()) {
            PageRequest request = next.get();
            Page<PointsEntry> page = read(tenant, uow -> uow.points().listEntries(id, request));
            all.addAll(page.items());
            next = page.nextRequest();
        }
        return all;
    }

    // ---------------------------------------------------------------- accounts

    @Test
    @DisplayName("an account round-trips every component and is updated only from its current version")
    void accountVersions() {
        CustomerId id = CustomerId.random();
        PointsAccount opened = PointsAccount.open(id, T0);
        run(TENANT_A, uow -> uow.points().insert(opened));
        assertThat(find(TENANT_A, id)).contains(opened);

        PointsAccount gold = new PointsAccount(
                id, 1_234, "GOLD", LocalDate.of(2026, 1, 15), 7, LocalDate.of(2027, 1, 1), 2, T0, T0.plusSeconds(60));
        run(TENANT_A, uow -> uow.points().update(1, gold));
        assertThat(find(TENANT_A, id)).contains(gold);

        PointsAccount skipping =
                gold.withNextExpiry(null, T0.plusSeconds(120)).withNextExpiry(null, T0.plusSeconds(120));
        assertThatThrownBy(() -> run(TENANT_A, uow -> uow.points().update(2, skipping)))
                .as("version 4 is not 2 + 1")
                .isInstanceOf(IllegalArgumentException.class);
        PointsAccount basedOnOld = opened.withNextExpiry(null, T0.plusSeconds(120)); // version 2, from 1
        assertThatThrownBy(() -> run(TENANT_A, uow -> uow.points().update(1, basedOnOld)))
                .isInstanceOf(StaleVersionException.class);
        PointsAccount unknown = PointsAccount.open(CustomerId.random(), T0).withNextExpiry(null, T0);
        assertThatThrownBy(() -> run(TENANT_A, uow -> uow.points().update(1, unknown)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> run(TENANT_A, uow -> uow.points().insert(opened)))
                .isInstanceOfSatisfying(
                        DuplicateKeyException.class, e -> assertThat(e.field()).isEqualTo("id"));
        assertThat(find(TENANT_A, id)).contains(gold);
    }

    @Test
    @DisplayName("accounts are listed by customer id text after a given one, filtered by next expiry, limited")
    void listAccounts() {
        List<PointsAccount> all = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            LocalDate expiry = i % 2 == 0 ? LocalDate.of(2026, 3, i) : null;
            all.add(new PointsAccount(customer(i), i, null, null, 0, expiry, 1, T0, T0));
        }
        all.add(new PointsAccount(
                CustomerId.of("ffffffff-0000-0000-0000-000000000001"),
                9,
                null,
                null,
                0,
                LocalDate.of(2026, 3, 1),
                1,
                T0,
                T0));
        List<PointsAccount> shuffled = new ArrayList<>(all);
        Collections.shuffle(shuffled, new Random(5));
        run(TENANT_A, uow -> shuffled.forEach(a -> uow.points().insert(a)));
        run(TENANT_B, uow -> uow.points().insert(account(customer(3), 3, 0)));

        List<PointsAccount> first = read(TENANT_A, uow -> uow.points().listAccounts(null, null, 3));
        assertThat(first).containsExactlyElementsOf(all.subList(0, 3));
        List<PointsAccount> rest = read(TENANT_A, uow -> uow.points().listAccounts(customer(3), null, 100));
        assertThat(rest).containsExactlyElementsOf(all.subList(3, all.size()));
        // due by 2026-03-04: customers 2 and 4 (03-02, 03-04) and the last (03-01); not 6 (03-06)
        List<PointsAccount> due = read(TENANT_A, uow -> uow.points().listAccounts(null, LocalDate.of(2026, 3, 4), 100));
        assertThat(due).containsExactly(all.get(1), all.get(3), all.get(7));
        List<PointsAccount> dueAfter =
                read(TENANT_A, uow -> uow.points().listAccounts(customer(2), LocalDate.of(2026, 3, 4), 1));
        assertThat(dueAfter).containsExactly(all.get(3));
        List<PointsAccount> inB = read(TENANT_B, uow -> uow.points().listAccounts(null, null, 100));
        assertThat(inB).extracting(PointsAccount::id).containsExactly(customer(3));
        assertThatThrownBy(() -> read(TENANT_A, uow -> uow.points().listAccounts(null, null, 0)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    // ---------------------------------------------------------------- entries

    @Test
    @DisplayName("an entry round-trips exactly: Unicode key and reason, micros, dates, order; found by key")
    void entryRoundTrip() {
        CustomerId id = CustomerId.random();
        String key = "订单-𠮷野家-🙂-" + "k".repeat(191);
        PointsEntry earned = new PointsEntry(
                PointsEntryId.random(),
                id,
                1,
                key,
                PointsEntryKind.EARN,
                1_000_000_000L,
                1_000_000_000L,
                T0,
                LocalDate.of(2028, 2, 29),
                "积分 İstanbul Cafe\u0301 👩‍👧 " + "r".repeat(470),
                OrderId.random());
        PointsEntry redeemed = new PointsEntry(
                PointsEntryId.random(),
                id,
                2,
                "r'; DROP TABLE x; --",
                PointsEntryKind.REDEEM,
                -1,
                999_999_999L,
                T0,
                null,
                "%_\\",
                null);
        run(TENANT_A, uow -> {
            uow.points().insertEntry(earned);
            uow.points().insertEntry(redeemed);
        });
        assertThat(key.codePointCount(0, key.length())).isEqualTo(PointsEntry.BUSINESS_KEY_MAX);
        assertThat(byKey(TENANT_A, key)).contains(earned);
        assertThat(byKey(TENANT_A, "r'; DROP TABLE x; --")).contains(redeemed);
        assertThat(byKey(TENANT_A, key.toUpperCase(java.util.Locale.ROOT))).isEmpty();
        assertThat(byKey(TENANT_A, "r'; DROP TABLE x; -- "))
                .as("trailing space is another key")
                .isEmpty();
        assertThat(ledger(TENANT_A, id)).containsExactly(earned, redeemed);
    }

    @Test
    @DisplayName("a taken business key, (customer, sequence) or id is a DuplicateKeyException naming field and holder")
    void uniqueness() {
        CustomerId id = CustomerId.random();
        PointsEntry first = entry(id, 1, "k1", PointsEntryKind.EARN, 10, 10);
        run(TENANT_A, uow -> uow.points().insertEntry(first));

        PointsEntry sameKey = entry(CustomerId.random(), 1, "k1", PointsEntryKind.EARN, 10, 10);
        assertThatThrownBy(() -> run(TENANT_A, uow -> uow.points().insertEntry(sameKey)))
                .isInstanceOfSatisfying(DuplicateKeyException.class, e -> {
                    assertThat(e.field()).isEqualTo("businessKey");
                    assertThat(e.existingId()).contains(first.id());
                });
        PointsEntry sameSequence = entry(id, 1, "k2", PointsEntryKind.EARN, 10, 10);
        assertThatThrownBy(() -> run(TENANT_A, uow -> uow.points().insertEntry(sameSequence)))
                .isInstanceOfSatisfying(DuplicateKeyException.class, e -> {
                    assertThat(e.field()).isEqualTo("sequence");
                    assertThat(e.existingId()).contains(first.id());
                });
        PointsEntry sameId =
                new PointsEntry(first.id(), id, 2, "k3", PointsEntryKind.EARN, 1, 11, T0, null, "same id", null);
        assertThatThrownBy(() -> run(TENANT_A, uow -> uow.points().insertEntry(sameId)))
                .isInstanceOfSatisfying(
                        DuplicateKeyException.class, e -> assertThat(e.field()).isEqualTo("id"));

        assertThat(ledger(TENANT_A, id)).containsExactly(first);
        assertThat(byKey(TENANT_A, "k2")).isEmpty();
        assertThat(byKey(TENANT_A, "k3")).isEmpty();
        assertThat(ledger(TENANT_A, sameKey.customerId())).isEmpty();
    }

    @Test
    @DisplayName("entries are listed by sequence in pages and summed, all and by kind in a half-open period")
    void listAndSum() {
        CustomerId id = CustomerId.random();
        CustomerId other = CustomerId.random();
        List<PointsEntry> entries = List.of(
                entry(id, 1, "e1", PointsEntryKind.EARN, 100, 100),
                entry(id, 2, "e2", PointsEntryKind.EARN, 50, 150),
                entry(id, 3, "r3", PointsEntryKind.REDEEM, -70, 80),
                entry(id, 4, "a4", PointsEntryKind.ADJUST, 5, 85),
                entry(id, 5, "x5", PointsEntryKind.EXPIRE, -30, 55),
                entry(id, 6, "e6", PointsEntryKind.EARN, 7, 62),
                entry(id, 7, "a7", PointsEntryKind.ADJUST, -2, 60));
        List<PointsEntry> shuffled = new ArrayList<>(entries);
        Collections.shuffle(shuffled, new Random(7));
        run(TENANT_A, uow -> {
            shuffled.forEach(e -> uow.points().insertEntry(e));
            uow.points().insertEntry(entry(other, 1, "o1", PointsEntryKind.EARN, 1_000, 1_000));
        });

        assertThat(ledger(TENANT_A, id)).containsExactlyElementsOf(entries);
        Page<PointsEntry> second = read(TENANT_A, uow -> uow.points().listEntries(id, new PageRequest(3, 3)));
        assertThat(second.items()).containsExactlyElementsOf(entries.subList(3, 6));
        assertThat(second.hasMore()).isTrue();
        // 100 + 50 - 70 + 5 - 30 + 7 - 2 = 60
        assertThat(sum(TENANT_A, id)).isEqualTo(60);
        assertThat(sum(TENANT_A, CustomerId.random())).isZero();
        // entry n is posted at T0 + n seconds: earned in [T0+2s, T0+6s) is e2 only; [T0+1s, T0+6s] e1, e2, e6
        Instant from = T0.plusSeconds(2);
        long earned = read(TENANT_A, uow -> uow.points().sumEntries(id, PointsEntryKind.EARN, from, T0.plusSeconds(6)));
        assertThat(earned).isEqualTo(50);
        long earnedAll = read(
                TENANT_A,
                uow -> uow.points()
                        .sumEntries(
                                id,
                                PointsEntryKind.EARN,
                                T0.plusSeconds(1),
                                T0.plusSeconds(6).plusNanos(1_000)));
        assertThat(earnedAll).isEqualTo(157);
        long redeemed = read(
                TENANT_A, uow -> uow.points().sumEntries(id, PointsEntryKind.REDEEM, T0, T0.plus(Duration.ofDays(1))));
        assertThat(redeemed).isEqualTo(-70);
    }

    @Test
    @DisplayName("deleting an account deletes its ledger and frees its business keys")
    void deleteRemovesLedger() {
        CustomerId id = CustomerId.random();
        CustomerId kept = CustomerId.random();
        run(TENANT_A, uow -> {
            uow.points().insert(account(id, 30, 2));
            uow.points().insertEntry(entry(id, 1, "d1", PointsEntryKind.EARN, 40, 40));
            uow.points().insertEntry(entry(id, 2, "d2", PointsEntryKind.REDEEM, -10, 30));
            uow.points().insert(account(kept, 5, 1));
            uow.points().insertEntry(entry(kept, 1, "k1", PointsEntryKind.EARN, 5, 5));
        });
        assertThatThrownBy(() -> run(TENANT_A, uow -> uow.points().delete(id, 2)))
                .isInstanceOf(StaleVersionException.class);
        run(TENANT_A, uow -> uow.points().delete(id, 1));

        assertThat(find(TENANT_A, id)).isEmpty();
        assertThat(ledger(TENANT_A, id)).isEmpty();
        assertThat(sum(TENANT_A, id)).isZero();
        assertThat(byKey(TENANT_A, "d1")).isEmpty();
        run(TENANT_A, uow -> uow.points().insertEntry(entry(CustomerId.random(), 1, "d1", PointsEntryKind.EARN, 1, 1)));
        assertThat(sum(TENANT_A, kept)).isEqualTo(5);
        assertThatThrownBy(() -> run(TENANT_A, uow -> uow.points().delete(id, 1)))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    @DisplayName("a rolled-back unit of work leaves neither the account change nor the entry")
    void rollback() {
        CustomerId id = CustomerId.random();
        PointsAccount opened = account(id, 0, 0);
        run(TENANT_A, uow -> uow.points().insert(opened));
        PointsEntry e = entry(id, 1, "rb", PointsEntryKind.EARN, 10, 10);
        assertThatThrownBy(() -> run(TENANT_A, uow -> {
                    uow.points().update(1, opened.post(e, T0.plusSeconds(1)));
                    uow.points().insertEntry(e);
                    assertThat(uow.points().findEntryByBusinessKey("rb")).contains(e);
                    assertThat(uow.points().sumEntries(id)).isEqualTo(10);
                    throw new IllegalStateException("crash after the post");
                }))
                .hasMessageContaining("crash");
        assertThat(find(TENANT_A, id)).contains(opened);
        assertThat(byKey(TENANT_A, "rb")).isEmpty();
        assertThat(sum(TENANT_A, id)).isZero();
    }

    @Test
    @DisplayName("tenants never see each other's accounts, entries or keys; the same key may be used in each")
    void tenantIsolation() {
        CustomerId id = CustomerId.random();
        PointsEntry a = entry(id, 1, "same-key", PointsEntryKind.EARN, 10, 10);
        PointsEntry b = entry(id, 1, "same-key", PointsEntryKind.EARN, 99, 99);
        run(TENANT_A, uow -> {
            uow.points().insert(account(id, 10, 1));
            uow.points().insertEntry(a);
        });
        run(TENANT_B, uow -> uow.points().insertEntry(b));

        assertThat(byKey(TENANT_A, "same-key")).contains(a);
        assertThat(byKey(TENANT_B, "same-key")).contains(b);
        assertThat(find(TENANT_B, id)).isEmpty();
        assertThat(ledger(TENANT_B, id)).containsExactly(b);
        assertThat(sum(TENANT_A, id)).isEqualTo(10);
        assertThat(sum(TENANT_B, id)).isEqualTo(99);
        List<PointsAccount> inB = read(TENANT_B, uow -> uow.points().listAccounts(null, null, 10));
        assertThat(inB).isEmpty();
        assertThatThrownBy(() -> run(
                        TENANT_B,
                        uow -> uow.points().update(1, account(id, 10, 1).withNextExpiry(null, T0))))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> run(TENANT_B, uow -> uow.points().delete(id, 1)))
                .isInstanceOf(NotFoundException.class);
        assertThat(find(TENANT_A, id)).isPresent();
    }

    @Test
    @DisplayName("a read-only unit of work refuses to write accounts and entries")
    void readOnlyRefuses() {
        CustomerId id = CustomerId.random();
        assertThatThrownBy(() -> read(TENANT_A, uow -> {
                    uow.points().insertEntry(entry(id, 1, "ro", PointsEntryKind.EARN, 1, 1));
                    return null;
                }))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> read(TENANT_A, uow -> {
                    uow.points().insert(account(id, 0, 0));
                    return null;
                }))
                .isInstanceOf(IllegalStateException.class);
        assertThat(byKey(TENANT_A, "ro")).isEmpty();
        assertThat(find(TENANT_A, id)).isEmpty();
    }

    // ---------------------------------------------------------------- C5

    /**
     * C5: on one member with an opening balance of 100, {@value #C5_AWARDS} awards of {@value #C5_AWARD} points
     * (each sent three times with its business key) and {@value #C5_REDEMPTIONS} redemptions of {@value
     * #C5_REDEEM} run at once on {@value #C5_THREADS} threads through the membership API. At most 11 redemptions
     * can succeed (100 + 250 = 350 points), so some must be refused for want of points.
     *
     * @throws Exception if a thread does not finish within the timeout ({@link java.util.concurrent.TimeoutException}),
     *     throws something other than the expected failures ({@link java.util.concurrent.ExecutionException}) or
     *     the test thread is interrupted; JUnit reports it as a failure of the contract
     */
    @Test
    @DisplayName("C5: concurrent awards (each replayed twice) and redemptions: every key once, never negative,"
            + " balance = Σ ledger, every failure typed")
    public void concurrentAwardsAndRedemptions() throws Exception {
        Crm crm = Crm.builder().storage(storage()).build();
        TenantCrm tenant = crm.tenant(TENANT_A);
        CustomerId member =
                tenant.customers().register(CustomerDraft.person("张伟").build()).id();
        Membership membership = tenant.membership();
        membership.earn(member, "c5-open", 100, "opening balance");

        List<String> keys = new ArrayList<>();
        for (int i = 0; i < C5_AWARDS; i++) {
            for (int copy = 0; copy < 3; copy++) {
                keys.add("c5-award-" + i);
            }
        }
        for (int i = 0; i < C5_REDEMPTIONS; i++) {
            keys.add("c5-redeem-" + i);
        }
        Collections.shuffle(keys, new Random(42));
        List<Object> outcomes = concurrently(keys, key -> () -> {
            try {
                return key.startsWith("c5-award-")
                        ? membership.earn(member, key, C5_AWARD, "award")
                        : membership.redeem(member, key, C5_REDEEM, "redemption");
            } catch (RuntimeException e) {
                return e;
            }
        });

        Map<String, List<Object>> byKey = new HashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            byKey.computeIfAbsent(keys.get(i), k -> new ArrayList<>()).add(outcomes.get(i));
        }
        List<Object> unexpected = new ArrayList<>();
        Map<String, Long> awardEntries = new HashMap<>();
        long redeemed = 0;
        for (Map.Entry<String, List<Object>> e : byKey.entrySet()) {
            for (Object o : e.getValue()) {
                boolean refusedRedemption = e.getKey().startsWith("c5-redeem-")
                        && o instanceof ValidationException v
                        && !(o instanceof DuplicateKeyException)
                        && v.field().equals("points")
                        && v.rule() == ValidationRule.OUT_OF_RANGE;
                if (!(o instanceof PointsEntry) && !refusedRedemption) {
                    unexpected.add(e.getKey() + ": " + o);
                }
            }
            if (e.getKey().startsWith("c5-award-")) {
                awardEntries.put(
                        e.getKey(),
                        e.getValue().stream()
                                .filter(PointsEntry.class::isInstance)
                                .distinct()
                                .count());
            } else if (e.getValue().get(0) instanceof PointsEntry) {
                redeemed++;
            }
        }
        assertThat(unexpected)
                .as("failures other than a redemption refused for want of points")
                .isEmpty();
        assertThat(awardEntries.values())
                .as("every call for an award returns that award's one entry")
                .containsOnly(1L);

        List<PointsEntry> ledger = new ArrayList<>();
        Optional<PageRequest> next = Optional.of(PageRequest.first(PageRequest.MAX_LIMIT));
        while (next.isPresent()) {
            Page<PointsEntry> page = membership.ledger(member, next.get());
            ledger.addAll(page.items());
            next = page.nextRequest();
        }
        long running = 0;
        Map<String, Integer> applied = new HashMap<>();
        for (int i = 0; i < ledger.size(); i++) {
            PointsEntry e = ledger.get(i);
            assertThat(e.sequence()).as("sequence of entry %d", i).isEqualTo(i + 1L);
            running += e.points();
            assertThat(e.balanceAfter())
                    .as("balance after entry %d (%s)", i, e.businessKey())
                    .isEqualTo(running);
            assertThat(e.balanceAfter()).as("balance after entry %d", i).isNotNegative();
            applied.merge(e.businessKey(), 1, Integer::sum);
        }
        assertThat(applied.values()).as("every key applied at most once").allMatch(n -> n == 1);
        for (int i = 0; i < C5_AWARDS; i++) {
            assertThat(applied).as("award %d applied", i).containsKey("c5-award-" + i);
        }
        for (int i = 0; i < C5_REDEMPTIONS; i++) {
            boolean succeeded = byKey.get("c5-redeem-" + i).get(0) instanceof PointsEntry;
            assertThat(applied.containsKey("c5-redeem-" + i))
                    .as("redemption %d in the ledger exactly when it succeeded", i)
                    .isEqualTo(succeeded);
        }
        assertThat(ledger).hasSize(1 + C5_AWARDS + (int) redeemed);
        long expected = 100 + C5_AWARDS * C5_AWARD - redeemed * C5_REDEEM;
        assertThat(running).as("Σ ledger").isEqualTo(expected);
        assertThat(membership.balance(member)).as("balance").isEqualTo(expected);
        assertThat(sum(TENANT_A, member)).as("the store's sum").isEqualTo(expected);
        assertThat(redeemed).as("redemptions that succeeded").isBetween(3L, 11L);
    }

    private static <T> List<T> concurrently(List<String> keys, java.util.function.Function<String, Callable<T>> task)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(C5_THREADS);
        try {
            CountDownLatch gate = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (String key : keys) {
                Callable<T> work = task.apply(key);
                futures.add(pool.submit(() -> {
                    gate.await();
                    return work.call();
                }));
            }
            gate.countDown();
            List<T> results = new ArrayList<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
            for (Future<T> f : futures) {
                results.add(f.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }
    }
}
