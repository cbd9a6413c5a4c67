package dev.v2l.bench;

import dev.v2l.io.Images;
import dev.v2l.scene.FrameSampling;
import dev.v2l.video.DecodedFrame;
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
 * warm JVM, and {@code ffmpeg} on the same file (one pass with a select filter, which decodes every frame with
 * threads), when ffmpeg is on the PATH.
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
            double[] warm = new double[rounds];
            for (int i = -1; i < rounds; i++) {
                long t0 = System.nanoTime();
                try (VideoReader r = VideoReader.open(video)) {
                    List<DecodedFrame> fs = r.read(idx, 0);
                    fs.parallelStream().forEach(f -> Images.png(f.image()));
                }
                if (i >= 0) {
                    warm[i] = (System.nanoTime() - t0) / 1e9;
                }
            }
            String javaExe = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            double[] cold = time(rounds, List.of(javaExe, "-jar", v2lJar.toString(), "frames", video.toString(),
                    "--count", "16", "--out", tmp.resolve("ours").toString()));
            out.printf(Locale.ROOT, "%-9s %8.2f s  (v2l frames --count 16, a fresh JVM, median of %d)%n", "v2l",
                    median(cold), rounds);
            out.printf(Locale.ROOT, "%-9s %8.2f s  (the same in a warm JVM, median of %d)%n", "v2l-warm", median(warm),
                    rounds);
            if (onPath("ffmpeg")) {
                StringBuilder select = new StringBuilder();
                for (int i : idx) {
                    select.append(select.length() == 0 ? "" : "+").append("eq(n\\,").append(i).append(')');
                }
                double[] ff = time(rounds, List.of("ffmpeg", "-v", "error", "-y", "-i", video.toString(), "-vf",
                        "select='" + select + "'", "-vsync", "0", tmp.resolve("ff_%02d.png").toString()));
                out.printf(Locale.ROOT, "%-9s %8.2f s  (ffmpeg select filter, one pass, median of %d); v2l / ffmpeg = "
                        + "%.2f%n", "ffmpeg", median(ff), rounds, median(cold) / median(ff));
            } else {
                out.println("ffmpeg is not on the PATH: no comparison");
            }
            out.flush();
        } finally {
            EvalHarness.deleteTree(tmp);
        }
    }

    private static double[] time(int rounds, List<String> cmd) throws Exception {
        double[] t = new double[rounds];
        for (int i = -1; i < rounds; i++) {
            long t0 = System.nanoTime();
            Process p = new ProcessBuilder(new ArrayList<>(cmd)).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (p.waitFor() != 0) {
                throw new IllegalStateException("failed: " + String.join(" ", cmd));
            }
            if (i >= 0) {
                t[i] = (System.nanoTime() - t0) / 1e9;
            }
        }
        return t;
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
