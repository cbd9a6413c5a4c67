package dev.v2l.qa;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The question types, by the names VSI-Bench and Video2Layout's QVS-Bench use. {@link #byName} gives the helpful
 * error for a wrong name.
 */
public enum QuestionType {
    OBJECT_COUNTING("object_counting", Family.VSI, AnswerKind.INTEGER, "How many {label}(s) are in this room? (labels with 2+ instances)"),
    OBJECT_ABS_DISTANCE("object_abs_distance", Family.VSI, AnswerKind.NUMBER, "closest-point distance between two objects, metres, 1 decimal"),
    OBJECT_SIZE_ESTIMATION("object_size_estimation", Family.VSI, AnswerKind.INTEGER, "longest dimension (length, width or height) of an object, centimetres"),
    ROOM_SIZE_ESTIMATION("room_size_estimation", Family.VSI, AnswerKind.NUMBER, "floor area of the room, square metres, 1 decimal"),
    OBJECT_REL_DISTANCE("object_rel_distance", Family.VSI, AnswerKind.LETTER, "which of four objects is closest to a target (closest points)"),
    OBJECT_REL_DIRECTION_EASY("object_rel_direction_easy", Family.VSI, AnswerKind.LETTER, "standing by A facing B: is C to the left or right"),
    OBJECT_REL_DIRECTION_MEDIUM("object_rel_direction_medium", Family.VSI, AnswerKind.LETTER, "standing by A facing B: is C to my left, right or back (back from 135°)"),
    OBJECT_REL_DIRECTION_HARD("object_rel_direction_hard", Family.VSI, AnswerKind.LETTER, "standing by A facing B: is C front-left, front-right, back-left or back-right"),
    ROUTE_PLANNING("route_planning", Family.VSI, AnswerKind.LETTER, "fill the turns of a route through named landmarks"),
    OBJ_APPEARANCE_ORDER("obj_appearance_order", Family.VSI, AnswerKind.LETTER, "first-time appearance order of four categories in the video (needs frames)"),
    VERTICAL_DIRECTION("vertical_direction", Family.QVS, AnswerKind.LETTER, "taking a→b as forward, is c Left/Right-Front/Back of d"),
    HORIZONTAL_DIRECTION("horizontal_direction", Family.QVS, AnswerKind.LETTER, "if b is directly left (right) of a, is c Left/Right-Front/Back of d"),
    MIN_DISTANCE("min_distance", Family.QVS, AnswerKind.NUMBER, "distance between the closest points of two footprints, metres, 1 decimal"),
    OBJECT_SIZE("object_size", Family.QVS, AnswerKind.NUMBER, "maximum floor dimension (width or length) of an object, metres, 1 decimal"),
    NEAREST_CENTER("nearest_center", Family.QVS, AnswerKind.LETTER, "which of four objects has its centre nearest to a target's centre"),
    OBJECT_COUNT("object_count", Family.QVS, AnswerKind.INTEGER, "How many '{label}' objects are there in this scene?");

    /** Which benchmark the type belongs to. */
    public enum Family { VSI, QVS }

    /** How the answer is written and scored. */
    public enum AnswerKind {
        /** An option letter: exact match. */
        LETTER,
        /** A whole number: mean relative accuracy. */
        INTEGER,
        /** A decimal number: mean relative accuracy. */
        NUMBER;

        public boolean numeric() {
            return this != LETTER;
        }
    }

    private final String code;
    private final Family family;
    private final AnswerKind answerKind;
    private final String description;

    QuestionType(String code, Family family, AnswerKind answerKind, String description) {
        this.code = code;
        this.family = family;
        this.answerKind = answerKind;
        this.description = description;
    }

    public String code() {
        return code;
    }

    public Family family() {
        return family;
    }

    public AnswerKind answerKind() {
        return answerKind;
    }

    public String description() {
        return description;
    }

    public boolean isMultipleChoice() {
        return answerKind == AnswerKind.LETTER;
    }

    public static QuestionType byName(String name) {
        for (QuestionType t : values()) {
            if (t.code.equals(name.strip().toLowerCase(Locale.ROOT))) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown question type '" + name + "'; available: "
                + String.join(", ", Arrays.stream(values()).map(QuestionType::code).toList())
                + " (or all, vsi, qvs)");
    }

    /** Parses {@code all}, {@code vsi}, {@code qvs} or a comma-separated list of type names. */
    public static List<QuestionType> parseList(String spec) {
        List<QuestionType> out = new ArrayList<>();
        for (String part : spec.split(",")) {
            String p = part.strip().toLowerCase(Locale.ROOT);
            if (p.isEmpty()) {
                continue;
            }
            List<QuestionType> add = switch (p) {
                case "all" -> List.of(values());
                case "vsi" -> Arrays.stream(values()).filter(t -> t.family == Family.VSI).toList();
                case "qvs" -> Arrays.stream(values()).filter(t -> t.family == Family.QVS).toList();
                default -> List.of(byName(p));
            };
            for (QuestionType t : add) {
                if (!out.contains(t)) {
                    out.add(t);
                }
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("no question types given; use all, vsi, qvs or names");
        }
        return out;
    }
}
