package dev.v2l.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.v2l.io.BadInputException;
import dev.v2l.io.CameraTrackJson;
import dev.v2l.io.JsonFields;
import dev.v2l.io.JsonLines;
import dev.v2l.layout.Layout;
import dev.v2l.layout.text.MapParseResult;
import dev.v2l.layout.text.MapParser;
import dev.v2l.qa.Question;
import dev.v2l.qa.QuestionJson;
import dev.v2l.reason.EngineContext;
import dev.v2l.scene.CameraTrack;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code bench.jsonl}, naming the file, line and field of anything wrong. An item's true maps are inline
 * ({@code gt_layout}, {@code scene_layout}) or referenced ({@code gt_layout_ref}, {@code scene_layout_ref}: a
 * {@code ref} in {@code layouts.jsonl} beside the bench, as {@code bench import} writes one map per scene); an
 * imported item without a known layout has neither.
 */
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
        if (!Files.exists(f)) {
            throw BadInputException.ofFile(f.toString(), "no such benchmark file (expected bench.jsonl from "
                    + "'v2l bench build', or its folder)", null);
        }
        List<BenchItem> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        MapParser parser = MapParser.lenient();
        Refs refs = new Refs(f.toAbsolutePath().resolveSibling("layouts.jsonl"), parser);
        try {
            forEachLine(f, (n, jf) -> {
                BenchItem item = item(n, jf, parser, refs);
                if (!ids.add(item.id())) {
                    throw jf.error("id", "duplicate item id " + item.id());
                }
                out.add(item);
            });
        } catch (NoSuchFileException e) {
            throw BadInputException.ofFile(f.toString(), "no such benchmark file (expected bench.jsonl from "
                    + "'v2l bench build', or its folder)", e);
        }
        if (out.isEmpty()) {
            throw BadInputException.ofFile(f.toString(), "the benchmark has no items", null);
        }
        return out;
    }

    /** The suffix {@code bench import} gives an item's official id when the import has several frame counts. */
    private static final java.util.regex.Pattern COUNT_SUFFIX = java.util.regex.Pattern.compile("@\\d+f$");

    /**
     * The items with {@code frameCount} frames ({@code eval --frames N}). Items of a multi-count import get their
     * official ids back ({@code 123@16f} → {@code 123}) so results line up with lmms-eval's logs.
     *
     * @throws IllegalArgumentException naming the counts the bench has, when none has {@code frameCount}
     */
    public static List<BenchItem> withFrameCount(List<BenchItem> items, int frameCount) {
        List<BenchItem> out = new ArrayList<>();
        java.util.TreeSet<Integer> counts = new java.util.TreeSet<>();
        for (BenchItem it : items) {
            counts.add(it.frameCount());
            if (it.frameCount() == frameCount) {
                out.add(it);
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("--frames " + frameCount + ": the benchmark has no items with that many "
                    + "frames; it has " + counts);
        }
        Set<String> stripped = new HashSet<>();
        for (BenchItem it : out) {
            if (!stripped.add(COUNT_SUFFIX.matcher(it.id()).replaceFirst(""))) {
                return out;
            }
        }
        List<BenchItem> renamed = new ArrayList<>(out.size());
        for (BenchItem b : out) {
            renamed.add(b.withId(COUNT_SUFFIX.matcher(b.id()).replaceFirst("")));
        }
        return renamed;
    }

    static BenchItem item(JsonNode n, JsonFields f, MapParser parser) {
        return item(n, f, parser, null);
    }

    static BenchItem item(JsonNode n, JsonFields f, MapParser parser, Refs refs) {
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
        String gtText;
        Layout gt;
        if (n.hasNonNull("gt_layout_ref") && refs != null) {
            Map.Entry<String, Layout> e = refs.get(n.get("gt_layout_ref").asText(), f, "gt_layout_ref");
            gtText = e.getKey();
            gt = e.getValue();
        } else if (n.has("gt_layout") || !n.has("source_id")) { // our own benches always carry it
            gtText = f.string(n, "gt_layout", "gt_layout");
            gt = layout(parser, gtText, f, "gt_layout");
        } else {
            gtText = null;
            gt = null;
        }
        Layout scene = n.hasNonNull("scene_layout") ? layout(parser, n.get("scene_layout").asText(), f,
                "scene_layout") : n.hasNonNull("scene_layout_ref") && refs != null ? refs.get(n.get(
                "scene_layout_ref").asText(), f, "scene_layout_ref").getValue() : null;
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
        CameraTrack cameras = null;
        if (n.hasNonNull("cameras")) {
            cameras = CameraTrackJson.read(n.get("cameras"), f, "cameras");
            if (cameras.poses().size() != images.size()) {
                throw f.error("cameras.poses", "expected one pose per image (" + images.size() + "), found "
                        + cameras.poses().size());
            }
        }
        // what the item is, whatever its id: the line as read, and the maps it refers to
        String content;
        try {
            content = JsonLines.STRICT.writeValueAsString(n) + "\u0000" + gtText + "\u0000"
                    + (scene == null ? "" : dev.v2l.layout.text.MapWriter.writeExtended(scene));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return new BenchItem(id, q.sceneId(), q.dataset(), n.path("frame_count").asInt(frames.size()), frames,
                images, n.path("text_only").asBoolean(images.isEmpty()), q, gt, gtText, scene,
                new EngineContext(area, appearance), cameras, hash(content));
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
        Map<String, String> m = new java.util.LinkedHashMap<>();
        items.forEach(i -> m.put(i.id(), i.contentHash()));
        return m;
    }

    /** Each non-blank line of a JSON Lines file as a tree, with where it is; bad JSON is bad input naming the line. */
    private static void forEachLine(Path f, java.util.function.BiConsumer<JsonNode, JsonFields> each)
            throws IOException {
        try (JsonLines r = JsonLines.open(f, "bench.jsonl from 'v2l bench build', or its folder")) {
            String line;
            while ((line = r.nextLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                each.accept(JsonLines.parse(line, f.toString(), r.lineNumber()), new JsonFields(f.toString(),
                        "line " + r.lineNumber()));
            }
        }
    }

    /** The maps of {@code layouts.jsonl}, read and parsed once, on first use. */
    static final class Refs {
        private final Path file;
        private final MapParser parser;
        private Map<String, Map.Entry<String, Layout>> byRef;

        Refs(Path file, MapParser parser) {
            this.file = file;
            this.parser = parser;
        }

        Map.Entry<String, Layout> get(String ref, JsonFields f, String field) {
            if (byRef == null) {
                byRef = load();
            }
            Map.Entry<String, Layout> e = byRef.get(ref);
            if (e == null) {
                throw f.error(field, "no map '" + ref + "' in " + file);
            }
            return e;
        }

        private Map<String, Map.Entry<String, Layout>> load() {
            Map<String, Map.Entry<String, Layout>> out = new java.util.HashMap<>();
            if (!Files.isRegularFile(file)) {
                return out;
            }
            try {
                forEachLine(file, (n, jf) -> {
                    String text = jf.string(n, "layout", "layout");
                    out.put(jf.string(n, "ref", "ref"), Map.entry(text, layout(parser, text, jf, "layout")));
                });
            } catch (IOException e) {
                throw BadInputException.ofFile(file.toString(), "cannot read: " + e.getMessage(), e);
            }
            return out;
        }
    }

    private static Layout layout(MapParser parser, String text, JsonFields f, String field) {
        MapParseResult r = parser.parse(text);
        if (r.layout() == null) {
            throw f.error(field, "expected a map in the extended form (as bench build writes it)");
        }
        return r.layout();
    }
}
