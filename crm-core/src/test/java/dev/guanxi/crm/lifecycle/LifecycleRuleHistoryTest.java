package dev.guanxi.crm.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guanxi.crm.classification.Classifications;
import dev.guanxi.crm.classification.CustomerBase;
import dev.guanxi.crm.classification.ScoringResult;
import dev.guanxi.crm.classification.StandardRules;
import dev.guanxi.crm.customer.CustomerId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The lifecycle rule's history by customer index")
class LifecycleRuleHistoryTest {
    private static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);

    /** A base of n random customers; {@code history} is attached as given (maps or columns). */
    private static CustomerBase base(int n, long seed, Class<?> type, Object history) {
        Random r = new Random(seed);
        int day = (int) AS_OF.toEpochDay();
        CustomerBase.Builder b = CustomerBase.builder(AS_OF, Currency.getInstance("EUR"));
        for (int i = 0; i < n; i++) {
            b.customer(new CustomerId(new UUID(seed, i)));
        }
        for (int i = 0; i < n; i++) {
            int[] days = r.ints(r.nextInt(6), day - 600, day + 1).sorted().toArray();
            for (int d : days) {
                b.purchase(i, d, 1_000 + r.nextInt(50_000));
            }
            b.model(i, r.nextInt(8) == 0 ? Double.NaN : r.nextDouble(), 100 * r.nextDouble());
        }
        attach(b, type, history);
        return b.build();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void attach(CustomerBase.Builder b, Class type, Object value) {
        if (type != null) {
            b.attach(type, value);
        }
    }

    @Test
    @DisplayName("property: the indexed history gives the same stages, metrics, reasons and moves as the maps")
    void sameAsMaps() {
        int n = 3_000;
        for (long seed = 1; seed <= 3; seed++) {
            Random r = new Random(seed * 31);
            Map<CustomerId, LifecycleState> states = new HashMap<>();
            Map<CustomerId, Integer> grades = new HashMap<>();
            Map<CustomerId, LocalDate> evaluated = new HashMap<>();
            LifecycleRule.IndexedHistory.Builder indexed = LifecycleRule.IndexedHistory.builder(n);
            LifecycleStage[] stages = LifecycleStage.values();
            for (int i = 0; i < n; i++) {
                CustomerId id = new CustomerId(new UUID(seed, i));
                if (r.nextInt(4) > 0) {
                    // some entered their stage after the as-of day: they stay
                    Instant since = AS_OF.minusDays(r.nextInt(400) - 3)
                            .atStartOfDay(ZoneOffset.UTC)
                            .toInstant()
                            .plusNanos(r.nextInt(1_000_000_000));
                    LifecycleState state = LifecycleState.of(stages[r.nextInt(stages.length)], since);
                    states.put(id, state);
                    indexed.state(i, state);
                }
                if (r.nextBoolean()) {
                    int grade = r.nextInt(5);
                    grades.put(id, grade);
                    indexed.creditGrade(i, grade);
                }
                if (r.nextInt(3) > 0) {
                    LocalDate day = AS_OF.minusDays(r.nextInt(60));
                    evaluated.put(id, day);
                    indexed.evaluatedOn(i, day);
                }
            }
            ScoringResult fromMaps = StandardRules.all()
                    .classify(base(
                            n,
                            seed,
                            LifecycleRule.History.class,
                            new LifecycleRule.History(states, grades, evaluated)));
            ScoringResult fromColumns =
                    StandardRules.all().classify(base(n, seed, LifecycleRule.IndexedHistory.class, indexed.build()));
            Classifications a = fromMaps.result(LifecycleRule.NAME).orElseThrow();
            Classifications b = fromColumns.result(LifecycleRule.NAME).orElseThrow();
            LifecycleRule.Moves movesA = a.attachment(LifecycleRule.Moves.class).orElseThrow();
            LifecycleRule.Moves movesB = b.attachment(LifecycleRule.Moves.class).orElseThrow();
            int stayed = 0;
            for (int i = 0; i < n; i++) {
                assertThat(b.label(i)).isEqualTo(a.label(i));
                assertThat(b.reason(i)).isEqualTo(a.reason(i));
                for (String metric : a.metricNames()) {
                    double expected = a.metric(metric, i);
                    double actual = b.metric(metric, i);
                    assertThat(actual).isEqualTo(expected);
                }
                Optional<StageTransition> expected = movesA.of(i);
                Optional<StageTransition> actual = movesB.of(i);
                assertThat(actual).isEqualTo(expected);
                stayed += expected.isEmpty() ? 1 : 0;
            }
            // the histories made a difference: without them every customer would be placed (moved)
            assertThat(stayed).isPositive();
            assertThat(movesB.count()).isPositive();
        }
    }

    @Test
    @DisplayName("the indexed history reads back what was set; unknown values are empty or -1")
    void readsBack() {
        Instant since = Instant.parse("2026-01-02T03:04:05.123456789Z");
        LifecycleRule.IndexedHistory h = LifecycleRule.IndexedHistory.builder(2)
                .state(1, LifecycleState.of(LifecycleStage.ACTIVE, since))
                .creditGrade(1, 3)
                .evaluatedOn(1, AS_OF)
                .build();

        assertThat(h.size()).isEqualTo(2);
        assertThat(h.state(0)).isEmpty();
        assertThat(h.creditGrade(0)).isEqualTo(-1);
        assertThat(h.evaluatedOn(0)).isEmpty();
        assertThat(h.state(1)).contains(LifecycleState.of(LifecycleStage.ACTIVE, since));
        assertThat(h.creditGrade(1)).isEqualTo(3);
        assertThat(h.evaluatedOn(1)).contains(AS_OF);
        assertThat(LifecycleRule.IndexedHistory.builder(0).build().size()).isZero();
    }

    @Test
    @DisplayName("a negative size, a negative grade, a null state or day, or a history of another size are refused")
    void refusals() {
        assertThatThrownBy(() -> LifecycleRule.IndexedHistory.builder(-1)).isInstanceOf(IllegalArgumentException.class);
        LifecycleRule.IndexedHistory.Builder b = LifecycleRule.IndexedHistory.builder(2);
        assertThatThrownBy(() -> b.creditGrade(0, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.state(0, null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> b.evaluatedOn(0, null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> b.creditGrade(2, 1)).isInstanceOf(IndexOutOfBoundsException.class);
        CustomerBase three = base(3, 1, LifecycleRule.IndexedHistory.class, b.build());
        assertThatThrownBy(() -> StandardRules.all().classify(three)).isInstanceOf(IllegalStateException.class);
    }
}
