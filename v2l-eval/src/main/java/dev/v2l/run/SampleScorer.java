package dev.v2l.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.v2l.layout.Layout;
import dev.v2l.layout.text.MapDiagnostic;
import dev.v2l.layout.text.MapParseResult;
import dev.v2l.layout.text.MapParser;
import dev.v2l.layout.text.MapWriter;
import dev.v2l.metrics.GroundTruth;
import dev.v2l.metrics.MapMetrics;
import dev.v2l.metrics.MapScoresJson;
import dev.v2l.metrics.PyText;
import dev.v2l.metrics.V2loReward;
import dev.v2l.metrics.VsiMetrics;
import dev.v2l.model.ModelFailure;
import dev.v2l.model.ModelResponse;
import dev.v2l.qa.Question;
import dev.v2l.qa.Questions;
import dev.v2l.reason.Derivation;
import dev.v2l.reason.EngineContext;

/**
 * Scores one response and writes it as a sample record (docs/formats.md, "Evaluation results").
 *
 * <ul>
 *   <li><b>Answer</b>: taken from {@code <answer>} tags when present, else the whole response; scored exactly as
 *       VSI-Bench scores (exact match after its fuzzy matching for letters, MRA for numbers, unparseable → 0).
 *       "Correct" means score 1 for letters and MRA ≥ 0.5 (within 30 % of the truth) for numbers.</li>
 *   <li><b>Map</b>: the text inside {@code <map>} (to the end when it is not closed) parsed leniently, with its
 *       diagnostics; scored against the item's true map (per-label Hungarian matching at τ), as stated and after
 *       the best rigid alignment.</li>
 *   <li><b>Map-then-compute</b>: the engine answers the question from the model's own map, knowing nothing else
 *       (so appearance order cannot be recomputed, and room size is the area of the box around the map's objects).
 *       Flags: answer correct, own-map answer correct, answer consistent with the own map (same letter; numbers within 5 % or
 *       0.05); category: {@code correct}, {@code perception} (wrong, and the map implies a wrong answer),
 *       {@code reasoning} (wrong, though the map implies the right one), {@code no-map} (wrong, and no map the
 *       engine could answer from).</li>
 * </ul>
 */
public final class SampleScorer {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final MapParser PARSER = MapParser.lenient();

    private final double tau;

    public SampleScorer(double tau) {
        this.tau = tau;
    }

    /** The key results are resumed by. */
    public static String key(String itemId, String model, String prompt) {
        return itemId + "\u0000" + model + "\u0000" + prompt;
    }

    private static ObjectNode head(BenchItem item, String model, PromptKind prompt) {
        ObjectNode n = MAPPER.createObjectNode();
        Question q = item.question();
        n.put("item_id", item.id());
        n.put("item_hash", item.contentHash());
        n.put("model", model);
        n.put("prompt", prompt.code());
        n.put("scene_id", item.sceneId());
        n.put("dataset", item.dataset());
        String sourceType = q.params().get("source_type"); // bench import generic: the file's own task name
        n.put("question_type", sourceType != null ? sourceType : q.type().code());
        n.put("family", sourceType != null ? "other" : q.type().family().name().toLowerCase(java.util.Locale.ROOT));
        n.put("frame_count", item.frameCount());
        n.put("question", q.question());
        ArrayNode opts = n.putArray("options");
        q.options().forEach(opts::add);
        n.put("ground_truth", q.groundTruth());
        return n;
    }

    /** The record of a request that failed. */
    public ObjectNode failure(BenchItem item, String model, PromptKind prompt, ModelFailure f) {
        ObjectNode n = head(item, model, prompt);
        n.putNull("response");
        n.put("score", 0.0);
        n.put("correct", false);
        n.put("attempts", f.attempts());
        ObjectNode e = n.putObject("error");
        e.put("kind", f.kind().name().toLowerCase(java.util.Locale.ROOT));
        e.put("status", f.status());
        e.put("message", f.getMessage());
        return n;
    }

    /** The scored record of a response. */
    public ObjectNode score(BenchItem item, String model, PromptKind prompt, ModelResponse r) {
        ObjectNode n = head(item, model, prompt);
        Question q = item.question();
        String text = r.text();
        n.put("response", text);
        String cleaned = V2loReward.removeSpaceAroundTagCharacters(text);
        String tagged = V2loReward.extractAnswer(cleaned);
        String answer = tagged != null ? tagged : text; // as Answers.extract, without cleaning twice
        n.put("answer", answer);
        boolean mc = q.type().isMultipleChoice();
        VsiMetrics.SampleScore s = VsiMetrics.score(q.type().code(), answer, GroundTruth.of(q.groundTruth()), mc);
        n.put("score", s.score());
        n.put("metric", s.metric());
        boolean correct = correct(s);
        n.put("correct", correct);
        n.put("unparseable", s.unparseable() || PyText.strip(answer).isEmpty());
        n.put("format", V2loReward.formatReward(cleaned));

        String mapText = mapText(text);
        ObjectNode map = n.putObject("map");
        Layout pred = null;
        if (mapText == null) {
            map.put("present", false);
        } else {
            MapParseResult pr = PARSER.parse(mapText);
            pred = pr.layout();
            map.put("present", pred != null);
            map.put("objects", pred == null ? 0 : pred.size());
            map.put("repaired", pr.repaired());
            map.put("dropped", pr.dropped());
            ArrayNode diags = map.putArray("diagnostics");
            for (MapDiagnostic d : pr.diagnostics()) {
                diags.add(d.code());
            }
            if (pred != null) {
                map.put("layout", MapWriter.writeExtended(pred));
            }
            if (pred != null && item.gtLayout() != null) { // imported items without meta_info have no true map
                MapMetrics.Comparison c = MapMetrics.compare(pred, item.gtLayout(), tau);
                ObjectNode ms = n.putObject("map_scores");
                ms.set("stated", MapScoresJson.node(c.stated(), false));
                ms.set("aligned", MapScoresJson.node(c.aligned(), false));
            }
        }

        ObjectNode dec = n.putObject("decomposition");
        String mapAnswer = null;
        if (pred != null && !pred.isEmpty()) {
            // The same rule as the truth: room size from the room's floor area when the item knows it (the map's
            // objects alone only bound it); appearance order is not the map's to give.
            Derivation d = Questions.derive(q, pred, EngineContext.ofRoomArea(item.context()
                    .roomAreaSquareMetres()));
            mapAnswer = Questions.answerOf(q, d);
        }
        dec.put("answer_correct", correct);
        if (mapAnswer == null) {
            dec.putNull("map_answer");
            dec.put("category", correct ? "correct" : "no-map");
        } else {
            boolean mapCorrect = correct(VsiMetrics.score(q.type().code(), mapAnswer, GroundTruth.of(
                    q.groundTruth()), mc));
            dec.put("map_answer", mapAnswer);
            dec.put("map_answer_correct", mapCorrect);
            dec.put("consistent", consistent(answer, mapAnswer, mc));
            dec.put("category", correct ? "correct" : mapCorrect ? "reasoning" : "perception");
        }
        n.put("latency_ms", r.latencyMillis());
        n.put("prompt_tokens", r.promptTokens());
        n.put("completion_tokens", r.completionTokens());
        n.put("attempts", r.attempts());
        n.put("cached", r.cached());
        return n;
    }

    static boolean correct(VsiMetrics.SampleScore s) {
        return VsiMetrics.ACCURACY.equals(s.metric()) ? s.score() == 1 : s.score() >= 0.5 - 1e-12;
    }

    static boolean consistent(String answer, String mapAnswer, boolean mc) {
        if (mc) {
            return PyText.lower(VsiMetrics.fuzzyMatching(answer)).equals(PyText.lower(mapAnswer));
        }
        Double a = PyText.parseFloat(VsiMetrics.fuzzyMatching(answer));
        Double m = PyText.parseFloat(mapAnswer);
        if (a == null || m == null || a.isNaN() || m.isNaN()) {
            return false;
        }
        double diff = Math.abs(a - m);
        return diff <= 0.05 + 1e-9 || diff <= 0.05 * Math.abs(m) + 1e-9;
    }

    private static final java.util.regex.Pattern OPEN = java.util.regex.Pattern.compile("<\\s*map\\s*>");
    private static final java.util.regex.Pattern END = java.util.regex.Pattern.compile(
            "<\\s*/\\s*map\\s*>|<\\s*think\\s*>");

    /**
     * The map text, as the model wrote it: inside {@code <map>…</map>} (spaces inside the tags tolerated), or from
     * {@code <map>} to {@code <think>} or the end when it is not closed; null without a map tag.
     */
    static String mapText(String response) {
        if (response == null) {
            return null;
        }
        java.util.regex.Matcher o = OPEN.matcher(response);
        if (!o.find()) {
            return null;
        }
        java.util.regex.Matcher e = END.matcher(response);
        return response.substring(o.end(), e.find(o.end()) ? e.start() : response.length());
    }
}
