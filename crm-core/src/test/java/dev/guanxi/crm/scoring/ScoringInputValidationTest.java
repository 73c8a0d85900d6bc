package dev.guanxi.crm.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guanxi.crm.Crm;
import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.ValidationRule;
import dev.guanxi.crm.classification.ScoringListener;
import dev.guanxi.crm.classification.ScoringModels;
import dev.guanxi.crm.classification.ScoringRequest;
import dev.guanxi.crm.money.ExchangeRate;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Bad input to the scoring run is refused with a typed error naming the field")
class ScoringInputValidationTest {
    private static final LocalDate DAY = LocalDate.of(2026, 6, 30);
    private static final Currency USD = Currency.getInstance("USD");

    private static void invalid(ThrowingCallable call, String field, ValidationRule rule) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ValidationException.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.rule()).isEqualTo(rule);
        });
    }

    @Test
    @DisplayName("a request: value period after the day, recent window, batch size")
    void request() {
        ScoringRequest ok = ScoringRequest.of(DAY, USD);
        invalid(() -> ok.withValueFrom(DAY.plusDays(1)), "valueFrom", ValidationRule.DATE_ORDER);
        invalid(() -> ok.withRecentDays(0), "recentDays", ValidationRule.OUT_OF_RANGE);
        invalid(() -> ok.withBatchSize(0), "batchSize", ValidationRule.OUT_OF_RANGE);
        invalid(() -> ok.withBatchSize(100_001), "batchSize", ValidationRule.OUT_OF_RANGE);
        assertThat(ok.withBatchSize(100_000).batchSize()).isEqualTo(100_000);
    }

    @Test
    @DisplayName("model options: CLV horizon and discount")
    void models() {
        invalid(() -> new ScoringModels(true, false, 0, 0.01), "clvMonths", ValidationRule.OUT_OF_RANGE);
        invalid(() -> new ScoringModels(true, false, 601, 0.01), "clvMonths", ValidationRule.OUT_OF_RANGE);
        invalid(() -> new ScoringModels(true, false, 12, -0.01), "monthlyDiscount", ValidationRule.OUT_OF_RANGE);
        invalid(() -> new ScoringModels(true, false, 12, Double.NaN), "monthlyDiscount", ValidationRule.OUT_OF_RANGE);
        assertThat(ScoringModels.bgNbdGammaGamma().withRefit().refit()).isTrue();
    }

    @Test
    @DisplayName("a win-back list of negative length, a rate of zero, progress counts out of range")
    void others() {
        Crm crm = Crm.builder().build();
        invalid(() -> crm.tenant("acme").scoring().winBackList(-1), "limit", ValidationRule.OUT_OF_RANGE);
        assertThat(crm.tenant("acme").scoring().winBackList(5)).isEmpty();
        assertThatThrownBy(() -> new ExchangeRate(USD, Currency.getInstance("EUR"), BigDecimal.ZERO, DAY))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ScoringListener.Progress(ScoringListener.Phase.WRITING, 5, 4, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ScoringListener.Progress(ScoringListener.Phase.WRITING, 3, 4, 4))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
