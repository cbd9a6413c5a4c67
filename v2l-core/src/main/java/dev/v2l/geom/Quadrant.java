package dev.v2l.geom;

/**
 * Where a point lies relative to an observer at {@code origin} facing {@code forward}: left or right of the line of
 * sight (sign of the 2D cross product in the right-handed floor frame), and in front of or behind the line through
 * the observer perpendicular to it (sign of the dot product).
 *
 * <p>Edge cases: a point exactly on the line of sight is {@link Side#ON_LINE}; exactly abreast is
 * {@link Facing#ABREAST}; a point at the origin is both. A zero {@code forward} has no frame: both are
 * {@code UNDEFINED}.
 */
public record Quadrant(Side side, Facing facing) {

    public enum Side { LEFT, RIGHT, ON_LINE, UNDEFINED }

    public enum Facing { FRONT, BACK, ABREAST, UNDEFINED }

    public static Quadrant of(Vec2 origin, Vec2 forward, Vec2 point) {
        if (forward.length() == 0 || !forward.isFinite()) {
            return new Quadrant(Side.UNDEFINED, Facing.UNDEFINED);
        }
        Vec2 d = point.minus(origin);
        double cross = forward.cross(d);
        double dot = forward.dot(d);
        Side side = cross > 0 ? Side.LEFT : cross < 0 ? Side.RIGHT : Side.ON_LINE;
        Facing facing = dot > 0 ? Facing.FRONT : dot < 0 ? Facing.BACK : Facing.ABREAST;
        return new Quadrant(side, facing);
    }

    /** True when both parts are decided (not on a boundary). */
    public boolean isDecided() {
        return (side == Side.LEFT || side == Side.RIGHT) && (facing == Facing.FRONT || facing == Facing.BACK);
    }
}
