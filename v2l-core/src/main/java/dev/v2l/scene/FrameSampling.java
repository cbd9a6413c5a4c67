package dev.v2l.scene;

import dev.v2l.io.BadInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Which frames to take from a video of {@code total} frames:
 * {@code uniform:N} — {@code numpy.round(numpy.linspace(0, total − 1, N)).astype(int)} (round half to even);
 * {@code uniform-floor:N} — {@code numpy.linspace(0, total − 1, N, dtype=int)}, the formula of lmms-eval's loaders
 * ({@code llava_onevision.load_video}, {@code load_video_decord}, the VSI-Bench task's
 * {@code sample_vsibench_video_frames}); {@code uniform-floor-last:N} — the same with {@code total − 1} appended when
 * missing (lmms-eval's {@code vllm.encode_video}); {@code every:K} — every K-th frame from 0;
 * {@code times:t1,t2,…} — the frames at these seconds.
 *
 * <p>The linspace is numpy's, bit for bit: {@code step = (stop − start) / (N − 1)}, element {@code i} is
 * {@code i * step + start}, the last is {@code stop} exactly, and {@code N = 1} gives {@code [start]}; the values
 * are truncated (numpy floors, the same for these non-negative values) or rounded half to even. Duplicates are kept
 * when N exceeds the frame count, as the reference loaders keep them. {@code frame-sampling-numpy.txt} in the tests
 * pins every count 1–64 for videos of 1–10,000 frames against numpy.
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

    /**
     * lmms-eval's {@code vllm.encode_video}: {@code linspace(0, total − 1, n, dtype=int)}, then {@code total − 1}
     * appended when it is not among them (only for {@code n = 1} on videos of 2+ frames).
     */
    public static int[] uniformFloorWithLast(int total, int n) {
        int[] idx = uniformFloor(total, n);
        for (int i : idx) {
            if (i == total - 1) {
                return idx;
            }
        }
        int[] out = java.util.Arrays.copyOf(idx, idx.length + 1);
        out[idx.length] = total - 1;
        return out;
    }

    /** The indices of a named uniform rule ({@code uniform}, {@code uniform-floor}, {@code uniform-floor-last}). */
    public static int[] uniformRule(String rule, int total, int n) {
        return switch (rule) {
            case "uniform" -> uniform(total, n);
            case "uniform-floor" -> uniformFloor(total, n);
            case "uniform-floor-last" -> uniformFloorWithLast(total, n);
            default -> throw new BadInputException(null, null, null, "unknown sampling '" + rule
                    + "'; available: uniform-floor (lmms-eval's loaders), uniform (rounded), uniform-floor-last "
                    + "(lmms-eval's vllm backend)");
        };
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
        // numpy: y = arange(n) * step + start, y[-1] = stop (step = 0 for one frame: y / div * delta, also 0).
        double step = (total - 1) / (double) (n - 1);
        for (int i = 0; i < n; i++) {
            double v = i == n - 1 ? total - 1 : i * step + 0.0;
            out[i] = round ? (int) Math.rint(v) : (int) v; // rint: half to even, as numpy.round
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
            throw new BadInputException(null, null, null, "every: K must be at least 1, got " + k);
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
                throw new BadInputException(null, null, null, "times must be >= 0 seconds, got " + seconds[i]);
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
            throw new BadInputException(null, null, null, usage(spec));
        }
        String kind = s.substring(0, colon);
        String arg = s.substring(colon + 1);
        try {
            return switch (kind) {
                case "uniform" -> uniform(total, Integer.parseInt(arg));
                case "uniform-floor" -> uniformFloor(total, Integer.parseInt(arg));
                case "uniform-floor-last" -> uniformFloorWithLast(total, Integer.parseInt(arg));
                case "every" -> every(total, Integer.parseInt(arg));
                case "times" -> {
                    List<Double> ts = new ArrayList<>();
                    for (String t : arg.split(",")) {
                        ts.add(Double.parseDouble(t.strip()));
                    }
                    yield atTimes(ts.stream().mapToDouble(Double::doubleValue).toArray(), fps, total);
                }
                default -> throw new BadInputException(null, null, null, usage(spec));
            };
        } catch (NumberFormatException e) {
            throw new BadInputException(null, null, null, usage(spec));
        }
    }

    private static String usage(String spec) {
        return "frame sampling must be uniform:N, uniform-floor:N, uniform-floor-last:N, every:K or times:T1,T2,... "
                + "(seconds); got '" + spec
                + "'";
    }
}
