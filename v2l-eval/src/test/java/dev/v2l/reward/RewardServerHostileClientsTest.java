package dev.v2l.reward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Slow and hostile clients on real sockets: the service keeps answering everyone else, and says what is wrong. */
class RewardServerHostileClientsTest {

    static final String RECORD = "{\"response\": \"<map>m</map><think>t</think><answer>A</answer>\", "
            + "\"ground_truth\": \"A\"}";

    /** Short timeouts, for the slow-client tests. */
    static RewardServer server(RewardFunction fn, long maxBody) throws IOException {
        return new RewardServer("127.0.0.1", 0, fn, new RewardServer.Limits(maxBody, Duration.ofMillis(800),
                Duration.ofMillis(800), Duration.ofSeconds(5), 64), 2, "test", m -> { }).start();
    }

    /** The default timeouts: big bodies take their time on a loaded machine. */
    static RewardServer patient(RewardFunction fn, long maxBody) throws IOException {
        return new RewardServer("127.0.0.1", 0, fn, RewardServer.Limits.of(maxBody), 2, "test", m -> { }).start();
    }

    static Socket open(int port) throws IOException {
        Socket s = new Socket("127.0.0.1", port);
        s.setSoTimeout(4000);
        return s;
    }

    static void send(Socket s, String text) throws IOException {
        OutputStream o = s.getOutputStream();
        o.write(text.getBytes(StandardCharsets.US_ASCII));
        o.flush();
    }

    /** What the server sent before closing (empty when it closed without a word). */
    static String readToClose(Socket s) throws IOException {
        InputStream in = s.getInputStream();
        byte[] all = in.readAllBytes();
        return new String(all, StandardCharsets.UTF_8);
    }

    static long timedHealth(int port) throws Exception {
        long t0 = System.nanoTime();
        HttpResponse<String> r = RewardServerTest.CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + port + "/health")).timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        return (System.nanoTime() - t0) / 1_000_000;
    }

    @Test
    void slowClientsNeverStallTheOthersAndAreCutOffAtTheTimeouts() throws Exception {
        try (RewardServer server = server(Rewards.v2lo(), 1 << 20)) {
            int port = server.port();
            List<Socket> headerStalls = new ArrayList<>();
            List<Socket> bodyStalls = new ArrayList<>();
            List<Socket> silent = new ArrayList<>();
            try {
                for (int i = 0; i < 12; i++) { // headers started, never finished
                    Socket s = open(port);
                    send(s, "POST /score HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n");
                    headerStalls.add(s);
                }
                for (int i = 0; i < 6; i++) { // headers done, a body promised and not sent
                    Socket s = open(port);
                    send(s, "POST /score HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                            + "Content-Length: 1000\r\n\r\n[{\"resp");
                    bodyStalls.add(s);
                }
                for (int i = 0; i < 6; i++) { // connected, nothing sent
                    silent.add(open(port));
                }
                Socket trickle = open(port); // one byte every 100 ms: never idle, never done
                headerStalls.add(trickle);
                Thread t = new Thread(() -> {
                    try {
                        for (char c : "POST /score HTTP/1.1\r\nHost: x\r\nX-Slow: ".toCharArray()) {
                            send(trickle, String.valueOf(c));
                            Thread.sleep(100);
                        }
                    } catch (Exception ignored) {
                        // closed by the server, as it should be
                    }
                });
                t.setDaemon(true);
                t.start();
                Thread.sleep(200);
                // With 25 stalled clients on a 2-thread server, everyone else is answered at once.
                for (int i = 0; i < 5; i++) {
                    assertThat(timedHealth(port)).isLessThan(1000);
                    HttpResponse<String> r = RewardServerTest.post(port, "/score", "[" + RECORD + "]");
                    assertThat(r.statusCode()).isEqualTo(200);
                    assertThat(r.body()).contains("\"overall\": 1.0");
                }
                // Unfinished request heads are closed after the header timeout, unfinished bodies get 408.
                long t0 = System.nanoTime();
                for (Socket s : headerStalls) {
                    assertThat(readToClose(s)).doesNotContain("200 OK");
                }
                for (Socket s : bodyStalls) {
                    String reply = readToClose(s);
                    assertThat(reply).startsWith("HTTP/1.1 408");
                    assertThat(reply).contains("did not arrive within 800 ms");
                }
                assertThat((System.nanoTime() - t0) / 1e9).isLessThan(3.5);
                assertThat(server.timedOut()).isGreaterThanOrEqualTo(headerStalls.size() + bodyStalls.size());
                assertThat(timedHealth(port)).isLessThan(1000);
            } finally {
                for (List<Socket> l : List.of(headerStalls, bodyStalls, silent)) {
                    for (Socket s : l) {
                        s.close();
                    }
                }
            }
        }
    }

    @Test
    void hostileBodiesGetAnAnswerNamingTheProblem() throws Exception {
        try (RewardServer server = patient(Rewards.v2lo(), 32L << 20)) {
            int port = server.port();
            HttpResponse<String> deep = RewardServerTest.post(port, "/score", "[".repeat(2000) + "]".repeat(2000));
            assertThat(deep.statusCode()).isEqualTo(400);
            assertThat(deep.body()).contains("nested deeper than 64 levels");
            String huge = "[{\"response\": \"" + "x".repeat(ScoreRequest.MAX_STRING_CHARS + 1)
                    + "\", \"ground_truth\": \"A\"}]";
            HttpResponse<String> longString = RewardServerTest.post(port, "/score", huge);
            assertThat(longString.statusCode()).isEqualTo(413);
            assertThat(longString.body()).contains("longer than the limit of 20000000 characters");
            HttpResponse<String> trailing = RewardServerTest.post(port, "/score", "[" + RECORD + "] garbage");
            assertThat(trailing.statusCode()).isEqualTo(400);
            assertThat(trailing.body()).contains("invalid JSON");
            HttpResponse<String> two = RewardServerTest.post(port, "/score", "[" + RECORD + "] [" + RECORD + "]");
            assertThat(two.statusCode()).isEqualTo(400);
            HttpResponse<String> plain = RewardServerTest.CLIENT.send(HttpRequest.newBuilder(URI.create(
                    "http://127.0.0.1:" + port + "/score")).POST(HttpRequest.BodyPublishers.ofString("[" + RECORD
                    + "]")).header("Content-Type", "text/plain").build(), HttpResponse.BodyHandlers.ofString());
            assertThat(plain.statusCode()).isEqualTo(415);
            assertThat(plain.body()).contains("expected Content-Type: application/json, got 'text/plain'");
            HttpResponse<String> weight = RewardServerTest.post(port, "/score?format_weight=abc", "[" + RECORD + "]");
            assertThat(weight.statusCode()).isEqualTo(400);
            assertThat(weight.body()).contains("format_weight: expected a number in [0, 1], got 'abc'");
            HttpResponse<String> weight2 = RewardServerTest.post(port, "/score?format_weight=2", "[" + RECORD + "]");
            assertThat(weight2.statusCode()).isEqualTo(400);
            HttpResponse<String> missing = RewardServerTest.post(port, "/nope", "[]");
            assertThat(missing.statusCode()).isEqualTo(404);
            assertThat(missing.headers().firstValue("Content-Type")).hasValue("application/json");
            assertThat(missing.body()).contains("no such path /nope");
            // v2lo reads response and ground_truth only: other fields cannot reject the batch
            HttpResponse<String> ignored = RewardServerTest.post(port, "/score", "[{\"response\": \"<answer>A</answer>"
                    + "\", \"ground_truth\": \"A\", \"objects\": \"x\", \"options\": 5}]");
            assertThat(ignored.statusCode()).isEqualTo(200);
            HttpResponse<String> badChunk = RewardServerTest.CLIENT.send(HttpRequest.newBuilder(URI.create(
                    "http://127.0.0.1:" + port + "/score")).POST(HttpRequest.BodyPublishers.ofInputStream(() ->
                    new java.io.ByteArrayInputStream(("[" + RECORD + "]").repeat(1).getBytes(StandardCharsets.UTF_8))))
                    .header("Content-Type", "application/json; charset=utf-8").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(badChunk.statusCode()).isEqualTo(200); // chunked, no Content-Length: read and scored
            assertThat(timedHealth(port)).isLessThan(1000);
        }
        try (RewardServer map = patient(Rewards.v2lMap(Rewards.Weights.DEFAULT), 1 << 20)) {
            HttpResponse<String> r = RewardServerTest.post(map.port(), "/score", "[" + RECORD + ", {\"response\": "
                    + "\"x\", \"ground_truth\": \"A\", \"objects\": \"x\"}]");
            assertThat(r.statusCode()).isEqualTo(400);
            assertThat(r.body()).contains("record 1: field 'objects'");
        }
    }

    @Test
    void aChunkedBodyOverTheLimitIsRefusedWhileReading() throws Exception {
        try (RewardServer server = server(Rewards.v2lo(), 1000)) {
            Socket s = open(server.port());
            send(s, "POST /score HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n");
            try {
                for (int i = 0; i < 20; i++) {
                    send(s, "64\r\n" + "[".repeat(100) + "\r\n");
                }
            } catch (IOException closedEarly) {
                // the server may close before everything is sent
            }
            String reply = readToClose(s);
            assertThat(reply).startsWith("HTTP/1.1 413");
            assertThat(reply).contains("larger than the limit of 1000 bytes");
        }
    }

    @Test
    void aBusyPortIsNamed() throws Exception {
        try (RewardServer first = server(Rewards.v2lo(), 1000)) {
            RewardServer second = new RewardServer("127.0.0.1", first.port(), Rewards.v2lo(), 1000, 1, "test");
            assertThatThrownBy(second::start).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("cannot listen on 127.0.0.1:" + first.port() + ": the port is in use");
        }
    }

    @Test
    void aSilentSocketDoesNotKeepTheSlotForever() throws Exception {
        try (RewardServer server = new RewardServer("127.0.0.1", 0, Rewards.v2lo(), new RewardServer.Limits(1000,
                Duration.ofMillis(500), Duration.ofMillis(500), Duration.ofMillis(600), 2), 1, "test", m -> { })
                .start()) {
            Socket a = open(server.port());
            Socket b = open(server.port());
            long t0 = System.nanoTime();
            assertThat(readToClose(a)).isEmpty(); // idle: closed after the idle timeout
            assertThat((System.nanoTime() - t0) / 1e9).isBetween(0.3, 3.0);
            b.close();
            assertThat(timedHealth(server.port())).isLessThan(2000);
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the idle connection was never closed", e);
        }
    }
}
