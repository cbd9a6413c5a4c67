package dev.v2l.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.v2l.dataset.AnswerStats;
import dev.v2l.dataset.WrittenAnswers;
import dev.v2l.layout.Labels;
import dev.v2l.layout.Layout;
import dev.v2l.layout.LayoutObject;
import dev.v2l.layout.text.MapForm;
import dev.v2l.layout.text.MapWriter;
import dev.v2l.metrics.GroundTruth;
import dev.v2l.metrics.VsiMetrics;
import dev.v2l.qa.Question;
import dev.v2l.qa.QuestionObject;
import dev.v2l.qa.QuestionType;
import dev.v2l.qa.Questions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code v2l bench check}: what a reviewer asks of a benchmark before trusting it, per question type:
 *
 * <ul>
 *   <li>the score of a <em>perfect v2lo map</em>: each item's true map written as Video2Layout's map (axis-aligned
 *       boxes, one decimal, sides keeping their rounded lengths), read back and answered by the engine — over all
 *       items and over the items that form can represent ({@link Questions#representableInV2lo}: every object named
 *       wall-aligned, footprint within 1° of the map's axes, and an answer that needs no height). Rule: ≥ 95 on
 *       every numeric type over representable items;</li>
 *   <li>(the representable and kept figures leave out room counts whose frames miss instances: a benchmark asks
 *       the room's count whatever the frames show, so no map of those frames gives those; the score over all items
 *       keeps them);</li>
 *   <li>candidates kept: the share of items that v2lo map, with the true heights its reasoning states, answers
 *       acceptably for a training target ({@link WrittenAnswers}: letters exactly, numbers within 10 %; what
 *       {@code dataset build --map-form v2lo} keeps), and the benchmark builder's own drafts kept (from
 *       {@code stats.json}). Rule: ≥ 80 % of each numeric type;</li>
 *   <li>the answer distribution, the best constant answer's score and the {@code blind} priors' score, with the
 *       balance rules of {@link AnswerStats}.</li>
 * </ul>
 */
public final class BenchCheck {

    public static final double MIN_PERFECT_SCORE = 0.95;
    public static final double MIN_KEPT = 0.80;

    /** One type's figures (fractions in [0, 1]; NaN when there is nothing to measure). */
    public record TypeCheck(QuestionType type, int items, double perfectV2lo, int representable,
            double perfectV2loRepresentable, double keptByV2lo, double keptByBuilder) {
    }

    /** The whole check. */
    public record Report(List<TypeCheck> types, AnswerStats answers, List<String> violations) {

        public boolean ok() {
            return violations.isEmpty();
        }
    }

    private BenchCheck() {
    }

    public static Report check(Path bench) throws IOException {
        List<BenchItem> items = BenchItems.read(bench);
        Map<String, double[]> builder = builderKept(BenchItems.file(bench).toAbsolutePath().resolveSibling(
                "stats.json"));
        Map<QuestionType, List<BenchItem>> byType = QuestionType.newMap();
        AnswerStats answers = new AnswerStats();
        for (BenchItem it : items) {
            byType.computeIfAbsent(it.question().type(), k -> new ArrayList<>()).add(it);
            answers.add(it.question());
        }
        List<TypeCheck> out = new ArrayList<>();
        List<String> violations = new ArrayList<>();
        for (Map.Entry<QuestionType, List<BenchItem>> e : byType.entrySet()) {
            QuestionType t = e.getKey();
            double all = 0;
            double aligned = 0;
            int nAll = 0;
            int nAligned = 0;
            int kept = 0;
            int keptOf = 0;
            for (BenchItem it : e.getValue()) {
                if (it.gtLayout() == null) {
                    continue;
                }
                Question q = it.question();
                Layout v2lo = MapWriter.asWritten(it.gtLayout(), MapForm.V2LO);
                String a = Questions.answerOf(q, Questions.derive(q, v2lo, it.context()));
                // what dataset build keeps: the written map, with the true heights its reasoning states
                String withHeights = Questions.answerOf(q, Questions.derive(q,
                        MapWriter.withHeights(v2lo, it.gtLayout()), it.context()));
                double s = a == null ? 0 : VsiMetrics.score(t.code(), a, GroundTruth.of(q.groundTruth()),
                        t.isMultipleChoice()).score();
                all += s;
                nAll++;
                if (!framesShowEveryInstance(q, it.gtLayout())) {
                    continue; // a room count the frames do not show: no map of them can give it (kept nowhere)
                }
                keptOf++;
                kept += WrittenAnswers.acceptable(t, withHeights, q.groundTruth(), false) ? 1 : 0;
                if (Questions.representableInV2lo(q, it.gtLayout(), it.context())) {
                    aligned += s;
                    nAligned++;
                }
            }
            double[] b = builder.get(t.code());
            TypeCheck c = new TypeCheck(t, e.getValue().size(), nAll == 0 ? Double.NaN : all / nAll, nAligned,
                    nAligned == 0 ? Double.NaN : aligned / nAligned, keptOf == 0 ? Double.NaN : kept / (double) keptOf,
                    b == null || b[0] == 0 ? Double.NaN : b[1] / b[0]);
            out.add(c);
            if (t.answerKind().numeric() && nAligned >= AnswerStats.MIN_ITEMS
                    && c.perfectV2loRepresentable() < MIN_PERFECT_SCORE) {
                violations.add(String.format(Locale.ROOT, "%s: a perfect v2lo map scores %.1f over the items it "
                        + "can represent (at least %.0f)", t.code(), 100 * c.perfectV2loRepresentable(),
                        100 * MIN_PERFECT_SCORE));
            }
            if (t.answerKind().numeric() && keptOf >= AnswerStats.MIN_ITEMS && c.keptByV2lo() < MIN_KEPT) {
                violations.add(String.format(Locale.ROOT, "%s: a v2lo map keeps %.0f %% of the items (at least "
                        + "%.0f %%)", t.code(), 100 * c.keptByV2lo(), 100 * MIN_KEPT));
            }
        }
        violations.addAll(answers.violations());
        return new Report(out, answers, violations);
    }

    /**
     * Whether the map of the item's frames shows what the question asks about: always, except a benchmark's room
     * count ({@code "scope": "room"}) of which the frames miss instances (its answer rises with the frames by design).
     */
    static boolean framesShowEveryInstance(Question q, Layout map) {
        if (!"room".equals(q.params().get("scope")) || q.objects().isEmpty()) {
            return true;
        }
        String label = q.objects().get(0).label();
        long onMap = map.objects().stream().filter(m -> Labels.matches(m.label(), label)).count();
        return Long.toString(onMap).equals(q.groundTruth());
    }

    /** Per type, [drafts, kept] of the benchmark builder, from its stats.json (empty when absent). */
    private static Map<String, double[]> builderKept(Path stats) throws IOException {
        Map<String, double[]> m = new java.util.TreeMap<>();
        if (!Files.isRegularFile(stats)) {
            return m;
        }
        JsonNode root = new ObjectMapper().readTree(stats.toFile());
        root.path("candidates").fields().forEachRemaining(e -> m.put(e.getKey(), new double[] {
            e.getValue().path("drafted").asDouble(), e.getValue().path("kept").asDouble()}));
        return m;
    }

    /** The report as a table. */
    public static String table(Report r) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-28s %6s %9s %15s %9s %9s%n", "type",
                "items", "v2lo map", "representable", "v2lo kept", "built"));
        for (TypeCheck c : r.types()) {
            sb.append(String.format(Locale.ROOT, "%-28s %6d %9s %10s (%3d) %9s %9s%n", c.type().code(), c.items(),
                    pct(c.perfectV2lo()), pct(c.perfectV2loRepresentable()), c.representable(), pct(c.keptByV2lo()),
                    pct(c.keptByBuilder())));
        }
        sb.append('\n').append(r.answers().markdown());
        sb.append('\n').append(r.ok() ? "All rules hold." : "Broken rules:\n  " + String.join("\n  ",
                r.violations())).append('\n');
        return sb.toString();
    }

    private static String pct(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.1f", 100 * v);
    }

    public static ObjectNode json(Report r, ObjectMapper m) {
        ObjectNode root = m.createObjectNode();
        ObjectNode types = root.putObject("types");
        for (TypeCheck c : r.types()) {
            ObjectNode n = types.putObject(c.type().code());
            n.put("items", c.items());
            put(n, "perfect_v2lo_score", c.perfectV2lo());
            n.put("representable_items", c.representable());
            put(n, "perfect_v2lo_score_representable", c.perfectV2loRepresentable());
            put(n, "kept_by_v2lo", c.keptByV2lo());
            put(n, "kept_by_builder", c.keptByBuilder());
        }
        root.set("answers", r.answers().toJson(m));
        root.set("violations", m.valueToTree(r.violations()));
        root.put("ok", r.ok());
        return root;
    }

    private static void put(ObjectNode n, String k, double v) {
        if (Double.isNaN(v)) {
            n.putNull(k);
        } else {
            n.put(k, Math.round(v * 1000) / 10.0);
        }
    }
}
