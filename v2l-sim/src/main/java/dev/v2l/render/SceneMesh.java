package dev.v2l.render;

import dev.v2l.geom.Vec2;
import dev.v2l.geom.Vec3;
import dev.v2l.scene.OrientedBox;
import dev.v2l.scene.RoomRegion;
import dev.v2l.scene.Scene;
import dev.v2l.scene.SceneObject;
import dev.v2l.scene.UpAxis;
import java.util.ArrayList;
import java.util.List;

/**
 * A scene as flat-shaded triangles in the render frame: every object's box (12 triangles, its category colour, its
 * instance number), the floor of every room region (or, for scenes that only state an area, a floor under the
 * objects) and walls along the region outlines, facing inwards. Triangles are counter-clockwise seen from their
 * front; back faces are culled, so walls hide nothing when seen from outside.
 */
public final class SceneMesh {

    /** Instance number of structure (floor, walls): not an object. */
    public static final int STRUCTURE = 0;

    final float[] xyz; // 9 floats per triangle
    final int[] colour; // shaded colour per triangle
    final int[] instance; // object index + 1, or STRUCTURE
    final int triangles;
    private final List<String> instanceIds;

    private SceneMesh(float[] xyz, int[] colour, int[] instance, int triangles, List<String> instanceIds) {
        this.xyz = xyz;
        this.colour = colour;
        this.instance = instance;
        this.triangles = triangles;
        this.instanceIds = List.copyOf(instanceIds);
    }

    /** The scene object id of an instance number (1-based), as written in instance masks. */
    public String instanceId(int number) {
        return instanceIds.get(number - 1);
    }

    public List<String> instanceIds() {
        return instanceIds;
    }

    public int triangleCount() {
        return triangles;
    }

    private static final Vec3 LIGHT = new Vec3(-0.35, -0.5, 0.8).normalized();

    public static SceneMesh of(Scene scene, double wallHeight) {
        Builder b = new Builder();
        UpAxis up = scene.up();
        List<String> ids = new ArrayList<>();
        for (SceneObject o : scene.objects()) {
            ids.add(o.id());
            b.box(o.box(), up, Palette.forLabel(o.label()), ids.size());
        }
        List<RoomRegion> regions = scene.room().regions();
        if (regions.isEmpty()) {
            b.floorUnder(scene, up);
        } else {
            for (RoomRegion r : regions) {
                List<Vec2> poly = counterClockwise(r.polygon());
                double floorZ = 0;
                b.floor(poly, floorZ);
                b.walls(poly, floorZ, wallHeight);
                b.ceiling(poly, floorZ + wallHeight);
            }
        }
        return new SceneMesh(b.xyz(), b.colours(), b.instances(), b.count, ids);
    }

    static List<Vec2> counterClockwise(List<Vec2> p) {
        double twice = 0;
        for (int i = 0; i < p.size(); i++) {
            Vec2 a = p.get(i);
            Vec2 c = p.get((i + 1) % p.size());
            twice += a.x() * c.y() - c.x() * a.y();
        }
        if (twice >= 0) {
            return p;
        }
        List<Vec2> r = new ArrayList<>(p);
        java.util.Collections.reverse(r);
        return r;
    }

    private static final class Builder {
        float[] xyz = new float[9 * 512];
        int[] col = new int[512];
        int[] inst = new int[512];
        int count;

        void tri(Vec3 a, Vec3 b, Vec3 c, int rgb, int instance) {
            if (count == col.length) {
                xyz = java.util.Arrays.copyOf(xyz, xyz.length * 2);
                col = java.util.Arrays.copyOf(col, col.length * 2);
                inst = java.util.Arrays.copyOf(inst, inst.length * 2);
            }
            int o = 9 * count;
            xyz[o] = (float) a.x();
            xyz[o + 1] = (float) a.y();
            xyz[o + 2] = (float) a.z();
            xyz[o + 3] = (float) b.x();
            xyz[o + 4] = (float) b.y();
            xyz[o + 5] = (float) b.z();
            xyz[o + 6] = (float) c.x();
            xyz[o + 7] = (float) c.y();
            xyz[o + 8] = (float) c.z();
            Vec3 n = b.minus(a).cross(c.minus(a));
            float light = n.length() == 0 ? 0.6f : (float) (0.45 + 0.55 * Math.max(0, n.normalized().dot(LIGHT)));
            col[count] = Palette.shade(rgb, light);
            inst[count] = instance;
            count++;
        }

        void quad(Vec3 a, Vec3 b, Vec3 c, Vec3 d, int rgb, int instance) {
            tri(a, b, c, rgb, instance);
            tri(a, c, d, rgb, instance);
        }

        void box(OrientedBox box, UpAxis up, int rgb, int instance) {
            Vec3[] p = new Vec3[8];
            List<Vec3> corners = box.corners(); // bit 0: axis0, bit 1: axis1, bit 2: axis2
            for (int i = 0; i < 8; i++) {
                p[i] = RenderFrame.toRender(up, corners.get(i));
            }
            // The axes may form a left-handed triple (Unity boxes); orient each face outwards by its centre.
            Vec3 centre = RenderFrame.toRender(up, box.center());
            int[][] faces = {{0, 2, 6, 4}, {1, 5, 7, 3}, {0, 4, 5, 1}, {2, 3, 7, 6}, {0, 1, 3, 2}, {4, 6, 7, 5}};
            for (int[] f : faces) {
                Vec3 a = p[f[0]];
                Vec3 b = p[f[1]];
                Vec3 c = p[f[2]];
                Vec3 d = p[f[3]];
                Vec3 n = b.minus(a).cross(c.minus(a));
                Vec3 faceCentre = a.plus(c).times(0.5);
                if (n.dot(faceCentre.minus(centre)) < 0) {
                    quad(a, d, c, b, rgb, instance);
                } else {
                    quad(a, b, c, d, rgb, instance);
                }
            }
        }

        void floor(List<Vec2> poly, double z) {
            for (int[] t : EarClipping.triangulate(poly)) {
                Vec2 a = poly.get(t[0]);
                Vec2 b = poly.get(t[1]);
                Vec2 c = poly.get(t[2]);
                tri(new Vec3(a.x(), a.y(), z), new Vec3(b.x(), b.y(), z), new Vec3(c.x(), c.y(), z), Palette.FLOOR,
                        STRUCTURE);
            }
        }

        /** The floor polygon again at the top of the walls, facing down. */
        void ceiling(List<Vec2> poly, double z) {
            for (int[] t : EarClipping.triangulate(poly)) {
                Vec2 a = poly.get(t[0]);
                Vec2 b = poly.get(t[1]);
                Vec2 c = poly.get(t[2]);
                tri(new Vec3(a.x(), a.y(), z), new Vec3(c.x(), c.y(), z), new Vec3(b.x(), b.y(), z), Palette.CEILING,
                        STRUCTURE);
            }
        }

        void walls(List<Vec2> poly, double z0, double height) {
            for (int i = 0; i < poly.size(); i++) {
                Vec2 a = poly.get(i);
                Vec2 b = poly.get((i + 1) % poly.size());
                // Seen from inside (left of a→b), counter-clockwise: a-low, a-high, b-high, b-low.
                quad(new Vec3(a.x(), a.y(), z0), new Vec3(a.x(), a.y(), z0 + height),
                        new Vec3(b.x(), b.y(), z0 + height), new Vec3(b.x(), b.y(), z0), Palette.WALL, STRUCTURE);
            }
        }

        /** Scenes with no room outline get a floor a metre beyond their objects. */
        void floorUnder(Scene scene, UpAxis up) {
            double[] b = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE, Double.MAX_VALUE};
            for (SceneObject o : scene.objects()) {
                for (Vec3 c : o.box().corners()) {
                    Vec3 r = RenderFrame.toRender(up, c);
                    b[0] = Math.min(b[0], r.x());
                    b[1] = Math.min(b[1], r.y());
                    b[2] = Math.max(b[2], r.x());
                    b[3] = Math.max(b[3], r.y());
                    b[4] = Math.min(b[4], r.z());
                }
            }
            if (b[0] > b[2]) {
                return;
            }
            floor(List.of(new Vec2(b[0] - 1, b[1] - 1), new Vec2(b[2] + 1, b[1] - 1), new Vec2(b[2] + 1, b[3] + 1),
                    new Vec2(b[0] - 1, b[3] + 1)), b[4]);
        }

        float[] xyz() {
            return java.util.Arrays.copyOf(xyz, 9 * count);
        }

        int[] colours() {
            return java.util.Arrays.copyOf(col, count);
        }

        int[] instances() {
            return java.util.Arrays.copyOf(inst, count);
        }
    }
}
