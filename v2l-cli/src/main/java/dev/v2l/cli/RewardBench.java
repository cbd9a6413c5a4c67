package dev.v2l.cli;

import dev.v2l.metrics.GroundTruth;
import dev.v2l.metrics.VsiMetrics;
import dev.v2l.reward.RewardFunction;
import dev.v2l.reward.RewardInput;
import dev.v2l.reward.RewardServer;
import dev.v2l.reward.Rewards;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/** Reward and scoring benchmarks: library rewards/s on one thread, VSI scoring records/s, and the HTTP service. */
final class RewardBench {

    private RewardBench() {
    }

    /** Rollouts like a GRPO step produces: a v2lo map of 3–8 objects, a short think, an answer; ~300–700 chars. */
    static List<String[]> rollouts(long seed, int n) {
        SplittableRandom r = new SplittableRandom(seed);
        String[] labels = {"sofa", "chair", "table", "tv", "bed", "lamp", "cabinet", "plant"};
        List<String[]> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            StringBuilder sb = new StringBuilder("<map>Establish a bird's-eye view : [");
            int k = 3 + r.nextInt(6);
            for (int j = 0; j < k; j++) {
                double x = Math.round(r.nextDouble(-4, 4) * 10) / 10.0;
                double y = Math.round(r.nextDouble(0, 7) * 10) / 10.0;
                sb.append(j == 0 ? "" : ", ").append("{\"object_name\": \"").append(labels[r.nextInt(labels.length)])
                        .append("\", \"bbox\": [").append(x).append(", ").append(y).append(", ").append(x + 0.8)
                        .append(", ").append(y + 0.6).append("]}");
            }
            sb.append("]</map>").append(r.nextBoolean() ? "\n" : "").append("<think>Forward is (0.0, 1.0); the lamp is at"
                    + " (-1.2, 0.4); cross < 0 / so it is on the left.</think>");
            boolean letter = r.nextBoolean();
            String gt = letter ? String.valueOf((char) ('A' + r.nextInt(4))) : String.valueOf(1 + r.nextInt(40) / 10.0);
            String ans = r.nextInt(3) == 0 ? (letter ? "B" : "2.5") : gt;
            sb.append("<answer>").append(ans).append("</answer>");
            out.add(new String[] {sb.toString(), gt, letter ? "object_rel_direction_hard" : "object_abs_distance"});
        }
        return out;
    }

    static void library(PrintWriter out, double seconds, int iterations, long seed) {
        List<String[]> rs = rollouts(seed, 10_000);
        List<RewardInput> inputs = new ArrayList<>(rs.size());
        double chars = 0;
        for (String[] x : rs) {
            inputs.add(RewardInput.of(x[0], x[1]));
            chars += x[0].length();
        }
        RewardFunction f = Rewards.v2lo();
        double[] sink = {0};
        double[] rates = measure(seconds, iterations, () -> {
            for (RewardInput in : inputs) {
                sink[0] += f.score(in).overall();
            }
            return inputs.size();
        });
        print(out, "reward", rates, "rewards/s", seconds, String.format(Locale.ROOT,
                "Video2Layout's reward, one thread, typical rollouts (avg %.0f chars)", chars / rs.size()));
    }

    static void vsiScoring(PrintWriter out, double seconds, int iterations, long seed) {
        List<String[]> rs = rollouts(seed, 10_000);
        List<GroundTruth> gts = new ArrayList<>();
        List<String> preds = new ArrayList<>();
        for (String[] x : rs) {
            gts.add(GroundTruth.of(x[1]));
            String a = x[0].substring(x[0].indexOf("<answer>") + 8, x[0].indexOf("</answer>"));
            preds.add(a);
        }
        double[] sink = {0};
        double[] rates = measure(seconds, iterations, () -> {
            for (int i = 0; i < rs.size(); i++) {
                String type = rs.get(i)[2];
                sink[0] += VsiMetrics.score(type, preds.get(i), gts.get(i), type.startsWith("object_rel")).score();
            }
            return rs.size();
        });
        print(out, "vsi-score", rates, "records/s", seconds, "VSI-Bench per-sample scoring (fuzzy match or MRA), one "
                + "thread");
    }

    static void service(PrintWriter out, double seconds, long seed) throws Exception {
        List<String[]> rs = rollouts(seed, 4096);
        List<String> bodies = new ArrayList<>();
        for (int b = 0; b < 64; b++) {
            StringBuilder sb = new StringBuilder("[");
            for (int i = 0; i < 64; i++) {
                String[] x = rs.get((b * 64 + i) % rs.size());
                sb.append(i == 0 ? "" : ",").append("{\"response\":").append(jsonString(x[0]))
                        .append(",\"ground_truth\":").append(jsonString(x[1])).append('}');
            }
            bodies.add(sb.append(']').toString());
        }
        try (RewardServer server = new RewardServer("127.0.0.1", 0, Rewards.v2lo(), 64L << 20,
                2 * Runtime.getRuntime().availableProcessors(), "bench").start()) {
            URI uri = URI.create("http://127.0.0.1:" + server.port() + "/score");
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .executor(Executors.newFixedThreadPool(4)).build();
            for (int concurrency : new int[] {1, 64}) {
                run(client, uri, bodies, concurrency, Math.max(1, seconds / 2)); // warm-up
                long[] lat = run(client, uri, bodies, concurrency, seconds);
                double secs = lat[lat.length - 1] / 1e9;
                long[] sorted = Arrays.copyOf(lat, lat.length - 1);
                Arrays.sort(sorted);
                out.printf(Locale.ROOT, "%-9s %,14.0f records/s  (%d connections, 64-record batches, %.1f s; latency per"
                        + " batch p50 %.2f ms, p99 %.2f ms) — HTTP on loopback, client in the same JVM%n",
                        "service", sorted.length * 64 / secs, concurrency, secs, sorted[sorted.length / 2] / 1e6,
                        sorted[(int) Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.99) - 1)] / 1e6);
                out.flush();
            }
        }
    }

    /** Latencies of every request (ns), and the elapsed time as the last element. */
    private static long[] run(HttpClient client, URI uri, List<String> bodies, int concurrency, double seconds)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        List<Future<List<Long>>> fs = new ArrayList<>();
        AtomicLong next = new AtomicLong();
        long t0 = System.nanoTime();
        for (int c = 0; c < concurrency; c++) {
            fs.add(pool.submit(() -> {
                List<Long> lat = new ArrayList<>();
                while (System.nanoTime() < deadline) {
                    String body = bodies.get((int) (next.getAndIncrement() % bodies.size()));
                    long s = System.nanoTime();
                    HttpResponse<String> r = client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() != 200) {
                        throw new IllegalStateException("HTTP " + r.statusCode() + ": " + r.body());
                    }
                    lat.add(System.nanoTime() - s);
                }
                return lat;
            }));
        }
        List<Long> all = new ArrayList<>();
        for (Future<List<Long>> f : fs) {
            all.addAll(f.get());
        }
        long elapsed = System.nanoTime() - t0;
        pool.shutdown();
        long[] out = new long[all.size() + 1];
        for (int i = 0; i < all.size(); i++) {
            out[i] = all.get(i);
        }
        out[all.size()] = elapsed;
        return out;
    }

    private static String jsonString(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    interface Pass {
        int run();
    }

    static double[] measure(double seconds, int iterations, Pass pass) {
        long w = System.nanoTime();
        while (System.nanoTime() - w < Math.max(3, 2 * seconds) * 1e9) {
            pass.run();
        }
        double[] rates = new double[iterations];
        for (int i = 0; i < iterations; i++) {
            long t0 = System.nanoTime();
            long n = 0;
            do {
                n += pass.run();
            } while (System.nanoTime() - t0 < seconds * 1e9);
            rates[i] = n / ((System.nanoTime() - t0) / 1e9);
        }
        return rates;
    }

    static void print(PrintWriter out, String name, double[] rates, String unit, double seconds, String what) {
        double[] s = rates.clone();
        Arrays.sort(s);
        out.printf(Locale.ROOT, "%-9s %,14.0f %s  (median of %d rounds of %.1f s; min %,.0f, max %,.0f) — %s%n", name,
                s[s.length / 2], unit, s.length, seconds, s[0], s[s.length - 1], what);
        out.flush();
    }
}
