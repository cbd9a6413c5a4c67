package dev.v2l.reward;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The reward as an HTTP service for trainers written in Python: {@code POST /score} with a JSON list of records →
 * a JSON list of scores in the same order; {@code GET /health}. A {@code format_weight} query parameter overrides the
 * server's weight for that request. Binds to loopback unless told otherwise; bodies above the size limit get 413;
 * malformed bodies and records get 400 with a message naming the record and field; the service stays up.
 * {@link #stop} stops accepting and lets in-flight requests finish.
 */
public final class RewardServer implements AutoCloseable {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    static {
        // Without TCP_NODELAY, the response's header and body writes meet the client's delayed ACK: +40 ms a request.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final HttpServer server;
    private final ExecutorService pool;
    private final RewardFunction reward;
    private final long maxBodyBytes;
    private final AtomicLong records = new AtomicLong();
    private final AtomicLong requests = new AtomicLong();
    private final java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();
    private volatile boolean draining;
    private final String version;

    public RewardServer(String host, int port, RewardFunction reward, long maxBodyBytes, int threads, String version)
            throws IOException {
        this.reward = reward;
        this.maxBodyBytes = maxBodyBytes;
        this.version = version;
        this.server = HttpServer.create(new InetSocketAddress(host, port), 1024);
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "reward-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(pool);
        server.createContext("/score", this::score);
        server.createContext("/health", this::health);
    }

    public RewardServer start() {
        server.start();
        return this;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String host() {
        return server.getAddress().getHostString();
    }

    public long recordsScored() {
        return records.get();
    }

    /**
     * Drains: requests arriving from now on get 503, requests in flight finish (for up to {@code graceSeconds}); then
     * the listener and connections close. (The JDK server's own {@code stop(delay)} waits the whole delay on Java 17.)
     */
    public void stop(int graceSeconds) {
        draining = true;
        long deadline = System.nanoTime() + graceSeconds * 1_000_000_000L;
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        server.stop(0);
        pool.shutdown();
        try {
            pool.awaitTermination(graceSeconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop(1);
    }

    private void health(HttpExchange ex) throws IOException {
        try (ex) {
            if (!ex.getRequestMethod().equals("GET")) {
                send(ex, 405, "{\"error\": \"use GET /health\"}");
                return;
            }
            send(ex, 200, "{\"status\": \"ok\", \"kind\": \"" + reward.kind() + "\", \"version\": \"" + version
                    + "\", \"requests\": " + requests.get() + ", \"records\": " + records.get() + "}");
        }
    }

    private void score(HttpExchange ex) throws IOException {
        inFlight.incrementAndGet();
        try (ex) {
            requests.incrementAndGet();
            if (draining) {
                send(ex, 503, "{\"error\": \"the reward service is shutting down\"}");
                return;
            }
            if (!ex.getRequestMethod().equals("POST")) {
                send(ex, 405, "{\"error\": \"use POST /score with a JSON list of records\"}");
                return;
            }
            byte[] body;
            try {
                body = readLimited(ex.getRequestBody(), ex.getRequestHeaders().getFirst("Content-Length"));
            } catch (TooLarge e) {
                send(ex, 413, "{\"error\": " + RewardRecords.jsonString("request body larger than the limit of "
                        + maxBodyBytes + " bytes; send smaller batches or raise --max-body-mb") + "}");
                return;
            }
            RewardFunction fn = reward;
            String query = ex.getRequestURI().getRawQuery();
            if (query != null) {
                for (String kv : query.split("&")) {
                    if (kv.startsWith("format_weight=")) {
                        try {
                            fn = fn.withFormatWeight(Double.parseDouble(kv.substring("format_weight=".length())));
                        } catch (IllegalArgumentException e) {
                            send(ex, 400, "{\"error\": " + RewardRecords.jsonString("format_weight: "
                                    + e.getMessage()) + "}");
                            return;
                        }
                    }
                }
            }
            JsonNode root;
            try {
                root = MAPPER.readTree(body);
            } catch (JsonParseException e) {
                send(ex, 400, "{\"error\": " + RewardRecords.jsonString("invalid JSON: " + e.getOriginalMessage())
                        + "}");
                return;
            }
            if (root == null || !root.isArray()) {
                send(ex, 400, "{\"error\": \"expected a JSON list of records\"}");
                return;
            }
            StringBuilder out = new StringBuilder(root.size() * 64 + 2).append('[');
            for (int i = 0; i < root.size(); i++) {
                RewardResult r;
                try {
                    r = fn.score(RewardRecords.read(root.get(i)));
                } catch (IllegalArgumentException e) {
                    send(ex, 400, "{\"error\": " + RewardRecords.jsonString("record " + i + ": " + e.getMessage())
                            + "}");
                    return;
                }
                if (i > 0) {
                    out.append(", ");
                }
                out.append(r.toJson());
            }
            records.addAndGet(root.size());
            send(ex, 200, out.append(']').toString());
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private static final class TooLarge extends Exception {
        private static final long serialVersionUID = 1L;
    }

    private byte[] readLimited(InputStream in, String contentLength) throws IOException, TooLarge {
        if (contentLength != null) {
            try {
                if (Long.parseLong(contentLength.trim()) > maxBodyBytes) {
                    throw new TooLarge();
                }
            } catch (NumberFormatException ignored) {
                // read and count instead
            }
        }
        ByteArrayOutputStream buf = new ByteArrayOutputStream(8192);
        byte[] chunk = new byte[16384];
        long total = 0;
        int n;
        while ((n = in.read(chunk)) > 0) {
            total += n;
            if (total > maxBodyBytes) {
                throw new TooLarge();
            }
            buf.write(chunk, 0, n);
        }
        return buf.toByteArray();
    }

    private static void send(HttpExchange ex, int status, String json) throws IOException {
        byte[] b = json.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, b.length);
        try (OutputStream os = ex.getResponseBody()) {
            os.write(b);
        }
    }
}
