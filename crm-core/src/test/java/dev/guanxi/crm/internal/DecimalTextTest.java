package dev.guanxi.crm.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Fixed-point text of doubles without a Formatter")
class DecimalTextTest {
    private static String fixed(double value, int decimals) {
        return DecimalText.of(value, decimals);
    }

    private static String signed(double value, int decimals) {
        return DecimalText.appendSigned(new StringBuilder(), value, decimals).toString();
    }

    /** Checks the three variants against Formatter for one value and number of decimals. */
    private static void sameAsFormatter(double value, int decimals) {
        String plain = DecimalText.of(value, decimals);
        String grouped = DecimalText.grouped(value, decimals);
        String plus = signed(value, decimals);
        assertThat(plain)
                .as("%%.%df of %s", decimals, value)
                .isEqualTo(String.format(Locale.ROOT, "%." + decimals + "f", value));
        assertThat(grouped)
                .as("%%,.%df of %s", decimals, value)
                .isEqualTo(String.format(Locale.ROOT, "%,." + decimals + "f", value));
        assertThat(plus)
                .as("%%+.%df of %s", decimals, value)
                .isEqualTo(String.format(Locale.ROOT, "%+." + decimals + "f", value));
    }

    @Test
    @DisplayName("hand-computed cases: rounding half up on the decimal form, padding, grouping and signs")
    void handComputed() {
        // 2.675 is stored as 2.67499999999999982236431605997495353221893310546875, but its decimal form is 2.675,
        // which Formatter rounds half up: 2.68
        assertThat(fixed(2.675, 2)).isEqualTo("2.68");
        assertThat(fixed(0.125, 2)).isEqualTo("0.13"); // exactly a tie in binary too: half up
        assertThat(fixed(0.5, 0)).isEqualTo("1");
        assertThat(fixed(1.5, 0)).isEqualTo("2");
        assertThat(fixed(2.5, 0)).isEqualTo("3"); // half up, not half even
        assertThat(fixed(3.14159, 3)).isEqualTo("3.142");
        assertThat(fixed(1.05, 2)).isEqualTo("1.05"); // a fraction with a leading zero is padded
        assertThat(fixed(7, 3)).isEqualTo("7.000");
        assertThat(fixed(0.0004, 3)).isEqualTo("0.000");
        assertThat(fixed(99.96, 1)).isEqualTo("100.0"); // the carry reaches the integer part
        assertThat(DecimalText.grouped(1_234_567.891, 2)).isEqualTo("1,234,567.89");
        assertThat(DecimalText.grouped(1_000_000, 0)).isEqualTo("1,000,000");
        assertThat(DecimalText.grouped(999.995, 2)).isEqualTo("1,000.00"); // 999.995 is a tie: half up
        assertThat(DecimalText.grouped(-12_345.5, 1)).isEqualTo("-12,345.5");
        assertThat(DecimalText.grouped(100_010.2, 1)).isEqualTo("100,010.2"); // groups padded with zeros
        assertThat(fixed(-1.25, 1)).isEqualTo("-1.3"); // half up is away from zero
        assertThat(fixed(-0.001, 2)).isEqualTo("-0.00"); // Formatter keeps the sign of a value that rounds to 0
        assertThat(fixed(-0.0, 1)).isEqualTo("-0.0");
        assertThat(signed(0.25, 3)).isEqualTo("+0.250");
        assertThat(signed(-0.25, 3)).isEqualTo("-0.250");
        assertThat(signed(0.0, 1)).isEqualTo("+0.0");
        assertThat(fixed(Double.NaN, 2)).isEqualTo("NaN");
        assertThat(signed(Double.NaN, 2)).isEqualTo("NaN");
        assertThat(fixed(Double.POSITIVE_INFINITY, 2)).isEqualTo("Infinity");
        assertThat(signed(Double.POSITIVE_INFINITY, 2)).isEqualTo("+Infinity");
        assertThat(DecimalText.grouped(Double.NEGATIVE_INFINITY, 2)).isEqualTo("-Infinity");
        StringBuilder out = new StringBuilder("value ");
        StringBuilder same = DecimalText.append(out, 12.5, 1).append(" EUR");
        assertThat(same).isSameAs(out);
        assertThat(out.toString()).isEqualTo("value 12.5 EUR");
    }

    @Test
    @DisplayName("negative decimals are a programming error")
    void negativeDecimals() {
        assertThatThrownBy(() -> fixed(1, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("the same text as Formatter for special and extreme values, with 0 to 12 decimals")
    void extremes() {
        double[] values = {
            0.0,
            -0.0,
            Double.MIN_VALUE,
            -Double.MIN_VALUE,
            Double.MIN_NORMAL,
            1e-10,
            0.1,
            0.3,
            0.7,
            5e-4,
            4.9999999999999996e-3,
            0.015,
            1.005,
            1e7,
            123456789.125,
            0x1p50 / 100,
            0x1p50 / 100 + 0.5,
            4.5035996273704955e15,
            1e15 + 0.5,
            9.007199254740993e15,
            1e20,
            1.7976931348623157e308,
            Long.MAX_VALUE,
            Double.NaN,
            Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY
        };
        for (double v : values) {
            for (int d = 0; d <= 12; d++) {
                sameAsFormatter(v, d);
                sameAsFormatter(-v, d);
            }
        }
    }

    @Test
    @DisplayName("property: the same text as Formatter for exact ties, near ties and random values of every size")
    void randomValues() {
        Random random = new Random(20260630L);
        for (int k = 0; k < 200_000; k++) {
            int decimals = random.nextInt(5);
            double value;
            switch (k % 5) {
                case 0 -> // a decimal tie: digits ending in 5 one place after the last decimal
                    value = new BigDecimal(random.nextInt(2_000_000) * 10L + 5)
                            .movePointLeft(decimals + 1)
                            .doubleValue();
                case 1 -> // next to a decimal tie, one or two ulps away
                {
                    double tie = new BigDecimal(random.nextInt(200_000) * 10L + 5)
                            .movePointLeft(decimals + 1)
                            .doubleValue();
                    int ulps = random.nextInt(5) - 2;
                    value = tie + ulps * Math.ulp(tie);
                }
                case 2 -> value = random.nextDouble() * Math.pow(10, random.nextInt(16) - 4);
                case 3 -> value = random.nextInt(1_000_000) / 100.0; // amounts in cents
                default -> value = Double.longBitsToDouble(random.nextLong()); // any double, NaN included
            }
            if (random.nextBoolean()) {
                value = -value;
            }
            sameAsFormatter(value, decimals);
        }
    }
}
