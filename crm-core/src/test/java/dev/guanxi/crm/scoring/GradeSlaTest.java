package dev.guanxi.crm.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guanxi.crm.Channel;
import dev.guanxi.crm.Crm;
import dev.guanxi.crm.TenantCrm;
import dev.guanxi.crm.classification.ScoringRequest;
import dev.guanxi.crm.customer.CustomerDraft;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.money.Money;
import dev.guanxi.crm.sales.NewOrder;
import dev.guanxi.crm.sales.OrderLine;
import dev.guanxi.crm.service.CaseKind;
import dev.guanxi.crm.service.NewServiceCase;
import dev.guanxi.crm.service.ServiceCase;
import dev.guanxi.crm.service.Severity;
import dev.guanxi.crm.service.SlaPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Service SLAs by the customer's 80/20 grade")
class GradeSlaTest {
    private static final Instant NOW = Instant.parse("2026-06-30T12:00:00Z");

    @Test
    @DisplayName("a key customer's case is due in half the time once graded; an ungraded customer keeps the base time")
    void keyCustomersFaster() {
        Crm crm = Crm.builder()
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .slaPolicy(SlaPolicy.fixed(Duration.ofHours(10)).byGrade(Map.of("KEY", 0.5, "SMALL", 1.5)))
                .build();
        TenantCrm acme = crm.tenant("acme");
        CustomerId big =
                acme.customers().register(CustomerDraft.person("big").build()).id();
        CustomerId small =
                acme.customers().register(CustomerDraft.person("small").build()).id();
        buy(acme, big, "900.00");
        buy(acme, small, "10.00");
        ServiceCase before = open(acme, big);
        assertThat(before.slaDueAt()).isEqualTo(NOW.plus(Duration.ofHours(10))); // not graded yet

        acme.scoring().run(ScoringRequest.of(LocalDate.of(2026, 6, 30), Currency.getInstance("USD")));

        // big: KEY -> 10 h x 0.5 = 5 h; small: share above 900/910 = .989 -> SMALL -> 10 h x 1.5 = 15 h
        assertThat(open(acme, big).slaDueAt()).isEqualTo(NOW.plus(Duration.ofHours(5)));
        assertThat(open(acme, small).slaDueAt()).isEqualTo(NOW.plus(Duration.ofHours(15)));
    }

    @Test
    @DisplayName("grade factors outside (0, 10] are refused")
    void badFactors() {
        assertThatThrownBy(() -> SlaPolicy.standard().byGrade(Map.of("KEY", 0.0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("KEY");
        assertThatThrownBy(() -> SlaPolicy.standard().byGrade(Map.of("KEY", 11.0)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static void buy(TenantCrm tenant, CustomerId who, String amount) {
        tenant.sales()
                .recordPurchase(NewOrder.builder(who, LocalDate.of(2026, 6, 1))
                        .line(OrderLine.of("SKU", 1, Money.of(amount, "USD")))
                        .build());
    }

    private static ServiceCase open(TenantCrm tenant, CustomerId who) {
        return tenant.service()
                .openCase(NewServiceCase.builder(who, CaseKind.COMPLAINT, Severity.HIGH, Channel.PHONE, "late delivery")
                        .build());
    }
}
