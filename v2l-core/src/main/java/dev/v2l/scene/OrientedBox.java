package dev.v2l.scene;

import dev.v2l.geom.Vec3;
import java.util.ArrayList;
import java.util.List;

/**
 * An object's oriented 3D bounding box in the scene's world frame: centre, three orthonormal axes and the full
 * length along each axis (metres). Lengths may be 0 (flat or thin objects); axes must be unit length and mutually
 * orthogonal within 1e-3 and are re-orthonormalized on construction.
 */
public record OrientedBox(Vec3 center, Vec3 axis0, Vec3 axis1, Vec3 axis2, double length0, double length1,
        double length2) {

    private static final double TOLERANCE = 1e-3;

    public OrientedBox {
        if (!center.isFinite()) {
            throw new IllegalArgumentException("box centre must be finite, got " + center);
        }
        for (double len : new double[] {length0, length1, length2}) {
            if (!(len >= 0) || Double.isInfinite(len)) {
                throw new IllegalArgumentException("box lengths must be finite and >= 0, got " + len);
            }
        }
        for (Vec3 a : new Vec3[] {axis0, axis1, axis2}) {
            if (!a.isFinite() || Math.abs(a.length() - 1) > TOLERANCE) {
                throw new IllegalArgumentException("box axes must be unit vectors, got " + a);
            }
        }
        if (Math.abs(axis0.dot(axis1)) > TOLERANCE || Math.abs(axis0.dot(axis2)) > TOLERANCE
                || Math.abs(axis1.dot(axis2)) > TOLERANCE) {
            throw new IllegalArgumentException(
                    "box axes must be mutually orthogonal, got " + axis0 + ", " + axis1 + ", " + axis2);
        }
        // Gram–Schmidt so downstream maths sees orthonormal axes; axes already orthonormal to 1e-12 are kept
        // bit for bit, so writing and reading a box gives the same box.
        if (!isOrthonormal(axis0, axis1, axis2, 1e-12)) {
            axis0 = axis0.normalized();
            axis1 = axis1.minus(axis0.times(axis1.dot(axis0))).normalized();
            Vec3 a2 = axis2.minus(axis0.times(axis2.dot(axis0))).minus(axis1.times(axis2.dot(axis1)));
            axis2 = a2.normalized();
        }
    }

    private static boolean isOrthonormal(Vec3 a, Vec3 b, Vec3 c, double tol) {
        return Math.abs(a.length() - 1) <= tol && Math.abs(b.length() - 1) <= tol && Math.abs(c.length() - 1) <= tol
                && Math.abs(a.dot(b)) <= tol && Math.abs(a.dot(c)) <= tol && Math.abs(b.dot(c)) <= tol;
    }

    /** An axis-aligned box from its minimum and maximum corners. */
    public static OrientedBox axisAligned(Vec3 min, Vec3 max) {
        if (min.x() > max.x() || min.y() > max.y() || min.z() > max.z()) {
            throw new IllegalArgumentException("box min must not exceed max, got " + min + " .. " + max);
        }
        return new OrientedBox(min.plus(max).times(0.5), new Vec3(1, 0, 0), new Vec3(0, 1, 0), new Vec3(0, 0, 1),
                max.x() - min.x(), max.y() - min.y(), max.z() - min.z());
    }

    public List<Vec3> axes() {
        return List.of(axis0, axis1, axis2);
    }

    public double[] lengths() {
        return new double[] {length0, length1, length2};
    }

    /** The longest of the three lengths, metres. */
    public double longestLength() {
        return Math.max(length0, Math.max(length1, length2));
    }

    /** The eight corners. */
    public List<Vec3> corners() {
        List<Vec3> out = new ArrayList<>(8);
        for (int i = 0; i < 8; i++) {
            double s0 = (i & 1) == 0 ? -0.5 : 0.5;
            double s1 = (i & 2) == 0 ? -0.5 : 0.5;
            double s2 = (i & 4) == 0 ? -0.5 : 0.5;
            out.add(center.plus(axis0.times(s0 * length0)).plus(axis1.times(s1 * length1))
                    .plus(axis2.times(s2 * length2)));
        }
        return out;
    }

    /** The box translated by {@code offset}. */
    public OrientedBox translated(Vec3 offset) {
        return new OrientedBox(center.plus(offset), axis0, axis1, axis2, length0, length1, length2);
    }
}
