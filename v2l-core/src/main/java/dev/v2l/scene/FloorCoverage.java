package dev.v2l.scene;

import dev.v2l.geom.Vec2;
import dev.v2l.geom.Vec3;
import java.util.ArrayList;
import java.util.List;

/**
 * How much of a room's floor some frames look at: the floor is sampled on a {@value #GRID_METRES} m grid inside the
 * room's regions, and a point counts as seen when it projects inside one of the frames' images, in front of the
 * camera, and the straight line to it on the floor stays inside the room (the walls of an L-shaped room hide its other
 * leg). Furniture is not taken as an occluder: this is the share of the floor the frames face, which is what tells
 * the room's extent, not what each pixel shows.
 *
 * <p>The room-size rule: {@code room_size_estimation} is asked only when the chosen frames face the foot of every
 * wall, each along at least half its length ({@link #coversRoom}, {@link #wallShare}): then the room's extent is in
 * view. (The floor share is reported too; a walk-through never faces the floor under its own path, so it is no
 * rule.)
 */
public final class FloorCoverage {

    public static final double GRID_METRES = 0.25;
    public static final double WALL_INSET_METRES = 0.15;

    private FloorCoverage() {
    }

    /** The floor points the coverage is measured on (empty when the room has no regions). */
    public static List<Vec2> grid(Scene scene) {
        List<Vec2> pts = new ArrayList<>();
        for (RoomRegion r : scene.room().regions()) {
            double[] b = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
            for (Vec2 p : r.polygon()) {
                b[0] = Math.min(b[0], p.x());
                b[1] = Math.min(b[1], p.y());
                b[2] = Math.max(b[2], p.x());
                b[3] = Math.max(b[3], p.y());
            }
            for (double x = b[0] + GRID_METRES / 2; x < b[2]; x += GRID_METRES) {
                for (double y = b[1] + GRID_METRES / 2; y < b[3]; y += GRID_METRES) {
                    Vec2 p = new Vec2(x, y);
                    if (r.contains(p)) {
                        pts.add(p);
                    }
                }
            }
        }
        return pts;
    }

    /** The share of the floor grid in view of at least one pose; NaN when the room has no regions. */
    public static double share(Scene scene, List<CameraPose> poses, Intrinsics k) {
        List<Vec2> pts = grid(scene);
        if (pts.isEmpty()) {
            return Double.NaN;
        }
        int seen = 0;
        for (Vec2 p : pts) {
            Vec3 w = scene.up().world(p, 0);
            for (CameraPose c : poses) {
                if (inView(w, c, k, scene.up()) && insideRoom(scene, scene.up().floor(c.position()), p)) {
                    seen++;
                    break;
                }
            }
        }
        return seen / (double) pts.size();
    }

    /**
     * The share of the room's walls whose foot the frames face: a wall counts when at least half of the floor points
     * along it ({@value #WALL_INSET_METRES} m inside, every {@value #GRID_METRES} m) are seen. NaN without regions.
     */
    public static double wallShare(Scene scene, List<CameraPose> poses, Intrinsics k) {
        int walls = 0;
        int seenWalls = 0;
        for (RoomRegion r : scene.room().regions()) {
            List<Vec2> poly = r.polygon();
            for (int i = 0; i < poly.size(); i++) {
                Vec2 a = poly.get(i);
                Vec2 b = poly.get((i + 1) % poly.size());
                double len = b.minus(a).length();
                if (len < 1e-6) {
                    continue;
                }
                Vec2 dir = b.minus(a).times(1 / len);
                // the inside is to the left of a counter-clockwise edge; try both sides, keep the one inside
                Vec2 in = new Vec2(-dir.y(), dir.x()).times(WALL_INSET_METRES);
                Vec2 mid = a.plus(b).times(0.5);
                if (!r.contains(mid.plus(in))) {
                    in = in.times(-1);
                }
                int pts = 0;
                int seen = 0;
                for (double t = GRID_METRES / 2; t < len; t += GRID_METRES) {
                    Vec2 p = a.plus(dir.times(t)).plus(in);
                    if (!r.contains(p)) {
                        continue;
                    }
                    pts++;
                    Vec3 w = scene.up().world(p, 0);
                    for (CameraPose c : poses) {
                        if (inView(w, c, k, scene.up()) && insideRoom(scene, scene.up().floor(c.position()), p)) {
                            seen++;
                            break;
                        }
                    }
                }
                if (pts > 0) {
                    walls++;
                    seenWalls += 2 * seen >= pts ? 1 : 0;
                }
            }
        }
        return walls == 0 ? Double.NaN : seenWalls / (double) walls;
    }

    /** The room-size rule: the frames face the foot of every wall of a known floor ({@link #wallShare} = 1). */
    public static boolean coversRoom(Scene scene, List<CameraPose> poses, Intrinsics k) {
        return wallShare(scene, poses, k) == 1.0;
    }

    /** Whether the floor segment a–b stays inside the room's regions (checked every 5 cm, ends excluded). */
    static boolean insideRoom(Scene scene, Vec2 a, Vec2 b) {
        double len = b.minus(a).length();
        int steps = (int) Math.ceil(len / 0.05);
        for (int i = 1; i < steps; i++) {
            Vec2 q = a.plus(b.minus(a).times(i / (double) steps));
            boolean in = false;
            for (RoomRegion r : scene.room().regions()) {
                if (r.contains(q)) {
                    in = true;
                    break;
                }
            }
            if (!in) {
                return false;
            }
        }
        return true;
    }

    static boolean inView(Vec3 p, CameraPose c, Intrinsics k, UpAxis up) {
        Vec3 v = p.minus(c.position());
        double z = v.dot(c.forward());
        if (z <= 1e-6) {
            return false;
        }
        double u = k.cx() + k.fx() * v.dot(c.right(up)) / z;
        double w = k.cy() - k.fy() * v.dot(c.up()) / z;
        return u >= 0 && u <= k.width() && w >= 0 && w <= k.height();
    }
}
