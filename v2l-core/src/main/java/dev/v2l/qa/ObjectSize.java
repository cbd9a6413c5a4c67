package dev.v2l.qa;

import dev.v2l.layout.text.Decimals;
import dev.v2l.reason.Query;

/**
 * QVS-Bench's {@code object_size}: the longer floor side, metres, one decimal. Wording verbatim from the paper's
 * QVS-Bench task table.
 */
final class ObjectSize extends ObjectSizeType {

    ObjectSize() {
        super("object_size", Family.QVS, AnswerKind.NUMBER,
                "maximum floor dimension (width or length) of an object, metres, 1 decimal",
                Query.SizeMode.FLOOR_MAX_METRES, 1);
    }

    @Override
    String wording(String label) {
        return "What is the maximum dimension (either width or length) of the " + label + " in meters?";
    }

    @Override
    public String blindAnswer(Question q, LabelPriors priors) {
        return Decimals.format(priors.of(q.label("target")).floorMax(), 1);
    }

    @Override
    public double[] plausibleRange() {
        return new double[] {0.2, 2.5};
    }

    @Override
    public double mixWeight() {
        return 0.125;
    }
}
