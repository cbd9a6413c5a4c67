package dev.v2l.metrics;

/**
 * Mean relative accuracy, in the two variants the reference implementations use. They differ at the threshold
 * boundaries in floating point, so both are kept, named, with thresholds computed exactly as numpy's
 * {@code linspace} computes them.
 *
 * <ul>
 *   <li>{@link #vsi}: VSI-Bench (lmms-eval {@code vsibench/utils.py}): {@code |pred - gt| / gt <= 1 - c} for
 *       {@code c in linspace(0.5, 0.95, 10)}.</li>
 *   <li>{@link #v2lo}: Video2Layout's {@code qa.py}: {@code error <= t} for {@code t in linspace(0.50, 0.05, 10)},
 *       error relative ({@code |pred - gt| / |gt|}) or absolute when gt is 0.</li>
 * </ul>
 */
public final class Mra {

    /** {@code 1 - numpy.linspace(0.5, 0.95, 10)}, element by element. */
    public static final double[] VSI_THRESHOLDS = oneMinus(linspace(0.5, 0.95, 10));
    /** {@code numpy.linspace(0.50, 0.05, 10)}. */
    public static final double[] V2LO_THRESHOLDS = linspace(0.50, 0.05, 10);

    private Mra() {
    }

    /**
     * numpy's {@code linspace(start, stop, num)} with {@code endpoint=True}: {@code i * step + start} with
     * {@code step = (stop - start) / (num - 1)}, and the last value set to {@code stop} exactly.
     */
    public static double[] linspace(double start, double stop, int num) {
        double[] y = new double[num];
        int div = num - 1;
        double step = (stop - start) / div;
        for (int i = 0; i < num; i++) {
            y[i] = i * step + start;
        }
        y[num - 1] = stop;
        return y;
    }

    private static double[] oneMinus(double[] a) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = 1 - a[i];
        }
        return out;
    }

    /**
     * VSI-Bench's MRA of a parsed prediction against the ground truth. The reference divides by {@code gt} as is:
     * with gt = 0 Python raises ZeroDivisionError, so callers must treat gt = 0 as an error (see
     * {@link VsiMetrics}).
     */
    public static double vsi(double pred, double gt) {
        double rel = Math.abs(pred - gt) / gt;
        int n = 0;
        for (double t : VSI_THRESHOLDS) {
            if (rel <= t) {
                n++;
            }
        }
        return n / (double) VSI_THRESHOLDS.length;
    }

    /** Video2Layout's MRA ({@code qa.py}). */
    public static double v2lo(double pred, double gt) {
        double error = gt == 0 ? Math.abs(pred - gt) : Math.abs(pred - gt) / Math.abs(gt);
        int n = 0;
        for (double t : V2LO_THRESHOLDS) {
            if (error <= t) {
                n++;
            }
        }
        return n / (double) V2LO_THRESHOLDS.length;
    }
}
