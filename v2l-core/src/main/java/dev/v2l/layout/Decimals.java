package dev.v2l.layout;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Rounding for text, the way Python's {@code round(x, n)} does it: on the exact binary value, ties to even. We round
 * only when writing text, never inside computation. Negative zero is written as {@code 0.0}.
 */
public final class Decimals {

    private Decimals() {
    }

    /** {@code value} rounded to {@code places} decimals. */
    public static double round(double value, int places) {
        if (!Double.isFinite(value)) {
            return value;
        }
        double r = new BigDecimal(value).setScale(places, RoundingMode.HALF_EVEN).doubleValue();
        return r == 0 ? 0.0 : r;
    }

    /** {@code value} rounded and written with exactly {@code places} decimals ({@code 1.0}, {@code -0.5}). */
    public static String format(double value, int places) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("cannot write a non-finite number: " + value);
        }
        BigDecimal r = new BigDecimal(value).setScale(places, RoundingMode.HALF_EVEN);
        if (r.signum() == 0) {
            r = r.abs();
        }
        return r.toPlainString();
    }

    /** Appends {@link #format} to {@code out}. */
    public static void append(StringBuilder out, double value, int places) {
        out.append(format(value, places));
    }
}
