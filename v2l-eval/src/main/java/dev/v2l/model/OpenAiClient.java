package dev.v2l.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.v2l.io.BadInputException;
import dev.v2l.io.Images;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.UnaryOperator;
import javax.imageio.ImageIO;

/**
 * A model behind an OpenAI-compatible chat-completions endpoint (vLLM, SGLang, Ollama, llama.cpp server, LM Studio,
 * hosted APIs).
 *
 * <ul>
 *   <li>HTTP/1.1 only: the JDK client's default is to offer an h2c {@code Upgrade} on plain HTTP, which makes
 *       uvicorn-based servers (vLLM, SGLang) drop the request body.</li>
 *   <li>Images go as {@code image_url} parts holding base64 data URLs, before the text (as lmms-eval orders visuals
 *       and text), scaled down to at most {@code maxPixels} pixels when larger (aspect kept).</li>
 *   <li>The API key comes from the environment variable the user names; it is sent as a bearer token and appears in
 *       no log, name, message or provenance.</li>
 *   <li>Transient failures (429, 408, 5xx, timeouts, refused or dropped connections) are retried up to
 *       {@code maxRetries} times with exponential backoff and full jitter, waiting at least what {@code Retry-After}
 *       asks; other 4xx fail at once.</li>
 * </ul>
 */
public final class OpenAiClient implements VisionLanguageModel {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final long MAX_BACKOFF_MILLIS = 60_000;

    /**
     * @param baseUrl    the API root, e.g. {@code http://127.0.0.1:8000/v1}
     * @param model      the served model's name
     * @param apiKeyEnv  the environment variable holding the key, or null for none
     * @param timeout    per attempt
     * @param maxRetries retries after the first attempt
     * @param backoff    the first retry's base delay (doubling each retry)
     * @param maxPixels  scale images to at most this many pixels; 0 keeps them as they are
     */
    public record Config(URI baseUrl, String model, String apiKeyEnv, Duration timeout, int maxRetries,
            Duration backoff, long maxPixels) {

        public Config {
            if (baseUrl == null || baseUrl.getScheme() == null || !baseUrl.getScheme().startsWith("http")) {
                throw new BadInputException(null, null, null,
                        "expected an http(s) base URL such as http://127.0.0.1:8000/v1, got "
                        + baseUrl);
            }
            if (maxRetries < 0) {
                throw new IllegalArgumentException("--retries must be >= 0, got " + maxRetries);
            }
        }
    }

    private final Config config;
    private final String apiKey;
    private final HttpClient http;
    private final URI endpoint;
    private final String name;

    /**
     * @param env how environment variables are read ({@code System::getenv} outside tests)
     * @throws BadInputException when the named key variable is not set
     */
    public OpenAiClient(Config config, UnaryOperator<String> env) {
        this.config = config;
        if (config.apiKeyEnv() != null && !config.apiKeyEnv().isBlank()) {
            String k = env.apply(config.apiKeyEnv());
            if (k == null || k.isBlank()) {
                throw new BadInputException(null, null, null, "--api-key-env names " + config.apiKeyEnv()
                        + ", which is not set in the environment");
            }
            this.apiKey = k.strip();
        } else {
            this.apiKey = null;
        }
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(config.timeout()).build();
        String base = config.baseUrl().toString();
        this.endpoint = URI.create((base.endsWith("/") ? base : base + "/") + "chat/completions");
        this.name = config.model() + "@" + base;
    }

    @Override
    public String name() {
        return name;
    }

    /** The URL requests go to. */
    public URI endpoint() {
        return endpoint;
    }

    @Override
    public ModelResponse complete(ModelRequest request) throws ModelFailure {
        byte[] body = body(request);
        ModelFailure last = null;
        for (int attempt = 0; attempt <= config.maxRetries(); attempt++) {
            if (attempt > 0) {
                sleep(delayMillis(attempt, last.retryAfterMillis()));
            }
            try {
                ModelResponse r = attempt(body);
                return new ModelResponse(r.text(), r.promptTokens(), r.completionTokens(), r.latencyMillis(),
                        attempt + 1, false);
            } catch (ModelFailure f) {
                last = f.afterAttempts(attempt + 1);
                if (!f.kind().isTransient()) {
                    throw last;
                }
            }
        }
        throw last;
    }

    /** Full-jitter exponential backoff, never shorter than the server's Retry-After. */
    long delayMillis(int attempt, long retryAfterMillis) {
        long cap = Math.min(MAX_BACKOFF_MILLIS, config.backoff().toMillis() << Math.min(20, attempt - 1));
        long jittered = cap / 2 + ThreadLocalRandom.current().nextLong(cap / 2 + 1);
        return Math.max(jittered, Math.min(retryAfterMillis, 10 * MAX_BACKOFF_MILLIS));
    }

    private static void sleep(long millis) throws ModelFailure {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModelFailure(ModelFailure.Kind.CONNECTION, 0, "interrupted", -1);
        }
    }

    private ModelResponse attempt(byte[] body) throws ModelFailure {
        HttpRequest.Builder b = HttpRequest.newBuilder(endpoint).timeout(config.timeout())
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (apiKey != null) {
            b.header("Authorization", "Bearer " + apiKey);
        }
        long start = System.nanoTime();
        HttpResponse<byte[]> resp;
        try {
            resp = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            throw new ModelFailure(ModelFailure.Kind.TIMEOUT, 0, "no response within " + config.timeout().toMillis()
                    + " ms", -1);
        } catch (ConnectException e) {
            throw new ModelFailure(ModelFailure.Kind.CONNECTION, 0, "cannot connect to " + endpoint + ": "
                    + (e.getMessage() == null ? "connection refused (nothing listens there)" : e.getMessage()), -1);
        } catch (IOException e) {
            throw new ModelFailure(ModelFailure.Kind.CONNECTION, 0, "connection to " + endpoint + " failed: "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), -1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModelFailure(ModelFailure.Kind.CONNECTION, 0, "interrupted", -1);
        }
        long latency = (System.nanoTime() - start) / 1_000_000;
        int status = resp.statusCode();
        String text = new String(resp.body(), StandardCharsets.UTF_8);
        if (status != 200) {
            String detail = "HTTP " + status + " from " + endpoint + ": " + abbreviate(text, 300);
            long retryAfter = retryAfterMillis(resp.headers().firstValue("Retry-After").orElse(null));
            ModelFailure.Kind kind = status == 429 ? ModelFailure.Kind.RATE_LIMITED
                    : status == 408 ? ModelFailure.Kind.TIMEOUT
                    : status >= 500 ? ModelFailure.Kind.SERVER_ERROR : ModelFailure.Kind.CLIENT_ERROR;
            throw new ModelFailure(kind, status, detail, retryAfter);
        }
        return parse(text, latency);
    }

    static ModelResponse parse(String body, long latency) throws ModelFailure {
        JsonNode n;
        try {
            n = MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new ModelFailure(ModelFailure.Kind.BAD_RESPONSE, 200, "the server's answer is not JSON: "
                    + abbreviate(body, 200), -1);
        }
        JsonNode content = n.path("choices").path(0).path("message").path("content");
        String text;
        if (content.isTextual()) {
            text = content.asText();
        } else if (content.isArray()) {
            StringBuilder sb = new StringBuilder();
            content.forEach(p -> sb.append(p.path("text").asText("")));
            text = sb.toString();
        } else if (content.isNull() && n.path("choices").path(0).has("message")) {
            text = "";
        } else {
            throw new ModelFailure(ModelFailure.Kind.BAD_RESPONSE, 200, "expected choices[0].message.content in the "
                    + "server's answer: " + abbreviate(body, 200), -1);
        }
        JsonNode usage = n.path("usage");
        return new ModelResponse(text, usage.path("prompt_tokens").asInt(-1), usage.path("completion_tokens")
                .asInt(-1), latency, 1, false);
    }

    /** Retry-After as delta-seconds or an HTTP date, in milliseconds; -1 when absent or unreadable. */
    static long retryAfterMillis(String value) {
        if (value == null || value.isBlank()) {
            return -1;
        }
        String v = value.strip();
        try {
            return Math.max(0, Math.round(Double.parseDouble(v) * 1000));
        } catch (NumberFormatException e) {
            try {
                ZonedDateTime when = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
                return Math.max(0, when.toInstant().toEpochMilli() - System.currentTimeMillis());
            } catch (java.time.format.DateTimeParseException e2) {
                return -1;
            }
        }
    }

    /** The chat-completions body. */
    byte[] body(ModelRequest r) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("model", config.model());
        ArrayNode messages = root.putArray("messages");
        if (r.system() != null && !r.system().isEmpty()) {
            messages.addObject().put("role", "system").put("content", r.system());
        }
        ObjectNode user = messages.addObject().put("role", "user");
        if (r.images().isEmpty()) {
            user.put("content", r.user());
        } else {
            ArrayNode parts = user.putArray("content");
            for (ModelRequest.Image im : r.images()) {
                ModelRequest.Image sent = scaled(im, config.maxPixels());
                parts.addObject().put("type", "image_url").putObject("image_url").put("url", "data:"
                        + sent.mediaType() + ";base64," + Base64.getEncoder().encodeToString(sent.bytes()));
            }
            parts.addObject().put("type", "text").put("text", r.user());
        }
        ModelRequest.Settings s = r.settings();
        root.put("temperature", s.temperature());
        root.put("max_tokens", s.maxTokens());
        if (s.seed() != null) {
            root.put("seed", s.seed());
        }
        if (s.extraBody() != null && !s.extraBody().isBlank()) {
            JsonNode extra;
            try {
                extra = MAPPER.readTree(s.extraBody());
            } catch (JsonProcessingException e) {
                throw new BadInputException(null, null, null, "--extra-body is not JSON: " + e.getOriginalMessage());
            }
            if (!extra.isObject()) {
                throw new BadInputException(null, null, null,
                        "--extra-body must be a JSON object, e.g. {\"top_k\": 1}");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = extra.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                root.set(e.getKey(), e.getValue());
            }
        }
        try {
            return MAPPER.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The image scaled to at most {@code maxPixels}, re-encoded in its own format; the same image when it fits. */
    static ModelRequest.Image scaled(ModelRequest.Image im, long maxPixels) {
        if (maxPixels <= 0) {
            return im;
        }
        BufferedImage img;
        try {
            img = ImageIO.read(new ByteArrayInputStream(im.bytes()));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot decode an image to scale it: " + e.getMessage());
        }
        if (img == null) {
            throw new IllegalArgumentException("cannot decode an image (" + im.mediaType() + ") to scale it");
        }
        if ((long) img.getWidth() * img.getHeight() <= maxPixels) {
            return im;
        }
        BufferedImage small = Images.limitPixels(img, maxPixels);
        return "image/png".equals(im.mediaType()) ? new ModelRequest.Image(Images.png(small), "image/png")
                : new ModelRequest.Image(Images.jpeg(small, 0.9f), "image/jpeg");
    }

    static String abbreviate(String s, int n) {
        String one = s.replace('\n', ' ');
        return one.length() <= n ? one : one.substring(0, n) + "…";
    }

    /**
     * The one model an endpoint serves ({@code GET /models}, first entry), for specs without {@code #MODEL}.
     *
     * @throws IllegalArgumentException when the endpoint cannot be asked or lists no model
     */
    public static String servedModel(URI baseUrl, String apiKeyEnv, UnaryOperator<String> env, Duration timeout) {
        String base = baseUrl.toString();
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create((base.endsWith("/") ? base : base + "/")
                + "models")).timeout(timeout).GET();
        if (apiKeyEnv != null && env.apply(apiKeyEnv) != null) {
            b.header("Authorization", "Bearer " + env.apply(apiKeyEnv).strip());
        }
        try {
            HttpResponse<String> r = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(timeout).build().send(b.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode id = MAPPER.readTree(r.body()).path("data").path(0).path("id");
            if (r.statusCode() != 200 || !id.isTextual()) {
                throw new IllegalArgumentException("cannot tell which model " + base + " serves (GET /models gave "
                        + "HTTP " + r.statusCode() + "); name it: openai:" + base + "#MODEL");
            }
            return id.asText();
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot reach " + base + " to ask which model it serves ("
                    + e.getMessage() + "); is the server running? Or name the model: openai:" + base + "#MODEL");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalArgumentException("interrupted");
        }
    }
}
