package dev.guanxi.crm.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Sorting indexes by a double key")
class IndexSortTest {
    @Test
    @DisplayName("byValue gives exactly the order of a boxed comparator sort, ties by the tie-break, on random data")
    void sameAsComparatorSort() {
        Random random = new Random(7);
        double[] specials = {0.0, -0.0, Double.NaN, Double.MAX_VALUE, -Double.MAX_VALUE, 1e-300, -1e-300, 42};
        for (int round = 0; round < 200; round++) {
            // the last rounds above the size where the key sort goes parallel (8,192)
            int n = 1 + random.nextInt(round < 100 ? 100 : round < 195 ? 5000 : 60_000);
            double[] v = new double[n];
            int distinct = 1 + random.nextInt(n);
            for (int i = 0; i < n; i++) {
                v[i] = random.nextInt(10) == 0
                        ? specials[random.nextInt(specials.length)]
                        : (random.nextInt(distinct) - distinct / 2) * (random.nextBoolean() ? 1.0 : 1e-9);
            }
            int[] secondary = IntStream.range(0, n).map(i -> random.nextInt(n)).toArray();
            for (boolean descending : new boolean[] {true, false}) {
                Comparator<Integer> byKey =
                        (a, b) -> descending ? Double.compare(v[b], v[a]) : Double.compare(v[a], v[b]);
                Integer[] expected = IntStream.range(0, n).boxed().toArray(Integer[]::new);
                Arrays.sort(
                        expected,
                        byKey.thenComparing((a, b) -> Integer.compare(secondary[a], secondary[b]))
                                .thenComparing(Integer::compare));
                int[] actual = IndexSort.byValue(v, descending, (a, b) -> {
                    int c = Integer.compare(secondary[a], secondary[b]);
                    return c != 0 ? c : Integer.compare(a, b);
                });
                assertThat(actual)
                        .containsExactly(Arrays.stream(expected)
                                .mapToInt(Integer::intValue)
                                .toArray());
                Integer[] plain = IntStream.range(0, n).boxed().toArray(Integer[]::new);
                Arrays.sort(plain, byKey.thenComparing(Integer::compare));
                assertThat(IndexSort.byValue(v, descending, null))
                        .containsExactly(
                                Arrays.stream(plain).mapToInt(Integer::intValue).toArray());
            }
        }
    }
}
