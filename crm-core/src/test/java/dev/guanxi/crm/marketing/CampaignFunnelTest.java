package dev.guanxi.crm.marketing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guanxi.crm.Channel;
import dev.guanxi.crm.money.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("CampaignFunnel math")
class CampaignFunnelTest {
    private static Campaign campaign(String budget, String currency, Integer listSize) {
        Instant now = Instant.parse("2026-01-15T10:00:00Z");
        return new Campaign(
                CampaignId.random(),
                "C",
                "Campaign",
                null,
                Channel.EMAIL,
                LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 1, 31),
                null,
                listSize,
                Money.of(budget, currency),
                CampaignStatus.ACTIVE,
                2,
                now,
                now);
    }

    private static Map<AidaStage, Long> furthest(long awareness, long interest, long desire, long action) {
        Map<AidaStage, Long> m = new EnumMap<>(AidaStage.class);
        m.put(AidaStage.AWARENESS, awareness);
        m.put(AidaStage.INTEREST, interest);
        m.put(AidaStage.DESIRE, desire);
        m.put(AidaStage.ACTION, action);
        return m;
    }

    @Test
    @DisplayName("counts of furthest stages become cumulative counts (a DESIRE counts in A, I and D)")
    void cumulative() {
        CampaignFunnel f = CampaignFunnel.of(campaign("0", "USD", null), furthest(5, 0, 1, 2));
        assertThat(f.reached())
                .containsExactly(
                        Map.entry(AidaStage.AWARENESS, 8L),
                        Map.entry(AidaStage.INTEREST, 3L),
                        Map.entry(AidaStage.DESIRE, 3L),
                        Map.entry(AidaStage.ACTION, 2L));
        assertThat(f.conversionRate(AidaStage.INTEREST, AidaStage.DESIRE)).contains(new BigDecimal("1.0000"));
        assertThat(f.conversionRate(AidaStage.AWARENESS, AidaStage.AWARENESS)).contains(new BigDecimal("1.0000"));
        assertThat(f.conversionRate(AidaStage.AWARENESS, AidaStage.ACTION)).contains(new BigDecimal("0.2500"));
    }

    @Test
    @DisplayName("missing stages count as zero")
    void missingStages() {
        CampaignFunnel f = CampaignFunnel.of(campaign("0", "USD", null), Map.of(AidaStage.INTEREST, 2L));
        assertThat(f.reached(AidaStage.AWARENESS)).isEqualTo(2);
        assertThat(f.reached(AidaStage.DESIRE)).isZero();
        assertThat(f.responseRate()).as("unknown list size").isEmpty();
    }

    @ParameterizedTest(name = "{0} {1} / {2} actions = {3}")
    @CsvSource({
        "100.00, USD, 3, 33.33",
        "200.00, USD, 3, 66.67",
        "0.05, USD, 2, 0.03",
        "0.01, USD, 3, 0.00",
        "1000, JPY, 3, 333",
        "2000, JPY, 3, 667",
        "1.000, BHD, 3, 0.333",
        "0.00, EUR, 7, 0.00"
    })
    @DisplayName("cost per action is budget / actions, HALF_UP at the currency's scale")
    void costPerAction(String budget, String currency, long actions, String expected) {
        CampaignFunnel f = CampaignFunnel.of(campaign(budget, currency, null), furthest(0, 0, 0, actions));
        assertThat(f.costPerAction()).contains(Money.of(expected, currency));
    }

    @Test
    @DisplayName("rates are HALF_UP at four decimals; response rate may exceed 1")
    void rates() {
        CampaignFunnel f = CampaignFunnel.of(campaign("10.00", "USD", 3), furthest(1, 1, 0, 1));
        // 3 responses, 2 interested (0.66666 -> 0.6667), 1 desire of 2 interested, 1 action of 1 desire
        assertThat(f.stepRate(AidaStage.AWARENESS)).contains(new BigDecimal("0.6667"));
        assertThat(f.stepRate(AidaStage.INTEREST)).contains(new BigDecimal("0.5000"));
        assertThat(f.stepRate(AidaStage.DESIRE)).contains(new BigDecimal("1.0000"));
        assertThat(f.responseRate()).contains(new BigDecimal("1.0000"));
        CampaignFunnel over = CampaignFunnel.of(campaign("10.00", "USD", 2), furthest(3, 0, 0, 0));
        assertThat(over.responseRate()).contains(new BigDecimal("1.5000"));
        CampaignFunnel zeroList = CampaignFunnel.of(campaign("10.00", "USD", 0), furthest(3, 0, 0, 0));
        assertThat(zeroList.responseRate()).isEmpty();
    }

    @Test
    @DisplayName("a rate backwards through the funnel, or past ACTION, is a programming error")
    void misuse() {
        CampaignFunnel f = CampaignFunnel.of(campaign("1.00", "USD", null), furthest(1, 1, 1, 1));
        assertThatThrownBy(() -> f.conversionRate(AidaStage.ACTION, AidaStage.AWARENESS))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> f.stepRate(AidaStage.ACTION)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("a funnel whose counts rise, are negative or miss a stage is refused")
    void invariants() {
        CampaignId id = CampaignId.random();
        Money budget = Money.of("1.00", "USD");
        Map<AidaStage, Long> rising = new EnumMap<>(furthest(1, 2, 0, 0));
        assertThatThrownBy(() -> new CampaignFunnel(id, rising, null, budget))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CampaignFunnel(id, furthest(-1, -1, -1, -1), null, budget))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CampaignFunnel(id, Map.of(AidaStage.AWARENESS, 1L), null, budget))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
