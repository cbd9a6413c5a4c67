package dev.v2l.qa;

import dev.v2l.reason.Query;

/**
 * QVS-Bench's {@code vertical_direction}: the vector a→b is forward. Wording verbatim from the QVS-Bench task table
 * of the Video2Layout paper (its repository's {@code figs/benchmark.png}).
 */
final class VerticalDirection extends FrameDirectionType {

    VerticalDirection() {
        super("vertical_direction", "taking a→b as forward, is c Left/Right-Front/Back of d");
    }

    @Override
    Query.FrameRule chooseRule(Drafting d) {
        return Query.FrameRule.VECTOR_FORWARD;
    }

    @Override
    Query.FrameRule ruleOf(Question q) {
        return Query.FrameRule.VECTOR_FORWARD;
    }

    @Override
    String wording(String a, String b, Query.FrameRule rule, String c, String d) {
        return "Considering the vector from " + a + " to " + b + " as the 'forward/backward' direction, how is the " + c
                + " positioned relative to the " + d + "?";
    }

    @Override
    public double mixWeight() {
        return 0.25;
    }
}
