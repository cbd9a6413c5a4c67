package dev.v2l.geom;

/**
 * A point or direction on the floor plane, in metres. The floor frame is right-handed when seen from above:
 * +x to the right, +y forward (up on a map), so a positive {@link #cross} means "to the left".
 */
public record Vec2(double x, double y) {

    public static final Vec2 ZERO = new Vec2(0, 0);

    public Vec2 plus(Vec2 o) {
        return new Vec2(x + o.x, y + o.y);
    }

    public Vec2 minus(Vec2 o) {
        return new Vec2(x - o.x, y - o.y);
    }

    public Vec2 times(double s) {
        return new Vec2(x * s, y * s);
    }

    public double dot(Vec2 o) {
        return x * o.x + y * o.y;
    }

    /** z component of the 3D cross product: positive when {@code o} is counter-clockwise (left) of this vector. */
    public double cross(Vec2 o) {
        return x * o.y - y * o.x;
    }

    public double length() {
        return Math.sqrt(x * x + y * y);
    }

    public double distanceTo(Vec2 o) {
        double dx = x - o.x;
        double dy = y - o.y;
        return Math.sqrt(dx * dx + dy * dy);
    }

    /** This vector scaled to length 1; throws for the zero vector, which has no direction. */
    public Vec2 normalized() {
        double len = length();
        if (!(len > 0) || !Double.isFinite(len)) {
            throw new IllegalArgumentException("cannot normalize " + this + ": it has no direction");
        }
        return new Vec2(x / len, y / len);
    }

    /** Rotated counter-clockwise by {@code radians}. */
    public Vec2 rotated(double radians) {
        double c = Math.cos(radians);
        double s = Math.sin(radians);
        return new Vec2(c * x - s * y, s * x + c * y);
    }

    /** Rotated 90 degrees counter-clockwise: the direction to the left of this one. */
    public Vec2 leftNormal() {
        return new Vec2(-y, x);
    }

    public boolean isFinite() {
        return Double.isFinite(x) && Double.isFinite(y);
    }

    /** Approximate equality, component-wise within {@code tolerance}. */
    public boolean approximatelyEquals(Vec2 o, double tolerance) {
        return Math.abs(x - o.x) <= tolerance && Math.abs(y - o.y) <= tolerance;
    }
}
