package dev.v2l.dataset;

import dev.v2l.layout.Labels;
import dev.v2l.layout.Layout;
import dev.v2l.layout.Layouts;
import dev.v2l.layout.text.MapForm;
import dev.v2l.layout.MapFrame;
import dev.v2l.layout.text.MapParser;
import dev.v2l.layout.text.MapWriter;
import dev.v2l.metrics.GroundTruth;
import dev.v2l.metrics.VsiMetrics;
import dev.v2l.qa.GenerationStats;
import dev.v2l.qa.QaInput;
import dev.v2l.qa.Question;
import dev.v2l.qa.QuestionGenerator;
import dev.v2l.qa.QuestionType;
import dev.v2l.qa.Questions;
import dev.v2l.qa.Thresholds;
import dev.v2l.reason.Derivation;
import dev.v2l.reason.EngineContext;
import dev.v2l.scene.FloorCoverage;
import dev.v2l.scene.FrameSampling;
import dev.v2l.scene.Observation;
import dev.v2l.scene.Scene;
import dev.v2l.scene.SceneObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.IntFunction;

/**
 * Builds the samples of one scene at one frame count: chooses the frames, takes the true map of what they show (in
 * the first chosen frame's camera frame), draws questions about seen objects only, writes the map in the chosen
 * form, and computes think and answer from the map <em>as written</em>. A question whose answer changes at the
 * written precision is dropped and counted. Grid maps carry no metric coordinates: their samples are the same as
 * the v2lo ones and reason from the true layout.
 */
final class SampleBuilder {

    /**
     * What to build.
     *
     * @param benchmark benchmark items: the written map must give exactly the true answer, and counting asks the
     *                  room's count whatever the frames show; otherwise (training data) a number the written map gives
     *                  within {@link WrittenAnswers#TOLERANCE} of the truth is the target's answer, and counting is
     *                  asked only when the frames show every instance
     */
    record Settings(List<QuestionType> types, int perScene, MapForm form, String sampling, Thresholds thresholds,
            long seed, boolean benchmark) {
    }

    /** A scene's samples at one frame count, what was dropped and why, and the question statistics. */
    record Result(List<Sample> samples, Map<String, Integer> drops, GenerationStats stats,
            Map<QuestionType, Integer> drafted) {
    }

    private final Settings s;

    SampleBuilder(Settings settings) {
        this.s = settings;
    }

    /**
     * @param frames what the scene's walk-through shows and where its images are (no observation: text-only samples)
     * @param n      the frame count (ignored without an observation)
     */
    Result build(Scene scene, SceneFrames frames, int n, String split, QuestionGenerator.Finisher finisher) {
        return build(scene, frames, n, split, finisher, null);
    }

    /** As above; with {@code quota}, at most that many questions of each type instead of the per-scene mix. */
    Result build(Scene scene, SceneFrames frames, int n, String split, QuestionGenerator.Finisher finisher,
            Map<QuestionType, Integer> quota) {
        Observation obs = frames.observation();
        IntFunction<String> image = frames.imageDir() == null ? null : frames::image;
        Map<String, Integer> drops = new TreeMap<>();
        List<Integer> positions = new ArrayList<>();
        Layout observed;
        Map<String, Double> appearance = new LinkedHashMap<>();
        if (obs != null) {
            int total = obs.frames().size();
            SplittableRandom rnd = new SplittableRandom(s.seed() * 31 + scene.id().hashCode() * 17L + n);
            int[] idx = switch (s.sampling()) {
                case "uniform" -> FrameSampling.uniform(total, Math.min(n, total));
                case "random" -> FrameSampling.random(total, Math.min(n, total), rnd);
                case "keyframes" -> FrameSampling.keyframes(obs, Math.min(n, total));
                default -> throw new IllegalArgumentException("unknown sampling '" + s.sampling()
                        + "'; available: uniform, random, keyframes");
            };
            for (int i : idx) {
                positions.add(i);
            }
            observed = Layouts.fromObservation(scene, obs, positions, MapFrame.FIRST_CAMERA);
            for (int p : positions) {
                for (String id : obs.seenIn(List.of(p))) {
                    appearance.putIfAbsent(id, obs.frames().get(p).timeSeconds());
                }
            }
        } else {
            observed = Layouts.fromScene(scene, MapFrame.ROOM, scene.objects());
        }
        // Room size only when the chosen frames face every wall (text-only samples show the whole room).
        boolean roomInView = obs == null || frames.view() != null && FloorCoverage.coversRoom(scene,
                positions.stream().map(p -> obs.frames().get(p).pose()).toList(), frames.view());
        if (observed.isEmpty()) {
            drops.merge("nothing-seen", 1, Integer::sum);
            return new Result(List.of(), drops, new GenerationStats(), Map.of());
        }
        QuestionGenerator gen = new QuestionGenerator(s.types(), s.perScene(), s.seed() * 1_000_003L + n,
                s.thresholds());
        String prefix = scene.id() + "/f" + (obs == null ? 0 : n);
        QuestionGenerator.SceneDrafts all = gen.draft(new QaInput(scene, observed, appearance, s.benchmark(),
                roomInView));
        QuestionGenerator.SceneDrafts drafts = quota == null
                ? QuestionGenerator.limit(all, s.perScene(), prefix.hashCode()) : all.only(quota);
        List<Question> questions = finisher.finish(drafts, prefix);

        MapForm checkForm = s.form() == MapForm.GRID ? MapForm.V2LO : s.form();
        String checkText = MapWriter.write(observed, checkForm);
        Layout asWritten = MapParser.builder().form(checkForm).build().parse(checkText).layout();
        // The paper's map has no heights: where an answer needs one, the reasoning states the true heights.
        Layout withHeights = checkForm == MapForm.V2LO ? MapWriter.withHeights(asWritten, observed) : asWritten;
        Layout paperMap = s.benchmark() ? MapWriter.asWritten(observed, MapForm.V2LO) : null;
        String mapText = s.form() == checkForm ? checkText : MapWriter.write(observed, s.form());
        String gtLayout = MapWriter.writeExtended(observed);
        String sceneLayout = obs == null ? gtLayout : MapWriter.writeExtended(Layouts.fromScene(scene,
                obs.frames().get(positions.get(0)).pose(), scene.objects()));
        EngineContext ctx = new EngineContext(scene.room().area().isPresent() ? scene.room().area().getAsDouble()
                : null, labelAppearance(scene, appearance));
        boolean textOnly = obs == null || image == null;
        List<String> images = new ArrayList<>();
        if (!textOnly) {
            for (int p : positions) {
                images.add(image.apply(obs.frames().get(p).index()));
            }
        }
        List<Integer> frameIndices = new ArrayList<>();
        for (int p : positions) {
            frameIndices.add(obs.frames().get(p).index());
        }
        List<Sample> out = new ArrayList<>();
        for (Question q : questions) {
            Layout written = withHeights == asWritten || Questions.heightIndependent(q, observed, ctx) ? asWritten
                    : withHeights;
            Derivation d = Questions.derive(q, written, ctx);
            String answer = Questions.answerOf(q, d);
            if (answer == null) {
                drops.merge("engine-cannot-answer-from-written-map", 1, Integer::sum);
                continue;
            }
            // A benchmark's count is the room's, whatever the frames show: its truth is not the map's to give.
            boolean roomScoped = "room".equals(q.params().get("scope"));
            if (!roomScoped && !WrittenAnswers.acceptable(q.type(), answer, q.groundTruth(), s.benchmark())) {
                drops.merge("answer-changes-at-map-precision", 1, Integer::sum);
                continue;
            }
            // A benchmark asks no number that a perfect map in the paper's form (0.1 m) cannot resolve, where that
            // form can carry it at all (wall-aligned objects, no heights needed): one it scores under half on (a
            // 0.2 m gap read as 0.3 m).
            if (paperMap != null && q.type().answerKind().numeric() && !roomScoped
                    && Questions.representableInV2lo(q, observed, ctx) && paperMapScore(q, paperMap, ctx)
                            < PAPER_MAP_MIN_SCORE) {
                drops.merge("beyond-the-paper-map-precision", 1, Integer::sum);
                continue;
            }
            String ambiguous = roomScoped ? null : q.type().ambiguity(q, written, ctx, s.thresholds());
            if (ambiguous != null) {
                drops.merge(ambiguous, 1, Integer::sum);
                continue;
            }
            // A grid map carries no metric coordinates: its target reasons from the true layout.
            String think = s.form() == MapForm.GRID || roomScoped ? q.trace() : d.trace();
            if (s.form() == MapForm.GRID || roomScoped) {
                answer = q.groundTruth();
            }
            String system = Prompts.system(s.form(), textOnly);
            String user = Prompts.user(q, images.size(), textOnly ? mapText : null);
            out.add(new Sample(q.id(), split, obs == null ? 0 : positions.size(), frameIndices, images, textOnly, q,
                    system, user, mapText, think, answer, gtLayout, sceneLayout, ctx));
        }
        Map<QuestionType, Integer> drafted = QuestionType.newMap();
        questions.forEach(q -> drafted.merge(q.type(), 1, Integer::sum));
        return new Result(out, drops, drafts.stats(), drafted);
    }

    /** A benchmark's numbers a perfect v2lo map scores less on (VSI-Bench's MRA) are not asked. */
    static final double PAPER_MAP_MIN_SCORE = 0.5;

    private static double paperMapScore(Question q, Layout paperMap, EngineContext ctx) {
        String a = Questions.answerOf(q, Questions.derive(q, paperMap, ctx));
        return a == null ? 0 : VsiMetrics.score(q.type().code(), a, GroundTruth.of(q.groundTruth()), false).score();
    }

    private static Map<String, Double> labelAppearance(Scene scene, Map<String, Double> byInstance) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (Map.Entry<String, Double> e : byInstance.entrySet()) {
            SceneObject o = scene.object(e.getKey()).orElse(null);
            if (o != null) {
                out.merge(Labels.normalize(o.label()), e.getValue(), Math::min);
            }
        }
        return out;
    }
}
