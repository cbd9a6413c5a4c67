package dev.v2l.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.v2l.io.BadInputException;
import dev.v2l.io.JsonFields;
import dev.v2l.layout.Layout;
import dev.v2l.layout.text.MapParseResult;
import dev.v2l.layout.text.MapParser;
import dev.v2l.qa.Question;
import dev.v2l.qa.QuestionJson;
import dev.v2l.reason.EngineContext;
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

/** Reads {@code bench.jsonl}, naming the file, line and field of anything wrong. */
public final class BenchItems {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private BenchItems() {
    }

    /** The bench file itself, or {@code bench.jsonl} inside a folder. */
    public static Path file(Path benchOrDir) {
        return Files.isDirectory(benchOrDir) ? benchOrDir.resolve("bench.jsonl") : benchOrDir;
    }

    public static List<BenchItem> read(Path benchOrDir) throws IOException {
        Path f = file(benchOrDir);
        List<BenchItem> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        MapParser parser = MapParser.lenient();
        try (BufferedReader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
            String line;
            int no = 0;
            while ((line = r.readLine()) != null) {
                no++;
                if (line.isBlank()) {
                    continue;
                }
                JsonFields jf = new JsonFields(f.toString(), "line " + no);
                JsonNode n;
                try {
                    n = MAPPER.readTree(line);
                } catch (JsonProcessingException e) {
                    throw jf.error(null, "not JSON: " + e.getOriginalMessage());
                }
                BenchItem item = item(n, jf, parser);
                if (!ids.add(item.id())) {
                    throw jf.error("id", "duplicate item id " + item.id());
                }
                out.add(item);
            }
        } catch (NoSuchFileException e) {
            throw BadInputException.ofFile(f.toString(), "no such benchmark file (expected bench.jsonl from "
                    + "'v2l bench build', or its folder)", e);
        }
        if (out.isEmpty()) {
            throw BadInputException.ofFile(f.toString(), "the benchmark has no items", null);
        }
        return out;
    }

    static BenchItem item(JsonNode n, JsonFields f, MapParser parser) {
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
                new EngineContext(area, appearance));
    }

    private static Layout layout(MapParser parser, String text, JsonFields f, String field) {
        MapParseResult r = parser.parse(text);
        if (r.layout() == null) {
            throw f.error(field, "expected a map in the extended form (as bench build writes it)");
        }
        return r.layout();
    }
}
