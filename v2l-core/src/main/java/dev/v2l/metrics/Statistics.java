package dev.v2l.metrics;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The statistics results are reported with: means with seeded percentile-bootstrap confidence intervals (also for
 * a mean of group means, resampling within each group), Pearson's r and Spearman's ρ (ties get average ranks, as
 * scipy's {@code spearmanr}). Percentiles interpolate linearly between order statistics (numpy's default).
 */
public final class Statistics {

    /** Resamples per interval unless told otherwise. */
    public static final int DEFAULT_RESAMPLES = 1000;

    private Statistics() {
    }

    /** A point estimate and its 95 % interval (NaN bounds when there is nothing to resample). */
    public record Estimate(double mean, double low, double high, int n) {
    }

    public static double mean(double[] x) {
        if (x.length == 0) {
            return Double.NaN;
        }
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }

    /** numpy.percentile(x, q) with linear interpolation; {@code x} need not be sorted (it is not modified). */
    public static double percentile(double[] x, double q) {
        if (x.length == 0) {
            return Double.NaN;
        }
        double[] s = x.clone();
        Arrays.sort(s);
        return sortedPercentile(s, q);
    }

    private static double sortedPercentile(double[] s, double q) {
        double pos = q / 100.0 * (s.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(s.length - 1, lo + 1);
        double frac = pos - lo;
        return s[lo] + (s[hi] - s[lo]) * frac;
    }

    /** The mean of {@code x} with a 95 % percentile-bootstrap interval from {@code resamples} resamples. */
    public static Estimate bootstrapMean(double[] x, int resamples, long seed) {
        return bootstrapMeanOfGroups(List.of(x), resamples, seed);
    }

    /**
     * The mean of the groups' means (e.g. a benchmark's overall = mean of task means) with a 95 % interval from a
     * stratified bootstrap: each resample draws every group from itself, with replacement, at its own size. Empty
     * groups are ignored.
     */
    public static Estimate bootstrapMeanOfGroups(List<double[]> groups, int resamples, long seed) {
        double[] w = new double[groups.size()];
        Arrays.fill(w, 1);
        return bootstrapWeightedMeanOfGroups(groups, w, resamples, seed);
    }

    /**
     * As {@link #bootstrapMeanOfGroups}, with group weights (normalised over the non-empty groups): VSI-Bench's
     * overall counts each relative-direction sub-type as a third of one task.
     */
    public static Estimate bootstrapWeightedMeanOfGroups(List<double[]> groups, double[] weights, int resamples,
            long seed) {
        List<double[]> g = new java.util.ArrayList<>();
        List<Double> wl = new java.util.ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            if (groups.get(i).length > 0) {
                g.add(groups.get(i));
                wl.add(weights[i]);
            }
        }
        int n = g.stream().mapToInt(a -> a.length).sum();
        if (g.isEmpty()) {
            return new Estimate(Double.NaN, Double.NaN, Double.NaN, 0);
        }
        double wsum = wl.stream().mapToDouble(Double::doubleValue).sum();
        double point = 0;
        for (int i = 0; i < g.size(); i++) {
            point += wl.get(i) * mean(g.get(i));
        }
        point /= wsum;
        if (resamples <= 0) {
            return new Estimate(point, Double.NaN, Double.NaN, n);
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] stats = new double[resamples];
        for (int r = 0; r < resamples; r++) {
            double total = 0;
            for (int k = 0; k < g.size(); k++) {
                double[] a = g.get(k);
                double s = 0;
                for (int i = 0; i < a.length; i++) {
                    s += a[rnd.nextInt(a.length)];
                }
                total += wl.get(k) * s / a.length;
            }
            stats[r] = total / wsum;
        }
        Arrays.sort(stats);
        return new Estimate(point, sortedPercentile(stats, 2.5), sortedPercentile(stats, 97.5), n);
    }

    /** Pearson's correlation coefficient; NaN when either side is constant or there are fewer than two pairs. */
    public static double pearson(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("pearson needs pairs: " + x.length + " vs " + y.length + " values");
        }
        if (x.length < 2) {
            return Double.NaN;
        }
        double mx = mean(x);
        double my = mean(y);
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < x.length; i++) {
            double dx = x[i] - mx;
            double dy = y[i] - my;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }
        if (sxx == 0 || syy == 0) {
            return Double.NaN;
        }
        return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
    }

    /** Spearman's rank correlation: Pearson's r of the ranks, ties sharing their average rank. */
    public static double spearman(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("spearman needs pairs: " + x.length + " vs " + y.length + " values");
        }
        return pearson(ranks(x), ranks(y));
    }

    /** 1-based ranks with ties averaged. */
    public static double[] ranks(double[] x) {
        Integer[] order = new Integer[x.length];
        for (int i = 0; i < x.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(x[a], x[b]));
        double[] r = new double[x.length];
        int i = 0;
        while (i < x.length) {
            int j = i;
            while (j + 1 < x.length && x[order[j + 1]] == x[order[i]]) {
                j++;
            }
            double avg = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                r[order[k]] = avg;
            }
            i = j + 1;
        }
        return r;
    }
}
