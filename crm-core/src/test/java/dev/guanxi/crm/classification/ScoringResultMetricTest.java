package dev.guanxi.crm.classification;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The rounding of snapshot metrics")
class ScoringResultMetricTest {
    private static BigDecimal expected(double v) {
        return BigDecimal.valueOf(v).setScale(ScoringResult.METRIC_SCALE, RoundingMode.HALF_EVEN);
    }

    @Test
    @DisplayName("ties of the decimal form round half-even: 0.0000005 to 0, 0.0000015 to 0.000002, 2.5e-7 to 0")
    void ties() {
        // Double.toString gives "5.0E-7", "1.5E-6", "2.5E-7", "1.0000005": exact ties at the sixth decimal
        double[] values = {0.0000005, 0.0000015, 2.5e-7, 1.0000005, -1.0000005, 0.0000025};
        String[] rounded = {"0.000000", "0.000002", "0.000000", "1.000000", "-1.000000", "0.000002"};
        for (int k = 0; k < values.length; k++) {
            BigDecimal actual = ScoringResult.metric(values[k]);

            assertThat(actual).as("%s", values[k]).isEqualTo(new BigDecimal(rounded[k]));
        }
    }

    @Test
    @DisplayName("gives exactly BigDecimal.valueOf(v).setScale(6, HALF_EVEN), scale included, on random values")
    void sameAsDecimalForm() {
        Random random = new Random(3);
        double[] specials = {
            0.0,
            -0.0,
            1.0,
            -1.0,
            0.1,
            1e-7,
            9.999999e8,
            1.125899906842624e9,
            1.2e9,
            1e12,
            1e300,
            -1e300,
            Double.MIN_VALUE,
            0.3333333333333333,
            2.0 / 3,
            1234.5678905,
            99.99999949999999
        };
        for (int round = 0; round < 500_000; round++) {
            double v = round < specials.length
                    ? specials[round]
                    : switch (random.nextInt(5)) {
                        case 0 -> random.nextDouble();
                        case 1 -> (random.nextInt(20_000_001) - 10_000_000) / 1e6 + random.nextInt(3) * 5e-7;
                        case 2 -> random.nextGaussian() * Math.pow(10, random.nextInt(20) - 8);
                        case 3 -> random.nextInt(100_000) / 8.0;
                        default -> Double.longBitsToDouble(random.nextLong() & 0x7FEFFFFFFFFFFFFFL);
                    };
            BigDecimal actual = ScoringResult.metric(v);

            assertThat(actual).as("%s", v).isEqualTo(expected(v));
        }
    }
}
