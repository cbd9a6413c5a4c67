package dev.v2l.qa;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.v2l.io.JsonFields;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Questions as JSON Lines records: one object per line, fields in a fixed order (docs/formats.md). */
public final class QuestionJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private QuestionJson() {
    }

    public static ObjectNode toNode(Question q) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("id", q.id());
        n.put("scene_id", q.sceneId());
        n.put("dataset", q.dataset());
        n.put("question_type", q.type().code());
        n.put("question", q.question());
        ArrayNode opts = n.putArray("options");
        q.options().forEach(opts::add);
        n.put("ground_truth", q.groundTruth());
        ArrayNode objs = n.putArray("objects");
        for (QuestionObject o : q.objects()) {
            ObjectNode on = objs.addObject();
            on.put("label", o.label());
            on.put("instance_id", o.instanceId());
            on.put("role", o.role());
        }
        ObjectNode params = n.putObject("params");
        q.params().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> params.put(e.getKey(),
                e.getValue()));
        n.put("trace", q.trace());
        n.set("generator", generatorNode(q.generator()));
        return n;
    }

    /** The last generator settings and their tree: every question of a run shares one settings map. */
    private static volatile Object[] lastGenerator = {null, null};

    private static JsonNode generatorNode(Map<String, Object> g) {
        Object[] last = lastGenerator;
        if (last[0] == g) {
            return (JsonNode) last[1];
        }
        JsonNode node = MAPPER.valueToTree(g);
        lastGenerator = new Object[] {g, node};
        return node;
    }

    /** One line of JSON (no newline). */
    public static String toLine(Question q) {
        try {
            return MAPPER.writeValueAsString(toNode(q));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads a question record; {@code f} names the file and line for errors. */
    public static Question read(JsonNode n, JsonFields f) {
        if (!n.isObject()) {
            throw f.error(null, "expected a question object, found " + n.getNodeType());
        }
        String typeName = f.string(n, "question_type", "question_type");
        QuestionType type;
        try {
            type = QuestionType.byName(typeName);
        } catch (IllegalArgumentException e) {
            throw f.error("question_type", e.getMessage());
        }
        List<String> options = new ArrayList<>();
        JsonNode on = n.get("options");
        if (on != null && !on.isNull()) {
            if (!on.isArray()) {
                throw f.error("options", "expected a list of \"A. ...\" strings");
            }
            on.forEach(x -> options.add(x.asText()));
        }
        List<QuestionObject> objects = new ArrayList<>();
        JsonNode objs = f.array(n, "objects", "objects");
        for (int i = 0; i < objs.size(); i++) {
            JsonNode o = objs.get(i);
            objects.add(new QuestionObject(f.string(o, "label", "objects[" + i + "].label"),
                    f.optionalString(o, "instance_id", "objects[" + i + "].instance_id"),
                    f.string(o, "role", "objects[" + i + "].role")));
        }
        Map<String, String> params = new LinkedHashMap<>();
        JsonNode pn = n.get("params");
        if (pn != null && pn.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = pn.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                params.put(e.getKey(), e.getValue().asText());
            }
        }
        Map<String, Object> generator = new LinkedHashMap<>();
        JsonNode gn = n.get("generator");
        if (gn != null && gn.isObject()) {
            generator.putAll(MAPPER.convertValue(gn, Map.class));
        }
        JsonNode gt = n.get("ground_truth");
        if (gt == null || gt.isNull() || gt.isContainerNode()) {
            throw f.error("ground_truth", "expected a letter or a number");
        }
        return new Question(n.hasNonNull("id") ? n.get("id").asText() : "", f.string(n, "scene_id", "scene_id"),
                n.hasNonNull("dataset") ? n.get("dataset").asText() : "", type, f.string(n, "question", "question"),
                options, gt.asText(), objects, params, n.hasNonNull("trace") ? n.get("trace").asText() : "",
                generator);
    }
}
