package dev.guanxi.crm.internal.scoring;

import dev.guanxi.crm.classification.Classifications;
import dev.guanxi.crm.classification.CustomerBase;
import dev.guanxi.crm.classification.ScoringResult;
import dev.guanxi.crm.spi.storage.ScoreSnapshot;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;

/**
 * The hash a scoring run stores in {@link ScoreSnapshot#inputsHash()}: SHA-256 of the snapshot's labels and
 * metrics (names and values, in name order), not of its run or day. A run skips a customer whose results hash to
 * the stored value — which is what makes a rerun after a crash cheap and leaves unchanged customers alone.
 * The results are hashed rather than the customer's own inputs because the 80/20 grading, RFM and the matrix
 * rank a customer among all others: unchanged inputs can still give changed results.
 *
 * <p>The hashed bytes are, per label, {@code L<name>=<value>} and, per metric, {@code M<name>=<value>} with the
 * value as {@code stripTrailingZeros().toPlainString()}, each in UTF-8 followed by a zero byte. They are written
 * into one per-thread buffer (no string per entry) and digested by a per-thread {@link MessageDigest}; the bytes,
 * and so the stored hashes, are those of the first version, which built a string per entry.
 *
 * <p>Thread-safe (the buffer and the digest are per thread).
 */
final class ResultHash {
    /** The key under which the previous snapshot's hash is passed along with its labels. */
    static final String KEY = "\\u0000hash";

    private static final HexFormat HEX = HexFormat.of();

    /** A thread's digest and byte buffer. */
    private static final class Scratch {
        final MessageDigest digest;
        byte[] bytes = new byte[4096];
        int size;

        Scratch() {
            try {
                digest = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        void add(byte[] b) {
            if (size + b.length > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + b.length));
            }
            System.arraycopy(b, 0, bytes, size, b.length);
            size += b.length;
        }

        void add(byte b) {
            if (size == bytes.length) {
                bytes = Arrays.copyOf(bytes, size * 2);
            }
            bytes[size++] = b;
        }

        /** Appends a string as UTF-8: directly when it is ASCII, else through {@link String#getBytes}. */
        void add(String s) {
            int n = s.length();
            for (int i = 0; i < n; i++) {
                if (s.charAt(i) >= 0x80) {
                    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
                        add(b);
                    }
                    return;
                }
            }
            if (size + n > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + n));
            }
            for (int i = 0; i < n; i++) {
                bytes[size++] = (byte) s.charAt(i);
            }
        }

        /** Appends the decimal digits of a non-negative long. */
        void addDigits(long v) {
            if (v >= 10) {
                addDigits(v / 10);
            }
            add((byte) ('0' + (int) (v % 10)));
        }
    }

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    private ResultHash() {}

    /**
     * Where each entry of a run's snapshots comes from, in the snapshots' name order, so that a customer's hash is
     * computed from the rule columns before (and without) building the snapshot. Built once per run.
     */
    static final class Layout {
        /** A label: the rule's label or (with {@code reason}) its reason. */
        private record Label(byte[] prefix, Classifications rule, boolean reason) {}

        /** A metric: a rule's score ({@code metric == null}), a rule's metric, or a model output ({@code rule == null}). */
        private record Metric(byte[] prefix, Classifications rule, String metric, int model) {}

        private final CustomerBase base;
        private final Label[] labels;
        private final Metric[] metrics;

        Layout(ScoringResult result) {
            this.base = result.base();
            java.util.TreeMap<String, Label> l = new java.util.TreeMap<>();
            java.util.TreeMap<String, Metric> m = new java.util.TreeMap<>();
            // the model outputs first: a rule metric of the same name replaces them, as in ScoringResult.snapshot
            m.put(Models.P_ALIVE, new Metric(prefix('M', Models.P_ALIVE), null, null, 0));
            m.put(Models.CLV, new Metric(prefix('M', Models.CLV), null, null, 1));
            for (Classifications c : result.results().values()) {
                String rule = c.rule();
                l.put(rule, new Label(prefix('L', rule), c, false));
                l.put(rule + ".reason", new Label(prefix('L', rule + ".reason"), c, true));
                m.put(rule + ".score", new Metric(prefix('M', rule + ".score"), c, null, -1));
                for (String name : c.metricNames()) {
                    String key = rule + "." + name;
                    m.put(key, new Metric(prefix('M', key), c, name, -1));
                }
            }
            this.labels = l.values().toArray(new Label[0]);
            this.metrics = m.values().toArray(new Metric[0]);
        }

        private static byte[] prefix(char kind, String name) {
            return (kind + name + "=").getBytes(StandardCharsets.UTF_8);
        }
    }

    /**
     * The hash of the snapshot {@code result.snapshot(i, runId, null, Models.metrics(result.base(), i))} would
     * have, computed from the columns: the same bytes, without building the snapshot.
     */
    static String of(Layout layout, int i) {
        Scratch s = SCRATCH.get();
        s.size = 0;
        for (Layout.Label l : layout.labels) {
            String value;
            if (l.reason()) {
                value = l.rule().reason(i);
                if (value.isEmpty()) {
                    continue;
                }
                if (value.length() > ScoreSnapshot.LABEL_MAX) {
                    // as ScoringResult.snapshot cuts it
                    int max = ScoreSnapshot.LABEL_MAX - 1;
                    int end = Character.isHighSurrogate(value.charAt(max - 1)) ? max - 1 : max;
                    value = value.substring(0, end) + "…";
                }
            } else {
                value = l.rule().label(i);
            }
            s.add(l.prefix());
            s.add(value);
            s.add((byte) 0);
        }
        for (Layout.Metric m : layout.metrics) {
            double value;
            int scale = 6;
            double power = 1e6;
            if (m.rule() == null) {
                if (m.model() == 0) {
                    value = layout.base.probabilityAlive(i);
                } else {
                    value = layout.base.lifetimeValue(i);
                    scale = 2;
                    power = 1e2;
                }
            } else {
                value = m.metric() == null ? m.rule().score(i) : m.rule().metric(m.metric(), i);
            }
            if (!Double.isFinite(value)) {
                continue;
            }
            s.add(m.prefix());
            metric(s, value, scale, power);
            s.add((byte) 0);
        }
        s.digest.reset();
        s.digest.update(s.bytes, 0, s.size);
        return HEX.formatHex(s.digest.digest());
    }

    /** Appends {@code Models.decimal(value, scale, power).stripTrailingZeros().toPlainString()}. */
    private static void metric(Scratch s, double value, int scale, double power) {
        double scaled = value * power;
        double abs = Math.abs(scaled);
        if (abs < 0x1p50) {
            double rounded = Math.rint(scaled);
            if (0.5 - Math.abs(scaled - rounded) > abs * 0x1p-50 + 1e-9) {
                plain(s, (long) rounded, scale);
                return;
            }
        }
        plain(s, Models.decimal(value, scale, power));
    }

    static String of(ScoreSnapshot snapshot) {
        Scratch s = SCRATCH.get();
        s.size = 0;
        for (Map.Entry<String, String> e : snapshot.labels().entrySet()) {
            s.add((byte) 'L');
            s.add(e.getKey());
            s.add((byte) '=');
            s.add(e.getValue());
            s.add((byte) 0);
        }
        for (Map.Entry<String, BigDecimal> e : snapshot.metrics().entrySet()) {
            s.add((byte) 'M');
            s.add(e.getKey());
            s.add((byte) '=');
            plain(s, e.getValue());
            s.add((byte) 0);
        }
        s.digest.reset();
        s.digest.update(s.bytes, 0, s.size);
        return HEX.formatHex(s.digest.digest());
    }

    /**
     * Appends {@code value.stripTrailingZeros().toPlainString()}: computed from the unscaled long when it fits and
     * the scale is not negative, else by those two calls.
     */
    private static void plain(Scratch s, BigDecimal value) {
        int scale = value.scale();
        BigInteger unscaled = value.unscaledValue();
        if (scale < 0 || unscaled.bitLength() > 62) {
            s.add(value.stripTrailingZeros().toPlainString());
            return;
        }
        plain(s, unscaled.longValue(), scale);
    }

    /** Appends the plain text, trailing zeros stripped, of {@code u × 10^-scale} ({@code scale} at least 0). */
    private static void plain(Scratch s, long u, int scale) {
        if (u == 0) {
            s.add((byte) '0');
            return;
        }
        while (scale > 0 && u % 10 == 0) {
            u /= 10;
            scale--;
        }
        if (u < 0) {
            s.add((byte) '-');
            u = -u;
        }
        if (scale == 0) {
            s.addDigits(u);
            return;
        }
        long pow = 1;
        int digits = 0;
        for (long t = u; t > 0; t /= 10) {
            digits++;
        }
        if (digits > scale) {
            for (int k = 0; k < scale; k++) {
                pow *= 10;
            }
            s.addDigits(u / pow);
            s.add((byte) '.');
            long fraction = u % pow;
            for (int k = digitsOf(fraction); k < scale; k++) {
                s.add((byte) '0');
            }
            s.addDigits(fraction);
        } else {
            s.add((byte) '0');
            s.add((byte) '.');
            for (int k = digits; k < scale; k++) {
                s.add((byte) '0');
            }
            s.addDigits(u);
        }
    }

    private static int digitsOf(long v) {
        int digits = 1;
        for (long t = v; t >= 10; t /= 10) {
            digits++;
        }
        return digits;
    }
}
