package dev.v2l.reason;

import java.util.List;
import java.util.Objects;

/**
 * A spatial question in structured form: what the {@link SpatialEngine} computes. Objects are named by label (the
 * engine finds them in whatever map it is given); question wording and answer letters belong to the {@code qa}
 * package.
 */
public sealed interface Query {

    /** How many objects with this label. */
    record Count(String label) implements Query {
    }

    /**
     * Closest-point distance between two objects, metres: between prisms when both heights are known
     * ({@code allowHeights}) and between footprints otherwise.
     */
    record AbsDistance(String a, String b, boolean allowHeights, int decimals) implements Query {
    }

    /** Which of the choices is closest to the target, by closest points ({@code byCentres} false) or centres. */
    record RelDistance(String target, List<String> choices, boolean byCentres, boolean allowHeights)
            implements Query {
        public RelDistance {
            choices = List.copyOf(choices);
        }
    }

    /**
     * Object size: longest of length, width and height in centimetres (VSI), the longer floor side in metres (QVS),
     * or the height in metres.
     */
    record ObjectSize(String label, SizeMode mode, int decimals) implements Query {
    }

    enum SizeMode {
        /** Longest dimension (length, width or height), centimetres: VSI-Bench's object_size_estimation. */
        LONGEST_3D_CENTIMETRES,
        /** Maximum floor dimension (width or length), metres: QVS-Bench's object_size. */
        FLOOR_MAX_METRES,
        /** Height (top minus bottom of the vertical range), metres; needs heights in the map. */
        HEIGHT_METRES
    }

    /** Floor area of the room, square metres. */
    record RoomSize(int decimals) implements Query {
    }

    /** Standing by {@code standing}, facing {@code facing}: where is {@code query}. */
    record RelDirection(String standing, String facing, String query, DirectionGranularity granularity)
            implements Query {
    }

    enum DirectionGranularity {
        /** left / right. */
        EASY,
        /** left / right / back (back when turning at least 135° to face it). */
        MEDIUM,
        /** front-left / front-right / back-left / back-right. */
        HARD
    }

    /**
     * Video2Layout's direction questions: the direction of {@code c} from {@code d}, in a frame given either by the
     * vector a→b as forward ({@link FrameRule#VECTOR_FORWARD}), or by "b is directly to the left (right) of a".
     */
    record FrameDirection(String a, String b, String c, String d, FrameRule rule) implements Query {
    }

    enum FrameRule { VECTOR_FORWARD, B_LEFT_OF_A, B_RIGHT_OF_A }

    /**
     * A route: start at {@code start} facing {@code waypoints.get(0)}, go forward to each waypoint in turn; the
     * answer is the sequence of turns between legs.
     */
    record Route(String start, List<String> waypoints) implements Query {
        public Route {
            waypoints = List.copyOf(waypoints);
            if (waypoints.size() < 2) {
                throw new IllegalArgumentException("a route needs at least two waypoints (one turn)");
            }
        }
    }

    /** The order in which these categories first appear in the video. */
    record AppearanceOrder(List<String> labels) implements Query {
        public AppearanceOrder {
            labels = List.copyOf(labels);
            Objects.requireNonNull(labels);
        }
    }
}
