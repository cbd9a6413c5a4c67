package dev.v2l.layout.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The parser's fast path for plain decimals gives exactly {@link Double#parseDouble}'s double (bit for bit) for every
 * form a model writes: signs, leading zeros, 1–25 digits, 0–25 of them after the point, a bare trailing point, and
 * the 15/16 significant-digit and 22/23 fraction-digit boundaries where it hands over to {@code parseDouble}.
 */
class DecimalFuzzTest {

    @Test
    void parseDecimalAgreesWithParseDoubleBitForBit() {
        SplittableRandom rnd = new SplittableRandom(20_26_11_29L);
        for (int k = 0; k < 100_000; k++) {
            String s = decimal(rnd);
            double expected = Double.parseDouble(s);
            double got = LenientJson.parseDecimal(s);
            assertThat(Double.doubleToRawLongBits(got)).as("'%s': %s vs %s", s, got, expected)
                    .isEqualTo(Double.doubleToRawLongBits(expected));
        }
    }

    @Test
    void boundariesAndCornerCases() {
        for (String s : new String[] {"0", "-0", "0.0", "-0.000", "1.", "-1.", ".5", "-.5", "000123.4500",
            "123456789012345", "1234567890123456", "0.123456789012345", "0.1234567890123456", "9007199254740993",
            "0.0000000000000000000001", "0.00000000000000000000001", "1.0000000000000000000000001", "99999999999999.9",
            "0.1", "0.2", "0.3", "2.675", "1.005", "4.35", "-12.345"}) {
            assertThat(Double.doubleToRawLongBits(LenientJson.parseDecimal(s))).as(s)
                    .isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(s)));
        }
    }

    /** {@code -?D*(.D*)?} with at least one digit; lengths chosen to cross the fast path's limits often. */
    private static String decimal(SplittableRandom rnd) {
        StringBuilder sb = new StringBuilder();
        if (rnd.nextInt(3) == 0) {
            sb.append('-');
        }
        int zeros = rnd.nextInt(4) == 0 ? rnd.nextInt(4) : 0;
        sb.append("0".repeat(zeros));
        int intDigits = rnd.nextInt(5) == 0 ? 0 : 1 + rnd.nextInt(rnd.nextBoolean() ? 4 : 18);
        digits(sb, intDigits, rnd);
        int fracDigits = -1;
        if (rnd.nextInt(4) != 0) {
            fracDigits = rnd.nextInt(rnd.nextBoolean() ? 4 : 26);
            sb.append('.');
            digits(sb, fracDigits, rnd);
        }
        if (zeros + intDigits + Math.max(0, fracDigits) == 0) {
            sb.append(rnd.nextInt(10));
        }
        return sb.toString();
    }

    private static void digits(StringBuilder sb, int n, SplittableRandom rnd) {
        for (int i = 0; i < n; i++) {
            sb.append((char) ('0' + rnd.nextInt(10)));
        }
    }
}
