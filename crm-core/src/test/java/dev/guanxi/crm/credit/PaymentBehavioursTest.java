package dev.guanxi.crm.credit;

import static dev.guanxi.crm.credit.CreditScaleTest.rejects;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guanxi.crm.ValidationRule;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Payment behaviours of many customers in columns")
class PaymentBehavioursTest {
    static final Currency USD = Currency.getInstance("USD");
    static final Currency EUR = Currency.getInstance("EUR");

    @Test
    @DisplayName("rows come back as they went in, in order, past the initial capacity")
    void roundTrip() {
        Random r = new Random(8);
        List<PaymentBehaviour> rows = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            rows.add(CreditScoringPropertiesTest.randomFeatures(r));
        }

        PaymentBehaviours batch = PaymentBehaviours.of(USD, rows);

        assertThat(batch.size()).isEqualTo(100);
        assertThat(batch.currency()).isEqualTo(USD);
        for (int i = 0; i < rows.size(); i++) {
            assertThat(batch.get(i)).as("row %d", i).isEqualTo(rows.get(i));
        }
        assertThatThrownBy(() -> batch.get(100)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    @DisplayName("an empty batch has no rows and scores nothing")
    void empty() {
        PaymentBehaviours batch = PaymentBehaviours.builder(USD).build();
        assertThat(batch.size()).isZero();
        CreditScoring.defaults().scoreAll(batch, new double[0], new int[0]);
        assertThat(ArrearsEarlyWarning.defaults().riskAll(batch, new double[0])).isZero();
    }

    @Test
    @DisplayName("building copies: the builder may go on collecting without changing a built batch")
    void buildCopies() {
        Random r = new Random(9);
        PaymentBehaviours.Builder builder = PaymentBehaviours.builder(USD, 1);
        PaymentBehaviour first = CreditScoringPropertiesTest.randomFeatures(r);
        PaymentBehaviours one = builder.add(first).build();
        PaymentBehaviours two =
                builder.add(CreditScoringPropertiesTest.randomFeatures(r)).build();

        assertThat(one.size()).isEqualTo(1);
        assertThat(two.size()).isEqualTo(2);
        assertThat(two.get(0)).isEqualTo(first);
    }

    @Test
    @DisplayName("a row in another currency is a CURRENCY_MISMATCH naming the row")
    void currencyMismatch() {
        PaymentBehaviour euro = new PaymentBehaviour(EUR, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        PaymentBehaviour dollar = new PaymentBehaviour(USD, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

        rejects(
                () -> PaymentBehaviours.of(USD, List.of(dollar, euro)),
                "rows[1].currency",
                ValidationRule.CURRENCY_MISMATCH);
        assertThatThrownBy(() -> PaymentBehaviours.builder(USD, -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
