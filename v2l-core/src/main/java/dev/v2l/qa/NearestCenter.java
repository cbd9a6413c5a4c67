package dev.v2l.qa;

import java.util.List;

/** QVS-Bench's {@code nearest_center}: closest of four by centres. */
final class NearestCenter extends ClosestChoiceType {

    NearestCenter() {
        super("nearest_center", Family.QVS, "which of four objects has its centre nearest to a target's centre",
                true);
    }

    @Override
    String wording(List<String> choices, String target) {
        return "Which of these objects (" + String.join(", ", choices) + ") has its center nearest to the center of "
                + target + "?";
    }

    @Override
    public double mixWeight() {
        return 0.125;
    }
}
