package dev.v2l.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.v2l.io.AtomicFiles;
import dev.v2l.io.BadInputException;
import dev.v2l.qa.QuestionType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The committed scenes of a {@code dataset build} in progress: {@code OUT/.parts/NNNNNN.json}, one per scene in
 * source order, each written atomically once the scene's images are on disk. A part holds the scene's exported lines
 * per format, what the statistics need, and the option-lettering state after it, so a build killed at scene k
 * restarts at scene k and ends with the same bytes as an uninterrupted build. {@code build.json} holds a fingerprint
 * of the settings; parts made with other settings are discarded. The folder is removed when the build completes.
 */
final class SceneParts {

    static final ObjectMapper MAPPER = new ObjectMapper();
    static final String DIR = ".parts";

    /** One scene's share of the build. */
    record Part(String sceneId, String split, int images, Map<String, Integer> lettering, List<Line> samples,
            Map<String, Integer> drops, Map<String, Map<String, Long>> rejected) {
    }

    /** One sample: what the statistics count, and its line in each format. */
    record Line(QuestionType type, int frameCount, boolean textOnly, String answer, Map<String, String> lines) {
    }

    private final Path dir;

    private SceneParts(Path dir) {
        this.dir = dir;
    }

    /** Opens the parts of a build with this fingerprint, discarding parts of any other. */
    static SceneParts open(Path out, String fingerprint) throws IOException {
        Path dir = out.resolve(DIR);
        Path meta = dir.resolve("build.json");
        if (Files.exists(meta)) {
            String had = MAPPER.readTree(meta.toFile()).path("fingerprint").asText("");
            if (!had.equals(fingerprint)) {
                delete(dir);
            }
        }
        Files.createDirectories(dir);
        if (!Files.exists(meta)) {
            AtomicFiles.writeString(meta, MAPPER.createObjectNode().put("fingerprint", fingerprint).toString());
        }
        return new SceneParts(dir);
    }

    private Path file(int index) {
        return dir.resolve(String.format(java.util.Locale.ROOT, "%06d.json", index));
    }

    /** How many scenes, from the first, are committed. */
    int committed() {
        int n = 0;
        while (Files.exists(file(n))) {
            n++;
        }
        return n;
    }

    void commit(int index, Part p) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("scene", p.sceneId());
        n.put("split", p.split());
        n.put("images", p.images());
        n.set("lettering", MAPPER.valueToTree(new TreeMap<>(p.lettering())));
        ArrayNode samples = n.putArray("samples");
        for (Line l : p.samples()) {
            ObjectNode s = samples.addObject();
            s.put("type", l.type().code());
            s.put("frames", l.frameCount());
            s.put("text_only", l.textOnly());
            s.put("answer", l.answer());
            s.set("lines", MAPPER.valueToTree(l.lines()));
        }
        n.set("drops", MAPPER.valueToTree(p.drops()));
        n.set("rejected", MAPPER.valueToTree(p.rejected()));
        AtomicFiles.writeString(file(index), n.toString());
    }

    Part read(int index) throws IOException {
        Path f = file(index);
        JsonNode n;
        try {
            n = MAPPER.readTree(f.toFile());
        } catch (IOException e) {
            throw BadInputException.ofFile(f.toString(), "a committed scene of an interrupted build cannot be "
                    + "read (" + e.getMessage() + "); delete " + dir + " to start over", e);
        }
        Map<String, Integer> lettering = new LinkedHashMap<>();
        n.path("lettering").fields().forEachRemaining(e -> lettering.put(e.getKey(), e.getValue().asInt()));
        List<Line> samples = new java.util.ArrayList<>();
        for (JsonNode s : n.path("samples")) {
            Map<String, String> lines = new LinkedHashMap<>();
            s.path("lines").fields().forEachRemaining(e -> lines.put(e.getKey(), e.getValue().asText()));
            samples.add(new Line(QuestionType.byName(s.path("type").asText()), s.path("frames").asInt(),
                    s.path("text_only").asBoolean(), s.path("answer").asText(), lines));
        }
        Map<String, Integer> drops = new TreeMap<>();
        n.path("drops").fields().forEachRemaining(e -> drops.put(e.getKey(), e.getValue().asInt()));
        Map<String, Map<String, Long>> rejected = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = n.path("rejected").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            Map<String, Long> m = new TreeMap<>();
            e.getValue().fields().forEachRemaining(x -> m.put(x.getKey(), x.getValue().asLong()));
            rejected.put(e.getKey(), m);
        }
        return new Part(n.path("scene").asText(), n.path("split").asText(), n.path("images").asInt(), lettering,
                samples, drops, rejected);
    }

    /** Removes the parts (the build is complete). */
    void delete() throws IOException {
        delete(dir);
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
