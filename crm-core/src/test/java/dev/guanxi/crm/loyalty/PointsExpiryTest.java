package dev.guanxi.crm.loyalty;

import static org.assertj.core.api.Assertions.assertThat;

import dev.guanxi.crm.ValidationRule;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.money.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Expiry: earned points not used by their expiry day expire, first in first out, once")
class PointsExpiryTest extends MembershipTestSupport {
    @Override
    MembershipProgramme programme() {
        return MembershipProgramme.builder(Money.currency("CNY"))
                .pointsValidDays(30)
                .build();
    }

    private void at(String day) {
        clock.set(Instant.parse(day + "T08:00:00Z"));
    }

    @Test
    @DisplayName("a partial redemption uses the oldest points first; the rest of them expire on their day, once")
    void fifoWithPartialRedemption() {
        PointsEntry a = membership.earn(customer, "a", 100, "A"); // 2026-01-15, expires 2026-02-14
        at("2026-01-25");
        PointsEntry b = membership.earn(customer, "b", 50, "B"); // expires 2026-02-24
        at("2026-01-27");
        membership.redeem(customer, "r1", 60, "voucher"); // uses 60 of A: A 40 left, B 50
        at("2026-02-04");
        membership.adjust(customer, "goodwill", 5, "goodwill"); // never expires
        assertThat(a.expiresOn()).isEqualTo(LocalDate.of(2026, 2, 14));
        assertThat(b.expiresOn()).isEqualTo(LocalDate.of(2026, 2, 24));
        assertThat(membership.account(customer).orElseThrow().nextExpiry()).isEqualTo(LocalDate.of(2026, 2, 14));

        at("2026-02-13");
        PointsExpiry none = membership.expire(LocalDate.of(2026, 2, 13));
        assertThat(none).isEqualTo(new PointsExpiry(LocalDate.of(2026, 2, 13), 0, 0, 0));

        at("2026-02-14");
        PointsExpiry first = membership.expire(LocalDate.of(2026, 2, 14));
        // 100 + 50 - 60 + 5 - 40 = 55
        assertThat(first).isEqualTo(new PointsExpiry(LocalDate.of(2026, 2, 14), 1, 1, 40));
        assertThat(membership.balance(customer)).isEqualTo(55);
        PointsEntry expired = membership.findEntry("gx:expire:" + a.id()).orElseThrow();
        assertThat(expired.kind()).isEqualTo(PointsEntryKind.EXPIRE);
        assertThat(expired.points()).isEqualTo(-40);
        assertThat(expired.reason()).isEqualTo("40 of 100 points earned on 2026-01-15 (a) expired on 2026-02-14");
        assertThat(membership.account(customer).orElseThrow().nextExpiry()).isEqualTo(LocalDate.of(2026, 2, 24));

        PointsExpiry again = membership.expire(LocalDate.of(2026, 2, 14));
        assertThat(again.entries()).isZero();
        assertThat(membership.balance(customer)).isEqualTo(55);

        at("2026-02-20");
        membership.redeem(customer, "r2", 10, "coffee"); // uses B: 40 left
        at("2026-02-24");
        PointsExpiry second = membership.expire(LocalDate.of(2026, 2, 24));
        // 55 - 10 - 40 = 5, the adjustment that never expires
        assertThat(second).isEqualTo(new PointsExpiry(LocalDate.of(2026, 2, 24), 1, 1, 40));
        assertThat(membership.balance(customer)).isEqualTo(5);
        assertThat(membership.account(customer).orElseThrow().nextExpiry()).isNull();

        at("2027-01-01");
        assertThat(membership.expire(LocalDate.of(2027, 1, 1)).entries()).isZero();
        assertThat(membership.balance(customer)).isEqualTo(5);
        assertConsistent(customer);
    }

    @Test
    @DisplayName("several lots due on one run expire in expiry order, one entry each")
    void severalLotsOneRun() {
        PointsEntry a = membership.earn(customer, "a", 10, "A"); // expires 02-14
        at("2026-01-20");
        PointsEntry b = membership.earn(customer, "b", 20, "B"); // expires 02-19
        at("2026-03-01");
        PointsEntry c = membership.earn(customer, "c", 30, "C"); // expires 03-31
        membership.adjust(customer, "fix", -15, "correction"); // uses A 10 and B 5

        PointsExpiry run = membership.expire(LocalDate.of(2026, 3, 1));

        assertThat(run).isEqualTo(new PointsExpiry(LocalDate.of(2026, 3, 1), 1, 1, 15));
        assertThat(membership.findEntry("gx:expire:" + a.id())).isEmpty();
        assertThat(membership.findEntry("gx:expire:" + b.id()).orElseThrow().points())
                .isEqualTo(-15);
        assertThat(membership.findEntry("gx:expire:" + c.id())).isEmpty();
        assertThat(membership.balance(customer)).isEqualTo(30);
        assertConsistent(customer);
    }

    @Test
    @DisplayName("points redeemed after their expiry day but before the run are used first; only the rest expires")
    void redemptionBeforeTheRun() {
        membership.earn(customer, "a", 100, "A"); // expires 02-14
        at("2026-02-10");
        membership.earn(customer, "b", 100, "B"); // expires 03-12
        at("2026-02-16");
        membership.redeem(customer, "r", 70, "late"); // A is due but not expired yet: it goes first
        PointsExpiry run = membership.expire(LocalDate.of(2026, 2, 16));
        // A: 100 - 70 = 30 expire; B keeps 100
        assertThat(run.points()).isEqualTo(30);
        assertThat(membership.balance(customer)).isEqualTo(100);
        assertConsistent(customer);
    }

    @Test
    @DisplayName("the run visits every account whose day has come, and only expires what is due")
    void manyAccounts() {
        CustomerId second = newCustomer(acme, "李娜");
        CustomerId third = newCustomer(acme, "王芳");
        membership.earn(customer, "c1", 10, "x");
        membership.earn(second, "c2", 20, "x");
        at("2026-02-10");
        membership.earn(third, "c3", 30, "x"); // expires 03-12

        at("2026-02-20");
        PointsExpiry run = membership.expire(LocalDate.of(2026, 2, 20));

        assertThat(run).isEqualTo(new PointsExpiry(LocalDate.of(2026, 2, 20), 2, 2, 30));
        assertThat(List.of(membership.balance(customer), membership.balance(second), membership.balance(third)))
                .containsExactly(0L, 0L, 30L);
        assertThat(crm.tenant("globex")
                        .membership()
                        .expire(LocalDate.of(2026, 2, 20))
                        .accounts())
                .isZero();
    }

    @Test
    @DisplayName("a run day after tomorrow is FUTURE")
    void futureDay() {
        assertInvalid(() -> membership.expire(TODAY.plusDays(2)), "asOf", ValidationRule.FUTURE);
        assertInvalid(() -> membership.expire(null), "asOf", ValidationRule.REQUIRED);
    }

    @Test
    @DisplayName("without a validity, earned points never expire")
    void noValidity() {
        MembershipProgramme none =
                MembershipProgramme.builder(Money.currency("CNY")).build();
        assertThat(none.pointsValidDays()).isEmpty();
        assertThat(none.expiryFor(TODAY)).isNull();
    }
}
