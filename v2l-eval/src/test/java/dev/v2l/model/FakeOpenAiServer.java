package dev.v2l.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * An OpenAI-compatible server on 127.0.0.1 for tests and benchmarks, written on plain sockets so it can do what
 * real servers do when things go wrong: answer with scripted texts, statuses and headers, wait, or drop the
 * connection without a word. It speaks HTTP/1.1 with keep-alive, serves {@code POST /v1/chat/completions} from
 * the script and {@code GET /v1/models}, and records every request (headers lower-cased) unless told not to.
 */
public final class FakeOpenAiServer implements AutoCloseable {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    public static final String MODEL = "fake-model";

    /** A request as received. */
    public record Request(String method, String path, Map<String, String> headers, byte[] body) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        public JsonNode json() {
            try {
                return MAPPER.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("request body is not JSON", e);
            }
        }

        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** What to do with a request: a status, body and headers after a delay, or drop the connection. */
    public record Reply(int status, String body, Map<String, String> headers, long delayMillis, boolean dropConnection) {

        /** A chat completion whose message content is {@code text}. */
        public static Reply text(String text) {
            ObjectNode n = MAPPER.createObjectNode();
            n.put("id", "chatcmpl-fake").put("object", "chat.completion").put("model", MODEL);
            ObjectNode choice = n.putArray("choices").addObject();
            choice.put("index", 0).put("finish_reason", "stop");
            choice.putObject("message").put("role", "assistant").put("content", text);
            n.putObject("usage").put("prompt_tokens", 100).put("completion_tokens", Math.max(1, text.length() / 4))
                    .put("total_tokens", 100 + Math.max(1, text.length() / 4));
            return new Reply(200, n.toString(), Map.of("Content-Type", "application/json"), 0, false);
        }

        public static Reply status(int status, String body) {
            return new Reply(status, body, Map.of("Content-Type", "application/json"), 0, false);
        }

        public static Reply dropped() {
            return new Reply(0, "", Map.of(), 0, true);
        }

        public Reply delayed(long millis) {
            return new Reply(status, body, headers, millis, dropConnection);
        }

        public Reply withHeader(String name, String value) {
            Map<String, String> h = new LinkedHashMap<>(headers);
            h.put(name, value);
            return new Reply(status, body, h, delayMillis, dropConnection);
        }
    }

    /** Replies in order, then the last one for ever. */
    public static Function<Request, Reply> sequence(Reply... replies) {
        AtomicInteger next = new AtomicInteger();
        return r -> replies[Math.min(next.getAndIncrement(), replies.length - 1)];
    }

    private final ServerSocket server;
    private final Function<Request, Reply> script;
    private final boolean record;
    private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger completions = new AtomicInteger();
    private volatile boolean closed;

    public FakeOpenAiServer(Function<Request, Reply> script) throws IOException {
        this(script, true);
    }

    /** @param record whether to keep every request (off for benchmarks) */
    public FakeOpenAiServer(Function<Request, Reply> script, boolean record) throws IOException {
        this.script = script;
        this.record = record;
        this.server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
        Thread t = new Thread(this::acceptLoop, "fake-openai-accept");
        t.setDaemon(true);
        t.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    /** {@code http://127.0.0.1:PORT/v1}. */
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + port() + "/v1");
    }

    public List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /** Connections accepted so far. */
    public int connections() {
        return connections.get();
    }

    /** Chat-completion requests received so far. */
    public int completions() {
        return completions.get();
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket s = server.accept();
                s.setTcpNoDelay(true);
                connections.incrementAndGet();
                open.add(s);
                Thread t = new Thread(() -> serve(s), "fake-openai-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                if (!closed) {
                    continue;
                }
                return;
            }
        }
    }

    private void serve(Socket s) {
        try (s; InputStream in = new BufferedInputStream(s.getInputStream()); OutputStream out = s.getOutputStream()) {
            while (!closed) {
                String requestLine = line(in);
                if (requestLine == null) {
                    return;
                }
                if (requestLine.isEmpty()) {
                    continue;
                }
                String[] parts = requestLine.split(" ");
                Map<String, String> headers = new LinkedHashMap<>();
                String h;
                while ((h = line(in)) != null && !h.isEmpty()) {
                    int c = h.indexOf(':');
                    if (c > 0) {
                        headers.put(h.substring(0, c).strip().toLowerCase(Locale.ROOT), h.substring(c + 1).strip());
                    }
                }
                int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
                byte[] body = in.readNBytes(length);
                Request req = new Request(parts[0], parts.length > 1 ? parts[1] : "/", headers, body);
                if (record) {
                    requests.add(req);
                }
                Reply reply = route(req);
                if (reply.delayMillis() > 0) {
                    Thread.sleep(reply.delayMillis());
                }
                if (reply.dropConnection()) {
                    s.setSoLinger(true, 0); // reset, as a crashed server would
                    return;
                }
                byte[] payload = reply.body().getBytes(StandardCharsets.UTF_8);
                StringBuilder head = new StringBuilder("HTTP/1.1 ").append(reply.status()).append(' ')
                        .append(reason(reply.status())).append("\r\n");
                reply.headers().forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
                head.append("Content-Length: ").append(payload.length).append("\r\n\r\n");
                ByteArrayOutputStream buf = new ByteArrayOutputStream(head.length() + payload.length);
                buf.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
                buf.write(payload);
                out.write(buf.toByteArray());
                out.flush();
                if ("close".equalsIgnoreCase(headers.get("connection"))) {
                    return;
                }
            }
        } catch (IOException | RuntimeException e) {
            // the client went away, or the request was malformed: end this connection
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            open.remove(s);
        }
    }

    private Reply route(Request req) {
        String path = req.path();
        if (req.method().equals("GET") && path.endsWith("/models")) {
            ObjectNode n = MAPPER.createObjectNode();
            n.put("object", "list");
            n.putArray("data").addObject().put("id", MODEL).put("object", "model");
            return Reply.status(200, n.toString());
        }
        if (req.method().equals("POST") && path.endsWith("/chat/completions")) {
            completions.incrementAndGet();
            return script.apply(req);
        }
        return Reply.status(404, "{\"error\": \"no route " + path + "\"}");
    }

    private static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 404 -> "Not Found";
            case 408 -> "Request Timeout";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            default -> "Status";
        };
    }

    /** One CRLF-terminated line (ISO-8859-1), or null at end of stream. */
    private static String line(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\n') {
                int n = sb.length();
                return n > 0 && sb.charAt(n - 1) == '\r' ? sb.substring(0, n - 1) : sb.toString();
            }
            sb.append((char) c);
        }
        return sb.length() == 0 ? null : sb.toString();
    }

    @Override
    public void close() throws IOException {
        closed = true;
        server.close();
        for (Socket s : open) {
            try {
                s.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }
}
