package dev.v2l.cli;

import dev.v2l.detect.Detector;
import dev.v2l.detect.SsdDecoder;
import dev.v2l.render.CameraPaths;
import dev.v2l.render.FrameFiles;
import dev.v2l.render.SceneRenderer;
import dev.v2l.scene.Intrinsics;
import dev.v2l.scene.Scene;
import dev.v2l.source.procedural.ProceduralSource;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The Objectron detector's throughput on rendered 640×480 frames: whole calls (resampling to 300×300, TensorFlow Lite
 * on the CPU, box decoding and non-maximum suppression) per second on one thread and on one thread per processor
 * (one interpreter each), and the model's load time. The machine's load average is printed beside the figures.
 */
final class DetectBench {

    private DetectBench() {
    }

    static void run(PrintWriter out, double seconds, int iterations, int threads, long seed) throws Exception {
        Scene scene = new ProceduralSource(seed, 1).scene(new ProceduralSource(seed, 1).ids().get(0));
        List<BufferedImage> frames = new ArrayList<>();
        new SceneRenderer(scene, Intrinsics.fromVerticalFov(640, 480, 60)).render(CameraPaths.walkThrough(scene, 8,
                seed), 4, 1, (i, pose, t) -> frames.add(FrameFiles.rgbImage(t)));
        int n = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        long t0 = System.nanoTime();
        try (Detector d = Detector.objectron(n)) {
            double loadMs = (System.nanoTime() - t0) / 1e6;
            SsdDecoder.Settings s = SsdDecoder.Settings.DEFAULT;
            AtomicLong boxes = new AtomicLong();
            AtomicLong calls = new AtomicLong();
            double[] one = measure(seconds, iterations, 1, frames, d, s, boxes, calls);
            double perFrame = calls.get() == 0 ? 0 : boxes.get() / (double) calls.get();
            double[] many = n == 1 ? one : measure(seconds, iterations, n, frames, d, s, boxes, calls);
            String load = loadAverage();
            print(out, "detect", one, String.format(Locale.ROOT, "1 thread; %.1f detections per frame (score >= 0.3)"
                    + "; model load %.0f ms; load average %s", perFrame, loadMs, load));
            print(out, "detect", many, String.format(Locale.ROOT, "%d threads, one interpreter each; load average %s",
                    n, load));
        }
    }

    private static double[] measure(double seconds, int iterations, int threads, List<BufferedImage> frames,
            Detector d, SsdDecoder.Settings s, AtomicLong boxes, AtomicLong calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            round(Math.max(2, seconds), threads, frames, d, s, pool, boxes, calls); // warm-up
            boxes.set(0);
            calls.set(0);
            double[] rates = new double[iterations];
            for (int i = 0; i < iterations; i++) {
                rates[i] = round(seconds, threads, frames, d, s, pool, boxes, calls);
            }
            return rates;
        } finally {
            pool.shutdownNow();
        }
    }

    private static double round(double seconds, int threads, List<BufferedImage> frames, Detector d,
            SsdDecoder.Settings s, ExecutorService pool, AtomicLong boxes, AtomicLong calls) throws Exception {
        long t0 = System.nanoTime();
        long end = t0 + (long) (seconds * 1e9);
        List<Future<Long>> fs = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int first = t;
            fs.add(pool.submit(() -> {
                long k = 0;
                do {
                    boxes.addAndGet(d.detect(frames.get((int) ((first + k * threads) % frames.size())), s).size());
                    calls.incrementAndGet();
                    k++;
                } while (System.nanoTime() < end);
                return k;
            }));
        }
        long total = 0;
        for (Future<Long> f : fs) {
            total += f.get();
        }
        return total / ((System.nanoTime() - t0) / 1e9);
    }

    private static void print(PrintWriter out, String name, double[] rates, String what) {
        double[] s = rates.clone();
        Arrays.sort(s);
        out.printf(Locale.ROOT, "%-9s %14.1f frames/s  (median of %d rounds; min %.1f, max %.1f) — 640x480 rendered "
                + "frames, whole detector calls, %s%n", name, s[s.length / 2], s.length, s[0], s[s.length - 1], what);
        out.flush();
    }

    /** The 1, 5 and 15 minute load averages (Linux), or "unknown". */
    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (Exception e) {
            return "unknown";
        }
    }
}
