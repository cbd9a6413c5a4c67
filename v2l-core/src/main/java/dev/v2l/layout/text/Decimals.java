package dev.v2l.layout.text;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Rounding for text, the way Python's {@code round(x, n)} does it: on the exact binary value, ties to even. We round
 * only when writing text, never inside computation. Negative zero is written as {@code 0.0}.
 */
public final class Decimals {

    private Decimals() {
    }

    private static final double[] POW10 = {1, 10, 100, 1000, 10000, 100000, 1000000};

    /**
     * {@code value × 10^places} rounded to a whole number the way Python rounds, or {@link Long#MIN_VALUE} when the
     * fast path cannot be sure (near a tie, or too large) and the exact decimal expansion must decide.
     */
    private static long scaledFast(double value, int places) {
        if (places >= POW10.length) {
            return Long.MIN_VALUE;
        }
        double scaled = value * POW10[places];
        if (Math.abs(scaled) > 1e9) {
            return Long.MIN_VALUE; // beyond this the product's rounding error could reach the tie window
        }
        double floor = Math.floor(scaled);
        double frac = scaled - floor;
        // The product may be off from the exact one by an ulp or so; only values that close to .5 need the exact
        // expansion of the binary value.
        if (Math.abs(frac - 0.5) < 1e-6) {
            return Long.MIN_VALUE;
        }
        return (long) (frac > 0.5 ? floor + 1 : floor);
    }

    private static BigDecimal exact(double value, int places) {
        return new BigDecimal(value).setScale(places, RoundingMode.HALF_EVEN);
    }

    /** {@code value} rounded to {@code places} decimals. */
    public static double round(double value, int places) {
        if (!Double.isFinite(value)) {
            return value;
        }
        long fast = scaledFast(value, places);
        double r = fast != Long.MIN_VALUE ? fast / POW10[places] : exact(value, places).doubleValue();
        return r == 0 ? 0.0 : r;
    }

    /** {@code value × 10^places} rounded to a whole number the way Python rounds. */
    private static long scaled(double value, int places) {
        long fast = scaledFast(value, places);
        return fast != Long.MIN_VALUE ? fast : exact(value, places).unscaledValue().longValueExact();
    }

    /**
     * An interval {@code [lo, hi]} rounded to {@code places} decimals so that its written length is its true length
     * rounded: each end as {@link #round} gives it, except when those two ends would make the length one step off,
     * then the end whose rounding was coarser moves one step the other way (each end stays within 0.75 of a step of
     * the true one). A map written this way gives back the rounded sizes its objects really have.
     */
    public static double[] roundInterval(double lo, double hi, int places) {
        if (!Double.isFinite(lo) || !Double.isFinite(hi) || hi < lo || Math.abs(hi) > 1e9 || Math.abs(lo) > 1e9
                || places >= POW10.length) {
            return new double[] {round(lo, places), round(hi, places)};
        }
        long l = scaled(lo, places);
        long h = scaled(hi, places);
        long w = scaled(hi - lo, places);
        if (h - l != w) {
            double errLo = l - lo * POW10[places];
            double errHi = h - hi * POW10[places];
            long step = h - l > w ? 1 : -1; // shorten (l up or h down) or lengthen (l down or h up)
            if (Math.abs(errLo + step) <= Math.abs(errHi - step)) {
                l += step;
            } else {
                h -= step;
            }
        }
        return new double[] {unscaled(l, places), unscaled(h, places)};
    }

    private static double unscaled(long scaled, int places) {
        double r = scaled / POW10[places];
        return r == 0 ? 0.0 : r;
    }

    /** {@code value} rounded and written with exactly {@code places} decimals ({@code 1.0}, {@code -0.5}). */
    public static String format(double value, int places) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("cannot write a non-finite number: " + value);
        }
        long fast = scaledFast(value, places);
        if (fast == Long.MIN_VALUE) {
            BigDecimal r = exact(value, places);
            return (r.signum() == 0 ? r.abs() : r).toPlainString();
        }
        StringBuilder sb = new StringBuilder(12);
        if (fast < 0) {
            sb.append('-');
            fast = -fast;
        }
        String digits = Long.toString(fast);
        if (places == 0) {
            return sb.append(digits).toString();
        }
        if (digits.length() <= places) {
            sb.append("0.");
            for (int i = digits.length(); i < places; i++) {
                sb.append('0');
            }
            return sb.append(digits).toString();
        }
        return sb.append(digits, 0, digits.length() - places).append('.')
                .append(digits, digits.length() - places, digits.length()).toString();
    }

    /** Appends {@link #format} to {@code out}. */
    public static void append(StringBuilder out, double value, int places) {
        out.append(format(value, places));
    }
}
