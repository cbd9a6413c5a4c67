package dev.v2l.scene;

import java.util.List;
import java.util.OptionalDouble;

/**
 * The floor of a scene: zero or more polygon regions and/or a stated floor area.
 *
 * <p>Sources differ: VSI-Bench meta_info states only the area ({@code room_size}); ProcTHOR gives room polygons;
 * an AI2-THOR dump gives the Floor object's extent. {@link #area()} prefers the stated area, then the sum of the
 * regions, and is empty when neither is known.
 */
public record Room(Double statedAreaSquareMetres, List<RoomRegion> regions) {

    public static final Room UNKNOWN = new Room(null, List.of());

    public Room {
        regions = List.copyOf(regions);
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
