package dev.v2l.bench;

import dev.v2l.scene.FrameSampling;
import dev.v2l.video.FrameExport;
import dev.v2l.video.VideoReader;
import java.io.File;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * 16 uniform frames as PNG from a video: {@code v2l frames} as a fresh process (what a user runs), the same in this
 * warm JVM ({@link FrameExport}, what the command runs after start-up), and {@code ffmpeg} on the same file (one pass
 * with a select filter, which decodes every frame with threads), when ffmpeg is on the PATH. Both write the same
 * frames as lossless 8-bit RGB PNG files of about the same size; the fresh-process rounds alternate with ffmpeg's.
 */
final class VideoHarness {

    private VideoHarness() {
    }

    static void run(PrintWriter out, Path video, Path v2lJar, int rounds) throws Exception {
        if (!Files.isRegularFile(v2lJar)) {
            throw new IllegalArgumentException(v2lJar + " does not exist: build it with mvn -pl v2l-cli -am package "
                    + "-DskipTests, or give --v2l JAR");
        }
        Path tmp = Files.createTempDirectory("v2l-bench-video");
        try {
            int total;
            try (VideoReader r = VideoReader.open(video)) {
                total = r.info().frames();
                out.printf(Locale.ROOT, "video: %s, %d frames, %.2f fps, %dx%d, %s%n", video, total, r.info().fps(),
                        r.info().width(), r.info().height(), r.info().codec());
            }
            int[] idx = FrameSampling.uniform(total, 16);
            // What `v2l frames` does after start-up: decode, encode and write the 16 PNGs with frames.jsonl.
            FrameExport.Settings settings = new FrameExport.Settings(16, null, 0, "png");
            double[] warm = new double[rounds];
            for (int i = -1; i < rounds; i++) {
                long t0 = System.nanoTime();
                FrameExport.export(List.of(video), settings, tmp.resolve("warm"), r -> { });
                if (i >= 0) {
                    warm[i] = (System.nanoTime() - t0) / 1e9;
                }
            }
            String javaExe = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            List<String> ours = List.of(javaExe, "-jar", v2lJar.toString(), "frames", video.toString(), "--count",
                    "16", "--out", tmp.resolve("ours").toString());
            boolean ffmpeg = onPath("ffmpeg");
            List<String> theirs = null;
            if (ffmpeg) {
                StringBuilder select = new StringBuilder();
                for (int i : idx) {
                    select.append(select.length() == 0 ? "" : "+").append("eq(n\\,").append(i).append(')');
                }
                // The same frames (select's n counts decoded frames in presentation order, as v2l's index does),
                // the same format (PNG, lossless, 8-bit RGB) and about the same file sizes.
                Files.createDirectories(tmp.resolve("ffmpeg"));
                theirs = List.of("ffmpeg", "-v", "error", "-y", "-i", video.toString(), "-vf", "select='" + select
                        + "'", "-fps_mode", "passthrough", tmp.resolve("ffmpeg").resolve("ff_%02d.png").toString());
            }
            // Rounds alternate between the two, so a change of machine load weighs on both alike.
            double[] cold = new double[rounds];
            double[] ff = new double[rounds];
            for (int i = -1; i < rounds; i++) {
                double t = time(ours);
                if (i >= 0) {
                    cold[i] = t;
                }
                if (ffmpeg) {
                    t = time(theirs);
                    if (i >= 0) {
                        ff[i] = t;
                    }
                }
            }
            out.printf(Locale.ROOT, "%-9s %8.2f s  (v2l frames --count 16, a fresh JVM, median of %d)%n", "v2l",
                    median(cold), rounds);
            out.printf(Locale.ROOT, "%-9s %8.2f s  (the same in a warm JVM, median of %d)%n", "v2l-warm", median(warm),
                    rounds);
            if (ffmpeg) {
                out.printf(Locale.ROOT, "%-9s %8.2f s  (ffmpeg select filter, one pass, median of %d); v2l / ffmpeg = "
                        + "%.2f%n", "ffmpeg", median(ff), rounds, median(cold) / median(ff));
                out.printf(Locale.ROOT, "output: v2l %d KB, ffmpeg %d KB of PNG%n", size(tmp.resolve("ours")) / 1024,
                        size(tmp.resolve("ffmpeg")) / 1024);
            } else {
                out.println("ffmpeg is not on the PATH: no comparison");
            }
            out.flush();
        } finally {
            EvalHarness.deleteTree(tmp);
        }
    }

    private static double time(List<String> cmd) throws Exception {
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(new ArrayList<>(cmd)).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("failed: " + String.join(" ", cmd));
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    private static long size(Path dir) throws java.io.IOException {
        try (var files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".png")).mapToLong(f -> f.toFile().length()).sum();
        }
    }

    private static boolean onPath(String exe) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, exe))) {
                return true;
            }
        }
        return false;
    }

    private static double median(double[] a) {
        double[] s = a.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
