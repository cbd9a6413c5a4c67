package dev.v2l.qa;

import dev.v2l.reason.Directions;
import dev.v2l.reason.Query;
import java.util.List;

/** VSI-Bench's {@code object_rel_direction_medium}: left, right or back (back from 135°), VSI-Bench's wording. */
final class ObjectRelDirectionMedium extends RelDirectionType {

    ObjectRelDirectionMedium() {
        super("object_rel_direction_medium", "standing by A facing B: is C to my left, right or back (back from 135°)",
                Query.DirectionGranularity.MEDIUM, List.of("left", "right", "back"));
    }

    @Override
    String wording(String s, String f, String q) {
        return prefix(s, f, q) + " to my left, right, or back?\nAn object is to my back if I would have to turn at"
                + " least 135 degrees in order to face it.";
    }

    @Override
    double boundaryMargin(double a) {
        return Math.min(a, Math.abs(a - Directions.BACK_DEGREES));
    }
}
