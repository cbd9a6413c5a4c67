package dev.v2l.reward;

import java.io.IOException;
import java.net.BindException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * The reward as an HTTP service for trainers written in Python: {@code POST /score} with a JSON list of records →
 * a JSON list of scores in the same order; {@code GET /health}. A {@code format_weight} query parameter overrides the
 * server's weight for that request. Binds to loopback unless told otherwise.
 *
 * <p>Slow or hostile clients cannot stall it ({@link Limits}): it runs on Jetty's non-blocking connector, so a client
 * that sends its headers slowly or not at all holds a connection but no thread; request heads must be complete
 * within the header timeout and bodies within the body timeout (then 408 and the connection closes); connections
 * idle longer than the idle timeout are closed; beyond the connection limit new clients wait for a free slot. Bodies
 * above the size limit get 413 before they are read; bodies that are not a JSON list of records (other content
 * types, invalid or trailing JSON, nesting deeper than 64, a string over 20 M characters, a wrong field) get a 4xx
 * whose JSON message names the record and field; unknown paths get a JSON 404. {@link #stop} stops accepting and
 * lets in-flight requests finish.
 */
public final class RewardServer implements AutoCloseable {

    /**
     * What a client may take.
     *
     * @param maxBodyBytes   largest request body
     * @param headerTimeout  time to send a request's line and headers once it has started
     * @param bodyTimeout    time to send the whole body once the headers are in
     * @param idleTimeout    a connection with no traffic for this long is closed
     * @param maxConnections connections open at once; more wait to be accepted
     */
    public record Limits(long maxBodyBytes, Duration headerTimeout, Duration bodyTimeout, Duration idleTimeout,
            int maxConnections) {

        public static final Duration HEADER_TIMEOUT = Duration.ofSeconds(10);
        public static final Duration BODY_TIMEOUT = Duration.ofSeconds(60);
        public static final Duration IDLE_TIMEOUT = Duration.ofSeconds(30);
        public static final int MAX_CONNECTIONS = 1024;

        public Limits {
            if (maxBodyBytes < 1 || maxBodyBytes > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("the body limit must be 1 byte to 2 GiB, got " + maxBodyBytes);
            }
            for (Duration d : new Duration[] {headerTimeout, bodyTimeout, idleTimeout}) {
                if (d == null || d.isNegative() || d.isZero()) {
                    throw new IllegalArgumentException("timeouts must be positive, got " + d);
                }
            }
            if (maxConnections < 1) {
                throw new IllegalArgumentException("the connection limit must be at least 1, got " + maxConnections);
            }
        }

        /** The defaults (header 10 s, body 60 s, idle 30 s, 1024 connections) with this body limit. */
        public static Limits of(long maxBodyBytes) {
            return new Limits(maxBodyBytes, HEADER_TIMEOUT, BODY_TIMEOUT, IDLE_TIMEOUT, MAX_CONNECTIONS);
        }
    }

    private final String host;
    private final int requestedPort;
    private final RewardFunction reward;
    private final Limits limits;
    private final String version;
    private final Consumer<String> log;
    private final Server server;
    private final ServerConnector connector;
    private final AtomicLong records = new AtomicLong();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong timedOut = new AtomicLong();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Map<Connection, Head> heads = new ConcurrentHashMap<>();
    private volatile boolean draining;
    private Scheduler.Task sweep;

    public RewardServer(String host, int port, RewardFunction reward, long maxBodyBytes, int threads, String version) {
        this(host, port, reward, Limits.of(maxBodyBytes), threads, version, System.err::println);
    }

    /**
     * @param threads threads that score (at least 1); Jetty's selector and acceptor threads come on top
     * @param log     where unexpected failures are reported (one line each)
     */
    public RewardServer(String host, int port, RewardFunction reward, Limits limits, int threads, String version,
            Consumer<String> log) {
        if (threads < 1) {
            throw new IllegalArgumentException("--threads must be at least 1, got " + threads);
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--port must be 0..65535, got " + port);
        }
        this.host = host;
        this.requestedPort = port;
        this.reward = reward;
        this.limits = limits;
        this.version = version;
        this.log = log;
        QueuedThreadPool pool = new QueuedThreadPool(threads + 4, Math.min(threads + 4, 8));
        pool.setName("reward-http");
        pool.setDaemon(true);
        server = new Server(pool);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendDateHeader(false);
        http.setRequestHeaderSize(16 * 1024);
        connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
        connector.setHost(host);
        connector.setPort(port);
        connector.setIdleTimeout(limits.idleTimeout().toMillis());
        connector.setAcceptQueueSize(1024);
        connector.setReuseAddress(true);
        connector.addEventListener(new Connection.Listener() {
            @Override
            public void onOpened(Connection c) {
                heads.put(c, new Head(c));
            }

            @Override
            public void onClosed(Connection c) {
                heads.remove(c);
            }
        });
        server.addConnector(connector);
        server.addBean(new NetworkConnectionLimit(limits.maxConnections(), connector));
        server.setErrorHandler(new JsonErrors());
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                return RewardServer.this.handle(request, response, callback);
            }
        });
    }

    /** Binds and starts serving; a port in use is an error that names it. */
    public RewardServer start() throws IOException {
        try {
            server.start();
        } catch (IOException e) {
            stopQuietly();
            if (!(e instanceof BindException || e.getCause() instanceof BindException)) {
                throw new IOException("cannot listen on " + host + ":" + requestedPort + ": " + e.getMessage(), e);
            }
            throw new IllegalArgumentException("cannot listen on " + host + ":" + requestedPort + ": the port is "
                    + "in use (another reward server?); choose another with --port, or --port 0 for a free one");
        } catch (Exception e) {
            stopQuietly();
            throw new IllegalStateException("the reward service did not start: " + e, e);
        }
        long every = Math.max(50, Math.min(1000, limits.headerTimeout().toMillis() / 4));
        sweep = server.getScheduler().schedule(this::sweep, every, TimeUnit.MILLISECONDS);
        return this;
    }

    private void stopQuietly() {
        try {
            server.stop();
        } catch (Exception ignored) {
            // nothing was serving
        }
    }

    public int port() {
        return connector.getLocalPort();
    }

    public String host() {
        return host;
    }

    public Limits limits() {
        return limits;
    }

    public long recordsScored() {
        return records.get();
    }

    /** Connections closed because a request head or body took too long. */
    public long timedOut() {
        return timedOut.get();
    }

    /**
     * Drains: requests arriving from now on get 503, requests in flight finish (for up to {@code graceSeconds});
     * then the listener and connections close.
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
        if (sweep != null) {
            sweep.cancel();
        }
        stopQuietly();
    }

    @Override
    public void close() {
        stop(1);
    }

    /** A connection's request-head clock: started when bytes of a new request arrive after the last response. */
    private static final class Head {
        final Connection connection;
        volatile boolean busy;
        volatile long bytesAtMark;
        volatile long markNanos = System.nanoTime();

        Head(Connection c) {
            this.connection = c;
        }
    }

    /**
     * Closes connections that have sent part of a request head for longer than the header timeout (a
     * slowloris); idle connections are left to the idle timeout, requests being handled to the body timeout.
     */
    private void sweep() {
        long now = System.nanoTime();
        long limit = limits.headerTimeout().toNanos();
        for (Head h : heads.values()) {
            if (h.busy) {
                continue;
            }
            long in = h.connection.getBytesIn();
            if (in > h.bytesAtMark) {
                if (h.markNanos == Long.MIN_VALUE) {
                    h.markNanos = now;
                } else if (now - h.markNanos > limit) {
                    timedOut.incrementAndGet();
                    h.connection.getEndPoint().close(new TimeoutException("request head not complete within "
                            + limits.headerTimeout().toMillis() + " ms"));
                }
            }
        }
        if (server.isRunning()) {
            long every = Math.max(50, Math.min(1000, limit / 4_000_000L));
            sweep = server.getScheduler().schedule(this::sweep, every, TimeUnit.MILLISECONDS);
        }
    }

    private boolean handle(Request request, Response response, Callback callback) {
        Head head = heads.get(request.getConnectionMetaData().getConnection());
        if (head != null) {
            head.busy = true;
        }
        Callback done = Callback.from(callback, () -> release(head, request));
        String path = request.getHttpURI().getPath();
        String method = request.getMethod();
        if ("/health".equals(path)) {
            if (!method.equals("GET") && !method.equals("HEAD")) {
                reply(response, done, 405, "{\"error\": \"use GET /health\"}", "GET");
                return true;
            }
            reply(response, done, 200, "{\"status\": \"" + (draining ? "stopping" : "ok") + "\", \"kind\": \""
                    + reward.kind() + "\", \"version\": " + RewardRecords.jsonString(version) + ", \"requests\": "
                    + requests.get() + ", \"records\": " + records.get() + ", \"limits\": {\"max_body_bytes\": "
                    + limits.maxBodyBytes() + ", \"header_timeout_ms\": " + limits.headerTimeout().toMillis()
                    + ", \"body_timeout_ms\": " + limits.bodyTimeout().toMillis() + ", \"idle_timeout_ms\": "
                    + limits.idleTimeout().toMillis() + ", \"max_connections\": " + limits.maxConnections() + "}}",
                    null);
            return true;
        }
        if (!"/score".equals(path)) {
            reply(response, done, 404, "{\"error\": " + RewardRecords.jsonString("no such path " + path
                    + "; the service answers POST /score and GET /health") + "}", null);
            return true;
        }
        requests.incrementAndGet();
        if (draining) {
            reply(response, done, 503, "{\"error\": \"the reward service is shutting down\"}", null);
            return true;
        }
        if (!method.equals("POST")) {
            reply(response, done, 405, "{\"error\": \"use POST /score with a JSON list of records\"}", "POST");
            return true;
        }
        String type = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
        if (!ScoreRequest.isJson(type)) {
            close(response);
            reply(response, done, 415, "{\"error\": " + RewardRecords.jsonString("expected Content-Type: "
                    + "application/json, got " + (type == null ? "none" : "'" + type + "'")) + "}", null);
            return true;
        }
        long declared = request.getLength();
        if (declared > limits.maxBodyBytes()) {
            close(response);
            reply(response, done, 413, tooLarge(), null);
            return true;
        }
        Object fn = ScoreRequest.withQuery(reward, request.getHttpURI().getQuery());
        if (fn instanceof ScoreRequest.Reply r) {
            close(response);
            reply(response, done, r.status(), r.json(), null);
            return true;
        }
        inFlight.incrementAndGet();
        Body body = new Body(request, response, done, (RewardFunction) fn,
                declared >= 0 ? (int) declared : 8192);
        body.deadline = request.getComponents().getScheduler().schedule(body::timeout,
                limits.bodyTimeout().toMillis(), TimeUnit.MILLISECONDS);
        body.read();
        return true;
    }

    private void release(Head head, Request request) {
        if (head != null) {
            head.bytesAtMark = head.connection.getBytesIn();
            head.markNanos = Long.MIN_VALUE;
            head.busy = false;
        }
    }

    private String tooLarge() {
        return "{\"error\": " + RewardRecords.jsonString("request body larger than the limit of "
                + limits.maxBodyBytes() + " bytes; send smaller batches or raise --max-body-mb") + "}";
    }

    /** Reads one request body without holding a thread while the client is slow, then scores it. */
    private final class Body {
        final Request request;
        final Response response;
        final Callback done;
        final RewardFunction fn;
        final AtomicBoolean answered = new AtomicBoolean();
        byte[] buf;
        int size;
        volatile Scheduler.Task deadline;

        Body(Request request, Response response, Callback done, RewardFunction fn, int expected) {
            this.request = request;
            this.response = response;
            this.done = done;
            this.fn = fn;
            this.buf = new byte[Math.max(16, Math.min(expected, 1 << 20))];
        }

        void read() {
            while (!answered.get()) {
                Content.Chunk chunk = request.read();
                if (chunk == null) {
                    request.demand(this::read);
                    return;
                }
                if (Content.Chunk.isFailure(chunk)) {
                    Throwable t = chunk.getFailure();
                    chunk.release();
                    if (!(t instanceof TimeoutException)) {
                        finish(400, "{\"error\": " + RewardRecords.jsonString("the request body could not be read: "
                                + t.getMessage()) + "}", true);
                    }
                    return;
                }
                ByteBuffer b = chunk.getByteBuffer();
                int n = b.remaining();
                if ((long) size + n > limits.maxBodyBytes()) {
                    chunk.release();
                    finish(413, tooLarge(), true);
                    return;
                }
                if (size + n > buf.length) {
                    buf = java.util.Arrays.copyOf(buf, (int) Math.min(limits.maxBodyBytes(),
                            Math.max((long) size + n, 2L * buf.length)));
                }
                b.get(buf, size, n);
                size += n;
                boolean last = chunk.isLast();
                chunk.release();
                if (last) {
                    score();
                    return;
                }
            }
        }

        void timeout() {
            if (answered.get()) {
                return;
            }
            timedOut.incrementAndGet();
            finish(408, "{\"error\": " + RewardRecords.jsonString("the request body did not arrive within "
                    + limits.bodyTimeout().toMillis() + " ms (" + size + " bytes received)") + "}", true);
        }

        void score() {
            ScoreRequest.Reply r;
            try {
                r = ScoreRequest.score(fn, buf, size);
            } catch (RuntimeException e) {
                log.accept("v2l reward: scoring failed: " + e);
                r = ScoreRequest.Reply.error(500, "scoring failed: " + e);
            }
            if (r.status() == 200) {
                records.addAndGet(r.records());
            }
            finish(r.status(), r.json(), false);
        }

        void finish(int status, String json, boolean closeAfter) {
            if (!answered.compareAndSet(false, true)) {
                return;
            }
            Scheduler.Task d = deadline;
            if (d != null) {
                d.cancel();
            }
            inFlight.decrementAndGet();
            if (closeAfter) {
                close(response);
            }
            reply(response, done, status, json, null);
        }
    }

    private static void close(Response response) {
        response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
    }

    private static void reply(Response response, Callback callback, int status, String json, String allow) {
        byte[] b = json.getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        HttpFields.Mutable h = response.getHeaders();
        h.put(HttpHeader.CONTENT_TYPE, "application/json");
        h.put(HttpHeader.CONTENT_LENGTH, b.length);
        if (allow != null) {
            h.put(HttpHeader.ALLOW, allow);
        }
        response.write(true, ByteBuffer.wrap(b), callback);
    }

    /** Jetty's own errors (bad request lines, oversized headers) as JSON, like ours. */
    private static final class JsonErrors extends ErrorHandler {
        @Override
        protected void generateResponse(Request request, Response response, int code, String message,
                Throwable cause, Callback callback) {
            reply(response, callback, code, "{\"error\": " + RewardRecords.jsonString(message == null
                    ? "HTTP " + code : message) + "}", null);
        }

        @Override
        public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
            fields.put(new HttpField(HttpHeader.CONTENT_TYPE, "application/json"));
            return ByteBuffer.wrap(("{\"error\": " + RewardRecords.jsonString(reason == null ? "HTTP " + status
                    : reason) + "}").getBytes(StandardCharsets.UTF_8));
        }
    }
}
