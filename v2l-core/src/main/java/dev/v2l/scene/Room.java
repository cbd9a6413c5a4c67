package dev.v2l.scene;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.OptionalDouble;

/**
 * The floor of a scene: zero or more polygon regions and/or a stated floor area, and the number of instances per
 * label the source states when it curates them apart from its boxes.
 *
 * <p>Sources differ: VSI-Bench meta_info states only the area ({@code room_size}) and curated counts
 * ({@code object_counts}); ProcTHOR gives room polygons; an AI2-THOR dump gives the Floor object's extent.
 * {@link #area()} prefers the stated area, then the sum of the regions, and is empty when neither is known.
 *
 * @param statedCounts instances per label as the source states them (empty when it does not)
 */
public record Room(Double statedAreaSquareMetres, List<RoomRegion> regions, Map<String, Integer> statedCounts) {

    public static final Room UNKNOWN = new Room(null, List.of());

    public Room(Double statedAreaSquareMetres, List<RoomRegion> regions) {
        this(statedAreaSquareMetres, regions, Map.of());
    }

    public Room {
        regions = List.copyOf(regions);
        statedCounts = statedCounts == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(statedCounts));
        if (statedAreaSquareMetres != null
                && (!(statedAreaSquareMetres >= 0) || statedAreaSquareMetres.isInfinite())) {
            throw new IllegalArgumentException("room area must be finite and >= 0, got " + statedAreaSquareMetres);
        }
    }

    public static Room ofArea(double squareMetres) {
        return new Room(squareMetres, List.of());
    }

    public static Room ofRegions(List<RoomRegion> regions) {
        return new Room(null, regions);
    }

    /** The same floor with these stated counts. */
    public Room withStatedCounts(Map<String, Integer> counts) {
        return new Room(statedAreaSquareMetres, regions, counts);
    }

    /** Floor area in square metres, when known. */
    public OptionalDouble area() {
        if (statedAreaSquareMetres != null) {
            return OptionalDouble.of(statedAreaSquareMetres);
        }
        if (regions.isEmpty()) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(regions.stream().mapToDouble(RoomRegion::area).sum());
    }
}
