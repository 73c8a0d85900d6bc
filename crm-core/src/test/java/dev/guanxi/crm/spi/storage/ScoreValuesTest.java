package dev.guanxi.crm.spi.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.ValidationRule;
import dev.guanxi.crm.customer.CustomerId;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Score snapshots and runs validate what a scoring run stores")
class ScoreValuesTest {
    private static final CustomerId CUSTOMER = CustomerId.random();
    private static final UUID RUN = UUID.randomUUID();
    private static final LocalDate AS_OF = LocalDate.of(2026, 1, 31);

    private static ScoreSnapshot snapshot(Map<String, BigDecimal> metrics, Map<String, String> labels, String hash) {
        return new ScoreSnapshot(
                CUSTOMER,
                RUN,
                AS_OF,
                hash,
                metrics == null ? null : new TreeMap<>(metrics),
                labels == null ? null : new TreeMap<>(labels));
    }

    @Test
    @DisplayName("a valid snapshot keeps its values in name order; absent maps are empty")
    void valid() {
        ScoreSnapshot s = snapshot(
                Map.of("pAlive", new BigDecimal("0.8500"), "clv", BigDecimal.TEN), Map.of("grade", "KEY"), "h1");
        assertThat(s.metrics().keySet()).containsExactly("clv", "pAlive");
        assertThat(s.metrics().get("pAlive")).isEqualTo(new BigDecimal("0.8500"));
        assertThat(snapshot(null, null, null).labels()).isEmpty();
    }

    @Test
    @DisplayName("bad names, null values, empty or long labels, too many entries and a long hash are typed errors")
    void refusals() {
        assertThatThrownBy(() -> snapshot(Map.of("P alive", BigDecimal.ONE), null, null))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo("metrics.P alive");
                    assertThat(e.rule()).isEqualTo(ValidationRule.INVALID_FORMAT);
                });
        Map<String, BigDecimal> withNull = new HashMap<>();
        withNull.put("pAlive", null);
        assertThatThrownBy(() -> snapshot(withNull, null, null))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.rule()).isEqualTo(ValidationRule.REQUIRED));
        assertThatThrownBy(() -> snapshot(null, Map.of("grade", ""), null))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.field()).isEqualTo("labels.grade"));
        assertThatThrownBy(() -> snapshot(null, Map.of("grade", "x".repeat(ScoreSnapshot.LABEL_MAX + 1)), null))
                .isInstanceOf(ValidationException.class);
        Map<String, BigDecimal> many = new HashMap<>();
        for (int i = 0; i <= ScoreSnapshot.MAX_ENTRIES; i++) {
            many.put("m" + i, BigDecimal.ONE);
        }
        assertThatThrownBy(() -> snapshot(many, null, null))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.rule()).isEqualTo(ValidationRule.OUT_OF_RANGE));
        assertThatThrownBy(() -> snapshot(null, null, "h".repeat(ScoreSnapshot.HASH_MAX + 1)))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.field()).isEqualTo("inputsHash"));
        assertThatThrownBy(() -> new ScoreSnapshot(null, RUN, AS_OF, null, null, null))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    @DisplayName("property: a name is accepted exactly when it matches [a-z][A-Za-z0-9_.]{0,63}")
    void namesAsTheRegex() {
        java.util.regex.Pattern regex = java.util.regex.Pattern.compile("[a-z][A-Za-z0-9_.]{0,63}");
        String alphabet = "azAZ09_.-é ;\u00e0\u0130";
        java.util.Random random = new java.util.Random(17);
        int accepted = 0;
        for (int round = 0; round < 50_000; round++) {
            StringBuilder name = new StringBuilder();
            int length = random.nextInt(5) == 0 ? 60 + random.nextInt(8) : random.nextInt(6);
            for (int k = 0; k < length; k++) {
                // mostly valid characters, so that long valid names occur too
                name.append(
                        random.nextInt(4) == 0
                                ? alphabet.charAt(random.nextInt(alphabet.length()))
                                : (char) ('a' + random.nextInt(26)));
            }
            String text = name.toString();
            boolean expected = regex.matcher(text).matches();

            boolean actual = ScoreSnapshot.isName(text);

            assertThat(actual).as("%s", text).isEqualTo(expected);
            accepted += actual ? 1 : 0;
        }
        assertThat(accepted).isBetween(1_000, 49_000); // both outcomes are exercised
        assertThat(ScoreSnapshot.isName(null)).isFalse();
    }

    @Test
    @DisplayName("a run completes after it started, with valid attributes")
    void runs() {
        Instant start = Instant.parse("2026-02-01T02:00:00Z");
        ScoreRun run = new ScoreRun(
                RUN,
                AS_OF,
                start,
                null,
                Map.of("model", "{}").entrySet().stream()
                        .collect(TreeMap::new, (m, e) -> m.put(e.getKey(), e.getValue()), Map::putAll));
        assertThat(run.complete(start.plusSeconds(5)).completedAt()).isEqualTo(start.plusSeconds(5));
        assertThatThrownBy(() -> run.complete(start.minusSeconds(1)))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.rule()).isEqualTo(ValidationRule.DATE_ORDER));
        assertThatThrownBy(() -> new ScoreRun(RUN, AS_OF, start, null, new TreeMap<>(Map.of("", "x"))))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> new ScoreRun(
                        RUN, AS_OF, start, null, new TreeMap<>(Map.of("k", "x".repeat(ScoreRun.VALUE_MAX + 1)))))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.rule()).isEqualTo(ValidationRule.TOO_LONG));
    }
}
