package dev.v2l.dataset;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.v2l.qa.QuestionJson;
import dev.v2l.qa.QuestionObject;
import java.util.List;

/**
 * One sample as one JSON line in a training framework's format:
 *
 * <ul>
 *   <li>{@code swift}: ms-swift's {@code {"messages": [system, user with <image> placeholders, assistant],
 *       "images": [...]}};</li>
 *   <li>{@code llamafactory}: LLaMA-Factory's ShareGPT form {@code {"conversations": [{"from": "human", ...},
 *       {"from": "gpt", ...}], "system": ..., "images": [...]}} (with a {@code dataset_info.json} entry);</li>
 *   <li>{@code easyr1}: EasyR1's RL rows {@code {"problem": ..., "answer": ..., "images": [...]}} plus what the
 *       v2l-map reward can use ({@code question_type}, {@code options}, {@code objects}, {@code gt_layout});</li>
 *   <li>{@code jsonl}: everything, ours.</li>
 * </ul>
 */
public enum Exporter {
    SWIFT("swift"), LLAMAFACTORY("llamafactory"), EASYR1("easyr1"), JSONL("jsonl");

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String code;

    Exporter(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Exporter byName(String name) {
        for (Exporter e : values()) {
            if (e.code.equals(name.strip())) {
                return e;
            }
        }
        throw new IllegalArgumentException("unknown format '" + name + "'; available: swift, llamafactory, easyr1, "
                + "jsonl");
    }

    /** The sample as one JSON line of this format (the switch covers every format: a new one must say its form). */
    public String line(Sample s) {
        ObjectNode n = switch (this) {
            case SWIFT -> swift(s);
            case LLAMAFACTORY -> llamaFactory(s);
            case EASYR1 -> easyR1(s);
            case JSONL -> jsonl(s);
        };
        try {
            return MAPPER.writeValueAsString(n);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode swift(Sample s) {
        ObjectNode n = MAPPER.createObjectNode();
        ArrayNode m = n.putArray("messages");
        m.addObject().put("role", "system").put("content", s.system());
        m.addObject().put("role", "user").put("content", s.user());
        m.addObject().put("role", "assistant").put("content", s.target());
        images(n, s);
        return n;
    }

    private static ObjectNode llamaFactory(Sample s) {
        ObjectNode n = MAPPER.createObjectNode();
        ArrayNode c = n.putArray("conversations");
        c.addObject().put("from", "human").put("value", s.user());
        c.addObject().put("from", "gpt").put("value", s.target());
        n.put("system", s.system());
        images(n, s);
        return n;
    }

    private static ObjectNode easyR1(Sample s) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("problem", s.system() + "\n\n" + s.user());
        n.put("answer", s.question().groundTruth()); // the reward scores against the truth
        images(n, s);
        n.put("question_type", s.question().type().code());
        ArrayNode o = n.putArray("options");
        s.question().options().forEach(o::add);
        objects(n, s.question().objects());
        ObjectNode p = n.putObject("params");
        s.question().params().forEach(p::put);
        n.put("gt_layout", s.gtLayout());
        return n;
    }

    private static ObjectNode jsonl(Sample s) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("id", s.id());
        n.put("split", s.split());
        n.put("frame_count", s.frameCount());
        ArrayNode fi = n.putArray("frame_indices");
        s.frameIndices().forEach(fi::add);
        images(n, s);
        n.put("text_only", s.textOnly());
        n.set("question", QuestionJson.toNode(s.question()));
        n.put("system", s.system());
        n.put("user", s.user());
        n.put("map", s.map());
        n.put("think", s.think());
        n.put("answer", s.answer());
        n.put("target", s.target());
        n.put("gt_layout", s.gtLayout());
        return n;
    }

    private static void images(ObjectNode n, Sample s) {
        ArrayNode a = n.putArray("images");
        s.images().forEach(a::add);
    }

    private static void objects(ObjectNode n, List<QuestionObject> objs) {
        ArrayNode a = n.putArray("objects");
        for (QuestionObject o : objs) {
            a.addObject().put("label", o.label()).put("role", o.role());
        }
    }
}
