package dev.v2l.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Python's float repr: the fast path (Double.toString when it has ≤ 15 digits) agrees with the definition. */
class PythonReprTest {

    /** repr by the definition: the shortest %.Ne that reads back, laid out as Python does. */
    static String byDefinition(double v) {
        String sci = GroundTruth.shortestScientific(v);
        int e = sci.indexOf('e');
        String mantissa = sci.substring(0, e).replace(".", "").replace("-", "");
        int exp = Integer.parseInt(sci.substring(e + 1));
        StringBuilder sb = new StringBuilder(v < 0 ? "-" : "");
        if (exp < -4 || exp >= 16) {
            sb.append(mantissa.charAt(0));
            if (mantissa.length() > 1) {
                sb.append('.').append(mantissa, 1, mantissa.length());
            }
            int a = Math.abs(exp);
            return sb.append('e').append(exp < 0 ? '-' : '+').append(a < 10 ? "0" + a : Integer.toString(a))
                    .toString();
        }
        if (exp < 0) {
            return sb.append("0.").append("0".repeat(-exp - 1)).append(mantissa).toString();
        }
        if (mantissa.length() <= exp + 1) {
            return sb.append(mantissa).append("0".repeat(exp + 1 - mantissa.length())).append(".0").toString();
        }
        return sb.append(mantissa, 0, exp + 1).append('.').append(mantissa, exp + 1, mantissa.length()).toString();
    }

    @Test
    void fastPathMatchesTheDefinition() {
        SplittableRandom r = new SplittableRandom(7);
        for (int i = 0; i < 3_000; i++) {
            double v = switch (i % 4) {
                case 0 -> Math.round(r.nextDouble(-1000, 1000) * 10) / 10.0; // answers like 2.3
                case 1 -> r.nextDouble(); // full precision
                case 2 -> Double.longBitsToDouble(r.nextLong()); // anything
                default -> 0.9 * (r.nextInt(11) / 10.0) + 0.1 * r.nextInt(2); // rewards
            };
            if (!Double.isFinite(v) || v == 0) {
                continue;
            }
            assertThat(GroundTruth.pythonRepr(v)).as("repr of %s", v).isEqualTo(byDefinition(v));
        }
        assertThat(GroundTruth.pythonRepr(0.1 + 0.2)).isEqualTo("0.30000000000000004");
        assertThat(GroundTruth.pythonRepr(1e16)).isEqualTo("1e+16");
        assertThat(GroundTruth.pythonRepr(1.5e-5)).isEqualTo("1.5e-05");
        assertThat(GroundTruth.pythonRepr(123456789012345.0)).isEqualTo("123456789012345.0");
        assertThat(GroundTruth.pythonRepr(0.0001)).isEqualTo("0.0001");
    }
}
