package dev.v2l.qa;

import java.util.List;

/** VSI-Bench's {@code object_rel_distance}: closest of four by closest points, VSI-Bench's wording. */
final class ObjectRelDistance extends ClosestChoiceType {

    ObjectRelDistance() {
        super("object_rel_distance", Family.VSI, "which of four objects is closest to a target (closest points)",
                false);
    }

    @Override
    String wording(List<String> choices, String target) {
        return "Measuring from the closest point of each object, which of these objects (" + String.join(", ", choices)
                + ") is the closest to the " + target + "?";
    }

    @Override
    public double mixWeight() {
        return 1;
    }
}
