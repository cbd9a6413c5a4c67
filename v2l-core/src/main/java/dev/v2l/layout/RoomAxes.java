package dev.v2l.layout;

import dev.v2l.geom.OrientedRect;
import dev.v2l.geom.Vec2;
import dev.v2l.scene.Footprints;
import dev.v2l.scene.RoomRegion;
import dev.v2l.scene.Scene;
import dev.v2l.scene.SceneObject;
import java.util.List;

/**
 * A room's own (Manhattan) axes on the floor: the direction of one wall, {@code angleRadians} counter-clockwise from
 * the scene's floor +x, in [0, π/2) (the other axes are it turned by multiples of 90°). Maps drawn in these axes give
 * wall-aligned furniture tight axis-aligned boxes, as Video2Layout's "Global Right / Global Forward" maps do.
 *
 * <p>Where the walls are known (room polygons: procedural rooms, ProcTHOR, AI2-THOR's floor) the axes are the
 * walls' length-weighted dominant direction; otherwise (VSI-Bench meta_info) the dominant orientation of the
 * objects' footprints, weighted by footprint area (large furniture stands along walls): the peak of a smoothed
 * histogram of footprint angles modulo 90°, refined by the weighted mean of the angles within 5° of it.
 *
 * @param angleRadians the axis direction, [0, π/2)
 * @param source       where the axes come from: {@code walls}, {@code footprints}, or {@code scene} (nothing to go
 *                     by: the scene's own axes)
 */
public record RoomAxes(double angleRadians, String source) {

    public static final String WALLS = "walls";
    public static final String FOOTPRINTS = "footprints";
    public static final String SCENE = "scene";
    private static final double QUARTER = Math.PI / 2;

    public RoomAxes {
        if (!(angleRadians >= 0 && angleRadians < QUARTER)) {
            throw new IllegalArgumentException("room axis angle must be in [0, π/2), got " + angleRadians);
        }
    }

    /** The room axes of a scene: from its walls when known, else from its objects' footprints. */
    public static RoomAxes of(Scene scene) {
        List<RoomRegion> regions = scene.room().regions();
        if (!regions.isEmpty()) {
            double c = 0;
            double s = 0;
            for (RoomRegion r : regions) {
                List<Vec2> p = r.polygon();
                for (int i = 0; i < p.size(); i++) {
                    Vec2 e = p.get((i + 1) % p.size()).minus(p.get(i));
                    double phi = 4 * Math.atan2(e.y(), e.x());
                    c += e.length() * Math.cos(phi);
                    s += e.length() * Math.sin(phi);
                }
            }
            if (Math.hypot(c, s) > 1e-9) {
                return new RoomAxes(normalize(Math.atan2(s, c) / 4), WALLS);
            }
        }
        int n = scene.objects().size();
        double[] angles = new double[n];
        double[] weights = new double[n];
        double total = 0;
        for (int i = 0; i < n; i++) {
            SceneObject o = scene.objects().get(i);
            OrientedRect f = Footprints.footprintOf(o.box(), scene.up());
            angles[i] = normalize(f.angleRadians());
            weights[i] = f.area();
            total += weights[i];
        }
        if (!(total > 0)) {
            return new RoomAxes(0, SCENE);
        }
        return new RoomAxes(dominant(angles, weights), FOOTPRINTS);
    }

    /** The weighted dominant angle modulo 90° (histogram peak, refined by the mean of its neighbourhood). */
    static double dominant(double[] angles, double[] weights) {
        int bins = 90;
        double[] h = new double[bins];
        for (int i = 0; i < angles.length; i++) {
            int b = (int) Math.floor(Math.toDegrees(angles[i])) % bins;
            for (int k = -2; k <= 2; k++) {
                h[Math.floorMod(b + k, bins)] += weights[i] * (3 - Math.abs(k));
            }
        }
        int peak = 0;
        for (int b = 1; b < bins; b++) {
            if (h[b] > h[peak]) {
                peak = b;
            }
        }
        double centre = Math.toRadians(peak + 0.5);
        double c = 0;
        double s = 0;
        for (int i = 0; i < angles.length; i++) {
            double d = Math.abs(angles[i] - centre);
            d = Math.min(d, QUARTER - d);
            if (d <= Math.toRadians(5)) {
                c += weights[i] * Math.cos(4 * angles[i]);
                s += weights[i] * Math.sin(4 * angles[i]);
            }
        }
        return normalize(Math.atan2(s, c) / 4);
    }

    /** An angle modulo 90°, in [0, π/2); within 1e-9 of an axis it is the axis exactly. */
    static double normalize(double a) {
        double r = a % QUARTER;
        if (r < 0) {
            r += QUARTER;
        }
        if (r < 1e-9 || QUARTER - r < 1e-9) {
            return 0;
        }
        return r;
    }

    /** The room axis direction (of the four) nearest to {@code forward}: the map's +y for a camera facing it. */
    public Vec2 nearestDirection(Vec2 forward) {
        Vec2 d = angleRadians == 0 ? new Vec2(1, 0) : new Vec2(Math.cos(angleRadians), Math.sin(angleRadians));
        Vec2 best = d;
        for (int k = 1; k < 4; k++) {
            d = new Vec2(-d.y(), d.x()); // exactly 90° further
            if (d.dot(forward) > best.dot(forward)) {
                best = d;
            }
        }
        return best;
    }

    /** Whether a footprint is aligned with these axes within {@code toleranceRadians}. */
    public boolean aligned(OrientedRect footprintInScene, double toleranceRadians) {
        double d = Math.abs(normalize(footprintInScene.angleRadians()) - angleRadians);
        return Math.min(d, QUARTER - d) <= toleranceRadians;
    }
}
