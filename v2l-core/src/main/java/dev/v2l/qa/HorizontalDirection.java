package dev.v2l.qa;

import dev.v2l.reason.Query;

/**
 * QVS-Bench's {@code horizontal_direction}: "b is directly to the left (right) of a"; the side is drawn. Wording from
 * the paper's QVS-Bench task table, which writes "to the left/right of": we write the side the question means
 * (with both words the frame's front and back would be undetermined).
 */
final class HorizontalDirection extends FrameDirectionType {

    HorizontalDirection() {
        super("horizontal_direction", "if b is directly left (right) of a, is c Left/Right-Front/Back of d");
    }

    @Override
    Query.FrameRule chooseRule(Drafting d) {
        return d.rnd.nextBoolean() ? Query.FrameRule.B_LEFT_OF_A : Query.FrameRule.B_RIGHT_OF_A;
    }

    @Override
    Query.FrameRule ruleOf(Question q) {
        return "left".equals(q.params().get("side")) ? Query.FrameRule.B_LEFT_OF_A : Query.FrameRule.B_RIGHT_OF_A;
    }

    @Override
    String wording(String a, String b, Query.FrameRule rule, String c, String d) {
        String side = rule == Query.FrameRule.B_LEFT_OF_A ? "left" : "right";
        return "If the " + b + " is directly to the " + side + " of the " + a + ", what is the direction of the " + c
                + " from the " + d + "?";
    }

    @Override
    public double mixWeight() {
        return 0.25;
    }
}
