package dev.guanxi.crm.test.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.guanxi.crm.Channel;
import dev.guanxi.crm.StaffId;
import dev.guanxi.crm.TenantId;
import dev.guanxi.crm.customer.ContactPurpose;
import dev.guanxi.crm.customer.Customer;
import dev.guanxi.crm.customer.CustomerDraft;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.event.CustomerDeleted;
import dev.guanxi.crm.event.CustomerRegistered;
import dev.guanxi.crm.event.DomainEvent;
import dev.guanxi.crm.event.EventMetadata;
import dev.guanxi.crm.event.InteractionLogged;
import dev.guanxi.crm.event.PurchaseRecorded;
import dev.guanxi.crm.interaction.Direction;
import dev.guanxi.crm.interaction.InteractionId;
import dev.guanxi.crm.money.Money;
import dev.guanxi.crm.query.PageRequest;
import dev.guanxi.crm.sales.OrderId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Conformance tests of the transactional outbox ({@code EventOutbox}): events are pending in the order they
 * were appended, across units of work; {@code pending(limit)} returns the oldest first and at most {@code
 * limit}; {@code markDelivered} removes exactly the given events and ignores unknown ids; events appended by
 * a unit of work that throws are never pending; each tenant has its own outbox; and committed events stay
 * pending, unchanged, until marked delivered, as after a crash between commit and delivery.
 *
 * <p>Events must come back equal to those appended ({@code equals} of the event records), whatever the
 * store does to keep them: a store that serialises events must round-trip every component of every event
 * type. A {@linkplain dev.guanxi.crm.spi.storage.StorageCapabilities#durable() durable} store must keep
 * pending events across a restart ({@link #reopenStorage()}); for a store that says it is not durable that
 * test is skipped, not passed.
 */
public abstract class EventOutboxContract extends RepositoryContract {
    /** Instants with whole seconds, so that every store keeps them exactly. */
    private static final Instant T0 = Instant.parse("2026-01-15T10:00:00Z");

    private final AtomicInteger sequence = new AtomicInteger();

    /** Creates the contract. */
    protected EventOutboxContract() {}

    /**
     * Creates an event of tenant A, a different one each call (the kinds rotate), each a second later.
     *
     * @return a new event
     */
    private DomainEvent event() {
        return event(TENANT_A);
    }

    private DomainEvent event(TenantId tenant) {
        int n = sequence.incrementAndGet();
        EventMetadata metadata = new EventMetadata(UUID.randomUUID(), tenant, T0.plusSeconds(n));
        CustomerId customer = CustomerId.random();
        return switch (n % 4) {
            case 0 ->
                new CustomerRegistered(
                        metadata,
                        Customer.create(
                                customer,
                                CustomerDraft.organisation("事件 " + n + " 🎉")
                                        .email("event" + n + "@example.com", ContactPurpose.WORK)
                                        .tag("vip")
                                        .externalId("EV-" + n)
                                        .creditLimit(Money.of("1234.50", "EUR"))
                                        .build(),
                                T0));
            case 1 ->
                new PurchaseRecorded(
                        metadata, customer, OrderId.random(), LocalDate.parse("2026-01-14"), Money.of("19.99", "USD"));
            case 2 ->
                new InteractionLogged(
                        metadata,
                        customer,
                        InteractionId.random(),
                        Channel.PHONE,
                        Direction.INBOUND,
                        T0.minusSeconds(60L * n),
                        n % 3 == 0 ? null : StaffId.of("li.na"));
            default -> new CustomerDeleted(metadata, customer, n);
        };
    }

    private List<DomainEvent> events(int count) {
        List<DomainEvent> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(event());
        }
        return events;
    }

    private void append(TenantId tenant, List<DomainEvent> events) {
        run(tenant, uow -> uow.outbox().append(events));
    }

    private List<DomainEvent> pending(TenantId tenant, int limit) {
        return read(tenant, uow -> uow.outbox().pending(limit));
    }

    private void markDelivered(TenantId tenant, List<UUID> ids) {
        run(tenant, uow -> uow.outbox().markDelivered(ids));
    }

    private static List<UUID> ids(List<DomainEvent> events) {
        return events.stream().map(e -> e.metadata().eventId()).toList();
    }

    private static List<DomainEvent> concat(List<DomainEvent> first, List<DomainEvent> second) {
        return Stream.concat(first.stream(), second.stream()).toList();
    }

    /** A new store has no pending events. */
    @Test
    @DisplayName("a new store has no pending events")
    public void emptyAtFirst() {
        assertThat(pending(TENANT_A, 10)).isEmpty();
    }

    /** Events come back in the order they were appended, within one call and across units of work. */
    @Test
    @DisplayName("returns pending events, equal to those appended, in append order across units of work")
    public void appendOrder() {
        List<DomainEvent> first = events(3);
        List<DomainEvent> second = events(4);
        List<DomainEvent> third = events(1);

        append(TENANT_A, first);
        append(TENANT_A, second);
        append(TENANT_A, third);

        assertThat(pending(TENANT_A, 100)).containsExactlyElementsOf(concat(concat(first, second), third));
    }

    /** pending(limit) gives the oldest events first and never more than the limit. */
    @Test
    @DisplayName("pending(limit) returns the oldest events first and at most limit of them")
    public void pendingRespectsLimit() {
        List<DomainEvent> all = events(7);
        append(TENANT_A, all.subList(0, 2));
        append(TENANT_A, all.subList(2, 7));

        assertThat(pending(TENANT_A, 1)).containsExactly(all.get(0));
        assertThat(pending(TENANT_A, 3)).containsExactlyElementsOf(all.subList(0, 3));
        assertThat(pending(TENANT_A, 7)).containsExactlyElementsOf(all);
        assertThat(pending(TENANT_A, 1000)).containsExactlyElementsOf(all);
    }

    /** Appending nothing is allowed and changes nothing. */
    @Test
    @DisplayName("appending an empty list changes nothing")
    public void appendNothing() {
        List<DomainEvent> some = events(2);
        append(TENANT_A, some);

        append(TENANT_A, List.of());

        assertThat(pending(TENANT_A, 10)).containsExactlyElementsOf(some);
    }

    /** markDelivered removes exactly the given events and keeps the order of the rest. */
    @Test
    @DisplayName("markDelivered removes exactly the given events, ignores unknown ids, keeps the others' order")
    public void markDeliveredRemovesExactlyThose() {
        List<DomainEvent> all = events(6);
        append(TENANT_A, all);

        markDelivered(
                TENANT_A,
                List.of(
                        all.get(1).metadata().eventId(),
                        UUID.randomUUID(),
                        all.get(4).metadata().eventId()));

        assertThat(pending(TENANT_A, 10)).containsExactly(all.get(0), all.get(2), all.get(3), all.get(5));
        markDelivered(TENANT_A, List.of(all.get(1).metadata().eventId(), UUID.randomUUID()));
        markDelivered(TENANT_A, List.of());
        assertThat(pending(TENANT_A, 10)).containsExactly(all.get(0), all.get(2), all.get(3), all.get(5));
        markDelivered(TENANT_A, ids(all));
        assertThat(pending(TENANT_A, 10)).isEmpty();
    }

    /** Delivering the head of the outbox lets pending(limit) reach the next events. */
    @Test
    @DisplayName("after the oldest events are marked delivered, pending(limit) returns the next oldest")
    public void deliveringInBatches() {
        List<DomainEvent> all = events(5);
        append(TENANT_A, all);
        List<DomainEvent> delivered = new ArrayList<>();

        for (List<DomainEvent> batch = pending(TENANT_A, 2); !batch.isEmpty(); batch = pending(TENANT_A, 2)) {
            assertThat(batch).hasSizeLessThanOrEqualTo(2);
            delivered.addAll(batch);
            markDelivered(TENANT_A, ids(batch));
        }

        assertThat(delivered).containsExactlyElementsOf(all);
    }

    /** Events appended by a unit of work that throws are never pending. */
    @Test
    @DisplayName("events appended in a unit of work that throws are not pending")
    public void rolledBackEventsAreNotPending() {
        List<DomainEvent> committed = events(2);
        append(TENANT_A, committed);
        List<DomainEvent> rolledBack = events(3);

        assertThatThrownBy(() -> run(TENANT_A, uow -> {
                    uow.outbox().append(rolledBack);
                    assertThat(uow.outbox().pending(10)).containsAll(rolledBack); // seen by its own unit
                    throw new IllegalStateException("boom");
                }))
                .hasMessage("boom");

        assertThat(pending(TENANT_A, 10)).containsExactlyElementsOf(committed);
        List<DomainEvent> later = events(1);
        append(TENANT_A, later);
        assertThat(pending(TENANT_A, 10)).containsExactlyElementsOf(concat(committed, later));
    }

    /** A markDelivered in a unit of work that throws delivers nothing. */
    @Test
    @DisplayName("markDelivered in a unit of work that throws leaves the events pending")
    public void rolledBackMarkKeepsEventsPending() {
        List<DomainEvent> all = events(3);
        append(TENANT_A, all);

        assertThatThrownBy(() -> run(TENANT_A, uow -> {
                    uow.outbox().markDelivered(ids(all));
                    throw new IllegalStateException("crash before commit");
                }))
                .hasMessage("crash before commit");

        assertThat(pending(TENANT_A, 10)).containsExactlyElementsOf(all);
    }

    /** Each tenant has its own outbox: no pending events and no marking across tenants. */
    @Test
    @DisplayName("keeps each tenant's outbox apart: pending and markDelivered see only the own tenant's events")
    public void tenantIsolation() {
        List<DomainEvent> a1 = List.of(event(TENANT_A), event(TENANT_A));
        List<DomainEvent> b1 = List.of(event(TENANT_B));
        List<DomainEvent> a2 = List.of(event(TENANT_A));
        append(TENANT_A, a1);
        append(TENANT_B, b1);
        append(TENANT_A, a2);

        assertThat(pending(TENANT_A, 10)).containsExactlyElementsOf(concat(a1, a2));
        assertThat(pending(TENANT_B, 10)).containsExactlyElementsOf(b1);

        markDelivered(TENANT_B, ids(concat(a1, a2)));
        assertThat(pending(TENANT_A, 10)).containsExactlyElementsOf(concat(a1, a2));
        markDelivered(TENANT_A, ids(b1));
        assertThat(pending(TENANT_B, 10)).containsExactlyElementsOf(b1);
    }

    /**
     * Committed events survive until they are marked delivered: reading them does not consume them, so after
     * a crash between commit and delivery they are delivered again, in order.
     */
    @Test
    @DisplayName("committed events stay pending, unchanged, until marked delivered (a crash after commit)")
    public void pendingUntilMarked() {
        List<DomainEvent> all = events(4);
        append(TENANT_A, all);

        List<DomainEvent> firstLook = pending(TENANT_A, 10);
        // the process "crashes" here: nothing is marked delivered
        List<DomainEvent> afterRestart = pending(TENANT_A, 10);
        List<DomainEvent> inWriteUnit = write(TENANT_A, uow -> uow.outbox().pending(10));

        assertThat(firstLook).containsExactlyElementsOf(all);
        assertThat(afterRestart).containsExactlyElementsOf(all);
        assertThat(inWriteUnit).containsExactlyElementsOf(all);
        markDelivered(TENANT_A, ids(firstLook));
        assertThat(pending(TENANT_A, 10)).isEmpty();
    }

    /**
     * Every record type of the sealed event hierarchy, with every component set (texts in many scripts,
     * amounts of three and zero decimals, instants with microseconds) and with every nullable component
     * {@code null}, comes back equal and in order.
     */
    @Test
    @DisplayName("every DomainEvent type, with every component set and with nulls, comes back equal and in order")
    public void everyEventTypeRoundTrips() {
        List<Class<?>> types = SampleEvents.types();
        List<DomainEvent> all = SampleEvents.all(TENANT_A, SampleAggregates.Texts.unicode());
        append(TENANT_A, all.subList(0, types.size()));
        append(TENANT_A, all.subList(types.size(), all.size()));

        List<DomainEvent> pending = pending(TENANT_A, PageRequest.MAX_LIMIT);
        assertThat(pending).containsExactlyElementsOf(all);
        List<Class<?>> seen = pending.stream().<Class<?>>map(Object::getClass).toList();
        assertThat(seen).containsAll(types);
        assertThat(types).as("event record types found").hasSizeGreaterThan(30);
        markDelivered(TENANT_A, ids(all));
        assertThat(pending(TENANT_A, 10)).isEmpty();
    }

    /**
     * Pending events survive a restart of a durable store: events appended in several units of work of two
     * tenants, not delivered, are pending in their original order after the store is closed and reopened;
     * what was marked delivered before a restart stays delivered after it.
     */
    @Test
    @DisplayName("a durable store keeps pending events, in order, across close and reopen; delivered stay delivered")
    public void pendingSurvivesReopening() {
        assumeTrue(
                storage().capabilities().durable(),
                "the store says it is not durable: nothing is expected to survive a restart");
        List<DomainEvent> first = events(3);
        List<DomainEvent> second = events(4);
        List<DomainEvent> other = List.of(event(TENANT_B), event(TENANT_B));
        append(TENANT_A, first);
        append(TENANT_B, other);
        append(TENANT_A, second);
        List<DomainEvent> all = concat(first, second);

        assertThat(reopenStorage())
                .as("a durable store's test must implement StorageConformanceKit.reopen")
                .isTrue();

        assertThat(pending(TENANT_A, 100)).containsExactlyElementsOf(all);
        assertThat(pending(TENANT_B, 100)).containsExactlyElementsOf(other);
        markDelivered(TENANT_A, ids(all.subList(0, 2)));

        assertThat(reopenStorage()).isTrue();

        assertThat(pending(TENANT_A, 100)).containsExactlyElementsOf(all.subList(2, all.size()));
        List<DomainEvent> later = events(1);
        append(TENANT_A, later);
        assertThat(pending(TENANT_A, 100)).containsExactlyElementsOf(concat(all.subList(2, all.size()), later));
        markDelivered(TENANT_A, ids(concat(all, later)));
        markDelivered(TENANT_B, ids(other));
        assertThat(pending(TENANT_A, 100)).isEmpty();
        assertThat(pending(TENANT_B, 100)).isEmpty();
    }
}
