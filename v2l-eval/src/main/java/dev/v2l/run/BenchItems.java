package dev.v2l.run;

import com.fasterxml.jackson.databind.JsonNode;
import dev.v2l.io.BadInputException;
import dev.v2l.io.JsonFields;
import dev.v2l.io.JsonLines;
import dev.v2l.layout.Layout;
import dev.v2l.layout.MapParseResult;
import dev.v2l.layout.MapParser;
import dev.v2l.qa.Question;
import dev.v2l.qa.QuestionJson;
import dev.v2l.reason.EngineContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads {@code bench.jsonl}, naming the file, line and field of anything wrong. */
public final class BenchItems {

    private BenchItems() {
    }

    /** The bench file itself, or {@code bench.jsonl} inside a folder. */
    public static Path file(Path benchOrDir) {
        return Files.isDirectory(benchOrDir) ? benchOrDir.resolve("bench.jsonl") : benchOrDir;
    }

    public static List<BenchItem> read(Path benchOrDir) throws IOException {
        Path f = file(benchOrDir);
        if (Files.isDirectory(benchOrDir) && !Files.exists(f)) {
            throw BadInputException.ofFile(benchOrDir.toString(), "no bench.jsonl in this folder (expected the "
                    + "output folder of 'v2l bench build', or a bench.jsonl file)", null);
        }
        List<BenchItem> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        MapParser parser = MapParser.lenient();
        try (JsonLines r = JsonLines.open(f, "bench.jsonl from 'v2l bench build', or its folder")) {
            String line;
            while ((line = r.nextLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                JsonFields jf = new JsonFields(f.toString(), "line " + r.lineNumber());
                JsonNode n = JsonLines.parse(line, f.toString(), r.lineNumber());
                BenchItem item = item(n, jf, parser, hash(JsonLines.STRICT.writeValueAsString(n)));
                if (!ids.add(item.id())) {
                    throw jf.error("id", "duplicate item id " + item.id());
                }
                out.add(item);
            }
        }
        if (out.isEmpty()) {
            throw BadInputException.ofFile(f.toString(), "the benchmark has no items", null);
        }
        return out;
    }

    /** The first 16 hex digits of the SHA-256 of a text: how stored results recognise an item's content. */
    public static String hash(String text) {
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(
                    java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(d, 0, 8);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Item id → content hash, in bench order. */
    public static Map<String, String> hashes(List<BenchItem> items) {
        Map<String, String> m = new LinkedHashMap<>();
        items.forEach(i -> m.put(i.id(), i.contentHash()));
        return m;
    }

    static BenchItem item(JsonNode n, JsonFields f, MapParser parser, String hash) {
        if (!n.isObject()) {
            throw f.error(null, "expected a benchmark item object");
        }
        Question q = QuestionJson.read(n, f);
        String id = f.string(n, "id", "id");
        List<Integer> frames = new ArrayList<>();
        JsonNode fi = n.get("frame_indices");
        if (fi != null && fi.isArray()) {
            fi.forEach(x -> frames.add(x.asInt()));
        }
        List<String> images = new ArrayList<>();
        JsonNode im = n.get("images");
        if (im != null && !im.isNull()) {
            if (!im.isArray()) {
                throw f.error("images", "expected a list of image paths relative to the bench folder");
            }
            im.forEach(x -> images.add(x.asText()));
        }
        String gtText = f.string(n, "gt_layout", "gt_layout");
        Layout gt = layout(parser, gtText, f, "gt_layout");
        Layout scene = n.hasNonNull("scene_layout") ? layout(parser, n.get("scene_layout").asText(), f,
                "scene_layout") : null;
        Double area = null;
        Map<String, Double> appearance = new LinkedHashMap<>();
        JsonNode ctx = n.get("context");
        if (ctx != null && ctx.isObject()) {
            if (ctx.hasNonNull("room_area")) {
                area = f.number(ctx, "room_area", "context.room_area");
            }
            JsonNode app = ctx.get("appearance");
            if (app != null && app.isObject()) {
                for (Iterator<Map.Entry<String, JsonNode>> it = app.fields(); it.hasNext();) {
                    Map.Entry<String, JsonNode> e = it.next();
                    appearance.put(e.getKey(), f.number(e.getValue(), "context.appearance." + e.getKey()));
                }
            }
        }
        return new BenchItem(id, q.sceneId(), q.dataset(), n.path("frame_count").asInt(frames.size()), frames,
                images, n.path("text_only").asBoolean(images.isEmpty()), q, gt, gtText, scene,
                new EngineContext(area, appearance), hash);
    }

    private static Layout layout(MapParser parser, String text, JsonFields f, String field) {
        MapParseResult r = parser.parse(text);
        if (r.layout() == null) {
            throw f.error(field, "expected a map in the extended form (as bench build writes it)");
        }
        return r.layout();
    }
}
