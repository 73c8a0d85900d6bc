package dev.guanxi.crm.internal.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.guanxi.crm.classification.ClassificationContext;
import dev.guanxi.crm.classification.ClassificationRule;
import dev.guanxi.crm.classification.Classifications;
import dev.guanxi.crm.classification.Contribution;
import dev.guanxi.crm.classification.CustomerBase;
import dev.guanxi.crm.classification.CustomerScoring;
import dev.guanxi.crm.classification.ScoringResult;
import dev.guanxi.crm.classification.StandardRules;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.spi.storage.ScoreSnapshot;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.IntFunction;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The result hash of a customer's scores")
class ResultHashTest {
    private static final LocalDate DAY = LocalDate.of(2026, 6, 30);

    /** A random base of n customers with purchases, overdue amounts, model outputs and service columns. */
    static CustomerBase randomBase(int n, long seed) {
        Random r = new Random(seed);
        int day = (int) DAY.toEpochDay();
        CustomerBase.Builder b = CustomerBase.builder(DAY, Currency.getInstance("EUR"));
        for (int i = 0; i < n; i++) {
            b.customer(new CustomerId(new UUID(r.nextLong(), r.nextLong())));
        }
        double[] surveys = new double[n];
        double[] mean = new double[n];
        double[] complaints = new double[n];
        for (int i = 0; i < n; i++) {
            // a few customers share their purchases, so that equal results occur
            Random p = i % 10 == 0 ? new Random(1) : r;
            int[] days = p.ints(p.nextInt(8), day - 700, day + 1).sorted().toArray();
            for (int d : days) {
                b.purchase(i, d, (long) Math.exp(p.nextGaussian() * 1.5 + 8));
            }
            if (r.nextInt(5) == 0) {
                b.overdue(i, r.nextInt(50_000));
            }
            // P(alive) and CLV, sometimes unknown, sometimes huge (the exact rounding path)
            b.model(
                    i,
                    r.nextInt(10) == 0 ? Double.NaN : r.nextInt(3) == 0 ? 0.5 : r.nextDouble(),
                    r.nextInt(10) == 0
                            ? Double.NaN
                            : r.nextInt(20) == 0
                                    ? 1e13 * r.nextDouble()
                                    : r.nextInt(3) == 0 ? 10 : 5000 * r.nextDouble());
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

    /** What a stored snapshot holds apart from its reasons, as one comparable value. */
    private static String stored(ScoreSnapshot s) {
        TreeMap<String, String> labels = new TreeMap<>(s.labels());
        labels.keySet().removeIf(k -> k.endsWith(".reason"));
        TreeMap<String, String> metrics = new TreeMap<>();
        s.metrics().forEach((k, v) -> metrics.put(k, v.stripTrailingZeros().toPlainString()));
        return labels + " " + metrics;
    }

    /** A base of n customers without purchases or model outputs, in EUR or another currency. */
    private static CustomerBase plainBase(int n, String currency) {
        CustomerBase.Builder b = CustomerBase.builder(DAY, Currency.getInstance(currency));
        for (int i = 0; i < n; i++) {
            b.customer(new CustomerId(new UUID(7, i)));
        }
        return b.build();
    }

    /** A rule "probe" with the given label, one metric "x" and a reason that names the customer's index. */
    private static ScoringResult probe(CustomerBase base, IntFunction<String> label, IntFunction<Double> x) {
        ClassificationRule rule = new ClassificationRule() {
            @Override
            public String name() {
                return "probe";
            }

            @Override
            public Classifications classify(CustomerBase b, ClassificationContext context) {
                String[] labels = new String[b.size()];
                double[] values = new double[b.size()];
                for (int i = 0; i < b.size(); i++) {
                    labels[i] = label.apply(i);
                    values[i] = x.apply(i);
                }
                return Classifications.builder("probe", b)
                        .labels(labels)
                        .metric("x", values)
                        .explainer(new Classifications.Explainer() {
                            @Override
                            public List<Contribution> contributions(int i) {
                                return List.of();
                            }

                            @Override
                            public String reason(int i) {
                                return "customer number " + i;
                            }
                        })
                        .build();
            }
        };
        return CustomerScoring.builder().add(rule).build().classify(base);
    }

    @Test
    @DisplayName("property: two customers have the same hash exactly when their stored labels and metrics are equal")
    void hashGroupsAreStoredGroups() {
        for (long seed = 1; seed <= 3; seed++) {
            ScoringResult result = StandardRules.all().classify(randomBase(2_000, seed));
            ResultHash.Layout layout = new ResultHash.Layout(result);
            Map<String, String> hashOfStored = new HashMap<>();
            Map<String, String> storedOfHash = new HashMap<>();
            for (int i = 0; i < result.base().size(); i++) {
                String key = stored(result.snapshot(i, new UUID(3, 4), null, Models.metrics(result.base(), i)));

                String hash = layout.text(i);

                assertThat(hash).hasSize(ResultHash.LENGTH).matches("[0-9a-f]{32}");
                assertThat(hashOfStored.computeIfAbsent(key, k -> hash))
                        .as("customer %d", i)
                        .isEqualTo(hash);
                assertThat(storedOfHash.computeIfAbsent(hash, k -> key))
                        .as("customer %d", i)
                        .isEqualTo(key);
            }
            // equal results do occur (the customers who share purchases), so the property is not vacuous
            assertThat(hashOfStored.size()).isLessThan(result.base().size());
            assertThat(hashOfStored.size()).isGreaterThan(result.base().size() / 2);
        }
    }

    @Test
    @DisplayName("the run's parallel hashing of every customer gives each customer's own hash, in its place")
    void parallelHashesAreTheCustomersOwn() {
        // more customers than one block of the parallel split, and a size that is not a multiple of it
        ScoringResult result = StandardRules.all().classify(randomBase(20_011, 5));
        ResultHash.Layout layout = new ResultHash.Layout(result);

        long[] all = DefaultScoring.hashAll(layout, result.base().size());

        assertThat(all).hasSize(2 * result.base().size());
        long[] one = new long[2];
        for (int i = 0; i < result.base().size(); i++) {
            layout.hash(i, one);
            assertThat(ResultHash.hex(all[2 * i], all[2 * i + 1]))
                    .as("customer %d", i)
                    .isEqualTo(layout.text(i));
            assertThat(all[2 * i]).isEqualTo(one[0]);
            assertThat(all[2 * i + 1]).isEqualTo(one[1]);
        }
    }

    @Test
    @DisplayName("the reason text is not hashed; the label is")
    void reasonsLeftOut() {
        ScoringResult same = probe(plainBase(3, "EUR"), i -> "A", i -> 1.0);
        ScoringResult other = probe(plainBase(3, "EUR"), i -> i == 2 ? "B" : "A", i -> 1.0);
        ResultHash.Layout a = new ResultHash.Layout(same);
        ResultHash.Layout b = new ResultHash.Layout(other);

        // customers 0, 1 and 2 have different reasons ("customer number i") but the same label and metric
        assertThat(a.text(1)).isEqualTo(a.text(0));
        assertThat(a.text(2)).isEqualTo(a.text(0));
        assertThat(b.text(2)).isNotEqualTo(b.text(0));
        assertThat(b.text(0)).isEqualTo(a.text(0));
    }

    @Test
    @DisplayName("a metric is hashed as stored: 6 decimals count, the 8th does not; absent differs from every value")
    void metricsAsStored() {
        double[] x = {1.000001, 1.000002, 1.0000010004, Double.NaN, 0, -0.0, 0.0000004};
        ResultHash.Layout layout = new ResultHash.Layout(probe(plainBase(x.length, "EUR"), i -> "A", i -> x[i]));

        assertThat(layout.text(1)).isNotEqualTo(layout.text(0)); // 1.000001 vs 1.000002
        assertThat(layout.text(2)).isEqualTo(layout.text(0)); // 1.0000010004 is stored as 1.000001
        assertThat(layout.text(3)).isNotEqualTo(layout.text(4)); // absent vs 0
        assertThat(layout.text(5)).isEqualTo(layout.text(4)); // -0.0 is stored as 0
        assertThat(layout.text(6)).isEqualTo(layout.text(4)); // 0.0000004 rounds to 0.000000
    }

    @Test
    @DisplayName("the number of customers and the currency, which reasons quote, are part of the hash")
    void runWideValues() {
        String three = new ResultHash.Layout(probe(plainBase(3, "EUR"), i -> "A", i -> 1.0)).text(0);
        String four = new ResultHash.Layout(probe(plainBase(4, "EUR"), i -> "A", i -> 1.0)).text(0);
        String dollars = new ResultHash.Layout(probe(plainBase(3, "USD"), i -> "A", i -> 1.0)).text(0);
        String again = new ResultHash.Layout(probe(plainBase(3, "EUR"), i -> "A", i -> 1.0)).text(0);

        assertThat(four).isNotEqualTo(three);
        assertThat(dollars).isNotEqualTo(three);
        assertThat(again).isEqualTo(three);
    }

    @Test
    @DisplayName("the text round-trips; null, SHA-256 texts of earlier versions and upper case are not this form")
    void text() {
        long[] out = new long[2];
        Random random = new Random(3);
        for (int k = 0; k < 1_000; k++) {
            long high = random.nextLong();
            long low = k == 0 ? 0 : k == 1 ? -1 : random.nextLong();
            String text = ResultHash.hex(high, low);

            boolean parsed = ResultHash.parse(text, out);

            assertThat(parsed).isTrue();
            assertThat(out).containsExactly(high, low);
        }
        assertThat(ResultHash.hex(0x0123456789abcdefL, -1L)).isEqualTo("0123456789abcdefffffffffffffffff");
        assertThat(ResultHash.parse(null, out)).isFalse();
        assertThat(ResultHash.parse("ab".repeat(32), out)).isFalse();
        assertThat(ResultHash.parse("0123456789ABCDEFffffffffffffffff", out)).isFalse();
        assertThat(ResultHash.parse("0123456789abcdefgfffffffffffffff", out)).isFalse();
    }

    @Test
    @DisplayName(
            "property: a metric's word is equal exactly when the stored decimals are, ties and huge values included")
    void words() {
        Random random = new Random(9);
        for (int k = 0; k < 100_000; k++) {
            double a = switch (k % 4) {
                case 0 -> random.nextDouble();
                case 1 -> (random.nextInt(2_000_001) - 1_000_000) / 1e6 + 5e-7; // next to a tie
                case 2 -> random.nextGaussian() * 1e14; // beyond a long of micro units
                default -> random.nextGaussian() * 1e9;
            };
            double b = random.nextBoolean() ? Math.nextUp(a) : a + random.nextInt(3) * 1e-7;
            for (int scale : new int[] {2, 6}) {
                double power = Math.pow(10, scale);
                boolean sameStored = Models.decimal(a, scale, power).equals(Models.decimal(b, scale, power));

                boolean sameWord = ResultHash.word(a, scale, power) == ResultHash.word(b, scale, power);

                assertThat(sameWord).as("%s and %s at scale %d", a, b, scale).isEqualTo(sameStored);
            }
        }
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
