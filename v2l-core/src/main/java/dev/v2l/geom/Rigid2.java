package dev.v2l.geom;

/**
 * A proper rigid motion of the floor plane: rotate counter-clockwise by {@code angleRadians} about the origin, then
 * translate by {@code translation}. Distances, areas and left/right are preserved.
 */
public record Rigid2(double angleRadians, Vec2 translation) {

    public static final Rigid2 IDENTITY = new Rigid2(0, Vec2.ZERO);

    public Rigid2 {
        if (!Double.isFinite(angleRadians) || !translation.isFinite()) {
            throw new IllegalArgumentException("rigid motion needs a finite angle and translation");
        }
    }

    public Vec2 apply(Vec2 p) {
        return p.rotated(angleRadians).plus(translation);
    }

    /** Rotates a direction (no translation). */
    public Vec2 rotate(Vec2 d) {
        return d.rotated(angleRadians);
    }

    /** First this, then {@code next}. */
    public Rigid2 andThen(Rigid2 next) {
        return new Rigid2(angleRadians + next.angleRadians, next.apply(translation));
    }

    public Rigid2 inverse() {
        return new Rigid2(-angleRadians, translation.rotated(-angleRadians).times(-1));
    }

    /**
     * The motion that maps world floor points into a local frame with origin {@code origin}, +y along {@code forward}
     * and +x to its right (a camera's or agent's view of the floor).
     */
    public static Rigid2 toLocalFrame(Vec2 origin, Vec2 forward) {
        Vec2 f = forward.normalized();
        // Rotation taking f to +y: angle = 90° - atan2(f.y, f.x).
        double angle = Math.PI / 2 - Math.atan2(f.y(), f.x());
        return new Rigid2(angle, origin.rotated(angle).times(-1));
    }
}
