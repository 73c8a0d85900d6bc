package dev.guanxi.crm.credit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.ValidationRule;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Credit scales: grades and their least scores")
class CreditScaleTest {

    static void rejects(ThrowingCallable call, String field, ValidationRule rule) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ValidationException.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.rule()).isEqualTo(rule);
        });
    }

    @Test
    @DisplayName("the letter scale runs AAA 90, AA 80, A 70, BBB 60, BB 50, B 40, C 0")
    void letters() {
        CreditScale s = CreditScale.letters();
        assertThat(s.labels()).containsExactly("AAA", "AA", "A", "BBB", "BB", "B", "C");
        double[] expected = {90, 80, 70, 60, 50, 40, 0};
        for (int i = 0; i < expected.length; i++) {
            assertThat(s.minScore(i)).isEqualTo(expected[i]);
        }
        assertThat(s.size()).isEqualTo(7);
        assertThat(s.toString())
                .isEqualTo("CreditScale[AAA>=90.0, AA>=80.0, A>=70.0, BBB>=60.0, BB>=50.0, B>=40.0, C>=0.0]");
    }

    @Test
    @DisplayName("a score exactly at a threshold earns that grade; just below it, the next")
    void cutOffs() {
        CreditScale s = CreditScale.letters();
        assertThat(s.gradeOf(100)).isEqualTo("AAA");
        assertThat(s.gradeOf(90)).isEqualTo("AAA");
        assertThat(s.gradeOf(Math.nextDown(90.0))).isEqualTo("AA");
        assertThat(s.gradeOf(60)).isEqualTo("BBB");
        assertThat(s.gradeOf(59.99)).isEqualTo("BB");
        assertThat(s.gradeOf(40)).isEqualTo("B");
        assertThat(s.gradeOf(39.5)).isEqualTo("C");
        assertThat(s.gradeOf(0)).isEqualTo("C");
        int index = s.gradeIndex(75);
        assertThat(index).isEqualTo(2); // A

        CreditScale bands = CreditScale.fiveBands();
        assertThat(bands.labels()).containsExactly("A", "B", "C", "D", "E");
        assertThat(bands.gradeOf(80)).isEqualTo("A");
        assertThat(bands.gradeOf(79.9)).isEqualTo("B");
        assertThat(bands.gradeOf(20)).isEqualTo("D");
        assertThat(bands.gradeOf(19.9)).isEqualTo("E");
    }

    @Test
    @DisplayName("a one-grade scale gives every score that grade")
    void singleGrade() {
        CreditScale s = CreditScale.builder().grade("ALL", 0).build();
        assertThat(s.gradeOf(0)).isEqualTo("ALL");
        assertThat(s.gradeOf(100)).isEqualTo("ALL");
    }

    @Test
    @DisplayName("grades are found by label; an unknown label is UNKNOWN_CODE")
    void lookup() {
        CreditScale s = CreditScale.fiveBands();
        int c = s.indexOf("C");
        assertThat(c).isEqualTo(2);
        assertThat(s.label(c)).isEqualTo("C");
        assertThat(s.contains("F")).isFalse();
        rejects(() -> s.indexOf("F"), "grade", ValidationRule.UNKNOWN_CODE);
        assertThatThrownBy(() -> s.label(5)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    @DisplayName("scores outside 0 to 100 (or NaN) have no grade")
    void scoreOutOfRange() {
        CreditScale s = CreditScale.letters();
        rejects(() -> s.gradeOf(-0.1), "score", ValidationRule.OUT_OF_RANGE);
        rejects(() -> s.gradeOf(100.1), "score", ValidationRule.OUT_OF_RANGE);
        rejects(() -> s.gradeIndex(Double.NaN), "score", ValidationRule.OUT_OF_RANGE);
    }

    @Test
    @DisplayName("scales with the same grades and thresholds are equal")
    void equality() {
        CreditScale same = CreditScale.builder()
                .grade("A", 80)
                .grade("B", 60)
                .grade("C", 40)
                .grade("D", 20)
                .grade("E", 0)
                .build();
        CreditScale other = CreditScale.builder()
                .grade("A", 81)
                .grade("B", 60)
                .grade("C", 40)
                .grade("D", 20)
                .grade("E", 0)
                .build();
        assertThat(same).isEqualTo(CreditScale.fiveBands()).hasSameHashCodeAs(CreditScale.fiveBands());
        assertThat(other).isNotEqualTo(CreditScale.fiveBands());
    }

    @Test
    @DisplayName("bad scales are rejected naming the grade and the rule")
    void badScales() {
        rejects(() -> CreditScale.builder().build(), "grades", ValidationRule.REQUIRED);
        rejects(
                () -> CreditScale.builder().grade("A", 50).grade("A", 0).build(),
                "grades[1].label",
                ValidationRule.DUPLICATE);
        rejects(() -> CreditScale.builder().grade(" ", 0).build(), "grades[0].label", ValidationRule.BLANK);
        rejects(() -> CreditScale.builder().grade(null, 0).build(), "grades[0].label", ValidationRule.REQUIRED);
        rejects(
                () -> CreditScale.builder().grade("X".repeat(33), 0).build(),
                "grades[0].label",
                ValidationRule.TOO_LONG);
        // a tie between thresholds is not strictly decreasing
        rejects(
                () -> CreditScale.builder()
                        .grade("A", 60)
                        .grade("B", 60)
                        .grade("C", 0)
                        .build(),
                "grades[1].minScore",
                ValidationRule.OUT_OF_RANGE);
        rejects(
                () -> CreditScale.builder()
                        .grade("A", 40)
                        .grade("B", 60)
                        .grade("C", 0)
                        .build(),
                "grades[1].minScore",
                ValidationRule.OUT_OF_RANGE);
        rejects(
                () -> CreditScale.builder().grade("A", 101).grade("B", 0).build(),
                "grades[0].minScore",
                ValidationRule.OUT_OF_RANGE);
        rejects(
                () -> CreditScale.builder().grade("A", Double.NaN).grade("B", 0).build(),
                "grades[0].minScore",
                ValidationRule.OUT_OF_RANGE);
        rejects(
                () -> CreditScale.builder().grade("A", 50).grade("B", 10).build(),
                "grades[1].minScore",
                ValidationRule.OUT_OF_RANGE);
    }

    @Test
    @DisplayName("the labels list is immutable")
    void labelsImmutable() {
        List<String> labels = CreditScale.letters().labels();
        assertThatThrownBy(() -> labels.add("D")).isInstanceOf(UnsupportedOperationException.class);
    }
}
