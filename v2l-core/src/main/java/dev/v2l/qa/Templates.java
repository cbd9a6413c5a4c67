package dev.v2l.qa;

import java.util.List;

/** Question wording: VSI-Bench's templates verbatim, and QVS-Bench's from the Video2Layout paper. */
final class Templates {

    private Templates() {
    }

    static String counting(String label) {
        return "How many " + label + "(s) are in this room?";
    }

    static String absDistance(String a, String b) {
        return "Measuring from the closest point of each object, what is the direct distance between the " + a
                + " and the " + b + " (in meters)?";
    }

    static String sizeEstimation(String label) {
        return "What is the length of the longest dimension (length, width, or height) of the " + label
                + ", measured in centimeters?";
    }

    static String roomSize() {
        return "What is the size of this room (in square meters)? If multiple rooms are shown, estimate the size of"
                + " the combined space.";
    }

    static String relDistance(List<String> choices, String target) {
        return "Measuring from the closest point of each object, which of these objects (" + String.join(", ", choices)
                + ") is the closest to the " + target + "?";
    }

    static String relDirectionEasy(String s, String f, String q) {
        return "If I am standing by the " + s + " and facing the " + f + ", is the " + q
                + " to the left or the right of the " + f + "?";
    }

    static String relDirectionMedium(String s, String f, String q) {
        return "If I am standing by the " + s + " and facing the " + f + ", is the " + q
                + " to my left, right, or back?\nAn object is to my back if I would have to turn at least 135 degrees"
                + " in order to face it.";
    }

    static String relDirectionHard(String s, String f, String q) {
        return "If I am standing by the " + s + " and facing the " + f + ", is the " + q
                + " to my front-left, front-right, back-left, or back-right?\nThe directions refer to the quadrants of"
                + " a Cartesian plane (if I am standing at the origin and facing along the positive y-axis).";
    }

    static String route(String start, List<String> waypoints) {
        StringBuilder sb = new StringBuilder("You are a robot beginning at the ").append(start).append(" facing the ")
                .append(waypoints.get(0)).append(". You want to navigate to the ")
                .append(waypoints.get(waypoints.size() - 1)).append(". You will perform the following actions (Note:"
                        + " for each [please fill in], choose either 'turn back,' 'turn left,' or 'turn right.'): ");
        int step = 1;
        for (int i = 0; i < waypoints.size(); i++) {
            if (i > 0) {
                sb.append(step++).append(". [please fill in] ");
            }
            sb.append(step++).append(". Go forward until the ").append(waypoints.get(i)).append(". ");
        }
        return sb.append("You have reached the final destination.").toString();
    }

    static String appearanceOrder(List<String> labels) {
        return "What will be the first-time appearance order of the following categories in the video: "
                + String.join(", ", labels) + "?";
    }

    static String verticalDirection(String a, String b, String c, String d) {
        return "Considering the vector from " + a + " to " + b + " as the forward direction, how is " + c
                + " positioned relative to " + d + "?";
    }

    static String horizontalDirection(String a, String b, String side, String c, String d) {
        return "If " + b + " is directly to the " + side + " of " + a + ", what is the direction of " + c + " from "
                + d + "?";
    }

    static String minDistance(String a, String b) {
        return "What is the distance between the closest points of " + a + " and " + b + " (in meters)?";
    }

    static String objectSize(String a) {
        return "What is the maximum floor dimension (width or length) of " + a + " (in meters)?";
    }

    static String nearestCenter(List<String> choices, String target) {
        return "Which of these objects (" + String.join(", ", choices) + ") has its center nearest to the center of "
                + target + "?";
    }

    static String objectCount(String label) {
        return "How many '" + label + "' objects are there in this scene?";
    }
}
