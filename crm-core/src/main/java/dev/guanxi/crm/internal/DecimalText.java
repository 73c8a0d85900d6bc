package dev.guanxi.crm.internal;

import java.util.Locale;

/**
 * Fixed-point text of doubles as {@link java.util.Formatter} renders {@code %.Nf}, {@code %,.Nf} and {@code
 * %+.Nf} in {@link Locale#ROOT} (the same characters), appended to a {@link StringBuilder} without a {@code
 * Formatter}: explanations rendered for every customer of a scoring run must not parse a pattern and build
 * {@code DecimalFormatSymbols} per number (JDK 17 builds them for every {@code %f} outside {@code Locale.US}).
 *
 * <p>{@code Formatter} rounds the double's decimal form ({@link Double#toString}'s digits) half-up. This class
 * rounds {@code |value| × 10^N} directly when it lies further from a tie ({@code .5}) than the error of that
 * product and of the decimal form can reach (each below 2^-53 of the product): then both round to the same
 * integer. Near a tie, for {@code |value| × 10^N} of 2^50 or more and for more than {@value #MAX_DECIMALS}
 * decimals it calls {@code String.format} itself, so the text is always {@code Formatter}'s. Signs as there: a
 * negative value (also {@code -0.0}, and a negative value that rounds to zero) gets {@code -}; {@code NaN} is
 * {@code NaN}, infinities {@code Infinity} with their sign.
 *
 * <p>Thread-safe (stateless).
 */
public final class DecimalText {
    /** The most decimals the fast path handles. */
    static final int MAX_DECIMALS = 9;

    private static final long[] POW10 = {
        1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L, 100_000_000L, 1_000_000_000L
    };

    /** 2^50: above it a product's rounding error can exceed the tie margin below. */
    private static final double FAST_MAX = 0x1p50;

    private DecimalText() {}

    /**
     * Appends {@code String.format(Locale.ROOT, "%.<decimals>f", value)}.
     *
     * @param out where to append
     * @param value the number
     * @param decimals the decimal places, at least 0
     * @return {@code out}
     */
    public static StringBuilder append(StringBuilder out, double value, int decimals) {
        return append(out, value, decimals, false, false);
    }

    /**
     * Appends {@code String.format(Locale.ROOT, "%,.<decimals>f", value)}: thousands grouped by commas.
     *
     * @param out where to append
     * @param value the number
     * @param decimals the decimal places, at least 0
     * @return {@code out}
     */
    public static StringBuilder appendGrouped(StringBuilder out, double value, int decimals) {
        return append(out, value, decimals, true, false);
    }

    /**
     * Appends {@code String.format(Locale.ROOT, "%+.<decimals>f", value)}: a {@code +} before a number that is not
     * negative.
     *
     * @param out where to append
     * @param value the number
     * @param decimals the decimal places, at least 0
     * @return {@code out}
     */
    public static StringBuilder appendSigned(StringBuilder out, double value, int decimals) {
        return append(out, value, decimals, false, true);
    }

    /**
     * Returns {@code String.format(Locale.ROOT, "%.<decimals>f", value)}.
     *
     * @param value the number
     * @param decimals the decimal places, at least 0
     * @return the text
     */
    public static String of(double value, int decimals) {
        return append(new StringBuilder(24), value, decimals).toString();
    }

    /**
     * Returns {@code String.format(Locale.ROOT, "%,.<decimals>f", value)}.
     *
     * @param value the number
     * @param decimals the decimal places, at least 0
     * @return the text
     */
    public static String grouped(double value, int decimals) {
        return appendGrouped(new StringBuilder(24), value, decimals).toString();
    }

    private static StringBuilder append(StringBuilder out, double value, int decimals, boolean group, boolean plus) {
        if (decimals < 0) {
            throw new IllegalArgumentException("decimals must be at least 0, got " + decimals);
        }
        if (Double.isNaN(value)) {
            return out.append("NaN");
        }
        boolean negative = Double.compare(value, 0.0) < 0;
        if (negative) {
            out.append('-');
        } else if (plus) {
            out.append('+');
        }
        double magnitude = Math.abs(value);
        if (Double.isInfinite(magnitude)) {
            return out.append("Infinity");
        }
        if (decimals <= MAX_DECIMALS) {
            long pow = POW10[decimals];
            double scaled = magnitude * pow;
            if (scaled < FAST_MAX) {
                double floor = Math.floor(scaled);
                double fraction = scaled - floor;
                if (Math.abs(fraction - 0.5) > scaled * 0x1p-50 + 1e-9) {
                    long rounded = (long) floor + (fraction > 0.5 ? 1 : 0);
                    appendInteger(out, rounded / pow, group);
                    if (decimals > 0) {
                        out.append('.');
                        long rest = rounded % pow;
                        for (long p = pow / 10; p > 1 && rest < p; p /= 10) {
                            out.append('0');
                        }
                        out.append(rest);
                    }
                    return out;
                }
            }
        }
        // near a tie, large or many decimals: Formatter itself (rare), on the magnitude (the sign is out already)
        return out.append(
                String.format(Locale.ROOT, group ? "%,." + decimals + "f" : "%." + decimals + "f", magnitude));
    }

    private static void appendInteger(StringBuilder out, long value, boolean group) {
        if (!group || value < 1000) {
            out.append(value);
            return;
        }
        appendInteger(out, value / 1000, true);
        out.append(',');
        long rest = value % 1000;
        if (rest < 100) {
            out.append('0');
        }
        if (rest < 10) {
            out.append('0');
        }
        out.append(rest);
    }
}
