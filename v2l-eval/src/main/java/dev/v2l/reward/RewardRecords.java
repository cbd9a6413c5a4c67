package dev.v2l.reward;

import com.fasterxml.jackson.databind.JsonNode;
import dev.v2l.io.JsonStrings;
import dev.v2l.metrics.GroundTruth;
import dev.v2l.qa.QuestionObject;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads reward records: {@code {"response": str, "ground_truth": str|number|bool|null}} plus optional
 * {@code question_type}, {@code options} (["A. …"]), {@code objects} ([{label, role}]), {@code params} and
 * {@code gt_layout} (map text, or a map as JSON). Problems are reported as {@link IllegalArgumentException} naming
 * the field.
 */
public final class RewardRecords {

    private RewardRecords() {
    }

    /** A record with every field read and checked (what {@code v2l-map} needs). */
    public static RewardInput read(JsonNode n) {
        return read(n, true);
    }

    /**
     * A record; with {@code questionFields} false only {@code response} and {@code ground_truth} are read and
     * checked (all {@code v2lo} uses), so a field that reward ignores cannot reject the record.
     */
    public static RewardInput read(JsonNode n, boolean questionFields) {
        if (n == null || !n.isObject()) {
            throw new IllegalArgumentException("expected a JSON object with response and ground_truth, found "
                    + (n == null ? "nothing" : n.getNodeType().toString().toLowerCase(java.util.Locale.ROOT)));
        }
        JsonNode r = n.get("response");
        if (r == null || !r.isTextual()) {
            throw new IllegalArgumentException("field 'response': expected a string, found " + describe(r));
        }
        if (!n.has("ground_truth")) {
            throw new IllegalArgumentException("field 'ground_truth': missing");
        }
        GroundTruth gt = GroundTruth.fromJson(n.get("ground_truth"));
        if (gt == null) {
            throw new IllegalArgumentException("field 'ground_truth': expected a string, number, boolean or null, "
                    + "found " + describe(n.get("ground_truth")));
        }
        if (!questionFields) {
            return new RewardInput(r.asText(), gt, null, null, null, null, null);
        }
        String type = text(n, "question_type");
        List<String> options = new ArrayList<>();
        JsonNode o = n.get("options");
        if (o != null && !o.isNull()) {
            if (!o.isArray()) {
                throw new IllegalArgumentException("field 'options': expected a list of strings");
            }
            for (int i = 0; i < o.size(); i++) {
                if (!o.get(i).isTextual()) {
                    throw new IllegalArgumentException("field 'options[" + i + "]': expected a string, found "
                            + describe(o.get(i)));
                }
                options.add(o.get(i).asText());
            }
        }
        List<QuestionObject> objects = new ArrayList<>();
        JsonNode ob = n.get("objects");
        if (ob != null && !ob.isNull()) {
            if (!ob.isArray()) {
                throw new IllegalArgumentException("field 'objects': expected a list of {label, role}");
            }
            int i = 0;
            for (JsonNode x : ob) {
                if (!x.isObject() || !x.path("label").isTextual() || !x.path("role").isTextual()) {
                    throw new IllegalArgumentException("field 'objects[" + i + "]': expected {label, role}");
                }
                objects.add(new QuestionObject(x.get("label").asText(), x.path("instance_id").isTextual()
                        ? x.get("instance_id").asText() : null, x.get("role").asText()));
                i++;
            }
        }
        Map<String, String> params = new LinkedHashMap<>();
        JsonNode p = n.get("params");
        if (p != null && !p.isNull() && !p.isObject()) {
            throw new IllegalArgumentException("field 'params': expected an object, found " + describe(p));
        }
        if (p != null && p.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = p.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                params.put(e.getKey(), e.getValue().asText());
            }
        }
        String layout = null;
        JsonNode g = n.get("gt_layout");
        if (g != null && !g.isNull()) {
            layout = g.isTextual() ? g.asText() : g.toString();
        }
        return new RewardInput(r.asText(), gt, type, options, objects, params, layout);
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new IllegalArgumentException("field '" + field + "': expected a string, found " + describe(v));
        }
        return v.asText();
    }

    static String describe(JsonNode v) {
        if (v == null || v.isMissingNode()) {
            return "nothing";
        }
        String s = v.toString();
        return v.getNodeType().toString().toLowerCase(java.util.Locale.ROOT) + " " + (s.length() > 40
                ? s.substring(0, 37) + "..." : s);
    }

    /** An error record for line-oriented output. */
    public static String errorJson(long line, String message) {
        return "{\"line\": " + line + ", \"error\": " + jsonString(message) + "}";
    }

    /** A JSON string keeping non-ASCII characters ({@link JsonStrings#quoteUtf8}). */
    static String jsonString(String s) {
        return JsonStrings.quoteUtf8(s);
    }
}
