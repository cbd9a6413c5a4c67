package dev.v2l.qa;

import dev.v2l.reason.Query;
import java.util.List;

/** VSI-Bench's {@code object_rel_direction_hard}: the quadrant, VSI-Bench's wording. */
final class ObjectRelDirectionHard extends RelDirectionType {

    ObjectRelDirectionHard() {
        super("object_rel_direction_hard", "standing by A facing B: is C front-left, front-right, back-left or "
                + "back-right", Query.DirectionGranularity.HARD,
                List.of("front-left", "front-right", "back-left", "back-right"));
    }

    @Override
    String wording(String s, String f, String q) {
        return prefix(s, f, q) + " to my front-left, front-right, back-left, or back-right?\nThe directions refer to"
                + " the quadrants of a Cartesian plane (if I am standing at the origin and facing along the positive"
                + " y-axis).";
    }

    @Override
    double boundaryMargin(double a) {
        return Drafting.quadrantMargin(a);
    }
}
