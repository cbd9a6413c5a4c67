package dev.v2l.qa;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The registry: every question type, one line each, in the order they are listed, drafted and reported (VSI-Bench's
 * types in its own order, then QVS-Bench's). Adding a type is one new file and one line here.
 */
public final class QuestionTypes {

    private static final List<QuestionType> ALL = new ArrayList<>();

    public static final QuestionType OBJECT_COUNTING = register(new ObjectCounting());
    public static final QuestionType OBJECT_ABS_DISTANCE = register(new ObjectAbsDistance());
    public static final QuestionType OBJECT_SIZE_ESTIMATION = register(new ObjectSizeEstimation());
    public static final QuestionType ROOM_SIZE_ESTIMATION = register(new RoomSizeEstimation());
    public static final QuestionType OBJECT_REL_DISTANCE = register(new ObjectRelDistance());
    public static final QuestionType OBJECT_REL_DIRECTION_EASY = register(new ObjectRelDirectionEasy());
    public static final QuestionType OBJECT_REL_DIRECTION_MEDIUM = register(new ObjectRelDirectionMedium());
    public static final QuestionType OBJECT_REL_DIRECTION_HARD = register(new ObjectRelDirectionHard());
    public static final QuestionType ROUTE_PLANNING = register(new RoutePlanning());
    public static final QuestionType OBJ_APPEARANCE_ORDER = register(new ObjAppearanceOrder());
    public static final QuestionType VERTICAL_DIRECTION = register(new VerticalDirection());
    public static final QuestionType HORIZONTAL_DIRECTION = register(new HorizontalDirection());
    public static final QuestionType MIN_DISTANCE = register(new MinDistance());
    public static final QuestionType OBJECT_SIZE = register(new ObjectSize());
    public static final QuestionType NEAREST_CENTER = register(new NearestCenter());
    public static final QuestionType OBJECT_COUNT = register(new ObjectCount());

    private static final List<QuestionType> VIEW = Collections.unmodifiableList(ALL);

    private QuestionTypes() {
    }

    private static QuestionType register(QuestionType t) {
        for (QuestionType other : ALL) {
            if (other.code().equals(t.code())) {
                throw new IllegalStateException("question type '" + t.code() + "' is registered twice");
            }
        }
        ALL.add(t);
        return t;
    }

    /** Every type, in registration order. */
    public static List<QuestionType> all() {
        return VIEW;
    }
}
