package dev.v2l.qa;

import dev.v2l.reason.Query;
import java.util.List;

/** VSI-Bench's {@code object_rel_direction_easy}: left or right, VSI-Bench's wording. */
final class ObjectRelDirectionEasy extends RelDirectionType {

    ObjectRelDirectionEasy() {
        super("object_rel_direction_easy", "standing by A facing B: is C to the left or right",
                Query.DirectionGranularity.EASY, List.of("left", "right"));
    }

    @Override
    String wording(String s, String f, String q) {
        return prefix(s, f, q) + " to the left or the right of the " + f + "?";
    }

    @Override
    double boundaryMargin(double a) {
        return Math.min(a, 180 - a);
    }
}
