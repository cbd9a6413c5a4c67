package dev.v2l.run;

import dev.v2l.dataset.Prompts;
import dev.v2l.layout.text.MapForm;
import dev.v2l.layout.text.MapWriter;
import dev.v2l.model.ModelRequest;
import dev.v2l.qa.Question;
import dev.v2l.scene.CameraTrack;
import java.util.List;
import java.util.Locale;

/**
 * How a benchmark item is put to a model. Images always go first, then the text (as lmms-eval orders visuals).
 *
 * <ul>
 *   <li>{@code v2lo}: Video2Layout's way — the system prompt asks for the map, the computation and the answer in
 *       {@code <map>}, {@code <think>} and {@code <answer>} tags (the same prompt our training sets use); text-only
 *       items give the true map in the user turn.</li>
 *   <li>{@code vsi}: VSI-Bench's own prompt, exactly as {@code lmms_eval/tasks/vsibench/utils.py} builds it with
 *       the default kwargs: {@code "These are frames of a video."}, the question, and the numeric post-prompt, or
 *       the options and the multiple-choice post-prompt joined by newlines; no system prompt; 16 new tokens.</li>
 *   <li>{@code direct}: the question and options and a request for the answer alone.</li>
 * </ul>
 */
public enum PromptKind {
    V2LO("v2lo", 2048),
    VSI("vsi", 16),
    DIRECT("direct", 32);

    public static final String VSI_PRE_PROMPT = "These are frames of a video.";
    public static final String VSI_MCA_POST_PROMPT = "Answer with the option's letter from the given choices directly.";
    public static final String VSI_NA_POST_PROMPT = "Please answer the question using a single word or phrase.";

    private final String code;
    private final int defaultMaxTokens;

    PromptKind(String code, int defaultMaxTokens) {
        this.code = code;
        this.defaultMaxTokens = defaultMaxTokens;
    }

    public String code() {
        return code;
    }

    /** max_tokens when the user sets none (the reference's 16 for vsi). */
    public int defaultMaxTokens() {
        return defaultMaxTokens;
    }

    public static PromptKind byName(String s) {
        for (PromptKind k : values()) {
            if (k.code.equals(s.strip().toLowerCase(Locale.ROOT))) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown prompt '" + s + "'; available: v2lo, vsi, direct");
    }

    /**
     * The request body's extra fields for this prompt: {@code vsi} adds lmms-eval's {@code top_p: 1.0}
     * ({@code generation_kwargs} of the VSI-Bench task; its {@code temperature: 0} and {@code max_new_tokens: 16}
     * are the defaults of {@code --temperature} and {@code --max-tokens}) unless the user's JSON sets it.
     *
     * @param userExtra the user's {@code --extra-body} (a JSON object), or null
     */
    public String extraBody(String userExtra) {
        if (this != VSI) {
            return userExtra;
        }
        try {
            com.fasterxml.jackson.databind.ObjectMapper m = new com.fasterxml.jackson.databind.ObjectMapper();
            com.fasterxml.jackson.databind.JsonNode n = userExtra == null || userExtra.isBlank()
                    ? m.createObjectNode() : m.readTree(userExtra);
            if (!n.isObject()) {
                return userExtra; // the client reports a non-object
            }
            com.fasterxml.jackson.databind.node.ObjectNode o = (com.fasterxml.jackson.databind.node.ObjectNode) n;
            if (!o.has("top_p")) {
                o.put("top_p", 1.0);
            }
            return m.writeValueAsString(o);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return userExtra; // the client reports the bad JSON with its message
        }
    }

    /** The system prompt, or null. */
    public String system(BenchItem item) {
        return this == V2LO ? Prompts.system(MapForm.V2LO, item.textOnly()) : null;
    }

    /** The user text (images travel separately, before it). */
    public String user(BenchItem item) {
        Question q = item.question();
        return switch (this) {
            case V2LO -> Prompts.user(q, 0, item.textOnly() ? MapWriter.writeV2lo(item.gtLayout()) : null);
            case VSI -> vsi(q);
            case DIRECT -> q.question() + (q.options().isEmpty() ? "\nAnswer with a number only."
                    : "\nOptions:\n" + String.join("\n", q.options()) + "\nAnswer with the option's letter only.");
        };
    }

    /** {@code vsibench_doc_to_text} with the default kwargs; QVS types by their answer kind. */
    static String vsi(Question q) {
        if (!q.type().isMultipleChoice()) {
            return VSI_PRE_PROMPT + "\n" + q.question() + "\n" + VSI_NA_POST_PROMPT;
        }
        return String.join("\n", List.of(VSI_PRE_PROMPT, q.question(), "Options:\n" + String.join("\n",
                q.options()), VSI_MCA_POST_PROMPT));
    }

    /** The request for an item, with its images already read. */
    public ModelRequest request(BenchItem item, List<ModelRequest.Image> images, ModelRequest.Settings settings) {
        return request(item, images, settings, item.cameras());
    }

    /** As above, with the item's cameras as the model may open them (depth paths resolved), or null. */
    public ModelRequest request(BenchItem item, List<ModelRequest.Image> images, ModelRequest.Settings settings,
            CameraTrack cameras) {
        return new ModelRequest(system(item), user(item), images, settings, new ModelRequest.Hint(item.question(),
                item.gtLayout(), item.sceneLayout(), item.context(), this == V2LO, cameras));
    }
}
