package dev.guanxi.crm.loyalty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guanxi.crm.Crm;
import dev.guanxi.crm.TenantCrm;
import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.ValidationRule;
import dev.guanxi.crm.customer.CustomerDraft;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.event.DomainEvent;
import dev.guanxi.crm.money.Money;
import dev.guanxi.crm.query.Page;
import dev.guanxi.crm.query.PageRequest;
import dev.guanxi.crm.sales.NewOrder;
import dev.guanxi.crm.sales.Order;
import dev.guanxi.crm.sales.OrderLine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;

/**
 * A fresh CRM per test with a clock the test moves, the programme {@link #programme()} gives, one customer in
 * tenant "acme" and every event recorded.
 */
abstract class MembershipTestSupport {
    static final Instant START = Instant.parse("2026-01-15T10:00:00Z");
    static final LocalDate TODAY = LocalDate.of(2026, 1, 15);

    final List<DomainEvent> events = new CopyOnWriteArrayList<>();
    final MembershipTestClock clock = new MembershipTestClock(START);
    Crm crm;
    TenantCrm acme;
    Membership membership;
    CustomerId customer;

    @BeforeEach
    void setUpCrm() {
        Crm.Builder builder = Crm.builder().clock(clock).listener(events::add);
        MembershipProgramme programme = programme();
        if (programme != null) {
            builder.membership(programme);
        }
        crm = builder.build();
        acme = crm.tenant("acme");
        membership = acme.membership();
        customer = newCustomer(acme, "张伟");
        events.clear();
    }

    /** @return the programme the CRM is built with, or null for none (the default) */
    MembershipProgramme programme() {
        return null;
    }

    static CustomerId newCustomer(TenantCrm tenant, String name) {
        return tenant.customers().register(CustomerDraft.person(name).build()).id();
    }

    static Money cny(String amount) {
        return Money.of(amount, "CNY");
    }

    /** Records a purchase of one line per unit price, product codes SKU-0, SKU-1... */
    Order purchase(CustomerId who, LocalDate date, String... unitPricesCny) {
        NewOrder.Builder b = NewOrder.builder(who, date);
        for (int i = 0; i < unitPricesCny.length; i++) {
            b.line(OrderLine.of("SKU-" + i, 1, cny(unitPricesCny[i])));
        }
        return acme.sales().recordPurchase(b.build());
    }

    /** @return the member's whole ledger, oldest first */
    List<PointsEntry> ledger(CustomerId who) {
        List<PointsEntry> all = new ArrayList<>();
        PageRequest request = PageRequest.first(2);
        while (true) {
            Page<PointsEntry> page = membership.ledger(who, request);
            all.addAll(page.items());
            if (!page.hasMore()) {
                return all;
            }
            request = page.nextRequest().orElseThrow();
        }
    }

    /**
     * Asserts the ledger invariants: sequences 1..n, each balance the previous plus the points, never negative,
     * and the account's balance the sum of the points.
     */
    void assertConsistent(CustomerId who) {
        List<PointsEntry> entries = ledger(who);
        long running = 0;
        for (int i = 0; i < entries.size(); i++) {
            PointsEntry e = entries.get(i);
            assertThat(e.sequence()).as("sequence of entry %d", i).isEqualTo(i + 1L);
            running += e.points();
            assertThat(e.balanceAfter())
                    .as("balance after entry %d", i)
                    .isEqualTo(running)
                    .isNotNegative();
        }
        long balance = membership.balance(who);
        assertThat(balance).as("balance = Σ entries").isEqualTo(running);
        long entryCount = membership.account(who).map(PointsAccount::entries).orElse(0L);
        assertThat(entryCount).isEqualTo(entries.size());
    }

    /** Asserts a validation failure naming the field and the rule. */
    static void assertInvalid(ThrowingCallable call, String field, ValidationRule rule) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ValidationException.class, e -> {
            assertThat(e.field()).as("field").isEqualTo(field);
            assertThat(e.rule()).as("rule").isEqualTo(rule);
        });
    }

    /** @return the events of a type recorded so far, in delivery order */
    <E extends DomainEvent> List<E> events(Class<E> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** A UTC clock a test moves by hand (crm-test's MutableClock is not reachable from crm-core's tests). */
    static final class MembershipTestClock extends Clock {
        private volatile Instant now;

        MembershipTestClock(Instant start) {
            this.now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("UTC only");
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
