package dev.v2l.scene;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Which frames to take from a video of {@code total} frames:
 * {@code uniform:N} — {@code linspace(0, total − 1, N)} rounded half to even, as numpy rounds (the VSI-Bench way);
 * {@code uniform-floor:N} — the same truncated ({@code numpy.linspace(..., dtype=int)}, as lmms-eval's loaders do);
 * {@code every:K} — every K-th frame from 0; {@code times:t1,t2,…} — the frames at these seconds.
 */
public final class FrameSampling {

    private FrameSampling() {
    }

    public static int[] uniform(int total, int n) {
        return linspace(total, n, true);
    }

    public static int[] uniformFloor(int total, int n) {
        return linspace(total, n, false);
    }

    private static int[] linspace(int total, int n, boolean round) {
        if (total < 1 || n < 1) {
            throw new IllegalArgumentException("need at least one frame and one sample, got " + total + " frames, "
                    + n + " samples");
        }
        int[] out = new int[n];
        if (n == 1) {
            return out;
        }
        double step = (total - 1) / (double) (n - 1);
        for (int i = 0; i < n; i++) {
            double v = i == n - 1 ? total - 1 : i * step;
            out[i] = round ? new BigDecimal(v).setScale(0, RoundingMode.HALF_EVEN).intValueExact() : (int) v;
        }
        return out;
    }

    /** {@code n} distinct frames drawn at random (seeded), in order. */
    public static int[] random(int total, int n, java.util.SplittableRandom rnd) {
        if (n >= total) {
            int[] all = new int[total];
            for (int i = 0; i < total; i++) {
                all[i] = i;
            }
            return all;
        }
        int[] idx = new int[total];
        for (int i = 0; i < total; i++) {
            idx[i] = i;
        }
        for (int i = 0; i < n; i++) {
            int j = i + rnd.nextInt(total - i);
            int t = idx[i];
            idx[i] = idx[j];
            idx[j] = t;
        }
        int[] out = java.util.Arrays.copyOf(idx, n);
        java.util.Arrays.sort(out);
        return out;
    }

    /**
     * {@code n} frames chosen greedily to show as many distinct objects as possible (each step takes the frame that
     * adds the most objects not yet seen; ties to the earlier frame), in order.
     */
    public static int[] keyframes(Observation obs, int n) {
        int total = obs.frames().size();
        if (n >= total) {
            return uniform(total, total);
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        java.util.TreeSet<Integer> chosen = new java.util.TreeSet<>();
        for (int k = 0; k < n; k++) {
            int best = -1;
            int bestGain = -1;
            for (int i = 0; i < total; i++) {
                if (chosen.contains(i)) {
                    continue;
                }
                int gain = 0;
                for (String id : obs.seenIn(java.util.List.of(i))) {
                    if (!seen.contains(id)) {
                        gain++;
                    }
                }
                if (gain > bestGain) {
                    bestGain = gain;
                    best = i;
                }
            }
            chosen.add(best);
            seen.addAll(obs.seenIn(java.util.List.of(best)));
        }
        return chosen.stream().mapToInt(Integer::intValue).toArray();
    }

    public static int[] every(int total, int k) {
        if (k < 1) {
            throw new IllegalArgumentException("every: K must be at least 1, got " + k);
        }
        int[] out = new int[(total + k - 1) / k];
        for (int i = 0; i < out.length; i++) {
            out[i] = i * k;
        }
        return out;
    }

    public static int[] atTimes(double[] seconds, double fps, int total) {
        int[] out = new int[seconds.length];
        for (int i = 0; i < seconds.length; i++) {
            if (!(seconds[i] >= 0)) {
                throw new IllegalArgumentException("times must be >= 0 seconds, got " + seconds[i]);
            }
            out[i] = (int) Math.min(total - 1, Math.round(seconds[i] * fps));
        }
        return out;
    }

    /** Parses a sampling spec ({@code uniform:16}, {@code every:30}, {@code times:0.5,2,4.25}). */
    public static int[] parse(String spec, int total, double fps) {
        String s = spec.strip().toLowerCase(Locale.ROOT);
        int colon = s.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException(usage(spec));
        }
        String kind = s.substring(0, colon);
        String arg = s.substring(colon + 1);
        try {
            return switch (kind) {
                case "uniform" -> uniform(total, Integer.parseInt(arg));
                case "uniform-floor" -> uniformFloor(total, Integer.parseInt(arg));
                case "every" -> every(total, Integer.parseInt(arg));
                case "times" -> {
                    List<Double> ts = new ArrayList<>();
                    for (String t : arg.split(",")) {
                        ts.add(Double.parseDouble(t.strip()));
                    }
                    yield atTimes(ts.stream().mapToDouble(Double::doubleValue).toArray(), fps, total);
                }
                default -> throw new IllegalArgumentException(usage(spec));
            };
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(usage(spec));
        }
    }

    private static String usage(String spec) {
        return "frame sampling must be uniform:N, uniform-floor:N, every:K or times:T1,T2,... (seconds); got '" + spec
                + "'";
    }
}
