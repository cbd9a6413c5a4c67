package dev.v2l.reward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RewardServerTest {

    static final ObjectMapper M = new ObjectMapper();
    static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    static HttpResponse<String> post(int port, String path, String body) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static String batch(List<JsonNode> cases, int from, int n) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < n; i++) {
            JsonNode c = cases.get((from + i) % cases.size());
            if (i > 0) {
                sb.append(',');
            }
            sb.append("{\"response\":").append(c.get("response").toString()).append(",\"ground_truth\":")
                    .append(c.get("ground_truth").toString()).append('}');
        }
        return sb.append(']').toString();
    }

    @Test
    void underLoadEveryResponseMatchesTheLibrary() throws Exception {
        List<JsonNode> cases = RewardsTest.parityCases();
        RewardFunction lib = Rewards.v2lo();
        try (RewardServer server = new RewardServer("127.0.0.1", 0, lib, 64L << 20, 8, "test").start()) {
            int port = server.port();
            assertThat(CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build(),
                    HttpResponse.BodyHandlers.ofString()).body()).contains("\"status\": \"ok\"");
            ExecutorService clients = Executors.newFixedThreadPool(64);
            AtomicInteger mismatches = new AtomicInteger();
            List<Future<?>> fs = new ArrayList<>();
            for (int c = 0; c < 64; c++) {
                int client = c;
                fs.add(clients.submit(() -> {
                    for (int r = 0; r < 200; r++) {
                        int from = (client * 200 + r) * 7;
                        HttpResponse<String> resp = post(port, "/score", batch(cases, from, 64));
                        if (resp.statusCode() != 200) {
                            mismatches.incrementAndGet();
                            continue;
                        }
                        JsonNode scores = M.readTree(resp.body());
                        for (int i = 0; i < 64; i++) {
                            JsonNode c2 = cases.get((from + i) % cases.size());
                            RewardResult want = lib.score(RewardRecords.read(c2));
                            JsonNode got = scores.get(i);
                            if (got.get("overall").asDouble() != want.overall()
                                    || got.get("format").asDouble() != want.format()
                                    || got.get("accuracy").asDouble() != want.accuracy()) {
                                mismatches.incrementAndGet();
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : fs) {
                f.get();
            }
            clients.shutdown();
            assertThat(mismatches.get()).isZero();
            assertThat(server.recordsScored()).isEqualTo(64L * 200 * 64);
        }
    }

    @Test
    void badRequestsGetAClearFourHundredAndTheServiceStaysUp() throws Exception {
        try (RewardServer server = new RewardServer("127.0.0.1", 0, Rewards.v2lo(), 1000, 2, "test").start()) {
            int port = server.port();
            HttpResponse<String> invalid = post(port, "/score", "[{\"response\": ");
            assertThat(invalid.statusCode()).isEqualTo(400);
            assertThat(invalid.body()).contains("invalid JSON");
            HttpResponse<String> notList = post(port, "/score", "{\"response\": \"x\"}");
            assertThat(notList.statusCode()).isEqualTo(400);
            assertThat(notList.body()).contains("expected a JSON list of records");
            HttpResponse<String> wrongType = post(port, "/score",
                    "[{\"response\": \"<answer>A</answer>\", \"ground_truth\": \"A\"}, {\"response\": 5, \"ground_truth\": \"A\"}]");
            assertThat(wrongType.statusCode()).isEqualTo(400);
            assertThat(wrongType.body()).contains("record 1: field 'response': expected a string");
            HttpResponse<String> big = post(port, "/score", "[" + "{\"response\": \"x\", \"ground_truth\": \"A\"},"
                    .repeat(100) + "{}]");
            assertThat(big.statusCode()).isEqualTo(413);
            assertThat(big.body()).contains("larger than the limit of 1000 bytes");
            HttpResponse<String> weight = post(port, "/score?format_weight=0.5",
                    "[{\"response\": \"<answer>A</answer>\", \"ground_truth\": \"A\"}]");
            assertThat(M.readTree(weight.body()).get(0).get("overall").asDouble()).isEqualTo(0.5);
            HttpResponse<String> ok = post(port, "/score", "[]");
            assertThat(ok.statusCode()).isEqualTo(200);
            assertThat(ok.body()).isEqualTo("[]");
        }
    }

    @Test
    void stoppingLetsTheRequestInFlightFinish() throws Exception {
        CountDownLatch inFlight = new CountDownLatch(1);
        RewardFunction slow = new RewardFunction() {
            @Override
            public String kind() {
                return "slow";
            }

            @Override
            public RewardResult score(RewardInput input) {
                inFlight.countDown();
                try {
                    Thread.sleep(300);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return Rewards.v2lo().score(input);
            }

            @Override
            public RewardFunction withFormatWeight(double w) {
                return this;
            }
        };
        RewardServer server = new RewardServer("127.0.0.1", 0, slow, 1 << 20, 2, "test").start();
        int port = server.port();
        ExecutorService ex = Executors.newSingleThreadExecutor();
        Future<HttpResponse<String>> pending = ex.submit(() -> post(port, "/score",
                "[{\"response\": \"<map>m</map><think>t</think><answer>A</answer>\", \"ground_truth\": \"A\"}]"));
        inFlight.await();
        server.stop(5);
        HttpResponse<String> r = pending.get();
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("\"overall\": 1.0");
        assertThatThrownBy(() -> post(port, "/health", "")).isInstanceOf(java.io.IOException.class);
        ex.shutdown();
    }
}
