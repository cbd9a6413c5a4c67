package dev.v2l.geom;

import java.util.List;

/**
 * A solid oriented box in a right-handed 3D frame: centre, three orthonormal axes and the half-length along each
 * (0 allowed: flat boxes). {@link #distanceTo} is the exact closest distance between two boxes, as VSI-Bench's
 * generator measures {@code object_abs_distance} between the oriented boxes of real scans.
 *
 * <p>Boxes are closed: touching or overlapping boxes are 0 apart. The distance of two disjoint convex polytopes is
 * reached at a vertex of one against the other solid or at a pair of edges (a face–face or edge–face closest pair
 * can always slide to one of those), so it is the least of 16 point–box distances (exact by clamping in the box's
 * own frame) and 144 segment–segment distances; overlap is decided first by the separating-axis test over the 15
 * candidate axes.
 */
public record Box3(Vec3 center, Vec3 axis0, Vec3 axis1, Vec3 axis2, double half0, double half1, double half2) {

    public Box3 {
        if (!(half0 >= 0 && half1 >= 0 && half2 >= 0)) {
            throw new IllegalArgumentException("box half-lengths must be >= 0");
        }
    }

    public List<Vec3> axes() {
        return List.of(axis0, axis1, axis2);
    }

    public double half(int i) {
        return i == 0 ? half0 : i == 1 ? half1 : half2;
    }

    Vec3 axis(int i) {
        return i == 0 ? axis0 : i == 1 ? axis1 : axis2;
    }

    /** The eight corners. */
    public Vec3[] corners() {
        Vec3[] c = new Vec3[8];
        for (int k = 0; k < 8; k++) {
            Vec3 p = center;
            for (int i = 0; i < 3; i++) {
                p = p.plus(axis(i).times(((k >> i) & 1) == 0 ? -half(i) : half(i)));
            }
            c[k] = p;
        }
        return c;
    }

    /** The closest point of the solid box to {@code p} (p itself when inside). */
    public Vec3 closestPoint(Vec3 p) {
        Vec3 d = p.minus(center);
        Vec3 q = center;
        for (int i = 0; i < 3; i++) {
            double t = Math.max(-half(i), Math.min(half(i), d.dot(axis(i))));
            q = q.plus(axis(i).times(t));
        }
        return q;
    }

    public double distanceTo(Vec3 p) {
        return closestPoint(p).distanceTo(p);
    }

    /** Whether the two closed boxes share a point (separating-axis test). */
    public boolean intersects(Box3 o) {
        Vec3 t = o.center.minus(center);
        Vec3[] a = {axis0, axis1, axis2};
        Vec3[] b = {o.axis0, o.axis1, o.axis2};
        for (Vec3 ax : a) {
            if (separates(ax, t, o)) {
                return false;
            }
        }
        for (Vec3 ax : b) {
            if (separates(ax, t, o)) {
                return false;
            }
        }
        for (Vec3 u : a) {
            for (Vec3 v : b) {
                Vec3 ax = u.cross(v);
                if (ax.length() > 1e-12 && separates(ax.normalized(), t, o)) {
                    return false;
                }
            }
        }
        return true;
    }

    private boolean separates(Vec3 ax, Vec3 t, Box3 o) {
        double ra = 0;
        double rb = 0;
        for (int i = 0; i < 3; i++) {
            ra += half(i) * Math.abs(axis(i).dot(ax));
            rb += o.half(i) * Math.abs(o.axis(i).dot(ax));
        }
        return Math.abs(t.dot(ax)) > ra + rb;
    }

    /**
     * The exact closest distance between the two solid boxes (0 when they touch or overlap); symmetric to the last
     * bit (the pair is always computed in one order).
     */
    public double distanceTo(Box3 o) {
        if (order(this, o) > 0) {
            return o.distanceTo(this);
        }
        if (intersects(o)) {
            return 0;
        }
        Vec3[] ca = corners();
        Vec3[] cb = o.corners();
        double best = Double.POSITIVE_INFINITY;
        for (Vec3 p : ca) {
            best = Math.min(best, o.distanceTo(p));
        }
        for (Vec3 p : cb) {
            best = Math.min(best, distanceTo(p));
        }
        for (int[] ea : EDGES) {
            for (int[] eb : EDGES) {
                best = Math.min(best, segmentDistance(ca[ea[0]], ca[ea[1]], cb[eb[0]], cb[eb[1]]));
            }
        }
        return best;
    }

    private static int order(Box3 a, Box3 b) {
        double[] x = {a.center.x(), a.center.y(), a.center.z(), a.half0, a.half1, a.half2, a.axis0.x(), a.axis0.y()};
        double[] y = {b.center.x(), b.center.y(), b.center.z(), b.half0, b.half1, b.half2, b.axis0.x(), b.axis0.y()};
        return java.util.Arrays.compare(x, y);
    }

    /** The 12 edges as corner index pairs (corners differ in one axis bit). */
    private static final int[][] EDGES = edges();

    private static int[][] edges() {
        int[][] e = new int[12][];
        int n = 0;
        for (int k = 0; k < 8; k++) {
            for (int i = 0; i < 3; i++) {
                if (((k >> i) & 1) == 0) {
                    e[n++] = new int[] {k, k | (1 << i)};
                }
            }
        }
        return e;
    }

    /** Distance between segments p1–q1 and p2–q2 (Ericson, Real-Time Collision Detection, 5.1.9). */
    static double segmentDistance(Vec3 p1, Vec3 q1, Vec3 p2, Vec3 q2) {
        Vec3 d1 = q1.minus(p1);
        Vec3 d2 = q2.minus(p2);
        Vec3 r = p1.minus(p2);
        double a = d1.dot(d1);
        double e = d2.dot(d2);
        double f = d2.dot(r);
        double s;
        double t;
        if (a <= 1e-18 && e <= 1e-18) {
            return p1.distanceTo(p2);
        }
        if (a <= 1e-18) {
            s = 0;
            t = clamp(f / e);
        } else {
            double c = d1.dot(r);
            if (e <= 1e-18) {
                t = 0;
                s = clamp(-c / a);
            } else {
                double b = d1.dot(d2);
                double denom = a * e - b * b;
                s = denom > 1e-18 ? clamp((b * f - c * e) / denom) : 0;
                t = (b * s + f) / e;
                if (t < 0) {
                    t = 0;
                    s = clamp(-c / a);
                } else if (t > 1) {
                    t = 1;
                    s = clamp((b - c) / a);
                }
            }
        }
        return p1.plus(d1.times(s)).distanceTo(p2.plus(d2.times(t)));
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }

    /** The box moved by a rigid motion of the floor (x, y), heights (z) unchanged. */
    public Box3 transformed(Rigid2 m) {
        Vec2 c = m.apply(new Vec2(center.x(), center.y()));
        return new Box3(new Vec3(c.x(), c.y(), center.z()), turn(axis0, m), turn(axis1, m), turn(axis2, m), half0,
                half1, half2);
    }

    private static Vec3 turn(Vec3 a, Rigid2 m) {
        Vec2 f = m.rotate(new Vec2(a.x(), a.y()));
        return new Vec3(f.x(), f.y(), a.z());
    }
}
