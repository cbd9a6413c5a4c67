package dev.v2l.geom;

import java.util.List;

/**
 * A rectangle on the floor plane, possibly rotated: an object's footprint. Immutable.
 *
 * <p>Defined by its centre, a unit axis {@code u} and half extents along {@code u} and along {@code v}, the axis 90°
 * counter-clockwise of {@code u}. Zero half extents are allowed (a segment or a point: zero area); negative or
 * non-finite ones are not.
 *
 * <p>Edge cases, pinned in tests: rectangles are closed sets, so two rectangles that only touch (a shared edge or
 * corner) {@link #intersects intersect} and are at {@link #distanceTo distance} 0, while their
 * {@link #intersectionArea intersection area} is 0. A rectangle inside another intersects it with the smaller one's
 * area as intersection. {@link #iou IoU} of two zero-area rectangles is 1 when they are equal and 0 otherwise.
 *
 * <p>Equality is exact value equality of centre, axis and half extents; use {@link #approximatelyEquals} to compare
 * shapes (it ignores which of the four equivalent axis choices describes the rectangle).
 */
public final class OrientedRect {

    private final double cx;
    private final double cy;
    private final double ux;
    private final double uy;
    private final double hu;
    private final double hv;
    /** Corners counter-clockwise: c - u·hu - v·hv, c + u·hu - v·hv, c + u·hu + v·hv, c - u·hu + v·hv. */
    private final double[] xs = new double[4];
    private final double[] ys = new double[4];

    /**
     * @param center      centre on the floor plane
     * @param axis        direction of the first side (any non-zero length; it is normalized)
     * @param halfAlongU  half the side length along {@code axis}, ≥ 0
     * @param halfAlongV  half the side length across {@code axis}, ≥ 0
     */
    public OrientedRect(Vec2 center, Vec2 axis, double halfAlongU, double halfAlongV) {
        if (!center.isFinite()) {
            throw new IllegalArgumentException("rectangle centre must be finite, got " + center);
        }
        if (!(halfAlongU >= 0) || !(halfAlongV >= 0) || Double.isInfinite(halfAlongU) || Double.isInfinite(halfAlongV)) {
            throw new IllegalArgumentException(
                    "rectangle half extents must be finite and >= 0, got " + halfAlongU + ", " + halfAlongV);
        }
        Vec2 u = axis.normalized();
        this.cx = center.x();
        this.cy = center.y();
        this.ux = u.x();
        this.uy = u.y();
        this.hu = halfAlongU;
        this.hv = halfAlongV;
        double ax = ux * hu;
        double ay = uy * hu;
        double bx = -uy * hv;
        double by = ux * hv;
        xs[0] = cx - ax - bx;
        ys[0] = cy - ay - by;
        xs[1] = cx + ax - bx;
        ys[1] = cy + ay - by;
        xs[2] = cx + ax + bx;
        ys[2] = cy + ay + by;
        xs[3] = cx - ax + bx;
        ys[3] = cy - ay + by;
    }

    /** An axis-aligned rectangle from its bounds; throws when a minimum exceeds its maximum. */
    public static OrientedRect fromBounds(double xMin, double yMin, double xMax, double yMax) {
        if (!(xMin <= xMax) || !(yMin <= yMax)) {
            throw new IllegalArgumentException(
                    "bounds need min <= max, got x " + xMin + ".." + xMax + ", y " + yMin + ".." + yMax);
        }
        return new OrientedRect(new Vec2((xMin + xMax) / 2, (yMin + yMax) / 2), new Vec2(1, 0),
                (xMax - xMin) / 2, (yMax - yMin) / 2);
    }

    /** A rectangle from centre, full size along the x and y axes before rotation, and a counter-clockwise yaw. */
    public static OrientedRect fromCenterSize(Vec2 center, double sizeX, double sizeY, double yawRadians) {
        return new OrientedRect(center, new Vec2(Math.cos(yawRadians), Math.sin(yawRadians)), sizeX / 2, sizeY / 2);
    }

    public Vec2 center() {
        return new Vec2(cx, cy);
    }

    /** The unit axis {@code u}. */
    public Vec2 axis() {
        return new Vec2(ux, uy);
    }

    public double halfAlongU() {
        return hu;
    }

    public double halfAlongV() {
        return hv;
    }

    /** Angle of {@code u} from +x, counter-clockwise, in (-π, π]. */
    public double angleRadians() {
        return Math.atan2(uy, ux);
    }

    /** The longer side, metres. */
    public double longSide() {
        return 2 * Math.max(hu, hv);
    }

    /** The shorter side, metres. */
    public double shortSide() {
        return 2 * Math.min(hu, hv);
    }

    public double area() {
        return 4 * hu * hv;
    }

    /** The four corners, counter-clockwise. */
    public List<Vec2> corners() {
        return List.of(new Vec2(xs[0], ys[0]), new Vec2(xs[1], ys[1]), new Vec2(xs[2], ys[2]), new Vec2(xs[3], ys[3]));
    }

    double cornerX(int i) {
        return xs[i];
    }

    double cornerY(int i) {
        return ys[i];
    }

    /** Axis-aligned bounds {@code [xMin, yMin, xMax, yMax]}. */
    public double[] bounds() {
        double ex = Math.abs(ux) * hu + Math.abs(uy) * hv;
        double ey = Math.abs(uy) * hu + Math.abs(ux) * hv;
        return new double[] {cx - ex, cy - ey, cx + ex, cy + ey};
    }

    /** The axis-aligned rectangle of {@link #bounds()}. */
    public OrientedRect axisAlignedBounds() {
        double[] b = bounds();
        return fromBounds(b[0], b[1], b[2], b[3]);
    }

    /** True when a side is parallel to x within {@code toleranceRadians}. */
    public boolean isAxisAligned(double toleranceRadians) {
        double a = Math.abs(Math.atan2(uy, ux)) % (Math.PI / 2);
        return a <= toleranceRadians || Math.PI / 2 - a <= toleranceRadians;
    }

    /** Closed containment: points on the boundary are inside. */
    public boolean contains(Vec2 p) {
        double dx = p.x() - cx;
        double dy = p.y() - cy;
        return Math.abs(dx * ux + dy * uy) <= hu && Math.abs(-dx * uy + dy * ux) <= hv;
    }

    /** Distance from a point to this rectangle: 0 inside or on the boundary. */
    public double distanceTo(Vec2 p) {
        return Math.sqrt(squaredDistanceTo(p.x(), p.y()));
    }

    double squaredDistanceTo(double px, double py) {
        double dx = px - cx;
        double dy = py - cy;
        double lu = Math.abs(dx * ux + dy * uy) - hu;
        double lv = Math.abs(-dx * uy + dy * ux) - hv;
        double gu = lu > 0 ? lu : 0;
        double gv = lv > 0 ? lv : 0;
        return gu * gu + gv * gv;
    }

    /**
     * True when the closed rectangles share at least one point (touching counts). Separating-axis test on the four
     * side directions of the two rectangles.
     */
    public boolean intersects(OrientedRect o) {
        double dx = o.cx - cx;
        double dy = o.cy - cy;
        // axes of this
        double uu = Math.abs(o.ux * ux + o.uy * uy);
        double uv = Math.abs(-o.uy * ux + o.ux * uy);
        if (Math.abs(dx * ux + dy * uy) > hu + o.hu * uu + o.hv * uv) {
            return false;
        }
        double vu = Math.abs(o.ux * -uy + o.uy * ux);
        double vv = Math.abs(-o.uy * -uy + o.ux * ux);
        if (Math.abs(-dx * uy + dy * ux) > hv + o.hu * vu + o.hv * vv) {
            return false;
        }
        // axes of o
        if (Math.abs(dx * o.ux + dy * o.uy) > o.hu + hu * uu + hv * vu) {
            return false;
        }
        return !(Math.abs(-dx * o.uy + dy * o.ux) > o.hv + hu * uv + hv * vv);
    }

    /**
     * Shortest distance between the two closed rectangles: 0 when they intersect or touch. For disjoint convex
     * polygons the closest pair always has a vertex of one of them, so the distance is the least vertex-to-rectangle
     * distance in both directions.
     */
    public double distanceTo(OrientedRect o) {
        if (intersects(o)) {
            return 0;
        }
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i < 4; i++) {
            best = Math.min(best, o.squaredDistanceTo(xs[i], ys[i]));
            best = Math.min(best, squaredDistanceTo(o.xs[i], o.ys[i]));
        }
        return Math.sqrt(best);
    }

    /** Area of the intersection, square metres (0 when they only touch). */
    public double intersectionArea(OrientedRect o) {
        if (area() == 0 || o.area() == 0 || !intersects(o)) {
            return 0;
        }
        return ConvexClip.clippedArea(this, o);
    }

    /**
     * Intersection over union in [0, 1]. When both rectangles have zero area the union is empty: the result is 1 for
     * equal rectangles and 0 otherwise.
     */
    public double iou(OrientedRect o) {
        double inter = intersectionArea(o);
        double union = area() + o.area() - inter;
        if (union <= 0) {
            return approximatelyEquals(o, 0) ? 1 : 0;
        }
        return Math.min(1, Math.max(0, inter / union));
    }

    /** This rectangle moved by a rigid motion of the floor plane. */
    public OrientedRect transformed(Rigid2 t) {
        return new OrientedRect(t.apply(center()), t.rotate(axis()), hu, hv);
    }

    /** This rectangle with its centre moved by {@code offset}. */
    public OrientedRect translated(Vec2 offset) {
        return new OrientedRect(center().plus(offset), axis(), hu, hv);
    }

    /**
     * Same shape and place within {@code tolerance} metres: every corner of one is within tolerance of a corner of the
     * other (corner order and axis choice do not matter).
     */
    public boolean approximatelyEquals(OrientedRect o, double tolerance) {
        outer:
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                if (Math.abs(xs[i] - o.xs[j]) <= tolerance && Math.abs(ys[i] - o.ys[j]) <= tolerance) {
                    continue outer;
                }
            }
            return false;
        }
        return true;
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof OrientedRect o && cx == o.cx && cy == o.cy && ux == o.ux && uy == o.uy && hu == o.hu
                && hv == o.hv;
    }

    @Override
    public int hashCode() {
        int h = Double.hashCode(cx);
        h = 31 * h + Double.hashCode(cy);
        h = 31 * h + Double.hashCode(ux);
        h = 31 * h + Double.hashCode(uy);
        h = 31 * h + Double.hashCode(hu);
        return 31 * h + Double.hashCode(hv);
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "OrientedRect[center=(%.4f, %.4f), angle=%.2f°, size=%.4f×%.4f]", cx,
                cy, Math.toDegrees(angleRadians()), 2 * hu, 2 * hv);
    }
}
