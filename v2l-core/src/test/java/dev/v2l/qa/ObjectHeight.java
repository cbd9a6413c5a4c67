package dev.v2l.qa;

import dev.v2l.layout.text.Decimals;
import dev.v2l.reason.Query;

/**
 * The worked example of docs/architecture.md ("Adding a question type"): a whole new type in one file. Registering
 * it is one more line in {@link QuestionTypes}; {@link WorkedExampleTest} drives it through every consumer without
 * registering it.
 */
final class ObjectHeight extends ObjectSizeType {

    ObjectHeight() {
        super("object_height", Family.QVS, AnswerKind.NUMBER, "height of an object, metres, 1 decimal (needs heights)",
                Query.SizeMode.HEIGHT_METRES, 1);
    }

    @Override
    String wording(String label) {
        return "How tall is the " + label + " (in meters)?";
    }

    @Override
    public String blindAnswer(Question q, LabelPriors priors) {
        return Decimals.format(priors.of(q.label("target")).height(), 1);
    }

    @Override
    public double[] plausibleRange() {
        return new double[] {0.1, 2.5};
    }

    /** Not part of the paper's QVS mix: asked when named (or with {@code all}). */
    @Override
    public double mixWeight() {
        return 0;
    }
}
