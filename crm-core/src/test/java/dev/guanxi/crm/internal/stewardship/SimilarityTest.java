package dev.guanxi.crm.internal.stewardship;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SimilarityTest {
    private static final double EPS = 1e-12;

    @Test
    @DisplayName("MARTHA / MARHTA: 6 matches, 1 transposition, prefix 3 -> Jaro 0.9444, Jaro-Winkler 0.9611")
    void martha() {
        // window = 6/2 - 1 = 2; all 6 letters match; T,H and H,T out of order -> t = 2/2 = 1
        // jaro = (6/6 + 6/6 + (6-1)/6) / 3 = 17/18; jw = 17/18 + 3 * 0.1 * (1 - 17/18) = 17/18 + 0.3/18
        double jaro = Similarity.jaro("MARTHA", "MARHTA");
        double jw = Similarity.jaroWinkler("MARTHA", "MARHTA");
        assertThat(jaro).isCloseTo(17.0 / 18, within(EPS));
        assertThat(jw).isCloseTo(17.0 / 18 + 0.3 / 18, within(EPS));
    }

    @Test
    @DisplayName("DWAYNE / DUANE: 4 matches (D, A, N, E), no transposition, prefix 1 -> 0.8222 and 0.84")
    void dwayne() {
        // window = 6/2 - 1 = 2; W, Y and U unmatched; jaro = (4/6 + 4/5 + 4/4) / 3 = 37/45
        // jw = 37/45 + 1 * 0.1 * (8/45) = 37/45 + 0.8/45 = 37.8/45 = 0.84
        double jaro = Similarity.jaro("DWAYNE", "DUANE");
        double jw = Similarity.jaroWinkler("DWAYNE", "DUANE");
        assertThat(jaro).isCloseTo(37.0 / 45, within(EPS));
        assertThat(jw).isCloseTo(0.84, within(EPS));
    }

    @Test
    @DisplayName("DIXON / DICKSONX: X lies outside the window of 3, 4 matches, prefix 2 -> 0.7667 and 0.8133")
    void dixon() {
        // jaro = (4/5 + 4/8 + 4/4) / 3 = 2.3/3; jw = 2.3/3 + 2 * 0.1 * (0.7/3) = (2.3 + 0.14) / 3
        double jaro = Similarity.jaro("DIXON", "DICKSONX");
        double jw = Similarity.jaroWinkler("DIXON", "DICKSONX");
        assertThat(jaro).isCloseTo(2.3 / 3, within(EPS));
        assertThat(jw).isCloseTo(2.44 / 3, within(EPS));
    }

    @Test
    @DisplayName("王芳 / 王方: window 0, 1 match -> Jaro 2/3, at or below the boost threshold so no prefix bonus")
    void chineseTwoCharacters() {
        // jaro = (1/2 + 1/2 + 1/1) / 3 = 2/3 <= 0.7 -> jw = jaro
        double jw = Similarity.jaroWinkler("王芳", "王方");
        assertThat(jw).isCloseTo(2.0 / 3, within(EPS));
    }

    @Test
    @DisplayName("edge cases: equal strings 1, empty vs empty 1, empty vs text 0, nothing in common 0")
    void edges() {
        double same = Similarity.jaroWinkler("fang wang", "fang wang");
        double bothEmpty = Similarity.jaroWinkler("", "");
        double oneEmpty = Similarity.jaroWinkler("", "wang");
        double disjoint = Similarity.jaroWinkler("abc", "xyz");
        assertThat(same).isEqualTo(1.0);
        assertThat(bothEmpty).isEqualTo(1.0);
        assertThat(oneEmpty).isEqualTo(0.0);
        assertThat(disjoint).isEqualTo(0.0);
    }

    @Test
    @DisplayName("strings longer than 64 units (the array path) give the same results as the bit-mask path")
    void longStrings() {
        Random random = new Random(7);
        for (int round = 0; round < 500; round++) {
            String a = randomText(random, 1 + random.nextInt(60));
            String b = mutate(random, a);
            String pad = "x".repeat(70);
            // prefixing both with the same 70 characters forces the array path; compare against a reference
            double masked = Similarity.jaro(a, b);
            double reference = referenceJaro(a, b);
            assertThat(masked).isCloseTo(reference, within(EPS));
            double longer = Similarity.jaro(pad + a, pad + b);
            double longerReference = referenceJaro(pad + a, pad + b);
            assertThat(longer).isCloseTo(longerReference, within(EPS));
        }
    }

    @Test
    @DisplayName("Jaro-Winkler is symmetric and within 0 to 1 (seeded random pairs)")
    void symmetric() {
        Random random = new Random(11);
        for (int round = 0; round < 2000; round++) {
            String a = randomText(random, random.nextInt(20));
            String b = random.nextBoolean() ? mutate(random, a) : randomText(random, random.nextInt(20));
            double ab = Similarity.jaroWinkler(a, b);
            double ba = Similarity.jaroWinkler(b, a);
            assertThat(ab).isCloseTo(ba, within(EPS)).isBetween(0.0, 1.0);
        }
    }

    @Test
    @DisplayName("Dice of word sets: 2 shared of 3 + 3 words = 4/6")
    void dice() {
        String[] a = {"lu", "nanjing", "road"};
        String[] b = {"nanjing", "rd", "road"};
        double dice = Similarity.dice(a, b);
        double none = Similarity.dice(new String[0], new String[0]);
        assertThat(dice).isCloseTo(4.0 / 6, within(EPS));
        assertThat(none).isEqualTo(0.0);
    }

    /** A direct transcription of the textbook definition, with arrays, for comparison. */
    private static double referenceJaro(String a, String b) {
        if (a.isEmpty() || b.isEmpty()) {
            return a.isEmpty() && b.isEmpty() ? 1 : 0;
        }
        int window = Math.max(0, Math.max(a.length(), b.length()) / 2 - 1);
        boolean[] ma = new boolean[a.length()];
        boolean[] mb = new boolean[b.length()];
        int m = 0;
        for (int i = 0; i < a.length(); i++) {
            for (int j = Math.max(0, i - window); j <= Math.min(b.length() - 1, i + window); j++) {
                if (!mb[j] && a.charAt(i) == b.charAt(j)) {
                    ma[i] = mb[j] = true;
                    m++;
                    break;
                }
            }
        }
        if (m == 0) {
            return 0;
        }
        StringBuilder sa = new StringBuilder();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < a.length(); i++) {
            if (ma[i]) {
                sa.append(a.charAt(i));
            }
        }
        for (int j = 0; j < b.length(); j++) {
            if (mb[j]) {
                sb.append(b.charAt(j));
            }
        }
        int t = 0;
        for (int i = 0; i < m; i++) {
            if (sa.charAt(i) != sb.charAt(i)) {
                t++;
            }
        }
        return ((double) m / a.length() + (double) m / b.length() + (m - t / 2.0) / m) / 3;
    }

    private static String randomText(Random random, int length) {
        char[] c = new char[length];
        for (int i = 0; i < length; i++) {
            c[i] = (char) ('a' + random.nextInt(6));
        }
        return new String(c);
    }

    private static String mutate(Random random, String s) {
        if (s.length() < 2) {
            return s + "q";
        }
        char[] c = s.toCharArray();
        int i = random.nextInt(c.length - 1);
        char t = c[i];
        c[i] = c[i + 1];
        c[i + 1] = t;
        return new String(Arrays.copyOf(c, c.length));
    }
}
