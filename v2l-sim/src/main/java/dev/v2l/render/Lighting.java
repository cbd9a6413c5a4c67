package dev.v2l.render;

import dev.v2l.geom.OrientedRect;
import dev.v2l.geom.Vec2;
import dev.v2l.geom.Vec3;
import dev.v2l.scene.Footprints;
import dev.v2l.scene.RoomRegion;
import dev.v2l.scene.Scene;
import dev.v2l.scene.SceneObject;
import java.util.ArrayList;
import java.util.List;

/**
 * The view-independent light of a static room, computed once per corner: a sky-and-floor hemisphere ambient, a
 * warm ceiling light over each room region (diffuse, falling off with distance), daylight from each window into
 * the room, and ambient occlusion where things meet — contact shadows on the floor under and around furniture,
 * darker floor-wall and furniture-wall junctions, and the lower parts of furniture in their own shade. Values are
 * linear light (1 = the white point before the output curve).
 */
final class Lighting {

    private static final float[] CEILING_COLOUR = {1.0f, 0.94f, 0.84f};
    private static final float[] WINDOW_COLOUR = {0.86f, 0.93f, 1.05f};

    private record Obstacle(OrientedRect footprint, double zMin, double zMax) {
    }

    private record Window(Vec3 centre, Vec3 inward, double area) {
    }

    private final List<Vec3> lamps = new ArrayList<>();
    private final List<Window> windows = new ArrayList<>();
    private final List<Obstacle> obstacles = new ArrayList<>();
    private final List<List<Vec2>> outlines = new ArrayList<>();
    private final Vec3 key;

    Lighting(Scene scene, double wallHeight, boolean flat) {
        for (RoomRegion r : scene.room().regions()) {
            Vec2 c = centroid(r.polygon());
            if (!r.contains(c)) {
                c = r.polygon().get(0).plus(r.polygon().get(2).minus(r.polygon().get(0)).times(0.3));
            }
            lamps.add(new Vec3(c.x(), c.y(), wallHeight - 0.1));
            outlines.add(r.polygon());
        }
        for (SceneObject o : scene.objects()) {
            var p = Footprints.prismOf(o.box(), scene.up());
            if (o.label().equals("window") && o.asset() != null) {
                Vec3 centre = RenderFrame.toRender(scene.up(), o.box().center());
                Vec3 inward = RenderFrame.toRenderDirection(scene.up(), o.box().axis1()).normalized();
                windows.add(new Window(centre, inward, o.box().length0() * o.box().length2()));
            } else if (!o.label().equals("door")) {
                obstacles.add(new Obstacle(p.footprint(), p.zMin(), p.zMax()));
            }
        }
        if (lamps.isEmpty()) {
            double[] b = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
            for (Obstacle o : obstacles) {
                double[] ob = o.footprint.bounds();
                b[0] = Math.min(b[0], ob[0]);
                b[1] = Math.min(b[1], ob[1]);
                b[2] = Math.max(b[2], ob[2]);
                b[3] = Math.max(b[3], ob[3]);
            }
            lamps.add(b[0] > b[2] ? new Vec3(0, 0, wallHeight) : new Vec3((b[0] + b[2]) / 2, (b[1] + b[3]) / 2,
                    wallHeight));
        }
        key = lamps.get(0);
    }

    Vec3 keyLight() {
        return key;
    }

    static Vec2 centroid(List<Vec2> poly) {
        double a = 0;
        double cx = 0;
        double cy = 0;
        for (int i = 0; i < poly.size(); i++) {
            Vec2 p = poly.get(i);
            Vec2 q = poly.get((i + 1) % poly.size());
            double cr = p.x() * q.y() - q.x() * p.y();
            a += cr;
            cx += (p.x() + q.x()) * cr;
            cy += (p.y() + q.y()) * cr;
        }
        if (Math.abs(a) < 1e-12) {
            return poly.get(0);
        }
        return new Vec2(cx / (3 * a), cy / (3 * a));
    }

    /** Writes the linear r, g, b light of a corner at (x, y, z) with unit normal n into out[o..o+2]. */
    void light(float x, float y, float z, float nx, float ny, float nz, int instance, float[] out, int o) {
        double ao = occlusion(x, y, z, nx, ny, nz, instance);
        // sky-and-floor ambient; the ceiling also gets the lamps' light back from the floor and walls
        double ambient = (0.36 + 0.1 * nz + (nz < -0.9 && instance == SceneMesh.STRUCTURE ? 0.32 : 0)) * ao;
        double r = ambient * 0.97;
        double g = ambient * 0.97;
        double b = ambient;
        for (Vec3 l : lamps) {
            double lx = l.x() - x;
            double ly = l.y() - y;
            double lz = l.z() - z;
            double d2 = lx * lx + ly * ly + lz * lz;
            double d = Math.sqrt(d2);
            double cos = (nx * lx + ny * ly + nz * lz) / Math.max(1e-6, d);
            if (cos > 0) {
                double e = 1.15 * cos / (1 + 0.09 * d2) * (0.55 + 0.45 * ao);
                r += e * CEILING_COLOUR[0];
                g += e * CEILING_COLOUR[1];
                b += e * CEILING_COLOUR[2];
            }
        }
        for (Window w : windows) {
            double wx = w.centre.x() - x;
            double wy = w.centre.y() - y;
            double wz = w.centre.z() - z;
            double front = -(wx * w.inward.x() + wy * w.inward.y() + wz * w.inward.z());
            if (front <= 0.05) {
                continue;
            }
            double d2 = wx * wx + wy * wy + wz * wz;
            double d = Math.sqrt(d2);
            double cos = (nx * wx + ny * wy + nz * wz) / d;
            if (cos > 0) {
                double e = 0.55 * w.area * cos * (front / d) / (0.5 + 0.35 * d2) * (0.6 + 0.4 * ao);
                r += e * WINDOW_COLOUR[0];
                g += e * WINDOW_COLOUR[1];
                b += e * WINDOW_COLOUR[2];
            }
        }
        out[o] = (float) r;
        out[o + 1] = (float) g;
        out[o + 2] = (float) b;
    }

    /** 1 where the surroundings are open, down to about 0.4 in tight corners and under furniture. */
    private double occlusion(float x, float y, float z, float nx, float ny, float nz, int instance) {
        Vec2 p = new Vec2(x, y);
        double ao = 1;
        if (instance == SceneMesh.STRUCTURE) {
            double wall = wallDistance(p);
            if (nz > 0.9 && z < 0.05) { // floor
                double occ = 0;
                for (Obstacle o : obstacles) {
                    if (o.zMin > 0.6) {
                        continue;
                    }
                    double d = o.footprint.distanceTo(p);
                    double strength = o.zMin < 0.05 ? 0.62 : 0.45;
                    occ = Math.max(occ, strength * Math.exp(-d / 0.14));
                }
                ao *= 1 - occ;
                ao *= 1 - 0.3 * Math.exp(-wall / 0.12);
            } else if (Math.abs(nz) < 0.5) { // wall
                ao *= 1 - 0.3 * Math.exp(-z / 0.1);
                ao *= 1 - 0.2 * Math.exp(-cornerDistance(p) / 0.15);
                for (Obstacle o : obstacles) {
                    if (z > o.zMax + 0.2 || z < o.zMin - 0.2) {
                        continue;
                    }
                    double d = o.footprint.distanceTo(p);
                    double above = Math.max(0, z - o.zMax);
                    ao *= 1 - 0.4 * Math.exp(-(d + above) / 0.12);
                }
            } else if (nz < -0.9) { // ceiling
                ao *= 1 - 0.25 * Math.exp(-wall / 0.2);
            }
        } else {
            // furniture: the lower parts and undersides are in their own shade
            double h = Math.min(1, z / 0.35);
            ao *= 0.55 + 0.45 * h * h * (3 - 2 * h);
            if (nz < -0.5) {
                ao *= 0.7;
            }
        }
        return ao;
    }

    private double wallDistance(Vec2 p) {
        double best = Double.MAX_VALUE;
        for (List<Vec2> poly : outlines) {
            best = Math.min(best, FreeSpace.distanceToOutline(poly, p));
        }
        return best == Double.MAX_VALUE ? 10 : best;
    }

    private double cornerDistance(Vec2 p) {
        double best = 10;
        for (List<Vec2> poly : outlines) {
            for (Vec2 c : poly) {
                best = Math.min(best, c.distanceTo(p));
            }
        }
        return best;
    }
}
