package dev.v2l.qa;

import dev.v2l.layout.Layout;
import dev.v2l.reason.Derivation;
import dev.v2l.reason.EngineContext;
import dev.v2l.reason.Query;
import dev.v2l.reason.SpatialEngine;
import java.util.List;
import java.util.Locale;

/** Asking the engine a generated question again, from any map: a ground-truth one or a model's own. */
public final class Questions {

    private Questions() {
    }

    /** The structured query behind a question. */
    public static Query query(Question q) {
        return switch (q.type()) {
            case OBJECT_COUNTING, OBJECT_COUNT -> new Query.Count(q.labels("target").get(0));
            case OBJECT_ABS_DISTANCE -> new Query.AbsDistance(q.label("a"), q.label("b"), true, 1);
            case MIN_DISTANCE -> new Query.AbsDistance(q.label("a"), q.label("b"), false, 1);
            case OBJECT_SIZE_ESTIMATION -> new Query.ObjectSize(q.label("target"),
                    Query.SizeMode.LONGEST_3D_CENTIMETRES, 0);
            case OBJECT_SIZE -> new Query.ObjectSize(q.label("target"), Query.SizeMode.FLOOR_MAX_METRES, 1);
            case ROOM_SIZE_ESTIMATION -> new Query.RoomSize(1);
            case OBJECT_REL_DISTANCE -> new Query.RelDistance(q.label("target"), q.optionContents(), false, true);
            case NEAREST_CENTER -> new Query.RelDistance(q.label("target"), q.optionContents(), true, true);
            case OBJECT_REL_DIRECTION_EASY -> direction(q, Query.DirectionGranularity.EASY);
            case OBJECT_REL_DIRECTION_MEDIUM -> direction(q, Query.DirectionGranularity.MEDIUM);
            case OBJECT_REL_DIRECTION_HARD -> direction(q, Query.DirectionGranularity.HARD);
            case VERTICAL_DIRECTION -> new Query.FrameDirection(q.label("a"), q.label("b"), q.label("c"),
                    q.label("d"), Query.FrameRule.VECTOR_FORWARD);
            case HORIZONTAL_DIRECTION -> new Query.FrameDirection(q.label("a"), q.label("b"), q.label("c"),
                    q.label("d"), "left".equals(q.params().get("side")) ? Query.FrameRule.B_LEFT_OF_A
                            : Query.FrameRule.B_RIGHT_OF_A);
            case ROUTE_PLANNING -> new Query.Route(q.label("start"), q.labels("waypoint"));
            case OBJ_APPEARANCE_ORDER -> new Query.AppearanceOrder(q.labels("choice"));
        };
    }

    private static Query direction(Question q, Query.DirectionGranularity g) {
        return new Query.RelDirection(q.label("standing"), q.label("facing"), q.label("query"), g);
    }

    /** The engine's derivation of a question from a map. */
    public static Derivation derive(Question q, Layout layout, EngineContext context) {
        Query query;
        try {
            query = query(q);
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) { // an imported question without its objects
            return Derivation.failed("the question does not name the objects its type needs (" + e.getMessage()
                    + ")", "");
        }
        return SpatialEngine.answer(query, layout, context);
    }

    /**
     * The answer as the question expects it: the option letter whose content the derivation gives (null when none
     * does), or the number as text for open questions.
     */
    public static String answerOf(Question q, Derivation d) {
        if (!d.ok()) {
            return null;
        }
        if (!q.type().isMultipleChoice()) {
            return d.answer();
        }
        List<String> contents = q.optionContents();
        for (int i = 0; i < contents.size(); i++) {
            if (contents.get(i).toLowerCase(Locale.ROOT).equals(d.answer().toLowerCase(Locale.ROOT))) {
                return String.valueOf((char) ('A' + i));
            }
        }
        return null;
    }
}
