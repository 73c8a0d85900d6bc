package dev.guanxi.crm.internal.scoring;

import dev.guanxi.crm.classification.Classifications;
import dev.guanxi.crm.classification.CustomerBase;
import dev.guanxi.crm.classification.ScoringResult;
import dev.guanxi.crm.spi.storage.ScoreSnapshot;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.TreeMap;

/**
 * The hash a scoring run stores in {@link ScoreSnapshot#inputsHash()}: a 128-bit hash of what a customer's
 * snapshot holds apart from its reasons — every rule's label, score and metrics and the model outputs, as
 * stored (rounded to the snapshot's decimals; an absent metric differs from every value) — plus the run-wide
 * values the reasons quote (the number of customers, the currency) and the entry names. Not of the run or the
 * day. A run skips a customer whose results hash to the stored value: that makes a rerun after a crash cheap and
 * leaves unchanged customers alone, and since the hash does not read the reasons, a skipped customer costs no
 * text at all. The results are hashed rather than the customer's own inputs because the 80/20 grading, RFM and
 * the matrix rank a customer among all others: unchanged inputs can still give changed results.
 *
 * <p>A reason is rendered from its rule's columns and settings; a change of a rule's settings that changes no
 * label or metric of a customer (e.g. a threshold quoted in a reason) leaves that customer's stored reason as it
 * was until its results change.
 *
 * <p>The text is 32 lowercase hexadecimal digits (two 64-bit lanes, each a multiply-xorshift mix of 64-bit words:
 * a label's characters hashed to one word, a metric's unscaled value at its scale as one word, then a presence
 * mask). Not cryptographic; two different results give the same hash with a probability of about 2^-128. Hashes
 * of other forms (the SHA-256 of earlier versions) never match, so the first run after an upgrade rewrites
 * every snapshot once.
 *
 * <p>Thread-safe (a layout is immutable; hashing allocates nothing).
 */
final class ResultHash {
    /** The key under which the previous snapshot's hash is passed along with its labels. */
    static final String KEY = "\\u0000hash";

    /** The length of a hash's text. */
    static final int LENGTH = 32;

    private static final long K1 = 0x9E3779B97F4A7C15L;
    private static final long K2 = 0xC2B2AE3D27D4EB4FL;
    private static final long K3 = 0x165667B19E3779F9L;
    private static final long K4 = 0xD6E8FEB86659FD93L;

    /** The word of an absent metric (its presence bit is what tells it from a value). */
    private static final long ABSENT = 0x5A5A5A5A5A5A5A5AL;

    /**
     * Where each hashed entry of a run's snapshots comes from, in the snapshots' name order, so that a customer's
     * hash is computed from the rule columns without building the snapshot. Built once per run. Immutable.
     */
    static final class Layout {
        private final CustomerBase base;
        private final Classifications[] labels;
        /** Per metric: its rule, or null for a model output. */
        private final Classifications[] metricRules;
        /** Per metric: its position in the rule's metrics, -1 for the rule's score, or the model output (0, 1). */
        private final int[] metricIndexes;

        private final long seed1;
        private final long seed2;

        Layout(ScoringResult result) {
            this.base = result.base();
            TreeMap<String, Classifications> l = new TreeMap<>();
            TreeMap<String, Object[]> m = new TreeMap<>();
            // the model outputs first: a rule metric of the same name replaces them, as in ScoringResult.snapshot
            m.put(Models.P_ALIVE, new Object[] {null, 0});
            m.put(Models.CLV, new Object[] {null, 1});
            for (Classifications c : result.results().values()) {
                l.put(c.rule(), c);
                m.put(c.rule() + ".score", new Object[] {c, -1});
                int k = 0;
                for (String name : c.metricNames()) {
                    m.put(c.rule() + "." + name, new Object[] {c, k++});
                }
            }
            this.labels = l.values().toArray(new Classifications[0]);
            this.metricRules = new Classifications[m.size()];
            this.metricIndexes = new int[m.size()];
            int k = 0;
            for (Object[] source : m.values()) {
                metricRules[k] = (Classifications) source[0];
                metricIndexes[k] = (Integer) source[1];
                k++;
            }
            // the run-wide part: the entry names, the number of customers and the currency the reasons quote
            long h1 = K3;
            long h2 = K4;
            for (String name : l.keySet()) {
                h1 = mix(h1, chars(name), K1);
                h2 = mix(h2, chars(name), K2);
            }
            for (String name : m.keySet()) {
                h1 = mix(h1, chars(name), K1);
                h2 = mix(h2, chars(name), K2);
            }
            long context = ((long) base.size() << 16) ^ chars(base.currency().getCurrencyCode());
            this.seed1 = mix(h1, context, K1);
            this.seed2 = mix(h2, context, K2);
        }

        /** The number of metric entries (model outputs included), for tests. */
        int metrics() {
            return metricRules.length;
        }

        /**
         * Hashes customer {@code i}'s results: the two 64-bit lanes into {@code out[0]} and {@code out[1]}.
         * Allocation-free except for metrics of 2^50 units of their last decimal or more, or next to a rounding
         * tie (exact decimal arithmetic).
         */
        void hash(int i, long[] out) {
            long h1 = seed1;
            long h2 = seed2;
            for (Classifications c : labels) {
                long w = chars(c.label(i));
                h1 = mix(h1, w, K1);
                h2 = mix(h2, w, K2);
            }
            long present = 0;
            for (int k = 0; k < metricRules.length; k++) {
                Classifications c = metricRules[k];
                int index = metricIndexes[k];
                double value;
                int scale = 6;
                double power = 1e6;
                if (c == null) {
                    if (index == 0) {
                        value = base.probabilityAlive(i);
                    } else {
                        value = base.lifetimeValue(i);
                        scale = 2;
                        power = 1e2;
                    }
                } else {
                    value = index < 0 ? c.score(i) : c.metric(index, i);
                }
                long w;
                if (Double.isFinite(value)) {
                    w = word(value, scale, power);
                    present |= 1L << (k & 63);
                } else {
                    w = ABSENT;
                }
                h1 = mix(h1, w, K1);
                h2 = mix(h2, w, K2);
                if ((k & 63) == 63 || k == metricRules.length - 1) {
                    h1 = mix(h1, present, K1);
                    h2 = mix(h2, present, K2);
                    present = 0;
                }
            }
            out[0] = finish(h1);
            out[1] = finish(h2);
        }

        /** Customer {@code i}'s hash as text. */
        String text(int i) {
            long[] h = new long[2];
            hash(i, h);
            return ResultHash.hex(h[0], h[1]);
        }
    }

    private ResultHash() {}

    /**
     * The word of a metric: its value as stored, {@code Models.decimal(value, scale, power)}, as the unscaled
     * long (the scale is the entry's, fixed), or a hash of the unscaled digits when they do not fit.
     */
    static long word(double value, int scale, double power) {
        double scaled = value * power;
        double abs = Math.abs(scaled);
        if (abs < 0x1p50) {
            double rounded = Math.rint(scaled);
            if (0.5 - Math.abs(scaled - rounded) > abs * 0x1p-50 + 1e-9) {
                return (long) rounded;
            }
        }
        BigDecimal exact = Models.decimal(value, scale, power);
        BigInteger unscaled = exact.unscaledValue();
        if (unscaled.bitLength() < 63) {
            return unscaled.longValue();
        }
        long h = K3;
        for (byte b : unscaled.toByteArray()) {
            h = mix(h, b, K1);
        }
        return h;
    }

    /** A 64-bit hash of a text's characters. */
    static long chars(String s) {
        long h = K4 ^ s.length();
        int n = s.length();
        int k = 0;
        for (; k + 3 < n; k += 4) {
            long w = s.charAt(k)
                    | (long) s.charAt(k + 1) << 16
                    | (long) s.charAt(k + 2) << 32
                    | (long) s.charAt(k + 3) << 48;
            h = mix(h, w, K1);
        }
        long w = 0;
        for (int shift = 0; k < n; k++, shift += 16) {
            w |= (long) s.charAt(k) << shift;
        }
        return finish(mix(h, w, K2));
    }

    private static long mix(long h, long w, long k) {
        long x = (h ^ w) * k;
        return x ^ (x >>> 29) ^ Long.rotateLeft(h, 23);
    }

    /** MurmurHash3's 64-bit finaliser. */
    private static long finish(long h) {
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        h *= 0xC4CEB9FE1A85EC53L;
        return h ^ (h >>> 33);
    }

    /** The text of a hash: {@value #LENGTH} lowercase hexadecimal digits, the first lane first. */
    static String hex(long high, long low) {
        char[] c = new char[LENGTH];
        for (int k = 0; k < 16; k++) {
            c[k] = Character.forDigit((int) (high >>> (60 - 4 * k)) & 15, 16);
            c[16 + k] = Character.forDigit((int) (low >>> (60 - 4 * k)) & 15, 16);
        }
        return new String(c);
    }

    /**
     * Reads a stored hash's text into {@code out[0]} and {@code out[1]}.
     *
     * @return whether it is a hash of this form ({@code false} for {@code null} and hashes of earlier versions)
     */
    static boolean parse(String text, long[] out) {
        if (text == null || text.length() != LENGTH) {
            return false;
        }
        long high = 0;
        long low = 0;
        for (int k = 0; k < 16; k++) {
            int a = Character.digit(text.charAt(k), 16);
            int b = Character.digit(text.charAt(16 + k), 16);
            if (a < 0 || b < 0 || Character.isUpperCase(text.charAt(k)) || Character.isUpperCase(text.charAt(16 + k))) {
                return false;
            }
            high = high << 4 | a;
            low = low << 4 | b;
        }
        out[0] = high;
        out[1] = low;
        return true;
    }
}
