package dev.v2l.geom;

/** Angles between directions on the floor plane. */
public final class Angles {

    private Angles() {
    }

    /**
     * Signed angle from {@code from} to {@code to}, radians in (-π, π]: positive counter-clockwise (a left turn),
     * negative clockwise (a right turn). Exactly opposite directions give +π. Returns NaN when either direction has
     * zero length (no direction, no angle).
     */
    public static double signed(Vec2 from, Vec2 to) {
        if (from.length() == 0 || to.length() == 0 || !from.isFinite() || !to.isFinite()) {
            return Double.NaN;
        }
        double a = Math.atan2(from.cross(to), from.dot(to));
        return a == -Math.PI ? Math.PI : a;
    }

    /** {@link #signed} in degrees. */
    public static double signedDegrees(Vec2 from, Vec2 to) {
        return Math.toDegrees(signed(from, to));
    }

    /** The angle wrapped into (-π, π]. */
    public static double wrap(double radians) {
        double a = Math.IEEEremainder(radians, 2 * Math.PI);
        return a <= -Math.PI ? a + 2 * Math.PI : a;
    }
}
