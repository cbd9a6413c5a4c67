package dev.v2l.source.procedural;

import dev.v2l.geom.OrientedRect;
import dev.v2l.geom.Vec2;
import dev.v2l.geom.Vec3;
import dev.v2l.scene.OrientedBox;
import dev.v2l.scene.Room;
import dev.v2l.scene.RoomRegion;
import dev.v2l.scene.Scene;
import dev.v2l.scene.SceneObject;
import dev.v2l.scene.UpAxis;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

/**
 * Furnished indoor rooms from a seed: a rectangular or L-shaped room of 8–60 m², themed (living room, bedroom,
 * kitchen, office, bathroom), with 8–30 objects from 33 categories at real-world sizes. Wall pieces stand with their
 * back to a wall, chairs gather round tables and desks, lamps, TVs, monitors and vases stand on supports, and no two
 * footprints on the same level overlap; everything lies inside the room. z is up, metres. Scene {@code i} depends
 * only on (seed, i).
 */
public final class ProceduralGenerator {

    public static final double WALL_HEIGHT = 2.6;
    static final double GAP = 0.05;
    static final double WALL_MARGIN = 0.02;
    private static final GeometryFactory JTS = new GeometryFactory();

    private final long seed;

    public ProceduralGenerator(long seed) {
        this.seed = seed;
    }

    public static String sceneId(long seed, int index) {
        return String.format(Locale.ROOT, "proc-%d-%04d", seed, index);
    }

    public Scene generate(int index) {
        for (int attempt = 0; attempt < 50; attempt++) {
            SplittableRandom rnd = new SplittableRandom(mix(seed, index, attempt));
            Scene s = new Build(rnd, sceneId(seed, index)).run();
            if (s != null) {
                return s;
            }
        }
        throw new IllegalStateException("could not furnish scene " + index + " of seed " + seed);
    }

    static long mix(long seed, int index, int attempt) {
        long h = seed * 0x9E3779B97F4A7C15L + index * 0xBF58476D1CE4E5B9L + attempt * 0x94D049BB133111EBL;
        h ^= h >>> 31;
        return h * 0xD6E8FEB86659FD93L;
    }

    /** One placed object: its footprint, vertical range and what it stands on. */
    private record Placed(String label, OrientedRect footprint, double z0, double z1, int support) {
    }

    private static final class Build {
        final SplittableRandom rnd;
        final String id;
        final List<Placed> placed = new ArrayList<>();
        List<Vec2> polygon;
        Polygon roomPoly;
        RoomTheme theme;

        Build(SplittableRandom rnd, String id) {
            this.rnd = rnd;
            this.id = id;
        }

        Scene run() {
            theme = RoomTheme.ALL.get(rnd.nextInt(RoomTheme.ALL.size()));
            if (!room()) {
                return null;
            }
            for (RoomTheme.Item item : theme.items()) {
                if (rnd.nextDouble() >= item.probability()) {
                    continue;
                }
                int n = item.min() + rnd.nextInt(item.max() - item.min() + 1);
                for (int k = 0; k < n && placed.size() < 30; k++) {
                    place(Category.byLabel(item.label()));
                }
            }
            // Fill towards a target that grows with the floor area (8–30), from the theme's own items and a few
            // common fillers.
            double area = new RoomRegion("r", "x", polygon).area();
            int target = Math.min(30, 8 + rnd.nextInt(Math.max(1, (int) (area * 0.9) - 7)));
            String[] fillers = {"plant", "trash can", "stool", "side table", "chair", "floor lamp", "cabinet", "vase",
                "lamp"};
            for (int tries = 0; placed.size() < target && tries < 120; tries++) {
                String label = rnd.nextBoolean() ? fillers[rnd.nextInt(fillers.length)]
                        : theme.items().get(rnd.nextInt(theme.items().size())).label();
                place(Category.byLabel(label));
            }
            if (placed.size() < 8) {
                return null;
            }
            return toScene();
        }

        boolean room() {
            double area = theme.area()[0] + rnd.nextDouble() * (theme.area()[1] - theme.area()[0]);
            area = Math.max(8, Math.min(60, area));
            double aspect = 1 + rnd.nextDouble() * 0.8;
            double w = Math.sqrt(area * aspect);
            double d = area / w;
            if (area >= 14 && rnd.nextDouble() < 0.3) {
                // L-shape: the rectangle grown so the notch leaves the target area.
                double cx = 0.25 + rnd.nextDouble() * 0.2;
                double cy = 0.25 + rnd.nextDouble() * 0.2;
                double scale = Math.sqrt(1 / (1 - cx * cy));
                w *= scale;
                d *= scale;
                double nx = w * (1 - cx);
                double ny = d * (1 - cy);
                polygon = List.of(new Vec2(0, 0), new Vec2(w, 0), new Vec2(w, ny), new Vec2(nx, ny), new Vec2(nx, d),
                        new Vec2(0, d));
            } else {
                polygon = List.of(new Vec2(0, 0), new Vec2(w, 0), new Vec2(w, d), new Vec2(0, d));
            }
            double a = new RoomRegion("r", "x", polygon).area();
            if (a < 8 || a > 60 || Math.min(w, d) < 2.2) {
                return false;
            }
            Coordinate[] cs = new Coordinate[polygon.size() + 1];
            for (int i = 0; i < polygon.size(); i++) {
                cs[i] = new Coordinate(polygon.get(i).x(), polygon.get(i).y());
            }
            cs[polygon.size()] = cs[0];
            roomPoly = JTS.createPolygon(cs);
            return true;
        }

        double uniform(double[] range) {
            return range[0] + rnd.nextDouble() * (range[1] - range[0]);
        }

        void place(Category c) {
            double w = uniform(c.width());
            // Round things (plants, bins, stools, lamps, vases) have a square footprint.
            double dep = java.util.Arrays.equals(c.width(), c.depth()) ? w : uniform(c.depth());
            double h = uniform(c.height());
            for (int attempt = 0; attempt < 40; attempt++) {
                Placed p = switch (c.placement()) {
                    case WALL -> againstWall(c.label(), w, dep, h);
                    case FLOOR -> onFloor(c.label(), w, dep, h);
                    case ON_TOP -> onTop(c, w, dep, h);
                };
                if (p != null) {
                    placed.add(p);
                    return;
                }
            }
        }

        Placed againstWall(String label, double w, double dep, double h) {
            int n = polygon.size();
            int e = rnd.nextInt(n);
            Vec2 a = polygon.get(e);
            Vec2 b = polygon.get((e + 1) % n);
            double len = a.distanceTo(b);
            if (len < w + 0.2) {
                return null;
            }
            Vec2 along = b.minus(a).normalized();
            Vec2 inward = along.leftNormal(); // the polygon is counter-clockwise
            double t = 0.1 + w / 2 + rnd.nextDouble() * (len - w - 0.2);
            Vec2 centre = a.plus(along.times(t)).plus(inward.times(dep / 2 + WALL_MARGIN));
            return floorIfFree(label, new OrientedRect(centre, along, w / 2, dep / 2), h);
        }

        Placed onFloor(String label, double w, double dep, double h) {
            if ((label.equals("chair") || label.equals("office chair") || label.equals("stool"))
                    && rnd.nextDouble() < 0.85) {
                Placed p = besideATable(label, w, dep, h);
                if (p != null) {
                    return p;
                }
            }
            double[] env = roomPoly.getEnvelopeInternal() == null ? null : new double[] {
                roomPoly.getEnvelopeInternal().getMinX(), roomPoly.getEnvelopeInternal().getMinY(),
                roomPoly.getEnvelopeInternal().getMaxX(), roomPoly.getEnvelopeInternal().getMaxY()};
            Vec2 centre = new Vec2(env[0] + rnd.nextDouble() * (env[2] - env[0]),
                    env[1] + rnd.nextDouble() * (env[3] - env[1]));
            double yaw = Math.toRadians(90 * rnd.nextInt(4) + (rnd.nextDouble() - 0.5) * 30);
            return floorIfFree(label, new OrientedRect(centre, new Vec2(Math.cos(yaw), Math.sin(yaw)), w / 2, dep / 2),
                    h);
        }

        /** Chairs face a table or desk from one of its sides. */
        Placed besideATable(String label, double w, double dep, double h) {
            List<Placed> tables = new ArrayList<>();
            for (Placed p : placed) {
                if (p.support() < 0 && (p.label().equals("dining table") || p.label().equals("desk")
                        || p.label().equals("coffee table") && label.equals("stool"))) {
                    tables.add(p);
                }
            }
            if (tables.isEmpty()) {
                return null;
            }
            Placed t = tables.get(rnd.nextInt(tables.size()));
            OrientedRect f = t.footprint();
            Vec2 u = f.axis();
            Vec2 v = u.leftNormal();
            int side = rnd.nextInt(4);
            Vec2 normal = switch (side) {
                case 0 -> v;
                case 1 -> v.times(-1);
                case 2 -> u;
                default -> u.times(-1);
            };
            double half = side < 2 ? f.halfAlongV() : f.halfAlongU();
            double span = side < 2 ? f.halfAlongU() : f.halfAlongV();
            Vec2 tangent = normal.leftNormal();
            double offset = (rnd.nextDouble() * 2 - 1) * Math.max(0, span - w / 2);
            Vec2 centre = f.center().plus(normal.times(half + 0.12 + dep / 2)).plus(tangent.times(offset));
            // The chair's front (+v of its footprint) faces the table.
            Vec2 axis = normal.leftNormal().times(-1);
            return floorIfFree(label, new OrientedRect(centre, axis, w / 2, dep / 2), h);
        }

        Placed onTop(Category c, double w, double dep, double h) {
            List<Integer> supports = new ArrayList<>();
            for (int i = 0; i < placed.size(); i++) {
                if (placed.get(i).support() < 0 && c.supports().contains(placed.get(i).label())) {
                    supports.add(i);
                }
            }
            if (supports.isEmpty()) {
                return null;
            }
            int si = supports.get(rnd.nextInt(supports.size()));
            Placed s = placed.get(si);
            OrientedRect top = s.footprint();
            if (w > 2 * top.halfAlongU() - 0.04 || dep > 2 * top.halfAlongV() - 0.04) {
                return null;
            }
            double ru = (rnd.nextDouble() * 2 - 1) * (top.halfAlongU() - w / 2 - 0.02);
            double rv = (rnd.nextDouble() * 2 - 1) * (top.halfAlongV() - dep / 2 - 0.02);
            Vec2 centre = top.center().plus(top.axis().times(ru)).plus(top.axis().leftNormal().times(rv));
            OrientedRect f = new OrientedRect(centre, top.axis(), w / 2, dep / 2);
            for (Placed p : placed) {
                if (p.support() == si && grown(p.footprint()).intersects(f)) {
                    return null;
                }
            }
            return new Placed(c.label(), f, s.z1(), s.z1() + h, si);
        }

        Placed floorIfFree(String label, OrientedRect f, double h) {
            if (!inside(f)) {
                return null;
            }
            for (Placed p : placed) {
                if (p.support() < 0 && grown(p.footprint()).intersects(f)) {
                    return null;
                }
            }
            return new Placed(label, f, 0, h, -1);
        }

        static OrientedRect grown(OrientedRect r) {
            return new OrientedRect(r.center(), r.axis(), r.halfAlongU() + GAP, r.halfAlongV() + GAP);
        }

        boolean inside(OrientedRect f) {
            Coordinate[] cs = new Coordinate[5];
            List<Vec2> c = f.corners();
            for (int i = 0; i < 4; i++) {
                cs[i] = new Coordinate(c.get(i).x(), c.get(i).y());
            }
            cs[4] = cs[0];
            return roomPoly.contains(JTS.createPolygon(cs));
        }

        Scene toScene() {
            List<SceneObject> objs = new ArrayList<>();
            Map<String, Integer> counts = new HashMap<>();
            List<String> ids = new ArrayList<>();
            for (Placed p : placed) {
                int k = counts.merge(p.label(), 1, Integer::sum) - 1;
                ids.add(p.label().replace(' ', '_') + "_" + k);
            }
            for (int i = 0; i < placed.size(); i++) {
                Placed p = placed.get(i);
                OrientedRect f = p.footprint();
                Vec2 u = f.axis();
                Vec2 v = u.leftNormal();
                OrientedBox box = new OrientedBox(new Vec3(f.center().x(), f.center().y(), (p.z0() + p.z1()) / 2),
                        new Vec3(u.x(), u.y(), 0), new Vec3(v.x(), v.y(), 0), new Vec3(0, 0, 1), 2 * f.halfAlongU(),
                        2 * f.halfAlongV(), p.z1() - p.z0());
                objs.add(new SceneObject(ids.get(i), p.label(), box, p.support() < 0 ? null : ids.get(p.support()),
                        null));
            }
            RoomRegion region = new RoomRegion("room", theme.name(), polygon);
            return new Scene(id, "procedural", UpAxis.Z, Room.ofRegions(List.of(region)), objs);
        }
    }
}
