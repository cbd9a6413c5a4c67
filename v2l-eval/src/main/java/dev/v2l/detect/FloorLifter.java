package dev.v2l.detect;

import dev.v2l.geom.OrientedRect;
import dev.v2l.geom.Vec2;
import dev.v2l.geom.Vec3;
import dev.v2l.scene.CameraPose;
import dev.v2l.scene.Intrinsics;
import dev.v2l.scene.UpAxis;
import java.util.Arrays;

/**
 * Places a 2D detection on the floor in world coordinates, from the frame's camera (pose and intrinsics for the image
 * as detected, pinhole, OpenCV pixel convention) and, when there is one, its depth image (metres along the optical
 * axis). The floor is the plane at height 0 of the world frame.
 *
 * <ul>
 *   <li><b>depth</b>: the box's pixels (its outer tenth on each side left out) are back-projected; floor pixels
 *       (below 3 cm) are dropped, and so are pixels farther than half the object's prior size (+ 0.25 m) from the
 *       median depth of the box's middle ninth (the background seen past the object, what stands in front). Across the view the footprint spans the 5th–95th percentile of the points; along the
 *       view it starts at their 5th percentile and is as deep as they are, but at least the label's depth prior
 *       (a camera sees an object's front, not its back); a box cut by the image's left or right edge is widened past
 *       that edge to at least the prior's width. Heights: 2nd–98th percentile, from 0 when within 15 cm of the
 *       floor.</li>
 *   <li><b>ground contact</b> (no depth; labels that stand on the floor; the box's bottom edge inside the image):
 *       the ray through the middle of the bottom edge meets the floor at the object's front; the footprint is as
 *       wide as the box at that distance and as deep as the prior, behind that point.</li>
 *   <li><b>size prior</b> (no depth otherwise: objects on furniture, boxes cut by the image's bottom edge): the
 *       distance at which the prior's height fills the box's height (its width when the box is cut at the top or
 *       bottom).</li>
 * </ul>
 * The footprint is a rectangle turned with the camera (its sides across and along the camera's floor direction).
 */
public final class FloorLifter {

    /** Typical size of a label, metres: width (along its front), depth, height. */
    public record Prior(double width, double depth, double height) {
        double longest() {
            return Math.max(width, Math.max(depth, height));
        }
    }

    /** How a detection was placed. */
    public enum Method { DEPTH, GROUND_CONTACT, SIZE_PRIOR }

    /**
     * A detection on the floor, world coordinates.
     *
     * @param footprint the floor rectangle (first axis across the view)
     * @param zMin      bottom height, metres above the floor
     * @param zMax      top height
     * @param distance  distance from the camera to the object's front along the optical axis
     */
    public record Lifted(Detection detection, int frame, OrientedRect footprint, double zMin, double zMax,
            double distance, Method method) {
    }

    /** A depth image: metres along the optical axis, NaN where unknown, row-major. */
    public record Depth(float[] metres, int width, int height) {
        float at(double u, double v, int imageWidth, int imageHeight) {
            int x = (int) Math.floor(u * width / imageWidth);
            int y = (int) Math.floor(v * height / imageHeight);
            if (x < 0 || y < 0 || x >= width || y >= height) {
                return Float.NaN;
            }
            return metres[y * width + x];
        }
    }

    private static final int GRID = 32;

    private final UpAxis up;
    private final CameraPose pose;
    private final Intrinsics k;
    private final Vec3 right;
    private final Vec3 down;

    /** @param k the intrinsics of the image the detections were made on (see {@link #scaled}) */
    public FloorLifter(UpAxis up, CameraPose pose, Intrinsics k) {
        this.up = up;
        this.pose = pose;
        this.k = k;
        this.right = pose.right(up);
        this.down = pose.up().times(-1);
    }

    /** Intrinsics for an image of another size than the one they were given for. */
    public static Intrinsics scaled(Intrinsics k, int width, int height) {
        if (k.width() == width && k.height() == height) {
            return k;
        }
        double sx = (double) width / k.width();
        double sy = (double) height / k.height();
        return new Intrinsics(width, height, k.fx() * sx, k.fy() * sy, k.cx() * sx, k.cy() * sy);
    }

    /** The ray through image point (u, v), scaled so its component along the optical axis is 1. */
    Vec3 ray(double u, double v) {
        return pose.forward().plus(right.times((u - k.cx()) / k.fx())).plus(down.times((v - k.cy()) / k.fy()));
    }

    /**
     * @param depth         the frame's depth, or null
     * @param standsOnFloor whether the label stands on the floor (ground contact applies)
     */
    public Lifted lift(Detection d, int frame, Depth depth, Prior prior, boolean standsOnFloor) {
        if (depth != null) {
            Lifted l = withDepth(d, frame, depth, prior);
            if (l != null) {
                return l;
            }
        }
        PixelBox b = d.box();
        boolean cutBottom = b.y1() >= k.height() - 1;
        if (standsOnFloor && !cutBottom) {
            Vec3 r = ray(b.centerX(), b.y1());
            double dh = up.height(r);
            double camHeight = up.height(pose.position());
            if (dh < -1e-6 && camHeight > 0) {
                double z = camHeight / -dh;
                return place(d, frame, z, prior, Method.GROUND_CONTACT, 0, heightAt(b.centerX(), b.y0(), z));
            }
        }
        boolean cutV = b.y0() <= 1 || cutBottom;
        boolean cutH = b.x0() <= 1 || b.x1() >= k.width() - 1;
        double z = cutV && !cutH ? k.fx() * Math.max(prior.width(), prior.depth()) / Math.max(1, b.width())
                : k.fy() * prior.height() / Math.max(1, b.height());
        double lo = Math.max(0, heightAt(b.centerX(), b.y1(), z));
        double hi = Math.max(lo, heightAt(b.centerX(), b.y0(), z));
        return place(d, frame, z, prior, Method.SIZE_PRIOR, lo, hi);
    }

    private double heightAt(double u, double v, double z) {
        return up.height(pose.position().plus(ray(u, v).times(z)));
    }

    /** A footprint as wide as the box at distance z, as deep as the prior, its front on the ray through the box. */
    private Lifted place(Detection d, int frame, double z, Prior prior, Method m, double zMin, double zMax) {
        PixelBox b = d.box();
        Vec3 front = pose.position().plus(ray(b.centerX(), b.y1()).times(z));
        Vec2 along = floorDirection(ray(b.centerX(), (b.y0() + b.y1()) / 2));
        Vec2 centre = up.floor(front).plus(along.times(prior.depth() / 2));
        double width = b.width() * z / k.fx();
        return new Lifted(d, frame, new OrientedRect(centre, along.rotated(-Math.PI / 2), width / 2,
                prior.depth() / 2), zMin, Math.max(zMin, zMax), z, m);
    }

    private Vec2 floorDirection(Vec3 r) {
        Vec2 f = up.floor(r);
        if (f.length() < 1e-9) {
            f = up.floor(pose.up());
        }
        return f.normalized();
    }

    private Lifted withDepth(Detection d, int frame, Depth depth, Prior prior) {
        PixelBox b = d.box();
        double mx = b.width() * 0.1;
        double my = b.height() * 0.1;
        int nx = (int) Math.max(1, Math.min(GRID, b.width() - 2 * mx));
        int ny = (int) Math.max(1, Math.min(GRID, b.height() - 2 * my));
        double[] zs = new double[nx * ny];
        Vec3[] pts = new Vec3[nx * ny];
        double[] hs = new double[nx * ny];
        double[] central = new double[nx * ny];
        int n = 0;
        int c = 0;
        for (int j = 0; j < ny; j++) {
            double v = b.y0() + my + (j + 0.5) * (b.height() - 2 * my) / ny;
            for (int i = 0; i < nx; i++) {
                double u = b.x0() + mx + (i + 0.5) * (b.width() - 2 * mx) / nx;
                float z = depth.at(u, v, k.width(), k.height());
                if (!(z > 0) || Float.isInfinite(z)) {
                    continue;
                }
                Vec3 p = pose.position().plus(ray(u, v).times(z));
                double h = up.height(p);
                if (h < 0.03) {
                    continue; // the floor between legs, under the object
                }
                zs[n] = z;
                pts[n] = p;
                hs[n] = h;
                n++;
                if (Math.abs(i + 0.5 - nx / 2.0) <= nx / 6.0 + 0.5 && Math.abs(j + 0.5 - ny / 2.0) <= ny / 6.0 + 0.5) {
                    central[c++] = z;
                }
            }
        }
        if (n < 6) {
            return null;
        }
        // The object is what the box's middle shows: keep points about its own size around that depth (dropping the
        // background seen past it and what stands in front of it).
        double ref = percentile(c > 0 ? Arrays.copyOf(central, c) : Arrays.copyOf(zs, n), 0.5);
        double half = 0.5 * prior.longest() + 0.25;
        double nearest = Double.MAX_VALUE;
        Vec2 along = floorDirection(ray(b.centerX(), (b.y0() + b.y1()) / 2));
        Vec2 across = along.rotated(-Math.PI / 2);
        double[] lat = new double[n];
        double[] alo = new double[n];
        double[] hh = new double[n];
        int m = 0;
        for (int i = 0; i < n; i++) {
            if (Math.abs(zs[i] - ref) <= half) {
                nearest = Math.min(nearest, zs[i]);
                Vec2 f = up.floor(pts[i]);
                lat[m] = f.dot(across);
                alo[m] = f.dot(along);
                hh[m] = hs[i];
                m++;
            }
        }
        if (m < 6) {
            return null;
        }
        lat = Arrays.copyOf(lat, m);
        alo = Arrays.copyOf(alo, m);
        hh = Arrays.copyOf(hh, m);
        double l0 = percentile(lat, 0.05);
        double l1 = percentile(lat, 0.95);
        // A box cut by the image's side shows part of the object: it goes on past the edge, at least as wide as the
        // prior (across the view, the image's right is +across).
        if (b.x1() >= k.width() - 1 && l1 - l0 < prior.width()) {
            l1 = l0 + prior.width();
        } else if (b.x0() <= 1 && l1 - l0 < prior.width()) {
            l0 = l1 - prior.width();
        }
        double a0 = percentile(alo, 0.05);
        double a1 = percentile(alo, 0.95);
        double deep = Math.max(a1 - a0, prior.depth());
        Vec2 centre = across.times((l0 + l1) / 2).plus(along.times(a0 + deep / 2));
        double zMin = percentile(hh, 0.02);
        double zMax = percentile(hh, 0.98);
        if (zMin < 0.15) {
            zMin = 0;
        }
        return new Lifted(d, frame, new OrientedRect(centre, across, Math.max(0.05, l1 - l0) / 2, deep / 2), zMin,
                Math.max(zMin, zMax), nearest, Method.DEPTH);
    }

    /** Linear-interpolated percentile of unsorted values (sorted in place). */
    static double percentile(double[] v, double q) {
        Arrays.sort(v);
        double pos = q * (v.length - 1);
        int i = (int) Math.floor(pos);
        int j = Math.min(v.length - 1, i + 1);
        return v[i] + (pos - i) * (v[j] - v[i]);
    }
}
