package dev.v2l.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Responses stored by a hash of everything that decides them — the model's name (which includes its endpoint), the
 * prompts, every image's bytes, the generation settings and how images are scaled — one small JSON file per request
 * under {@code DIR/ab/abcdef….json}, written atomically, so a rerun costs nothing. Only successes are stored.
 */
public final class ResponseCache {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final Path dir;

    public ResponseCache(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    /** SHA-256 (hex) of the request as {@code model} would receive it. */
    public static String key(String model, ModelRequest r, long maxPixels) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            field(md, "v2l-response-cache/1");
            field(md, model);
            field(md, r.system() == null ? "" : r.system());
            field(md, r.user());
            field(md, Integer.toString(r.images().size()));
            for (ModelRequest.Image im : r.images()) {
                field(md, im.mediaType());
                md.update(longBytes(im.bytes().length));
                md.update(im.bytes());
            }
            ModelRequest.Settings s = r.settings();
            field(md, s.temperature() + "|" + s.maxTokens() + "|" + s.seed() + "|" + s.extraBody() + "|" + maxPixels);
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void field(MessageDigest md, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        md.update(longBytes(b.length));
        md.update(b);
    }

    private static byte[] longBytes(long v) {
        byte[] b = new byte[8];
        for (int i = 0; i < 8; i++) {
            b[i] = (byte) (v >>> (56 - 8 * i));
        }
        return b;
    }

    private Path file(String key) {
        return dir.resolve(key.substring(0, 2)).resolve(key + ".json");
    }

    /** The stored response, or empty (also when the file is unreadable: it is then simply asked again). */
    public Optional<ModelResponse> get(String key) {
        Path f = file(key);
        if (!Files.isRegularFile(f)) {
            return Optional.empty();
        }
        try {
            JsonNode n = MAPPER.readTree(f.toFile());
            return Optional.of(new ModelResponse(n.path("text").asText(), n.path("prompt_tokens").asInt(-1),
                    n.path("completion_tokens").asInt(-1), n.path("latency_ms").asLong(), n.path("attempts").asInt(1),
                    true));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    public void put(String key, ModelResponse r) {
        Path f = file(key);
        try {
            Files.createDirectories(f.getParent());
            ObjectNode n = MAPPER.createObjectNode();
            n.put("text", r.text());
            n.put("prompt_tokens", r.promptTokens());
            n.put("completion_tokens", r.completionTokens());
            n.put("latency_ms", r.latencyMillis());
            n.put("attempts", r.attempts());
            Path tmp = Files.createTempFile(f.getParent(), ".put", ".tmp");
            Files.write(tmp, MAPPER.writeValueAsBytes(n));
            Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the response cache " + dir + ": " + e.getMessage(), e);
        }
    }

    /** {@code model} answering from this cache first. */
    public VisionLanguageModel wrap(VisionLanguageModel model, long maxPixels) {
        return VisionLanguageModel.of(model.name(), request -> {
            String k = key(model.name(), request, maxPixels);
            Optional<ModelResponse> hit = get(k);
            if (hit.isPresent()) {
                return hit.get();
            }
            ModelResponse r = model.complete(request);
            put(k, r);
            return r;
        });
    }
}
