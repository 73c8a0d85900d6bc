package dev.guanxi.crm.internal.stewardship;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RadixSortTest {
    @Test
    @DisplayName("sorts unsigned 64-bit keys and keeps the values of equal keys in their order (seeded random)")
    void sortsStably() {
        Random random = new Random(3);
        for (int round = 0; round < 200; round++) {
            int n = random.nextInt(300);
            long[] pool = new long[1 + random.nextInt(20)];
            for (int i = 0; i < pool.length; i++) {
                pool[i] = random.nextLong();
            }
            long[] keys = new long[n];
            int[] values = new int[n];
            long[][] expected = new long[n][];
            for (int i = 0; i < n; i++) {
                keys[i] = pool[random.nextInt(pool.length)];
                values[i] = i;
                expected[i] = new long[] {keys[i], i};
            }
            Arrays.sort(
                    expected,
                    Comparator.<long[]>comparingLong(e -> e[0] ^ Long.MIN_VALUE).thenComparingLong(e -> e[1]));
            RadixSort.sort(keys, values, n);
            for (int i = 0; i < n; i++) {
                assertThat(keys[i]).isEqualTo(expected[i][0]);
                assertThat((long) values[i]).isEqualTo(expected[i][1]);
            }
        }
    }
}
