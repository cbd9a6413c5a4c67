package dev.v2l.model;

import dev.v2l.dataset.Prompts;
import dev.v2l.layout.text.Decimals;
import dev.v2l.layout.Layout;
import dev.v2l.layout.text.MapWriter;
import dev.v2l.qa.LabelPriors;
import dev.v2l.qa.Question;
import dev.v2l.qa.QuestionType;
import dev.v2l.qa.Questions;
import dev.v2l.reason.Derivation;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The models that need no server. They read the request's {@link ModelRequest.Hint} (the benchmark item) and never
 * its images; they fail with a client error on requests without one.
 *
 * <ul>
 *   <li>{@code oracle}: writes the true map of the sample's frames (extended form, so the map it writes implies
 *       exactly its answer) and answers with the engine from it — the upper bound; its answer accuracy must be
 *       100 % on every type, or the benchmark or the scorer is wrong.</li>
 *   <li>{@code scene-oracle}: the same from the true map of the whole scene in the same frame — what full
 *       observation would give (it can differ where the frames show only part of the room).</li>
 *   <li>{@code blind}: sees nothing; answers what each question type's {@link QuestionType#blindAnswer} says (label
 *       priors for sizes, typical distances, counts and room areas; for multiple choice the option whose object
 *       is largest for distance questions, else the first option).</li>
 *   <li>{@code random}: a seeded guess — a uniform option, or a number log-uniform over a plausible range.</li>
 * </ul>
 */
public final class BuiltinModels {

    private BuiltinModels() {
    }

    static ModelRequest.Hint hint(ModelRequest r, String model) throws ModelFailure {
        if (r.hint() == null || r.hint().question() == null) {
            throw new ModelFailure(ModelFailure.Kind.CLIENT_ERROR, 0, model + " answers benchmark items only (the "
                    + "request carries no item)", -1);
        }
        return r.hint();
    }

    static String reply(ModelRequest.Hint h, String map, String think, String answer) {
        return h.tagged() ? Prompts.target(map, think, answer) : answer;
    }

    /** The oracle (from the frames' true map) or the scene oracle (from the whole scene's). */
    public static VisionLanguageModel oracle(boolean wholeScene) {
        String name = wholeScene ? "scene-oracle" : "oracle";
        return VisionLanguageModel.of(name, r -> {
            long t0 = System.nanoTime();
            ModelRequest.Hint h = hint(r, name);
            Layout map = wholeScene && h.sceneMap() != null ? h.sceneMap() : h.frameMap();
            Question q = h.question();
            Derivation d = Questions.derive(q, map, h.context());
            String answer = Questions.answerOf(q, d);
            String think = d.ok() ? d.trace() : "The map does not answer this: " + d.failure() + ".";
            // The extended form (corners, 2 decimals) carries the truth whole: the map the oracle writes implies
            // exactly its answer, where v2lo's axis-aligned boxes at 1 decimal would not for rotated objects.
            return ModelResponse.local(reply(h, MapWriter.writeExtended(map), think, answer == null ? "" : answer),
                    (System.nanoTime() - t0) / 1_000_000);
        });
    }

    /** The blind model. */
    public static VisionLanguageModel blind() {
        return VisionLanguageModel.of("blind", r -> {
            ModelRequest.Hint h = hint(r, "blind");
            String answer = blindAnswer(h.question());
            return ModelResponse.local(reply(h, MapWriter.LEAD_IN + "[]", "Without looking at the frames, "
                    + "I answer from what is typical for these objects.", answer), 0);
        });
    }

    /** The blind answer: the question type's own prior ({@link QuestionType#blindAnswer}). */
    static String blindAnswer(Question q) {
        return q.type().blindAnswer(q, LabelPriors.standard());
    }

    /** The random model with its seed. */
    public static VisionLanguageModel random(long seed) {
        String name = seed == 0 ? "random" : "random:" + seed;
        return VisionLanguageModel.of(name, r -> {
            ModelRequest.Hint h = hint(r, name);
            Question q = h.question();
            SplittableRandom rnd = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + q.id().hashCode());
            String answer;
            if (q.type().isMultipleChoice()) {
                answer = letter(rnd.nextInt(Math.max(1, q.options().size())));
            } else {
                double[] range = range(q.type());
                double v = Math.exp(Math.log(range[0]) + rnd.nextDouble() * (Math.log(range[1])
                        - Math.log(range[0])));
                answer = q.type().answerKind() == QuestionType.AnswerKind.INTEGER ? Long.toString(Math.round(v))
                        : Decimals.format(v, 1);
            }
            return ModelResponse.local(reply(h, MapWriter.LEAD_IN + "[]", "A guess.", answer), 0);
        });
    }

    private static double[] range(QuestionType t) {
        double[] r = t.plausibleRange();
        if (r == null || r.length != 2 || !(r[0] > 0) || !(r[1] >= r[0])) {
            throw new IllegalStateException("question type " + t.code() + " has no plausible range for numeric "
                    + "answers");
        }
        return r;
    }

    static String letter(int i) {
        return String.valueOf((char) ('A' + i)).toUpperCase(Locale.ROOT);
    }
}
