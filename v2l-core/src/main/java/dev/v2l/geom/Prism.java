package dev.v2l.geom;

/**
 * An object's volume as the floor footprint extruded over its vertical range {@code [zMin, zMax]} (metres along the
 * scene's up axis).
 *
 * <p>{@link #distanceTo} is {@code sqrt(gapXY² + gapZ²)}: gapXY the footprint distance (0 when they overlap) and gapZ
 * the gap between the vertical ranges (0 when they overlap). For prisms this is the exact distance between closest
 * points, so it matches "measured from the closest point of each object".
 */
public record Prism(OrientedRect footprint, double zMin, double zMax) {

    public Prism {
        if (!Double.isFinite(zMin) || !Double.isFinite(zMax) || zMin > zMax) {
            throw new IllegalArgumentException("vertical range needs finite zMin <= zMax, got " + zMin + ".." + zMax);
        }
    }

    public double height() {
        return zMax - zMin;
    }

    /** Gap between the vertical ranges, 0 when they overlap or touch. */
    public double verticalGap(Prism o) {
        return Math.max(0, Math.max(zMin, o.zMin) - Math.min(zMax, o.zMax));
    }

    /** Closest-point distance between the two prisms, metres. Symmetric; 0 iff they intersect or touch. */
    public double distanceTo(Prism o) {
        double gxy = footprint.distanceTo(o.footprint);
        double gz = verticalGap(o);
        return Math.sqrt(gxy * gxy + gz * gz);
    }
}
