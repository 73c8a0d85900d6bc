package dev.guanxi.crm.field;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.ValidationRule;
import dev.guanxi.crm.money.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

@DisplayName("Custom fields")
class CustomFieldsTest {
    static void assertViolation(Executable call, String field, ValidationRule rule) {
        assertThatThrownBy(call::execute).isInstanceOfSatisfying(ValidationException.class, e -> {
            assertThat(e.field()).as("field").isEqualTo(field);
            assertThat(e.rule()).as("rule").isEqualTo(rule);
        });
    }

    @Nested
    @DisplayName("FieldKey")
    class Keys {
        @Test
        @DisplayName("has a namespace, a name, a qualified name and a Java type")
        void parts() {
            FieldKey<Long> key = FieldKey.integer("erp", "credit_score2");

            assertThat(key.namespace()).isEqualTo("erp");
            assertThat(key.name()).isEqualTo("credit_score2");
            assertThat(key.qualifiedName()).isEqualTo("erp.credit_score2");
            assertThat(key.type()).isEqualTo(FieldType.LONG);
            assertThat(key.javaType()).isEqualTo(Long.class);
            assertThat(key).isEqualTo(FieldKey.of("erp", "credit_score2", FieldType.LONG));
            assertThat(key).isNotEqualTo(FieldKey.string("erp", "credit_score2"));
        }

        @Test
        @DisplayName("refuses names outside [a-z][a-z0-9_]{0,39}")
        void syntax() {
            assertViolation(() -> FieldKey.string("ERP", "x"), "namespace", ValidationRule.INVALID_FORMAT);
            assertViolation(() -> FieldKey.string("erp", "1x"), "name", ValidationRule.INVALID_FORMAT);
            assertViolation(() -> FieldKey.string("erp", "a.b"), "name", ValidationRule.INVALID_FORMAT);
            assertViolation(() -> FieldKey.string("erp", "x".repeat(41)), "name", ValidationRule.INVALID_FORMAT);
            assertViolation(() -> FieldKey.string(null, "x"), "namespace", ValidationRule.REQUIRED);
            assertThat(FieldKey.string("e", "x".repeat(40)).name()).hasSize(40);
        }
    }

    @Nested
    @DisplayName("FieldDefinition")
    class Definitions {
        @Test
        @DisplayName("checks type, length, pattern, bounds, scale, currency and presence")
        void validates() {
            FieldDefinition<String> group = FieldDefinition.string("erp", "group")
                    .maxLength(5)
                    .pattern("[A-Z]-\\d+")
                    .required();
            FieldDefinition<Long> score =
                    FieldDefinition.integer("erp", "score").min(0L).max(100L);
            FieldDefinition<BigDecimal> rate =
                    FieldDefinition.decimal("billing", "rate").maxScale(2);
            FieldDefinition<Money> deposit =
                    FieldDefinition.money("billing", "deposit").currency("CNY").min(Money.of("0.00", "CNY"));
            FieldDefinition<LocalDate> since =
                    FieldDefinition.date("erp", "since").min(LocalDate.parse("2000-01-01"));

            group.validate("A-12");
            score.validate(0L);
            score.validate(100L);
            rate.validate(new BigDecimal("0.10"));
            rate.validate(new BigDecimal("0.100"));
            deposit.validate(Money.of("10.00", "CNY"));
            since.validate(LocalDate.parse("2000-01-01"));
            score.validate(null);

            assertViolation(() -> group.validate(null), "customFields.erp.group", ValidationRule.REQUIRED);
            assertViolation(() -> group.validate(12), "customFields.erp.group", ValidationRule.WRONG_TYPE);
            assertViolation(() -> group.validate("A-1234"), "customFields.erp.group", ValidationRule.TOO_LONG);
            assertViolation(() -> group.validate("a-1"), "customFields.erp.group", ValidationRule.INVALID_FORMAT);
            assertViolation(() -> group.validate(" "), "customFields.erp.group", ValidationRule.BLANK);
            assertViolation(() -> score.validate(7), "customFields.erp.score", ValidationRule.WRONG_TYPE);
            assertViolation(() -> score.validate(-1L), "customFields.erp.score", ValidationRule.OUT_OF_RANGE);
            assertViolation(() -> score.validate(101L), "customFields.erp.score", ValidationRule.OUT_OF_RANGE);
            assertViolation(
                    () -> rate.validate(new BigDecimal("0.125")), "customFields.billing.rate", ValidationRule.SCALE);
            assertViolation(
                    () -> deposit.validate(Money.of("1.00", "USD")),
                    "customFields.billing.deposit",
                    ValidationRule.CURRENCY_MISMATCH);
            assertViolation(
                    () -> deposit.validate(Money.of("-1.00", "CNY")),
                    "customFields.billing.deposit",
                    ValidationRule.OUT_OF_RANGE);
            assertViolation(
                    () -> since.validate(LocalDate.parse("1999-12-31")),
                    "customFields.erp.since",
                    ValidationRule.OUT_OF_RANGE);
        }

        @Test
        @DisplayName("a constraint that does not fit the type fails when the CRM is configured")
        void misconfiguration() {
            assertThatThrownBy(() -> FieldDefinition.integer("erp", "x").maxLength(3))
                    .isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> FieldDefinition.bool("erp", "x").min(true))
                    .isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> FieldDefinition.string("erp", "x").maxScale(2))
                    .isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(
                            () -> FieldDefinition.integer("erp", "x").min(10L).max(5L))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> FieldDefinition.string("erp", "x").pattern("[unclosed"))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() ->
                            FieldDefinition.money("erp", "x").currency("CNY").max(Money.of("1.00", "USD")))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> FieldDefinition.string("erp", "x").maxLength(0))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        @DisplayName("is an immutable value")
        void value() {
            FieldDefinition<String> plain = FieldDefinition.string("erp", "group");
            FieldDefinition<String> limited = plain.maxLength(5);

            assertThat(plain.maxLength()).hasValue(500);
            assertThat(limited.maxLength()).hasValue(5);
            assertThat(limited).isEqualTo(FieldDefinition.string("erp", "group").maxLength(5));
            assertThat(limited).isNotEqualTo(plain);
            assertThat(limited.qualifiedName()).isEqualTo("erp.group");
            assertThat(limited.toString()).contains("erp.group", "maxLength=5");
            assertThat(FieldDefinition.integer("erp", "n").maxLength()).isEmpty();
        }
    }

    @Nested
    @DisplayName("CustomFields")
    class Values {
        final FieldKey<String> group = FieldKey.string("erp", "group");
        final FieldKey<Long> score = FieldKey.integer("erp", "score");

        @Test
        @DisplayName("returns values typed by their key and a sorted raw map")
        void typed() {
            CustomFields fields = CustomFields.empty()
                    .with(score, 7L)
                    .with(group, "A")
                    .with(FieldKey.instant("audit", "checked"), Instant.EPOCH);

            assertThat(fields.get(group)).contains("A");
            assertThat(fields.get(score)).contains(7L);
            assertThat(fields.get(FieldKey.string("erp", "other"))).isEmpty();
            assertThat(fields.asMap().keySet()).containsExactly("audit.checked", "erp.group", "erp.score");
            assertThatThrownBy(() -> fields.asMap().put("x.y", "z")).isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> fields.get(FieldKey.string("erp", "score")))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        @DisplayName("with and without return new values; null removes")
        void immutable() {
            CustomFields one = CustomFields.empty().with(group, "A");
            CustomFields two = one.with(score, 1L);

            assertThat(one.size()).isEqualTo(1);
            assertThat(two.size()).isEqualTo(2);
            assertThat(two.without(score)).isEqualTo(one);
            assertThat(two.with(score, null)).isEqualTo(one);
            assertThat(one.without(group).isEmpty()).isTrue();
            assertThat(one.without("x.y")).isSameAs(one);
        }

        @Test
        @DisplayName("raw values are checked for key syntax, null and supported type")
        void raw() {
            Map<String, Object> values = new HashMap<>();
            values.put("erp.group", "A");
            values.put("erp.score", 7L);
            assertThat(CustomFields.of(values).get(score)).contains(7L);

            assertViolation(
                    () -> CustomFields.of(Map.of("group", "A")), "customFields.group", ValidationRule.INVALID_FORMAT);
            assertViolation(
                    () -> CustomFields.of(Map.of("erp.list", java.util.List.of())),
                    "customFields.erp.list",
                    ValidationRule.WRONG_TYPE);
            Map<String, Object> withNull = new HashMap<>();
            withNull.put("erp.group", null);
            assertViolation(() -> CustomFields.of(withNull), "customFields.erp.group", ValidationRule.REQUIRED);
        }
    }
}
