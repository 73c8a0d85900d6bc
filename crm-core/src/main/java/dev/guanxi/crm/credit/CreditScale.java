package dev.guanxi.crm.credit;

import dev.guanxi.crm.Beta;
import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.ValidationRule;
import dev.guanxi.crm.internal.Check;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The credit grades of a tenant, best first, each with the least score (0 to 100) that earns it. A score gets
 * the first (best) grade whose minimum it reaches: a score exactly at a threshold earns that grade. The lowest
 * grade starts at 0, so every score has a grade.
 *
 * <p>Built-in scales:
 *
 * <table>
 *   <caption>Built-in scales (grade: least score)</caption>
 *   <tr><th>{@link #letters()}</th><td>AAA 90, AA 80, A 70, BBB 60, BB 50, B 40, C 0</td></tr>
 *   <tr><th>{@link #fiveBands()}</th><td>A 80, B 60, C 40, D 20, E 0</td></tr>
 * </table>
 *
 * <p>Grades are referred to by label or by index ({@code 0} is the best grade; a higher index is a worse
 * grade), the latter in batch runs. Immutable and thread-safe; {@link #equals} compares labels and thresholds.
 */
@Beta
public final class CreditScale {
    /** The longest grade label, in code points. */
    public static final int LABEL_MAX = 32;

    private static final CreditScale LETTERS = builder()
            .grade("AAA", 90)
            .grade("AA", 80)
            .grade("A", 70)
            .grade("BBB", 60)
            .grade("BB", 50)
            .grade("B", 40)
            .grade("C", 0)
            .build();
    private static final CreditScale FIVE_BANDS = builder()
            .grade("A", 80)
            .grade("B", 60)
            .grade("C", 40)
            .grade("D", 20)
            .grade("E", 0)
            .build();

    private final String[] labels;
    private final double[] minScores;

    private CreditScale(String[] labels, double[] minScores) {
        this.labels = labels;
        this.minScores = minScores;
    }

    /** @return the letter scale AAA (90), AA (80), A (70), BBB (60), BB (50), B (40), C (0) */
    public static CreditScale letters() {
        return LETTERS;
    }

    /** @return the five bands A (80), B (60), C (40), D (20), E (0) */
    public static CreditScale fiveBands() {
        return FIVE_BANDS;
    }

    /** @return a builder for a custom scale; add grades best first */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the number of grades */
    public int size() {
        return labels.length;
    }

    /**
     * @param index the grade index, 0 (best) to {@code size() - 1}
     * @return the grade's label
     * @throws IndexOutOfBoundsException if there is no such grade
     */
    public String label(int index) {
        return labels[Objects.checkIndex(index, labels.length)];
    }

    /**
     * @param index the grade index, 0 (best) to {@code size() - 1}
     * @return the least score that earns the grade
     * @throws IndexOutOfBoundsException if there is no such grade
     */
    public double minScore(int index) {
        return minScores[Objects.checkIndex(index, minScores.length)];
    }

    /** @return the labels, best first */
    public List<String> labels() {
        return List.of(labels);
    }

    /**
     * @param label a grade label
     * @return {@code true} if the scale has the grade
     */
    public boolean contains(String label) {
        return find(label) >= 0;
    }

    /**
     * Returns the index of a grade.
     *
     * @param label a grade label
     * @return its index, 0 (best) to {@code size() - 1}
     * @throws ValidationException with field {@code grade} and rule {@link ValidationRule#UNKNOWN_CODE} if the
     *     scale has no such grade
     */
    public int indexOf(String label) {
        int at = find(label);
        if (at < 0) {
            throw new ValidationException(
                    "grade", ValidationRule.UNKNOWN_CODE, "'" + label + "' is not a grade of " + this);
        }
        return at;
    }

    private int find(String label) {
        for (int i = 0; i < labels.length; i++) {
            if (labels[i].equals(label)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Returns the index of the grade a score earns: the best grade whose least score it reaches. O(grades).
     *
     * @param score a score, 0 to 100
     * @return the grade index, 0 (best) to {@code size() - 1}
     * @throws ValidationException with field {@code score} and rule {@link ValidationRule#OUT_OF_RANGE} if the
     *     score is not within 0 to 100
     */
    public int gradeIndex(double score) {
        CreditChecks.between("score", score, 0, 100);
        return indexFor(score);
    }

    /** The grade index of a score known to be within 0 to 100 (the lowest grade starts at 0). */
    int indexFor(double score) {
        int i = 0;
        while (score < minScores[i]) {
            i++;
        }
        return i;
    }

    /**
     * Returns the label of the grade a score earns.
     *
     * @param score a score, 0 to 100
     * @return the grade label
     * @throws ValidationException with field {@code score} and rule {@link ValidationRule#OUT_OF_RANGE} if the
     *     score is not within 0 to 100
     */
    public String gradeOf(double score) {
        return labels[gradeIndex(score)];
    }

    /**
     * @param other another object
     * @return {@code true} for a scale with the same labels and thresholds in the same order
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof CreditScale s
                && Arrays.equals(labels, s.labels)
                && Arrays.equals(minScores, s.minScores);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(labels) + Arrays.hashCode(minScores);
    }

    /** @return the grades with their thresholds, e.g. {@code CreditScale[A>=80, B>=60, ..., E>=0]} */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("CreditScale[");
        for (int i = 0; i < labels.length; i++) {
            if (i > 0) {
                text.append(", ");
            }
            text.append(labels[i]).append(">=").append(CreditChecks.number(minScores[i], 1));
        }
        return text.append(']').toString();
    }

    /**
     * Collects grades, best first. Not thread-safe. {@link #build()} checks that the labels are one-line texts
     * of at most {@value CreditScale#LABEL_MAX} code points and unique, that the least scores are within 0 to 100
     * and strictly decreasing, and that the last grade starts at 0.
     */
    public static final class Builder {
        private final List<String> labels = new ArrayList<>();
        private final List<Double> minScores = new ArrayList<>();

        private Builder() {}

        /**
         * Adds the next (worse) grade.
         *
         * @param label the grade's label, e.g. {@code "AA"}
         * @param minScore the least score that earns it
         * @return this builder
         */
        public Builder grade(String label, double minScore) {
            labels.add(label);
            minScores.add(minScore);
            return this;
        }

        /**
         * @return the scale
         * @throws ValidationException naming the field ({@code grades}, {@code grades[i].label}, {@code
         *     grades[i].minScore}) with rule {@link ValidationRule#REQUIRED} without grades or for a missing label,
         *     {@link ValidationRule#BLANK} or {@link ValidationRule#TOO_LONG} for a bad label, {@link
         *     ValidationRule#DUPLICATE} for a repeated label, {@link ValidationRule#OUT_OF_RANGE} for a threshold
         *     outside 0 to 100, not below the previous one, or (the last) not 0
         */
        public CreditScale build() {
            int n = labels.size();
            if (n == 0) {
                throw new ValidationException("grades", ValidationRule.REQUIRED, "a scale needs at least one grade");
            }
            String[] l = new String[n];
            double[] m = new double[n];
            for (int i = 0; i < n; i++) {
                String field = "grades[" + i + "]";
                l[i] = Check.text(field + ".label", labels.get(i), LABEL_MAX);
                for (int j = 0; j < i; j++) {
                    if (l[j].equals(l[i])) {
                        throw new ValidationException(
                                field + ".label", ValidationRule.DUPLICATE, "grade '" + l[i] + "' is listed twice");
                    }
                }
                m[i] = CreditChecks.between(field + ".minScore", minScores.get(i), 0, 100);
                if (i > 0 && !(m[i] < m[i - 1])) {
                    throw CreditChecks.outOfRange(
                            field + ".minScore", "must be below the previous grade's " + m[i - 1] + " but was " + m[i]);
                }
            }
            if (m[n - 1] != 0) {
                throw CreditChecks.outOfRange(
                        "grades[" + (n - 1) + "].minScore",
                        "must be 0 so that the lowest grade covers every score, but was " + m[n - 1]);
            }
            return new CreditScale(l, m);
        }
    }
}
