package dev.guanxi.crm.internal.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.spi.storage.ScoreSnapshot;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The result hash of a snapshot")
class ResultHashTest {
    private static final CustomerId CUSTOMER = new CustomerId(new UUID(1, 2));
    private static final LocalDate DAY = LocalDate.of(2026, 6, 30);

    /** The first version: one string per entry, SHA-256 of their UTF-8 bytes, each followed by a zero byte. */
    private static String reference(ScoreSnapshot snapshot) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        for (Map.Entry<String, String> e : snapshot.labels().entrySet()) {
            digest.update(("L" + e.getKey() + "=" + e.getValue()).getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
        }
        for (Map.Entry<String, BigDecimal> e : snapshot.metrics().entrySet()) {
            digest.update(
                    ("M" + e.getKey() + "=" + e.getValue().stripTrailingZeros().toPlainString())
                            .getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static ScoreSnapshot snapshot(Map<String, BigDecimal> metrics, Map<String, String> labels) {
        return new ScoreSnapshot(CUSTOMER, new UUID(3, 4), DAY, null, new TreeMap<>(metrics), new TreeMap<>(labels));
    }

    @Test
    @DisplayName("hashes the same bytes as the first version for hand-picked values")
    void handPicked() throws Exception {
        String[] values = {
            "0",
            "0.000000",
            "-0.000000",
            "1.000000",
            "10.000000",
            "100",
            "1E+3",
            "12.340000",
            "-12.340000",
            "0.000001",
            "-0.000001",
            "0.1",
            "123456789012.123456",
            "9223372036854775807",
            "-9223372036854775808",
            "123456789012345678901234567890.5",
            "1E-20",
            "-7.5E-7",
            "4611686018427387904",
            "0.000500",
            "5E+2"
        };
        Map<String, BigDecimal> metrics = new TreeMap<>();
        for (int k = 0; k < values.length; k++) {
            metrics.put("m" + k, new BigDecimal(values[k]));
        }
        Map<String, String> labels = Map.of(
                "abc", "KEY",
                "abc.reason", "KEY: 80% of spend — 上位 customers …",
                "emoji", "\uD83D\uDE00 smile",
                "lifecycle", "NEW_CUSTOMER");
        ScoreSnapshot s = snapshot(metrics, labels);

        String fast = ResultHash.of(s);
        String expected = reference(s);

        assertThat(fast).isEqualTo(expected);
    }

    @Test
    @DisplayName("hashes the same bytes as the first version on random snapshots (scales -3 to 12, long and huge)")
    void randomSnapshots() throws Exception {
        Random random = new Random(11);
        for (int round = 0; round < 2000; round++) {
            Map<String, BigDecimal> metrics = new TreeMap<>();
            int n = random.nextInt(30);
            for (int k = 0; k < n; k++) {
                BigInteger unscaled = switch (random.nextInt(4)) {
                    case 0 -> BigInteger.valueOf(random.nextInt(2001) - 1000);
                    case 1 -> BigInteger.valueOf(random.nextLong());
                    case 2 -> new BigInteger(70 + random.nextInt(40), random).negate();
                    default -> BigInteger.valueOf(random.nextInt(10) * (long) Math.pow(10, random.nextInt(12)));
                };
                metrics.put("m" + k, new BigDecimal(unscaled, random.nextInt(16) - 3));
            }
            Map<String, String> labels = new TreeMap<>();
            labels.put("rule", random.nextBoolean() ? "A" : "é" + random.nextInt(100));
            ScoreSnapshot s = snapshot(metrics, labels);

            String fast = ResultHash.of(s);
            String expected = reference(s);

            assertThat(fast).as("round %d: %s", round, metrics).isEqualTo(expected);
        }
    }

    /** A random base of n customers with purchases, margins, overdue amounts, model outputs and service columns. */
    static dev.guanxi.crm.classification.CustomerBase randomBase(int n, long seed) {
        Random r = new Random(seed);
        int day = (int) DAY.toEpochDay();
        var b = dev.guanxi.crm.classification.CustomerBase.builder(DAY, java.util.Currency.getInstance("EUR"));
        for (int i = 0; i < n; i++) {
            b.customer(new CustomerId(new UUID(r.nextLong(), r.nextLong())));
        }
        double[] surveys = new double[n];
        double[] mean = new double[n];
        double[] complaints = new double[n];
        for (int i = 0; i < n; i++) {
            int[] days = r.ints(r.nextInt(8), day - 700, day + 1).sorted().toArray();
            for (int d : days) {
                b.purchase(i, d, (long) Math.exp(r.nextGaussian() * 1.5 + 8));
            }
            if (r.nextInt(5) == 0) {
                b.overdue(i, r.nextInt(50_000));
            }
            // P(alive) and CLV, sometimes unknown, sometimes huge (the exact rounding path)
            b.model(
                    i,
                    r.nextInt(10) == 0 ? Double.NaN : r.nextDouble(),
                    r.nextInt(10) == 0
                            ? Double.NaN
                            : r.nextInt(20) == 0 ? 1e13 * r.nextDouble() : 5000 * r.nextDouble());
            surveys[i] = r.nextInt(3);
            mean[i] = surveys[i] > 0 ? r.nextDouble() : Double.NaN;
            complaints[i] = r.nextInt(3);
        }
        return b.column("surveys", surveys)
                .column("satisfactionMean", mean)
                .column("complaints", complaints)
                .column("complaintsOpen", complaints)
                .build();
    }

    @Test
    @DisplayName("the hash computed from the rule columns is the hash of the snapshot built from them")
    void fromColumns() {
        for (long seed = 1; seed <= 3; seed++) {
            var result = dev.guanxi.crm.classification.StandardRules.all().classify(randomBase(500, seed));
            ResultHash.Layout layout = new ResultHash.Layout(result);
            for (int i = 0; i < result.base().size(); i++) {
                ScoreSnapshot built = result.snapshot(i, new UUID(3, 4), null, Models.metrics(result.base(), i));

                String fromColumns = ResultHash.of(layout, i);
                String expected = ResultHash.of(built);

                assertThat(fromColumns).as("customer %d of seed %d", i, seed).isEqualTo(expected);
            }
        }
    }

    @Test
    @DisplayName("changes when one metric changes in its last decimal, and not with trailing zeros")
    void sensitivity() {
        ScoreSnapshot a = snapshot(Map.of("x", new BigDecimal("1.000001")), Map.of("l", "A"));
        ScoreSnapshot b = snapshot(Map.of("x", new BigDecimal("1.000002")), Map.of("l", "A"));
        ScoreSnapshot c = snapshot(Map.of("x", new BigDecimal("1.0000010")), Map.of("l", "A"));

        String ha = ResultHash.of(a);
        String hb = ResultHash.of(b);
        String hc = ResultHash.of(c);

        assertThat(ha).isNotEqualTo(hb);
        assertThat(ha).isEqualTo(hc);
    }

    @Test
    @DisplayName("Models.decimal rounds exactly as BigDecimal.valueOf(v).setScale(s, HALF_EVEN), ties included")
    void modelDecimals() {
        Random random = new Random(5);
        double[] specials = {
            0.0,
            -0.0,
            0.005,
            0.015,
            0.025,
            2.675,
            1.0000005,
            0.0000005,
            0.0000015,
            2.5e-7,
            -0.125,
            1e9,
            1.2e9,
            4.5e12,
            1e15,
            -3.0000005,
            123456.785,
            0.285,
            1.005
        };
        for (int round = 0; round < 200_000; round++) {
            double v = round < specials.length
                    ? specials[round]
                    : switch (random.nextInt(4)) {
                        case 0 -> random.nextDouble();
                        case 1 -> (random.nextInt(2_000_001) - 1_000_000) / 1e6 + random.nextInt(3) * 5e-7;
                        case 2 -> random.nextGaussian() * Math.pow(10, random.nextInt(16) - 4);
                        default -> (random.nextInt(20_001) - 10_000) / 200.0;
                    };
            for (int scale : new int[] {2, 6}) {
                BigDecimal fast = Models.decimal(v, scale, Math.pow(10, scale));
                BigDecimal expected = BigDecimal.valueOf(v).setScale(scale, RoundingMode.HALF_EVEN);

                assertThat(fast).as("%s at scale %d", v, scale).isEqualTo(expected);
            }
        }
    }
}
