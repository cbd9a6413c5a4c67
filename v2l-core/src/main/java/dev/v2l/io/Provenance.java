package dev.v2l.io;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * How an output was made: tool version and commit, command line (secrets redacted), seeds and settings, inputs with
 * their SHA-256, and when. Every output folder gets one as {@code provenance.json}; its content is deterministic
 * except {@code created} and {@code duration_s}, which are kept apart so byte-identical outputs can be compared
 * without them.
 */
public final class Provenance {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Pattern SECRET = Pattern.compile("(?i)(api[-_]?key|token|secret|password|authorization)"
            + "(=|:\\s*)[^\\s,]+");

    private final Map<String, Object> fields = new LinkedHashMap<>();

    public Provenance(String tool, String version, String commit, List<String> commandLine) {
        fields.put("tool", tool);
        fields.put("version", version);
        fields.put("commit", commit);
        fields.put("command", commandLine.stream().map(Provenance::redact).toList());
        fields.put("java", System.getProperty("java.version"));
    }

    /** Hides values that look like secrets ({@code api_key=…}, {@code Authorization: …}). */
    public static String redact(String s) {
        return SECRET.matcher(s).replaceAll("$1$2<redacted>");
    }

    public Provenance put(String key, Object value) {
        fields.put(key, value);
        return this;
    }

    /** Records an input file with its size and SHA-256 (directories: just the path). */
    @SuppressWarnings("unchecked")
    public Provenance input(String spec, Path file) {
        Map<String, Object> in = new LinkedHashMap<>();
        in.put("spec", spec);
        if (file != null && Files.isRegularFile(file)) {
            try {
                in.put("bytes", Files.size(file));
                in.put("sha256", sha256(file));
            } catch (IOException e) {
                in.put("error", e.getMessage());
            }
        }
        ((List<Object>) fields.computeIfAbsent("inputs", k -> new java.util.ArrayList<>())).add(in);
        return this;
    }

    public static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public ObjectNode toJson() {
        return MAPPER.valueToTree(fields);
    }

    /** The text of {@code provenance.json}: these fields, when and how long. */
    public String text(long startNanos) throws IOException {
        ObjectNode n = toJson();
        n.put("created", java.time.Instant.now().toString());
        n.put("duration_s", Math.round((System.nanoTime() - startNanos) / 1e6) / 1e3);
        return MAPPER.writeValueAsString(n);
    }

    /** Writes {@code provenance.json} into {@code dir}, adding when and how long. */
    public void write(Path dir, long startNanos) throws IOException {
        Path tmp = dir.resolve(".provenance.json.tmp");
        Files.writeString(tmp, text(startNanos));
        Files.move(tmp, dir.resolve("provenance.json"), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
