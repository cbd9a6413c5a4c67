package dev.v2l.metrics;

import java.util.List;

/**
 * numpy's pairwise summation of a float64 array ({@code add.reduce}, which pandas' {@code mean} uses): below 8
 * values a plain loop; up to 128, eight interleaved accumulators combined as ((r0+r1)+(r2+r3))+((r4+r5)+(r6+r7)) and
 * the remainder added in order; above, the halves (the first a multiple of 8) summed recursively. Means computed this
 * way equal pandas' to the last bit.
 */
public final class NumpySum {

    private static final int BLOCK = 128;

    private NumpySum() {
    }

    public static double sum(double[] a) {
        return pairwise(a, 0, a.length);
    }

    public static double mean(List<Double> xs) {
        double[] a = new double[xs.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = xs.get(i);
        }
        return a.length == 0 ? Double.NaN : sum(a) / a.length;
    }

    static double pairwise(double[] a, int from, int n) {
        if (n < 8) {
            double res = 0.0;
            for (int i = 0; i < n; i++) {
                res += a[from + i];
            }
            return res;
        }
        if (n <= BLOCK) {
            double[] r = new double[8];
            for (int k = 0; k < 8; k++) {
                r[k] = a[from + k];
            }
            int i;
            for (i = 8; i < n - (n % 8); i += 8) {
                for (int k = 0; k < 8; k++) {
                    r[k] += a[from + i + k];
                }
            }
            double res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
            for (; i < n; i++) {
                res += a[from + i];
            }
            return res;
        }
        int n2 = n / 2;
        n2 -= n2 % 8;
        return pairwise(a, from, n2) + pairwise(a, from + n2, n - n2);
    }
}
