package dev.v2l.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/** The reward service on loopback, client in the same JVM: records/s and latency per 64-record batch. */
final class ServiceHarness {

    private ServiceHarness() {
    }

    static void run(PrintWriter out, double seconds, long seed) throws Exception {
        List<Workloads.Rollout> rs = Workloads.rollouts(seed, 4096);
        ObjectMapper m = new ObjectMapper();
        List<String> bodies = new ArrayList<>();
        for (int b = 0; b < 64; b++) {
            ArrayNode batch = m.createArrayNode();
            for (int i = 0; i < 64; i++) {
                Workloads.Rollout x = rs.get((b * 64 + i) % rs.size());
                batch.addObject().put("response", x.response()).put("ground_truth", x.groundTruth());
            }
            bodies.add(m.writeValueAsString(batch));
        }
        ExecutorService clientPool = Executors.newFixedThreadPool(4);
        try (RewardServer server = new RewardServer("127.0.0.1", 0, Rewards.v2lo(), 64L << 20,
                2 * Runtime.getRuntime().availableProcessors(), "bench").start()) {
            URI uri = URI.create("http://127.0.0.1:" + server.port() + "/score");
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(clientPool)
                    .build();
            for (int concurrency : new int[] {1, 64}) {
                load(client, uri, bodies, concurrency, Math.min(1, seconds)); // warm-up
                long[] lat = load(client, uri, bodies, concurrency, seconds);
                double secs = lat[lat.length - 1] / 1e9;
                long[] sorted = Arrays.copyOf(lat, lat.length - 1);
                Arrays.sort(sorted);
                out.printf(Locale.ROOT, "%-9s %,14.0f records/s  (%d connections, 64-record batches, %.1f s; latency per"
                        + " batch p50 %.2f ms, p99 %.2f ms) — HTTP on loopback, client in the same JVM%n",
                        "service", sorted.length * 64 / secs, concurrency, secs, sorted[sorted.length / 2] / 1e6,
                        sorted[(int) Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.99) - 1)] / 1e6);
                out.flush();
            }
        } finally {
            clientPool.shutdownNow();
        }
    }

    /** Latencies of every request (ns), and the elapsed time as the last element. */
    private static long[] load(HttpClient client, URI uri, List<String> bodies, int concurrency, double seconds)
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
}
