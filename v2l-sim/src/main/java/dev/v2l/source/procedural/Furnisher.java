package dev.v2l.source.procedural;

import dev.v2l.asset.AssetLibrary;
import dev.v2l.asset.BuiltinModels;
import dev.v2l.asset.CatalogModel;
import dev.v2l.geom.OrientedRect;
import dev.v2l.geom.Vec2;
import dev.v2l.scene.AssetRef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

/**
 * Furnishes one room: doors and windows in the walls, then the room type's furniture in plausible arrangements —
 * pieces with their backs to walls, nightstands beside beds, chairs facing desks and round tables, sofas facing a
 * TV, kitchen units side by side along a wall, lamps and TVs on top of others — at the sizes of the catalog models
 * chosen (each model's own size, scaled by 0.92–1.08). Footprints on the floor never overlap (5 cm apart), the door's
 * swing stays clear, tall pieces keep out of windows, at most {@value #MAX_PER_LABEL} of a label.
 */
final class Furnisher {

    static final double GAP = 0.05;
    static final int MAX_PER_LABEL = 6;
    private static final GeometryFactory JTS = new GeometryFactory();

    /** One placed object. {@code support} is the index of what it stands on, or -1. */
    record Placed(String label, AssetRef asset, OrientedRect footprint, double z0, double z1, int support) {
        double height() {
            return z1 - z0;
        }
    }

    /** A wall-mounted opening's free zone: nothing on the floor in {@code zone} higher than {@code maxHeight}. */
    private record Keepout(OrientedRect zone, double maxHeight) {
    }

    final SplittableRandom rnd;
    final AssetLibrary lib;
    final List<Vec2> polygon;
    final Polygon roomPoly;
    final List<Placed> placed = new ArrayList<>();
    private final List<Keepout> keepouts = new ArrayList<>();
    private final Map<String, Integer> counts = new HashMap<>();

    Furnisher(SplittableRandom rnd, AssetLibrary lib, List<Vec2> polygon) {
        this.rnd = rnd;
        this.lib = lib;
        this.polygon = polygon;
        Coordinate[] cs = new Coordinate[polygon.size() + 1];
        for (int i = 0; i < polygon.size(); i++) {
            cs[i] = new Coordinate(polygon.get(i).x(), polygon.get(i).y());
        }
        cs[polygon.size()] = cs[0];
        roomPoly = JTS.createPolygon(cs);
    }

    // ---------------------------------------------------------------- sizes and models

    /** A model for a label with its placed size (w along its front, d depth, h height), or null if none. */
    record Pick(String label, CatalogModel model, double w, double d, double h, double elevation) {
        AssetRef ref() {
            return model.ref();
        }
    }

    Pick pick(String label) {
        // wall-hung pieces (upper cabinets, wall lights) are left out: rooms stand their furniture on the floor
        List<CatalogModel> ms = lib.models(label).stream().filter(m -> m.elevation() <= 0.3).toList();
        if (ms.isEmpty() || counts.getOrDefault(label, 0) >= MAX_PER_LABEL) {
            return null;
        }
        CatalogModel m = ms.get(rnd.nextInt(ms.size()));
        double s = 0.92 + 0.16 * rnd.nextDouble();
        return new Pick(label, m, m.width() * s, m.depth() * s, m.height() * s, m.elevation());
    }

    int count(String label) {
        return counts.getOrDefault(label, 0);
    }

    private int add(Placed p) {
        placed.add(p);
        counts.merge(p.label(), 1, Integer::sum);
        return placed.size() - 1;
    }

    // ---------------------------------------------------------------- openings

    /** A door in a wall (1 per room), with its swing kept clear. */
    boolean door() {
        double w = 0.8 + 0.1 * rnd.nextDouble();
        double h = 2.0 + 0.1 * rnd.nextDouble();
        Opening o = opening(w, 0.25);
        if (o == null) {
            return false;
        }
        add(new Placed("door", BuiltinModels.doorRef(), o.footprint(), 0, h, -1));
        keepouts.add(new Keepout(o.inFront(0.55, w / 2 + 0.15), 0));
        return true;
    }

    /** A window in a wall; floor pieces taller than its sill keep out of the strip in front of it. */
    boolean window() {
        double w = 0.8 + 0.8 * rnd.nextDouble();
        double h = 1.1 + 0.3 * rnd.nextDouble();
        double sill = 0.8 + 0.2 * rnd.nextDouble();
        Opening o = opening(w, 0.3);
        if (o == null) {
            return false;
        }
        add(new Placed("window", BuiltinModels.windowRef(), o.footprint(), sill, sill + h, -1));
        keepouts.add(new Keepout(o.inFront(0.3, w / 2 + 0.1), sill - 0.05));
        return true;
    }

    /** An opening's place in a wall: its centre on the wall, the wall's direction and the room's inward normal. */
    private record Opening(Vec2 at, Vec2 along, Vec2 in, double width) {
        OrientedRect footprint() {
            return new OrientedRect(at.plus(in.times(0.03)), along, width / 2, 0.03);
        }

        /** The strip of the room in front of the opening, {@code depth} deep and {@code halfWidth} to each side. */
        OrientedRect inFront(double depth, double halfWidth) {
            return new OrientedRect(at.plus(in.times(depth)), along, halfWidth, depth);
        }
    }

    /**
     * A free place for an opening {@code width} wide on a random wall, at least {@code margin} from the wall's ends
     * (30 tries), or null.
     */
    private Opening opening(double width, double margin) {
        for (int attempt = 0; attempt < 30; attempt++) {
            int e = rnd.nextInt(polygon.size());
            Vec2 a = polygon.get(e);
            Vec2 b = polygon.get((e + 1) % polygon.size());
            double len = a.distanceTo(b);
            if (len < width + 2 * margin) {
                continue;
            }
            double t = margin + width / 2 + rnd.nextDouble() * (len - width - 2 * margin);
            Vec2 along = b.minus(a).normalized();
            Opening o = new Opening(a.plus(along.times(t)), along, along.leftNormal(), width);
            if (opening(o.footprint())) {
                return o;
            }
        }
        return null;
    }

    /** Openings may not overlap each other along the walls (a margin of 0.3 m). */
    private boolean opening(OrientedRect f) {
        if (!inside(f)) {
            return false;
        }
        OrientedRect wide = new OrientedRect(f.center(), f.axis(), f.halfAlongU() + 0.3, f.halfAlongV() + 0.05);
        for (Placed p : placed) {
            if ((p.label().equals("door") || p.label().equals("window")) && wide.intersects(p.footprint())) {
                return false;
            }
        }
        return true;
    }

    // ---------------------------------------------------------------- placements

    /** With its back to a wall: a random wall long enough, or near {@code near} when given. */
    int againstWall(Pick k) {
        if (k == null) {
            return -1;
        }
        for (int attempt = 0; attempt < 40; attempt++) {
            int e = rnd.nextInt(polygon.size());
            int idx = onWall(k, e, -1);
            if (idx >= 0) {
                return idx;
            }
        }
        return -1;
    }

    /** On wall {@code e} at position {@code t} along it (random when t < 0). */
    int onWall(Pick k, int e, double t) {
        Vec2 a = polygon.get(e);
        Vec2 b = polygon.get((e + 1) % polygon.size());
        double len = a.distanceTo(b);
        if (len < k.w() + 0.1) {
            return -1;
        }
        double pos = t >= 0 ? t : 0.05 + k.w() / 2 + rnd.nextDouble() * (len - k.w() - 0.1);
        if (pos < k.w() / 2 + 0.02 || pos > len - k.w() / 2 - 0.02) {
            return -1;
        }
        Vec2 along = b.minus(a).normalized();
        Vec2 in = along.leftNormal(); // counter-clockwise polygon: inward is to the left
        Vec2 c = a.plus(along.times(pos)).plus(in.times(k.d() / 2 + 0.02));
        return tryFloor(k, new OrientedRect(c, along, k.w() / 2, k.d() / 2));
    }

    /** The longest wall (for the room's main piece). */
    int longestWall() {
        int best = 0;
        for (int e = 1; e < polygon.size(); e++) {
            if (wallLength(e) > wallLength(best)) {
                best = e;
            }
        }
        return best;
    }

    double wallLength(int e) {
        return polygon.get(e).distanceTo(polygon.get((e + 1) % polygon.size()));
    }

    /** The wall an object stands against (the edge nearest behind it). */
    int wallOf(Placed p) {
        int best = 0;
        double bestD = Double.MAX_VALUE;
        Vec2 back = p.footprint().center().minus(p.footprint().axis().leftNormal().times(p.footprint().halfAlongV()));
        for (int e = 0; e < polygon.size(); e++) {
            Vec2 a = polygon.get(e);
            Vec2 b = polygon.get((e + 1) % polygon.size());
            Vec2 ab = b.minus(a);
            double tt = Math.max(0, Math.min(1, back.minus(a).dot(ab) / ab.dot(ab)));
            double d = back.distanceTo(a.plus(ab.times(tt)));
            if (d < bestD) {
                bestD = d;
                best = e;
            }
        }
        return best;
    }

    /** Beside a wall piece on the same wall (side +1: towards the wall's end, -1: towards its start). */
    int beside(int anchor, Pick k, int side, double gap) {
        if (k == null || anchor < 0) {
            return -1;
        }
        Placed p = placed.get(anchor);
        int e = wallOf(p);
        Vec2 a = polygon.get(e);
        Vec2 along = polygon.get((e + 1) % polygon.size()).minus(a).normalized();
        double t = p.footprint().center().minus(a).dot(along) + side * (p.footprint().halfAlongU() + gap + k.w() / 2);
        return onWall(k, e, t);
    }

    /** In front of {@code target}, facing it, {@code distance} from its front. */
    int facing(int target, Pick k, double distance, double sideways) {
        if (k == null || target < 0) {
            return -1;
        }
        OrientedRect f = placed.get(target).footprint();
        Vec2 u = f.axis();
        Vec2 v = u.leftNormal();
        Vec2 c = f.center().plus(v.times(f.halfAlongV() + distance + k.d() / 2)).plus(u.times(sideways));
        return tryFloor(k, new OrientedRect(c, u.times(-1), k.w() / 2, k.d() / 2));
    }

    /** Against the wall that {@code target} faces, across the room, facing it back (a TV for a sofa). */
    int acrossFrom(int target, Pick k) {
        if (k == null || target < 0) {
            return -1;
        }
        OrientedRect f = placed.get(target).footprint();
        Vec2 from = f.center();
        Vec2 dir = f.axis().leftNormal();
        double best = Double.MAX_VALUE;
        int bestE = -1;
        double bestT = 0;
        for (int e = 0; e < polygon.size(); e++) {
            Vec2 a = polygon.get(e);
            Vec2 b = polygon.get((e + 1) % polygon.size());
            Vec2 ab = b.minus(a);
            double den = dir.cross(ab);
            if (Math.abs(den) < 1e-9) {
                continue;
            }
            Vec2 ap = a.minus(from);
            double s = ap.cross(ab) / den; // along dir
            double tt = ap.cross(dir) / den; // along ab
            if (s > 0.5 && tt >= 0 && tt <= 1 && s < best && ab.normalized().leftNormal().dot(dir) < -0.9) {
                best = s;
                bestE = e;
                bestT = tt * ab.length();
            }
        }
        if (bestE < 0 || best > 5.5) {
            return -1;
        }
        return onWall(k, bestE, bestT);
    }

    /** Chairs on the sides of a table or desk, facing it. */
    int aroundTable(int table, Pick k, int side, double offset) {
        if (k == null || table < 0) {
            return -1;
        }
        OrientedRect f = placed.get(table).footprint();
        Vec2 u = f.axis();
        Vec2 v = u.leftNormal();
        Vec2 normal = switch (side) {
            case 0 -> v;
            case 1 -> v.times(-1);
            case 2 -> u;
            default -> u.times(-1);
        };
        double half = side < 2 ? f.halfAlongV() : f.halfAlongU();
        Vec2 tangent = normal.leftNormal();
        // close to the edge; boxes never interpenetrate, so the chair is not tucked under
        Vec2 c = f.center().plus(normal.times(half + k.d() / 2 + 0.06)).plus(tangent.times(offset));
        // the chair's front (+v of its footprint, the model's front) faces the table: leftNormal(axis) = -normal
        return tryFloor(k, new OrientedRect(c, normal.leftNormal(), k.w() / 2, k.d() / 2));
    }

    /** Free-standing in a corner, turned to face the room. */
    int inCorner(Pick k) {
        if (k == null) {
            return -1;
        }
        Vec2 centre = centroid();
        for (int attempt = 0; attempt < 12; attempt++) {
            int i = rnd.nextInt(polygon.size());
            Vec2 corner = polygon.get(i);
            Vec2 towards = centre.minus(corner).normalized();
            double r = Math.hypot(k.w(), k.d()) / 2 + 0.08;
            Vec2 c = corner.plus(towards.times(r * 1.3));
            Vec2 front = towards;
            if (rnd.nextDouble() < 0.5) {
                // square to the walls instead of diagonal
                front = Math.abs(front.x()) > Math.abs(front.y()) ? new Vec2(Math.signum(front.x()), 0)
                        : new Vec2(0, Math.signum(front.y()));
            }
            Vec2 axis = new Vec2(front.y(), -front.x()); // leftNormal(axis) = front
            int idx = tryFloor(k, new OrientedRect(c, axis, k.w() / 2, k.d() / 2));
            if (idx >= 0) {
                return idx;
            }
        }
        return -1;
    }

    /** Anywhere free on the floor, square to the walls or (for chairs and the like) a little turned. */
    int free(Pick k, boolean turned) {
        if (k == null) {
            return -1;
        }
        var env = roomPoly.getEnvelopeInternal();
        for (int attempt = 0; attempt < 40; attempt++) {
            Vec2 c = new Vec2(env.getMinX() + rnd.nextDouble() * env.getWidth(),
                    env.getMinY() + rnd.nextDouble() * env.getHeight());
            double yaw = Math.toRadians(90 * rnd.nextInt(4) + (turned ? (rnd.nextDouble() - 0.5) * 50 : 0));
            int idx = tryFloor(k, new OrientedRect(c, new Vec2(Math.cos(yaw), Math.sin(yaw)), k.w() / 2,
                    k.d() / 2));
            if (idx >= 0) {
                return idx;
            }
        }
        return -1;
    }

    /** In the middle part of the room (tables), square to the walls. */
    int central(Pick k) {
        if (k == null) {
            return -1;
        }
        Vec2 centre = centroid();
        var env = roomPoly.getEnvelopeInternal();
        for (int attempt = 0; attempt < 40; attempt++) {
            double spread = 0.15 + attempt * 0.01;
            Vec2 c = centre.plus(new Vec2((rnd.nextDouble() - 0.5) * env.getWidth() * spread,
                    (rnd.nextDouble() - 0.5) * env.getHeight() * spread));
            Vec2 axis = env.getWidth() >= env.getHeight() ? new Vec2(1, 0) : new Vec2(0, 1);
            if (rnd.nextDouble() < 0.3) {
                axis = axis.leftNormal();
            }
            int idx = tryFloor(k, new OrientedRect(c, axis, k.w() / 2, k.d() / 2));
            if (idx >= 0) {
                return idx;
            }
        }
        return -1;
    }

    /** On top of a support, square to it, away from its edges and from what already stands on it. */
    int onTop(int support, Pick k) {
        if (k == null || support < 0) {
            return -1;
        }
        Placed s = placed.get(support);
        OrientedRect top = s.footprint();
        if (k.w() > 2 * top.halfAlongU() - 0.04 || k.d() > 2 * top.halfAlongV() - 0.04) {
            return -1;
        }
        for (int attempt = 0; attempt < 10; attempt++) {
            double ru = (rnd.nextDouble() * 2 - 1) * (top.halfAlongU() - k.w() / 2 - 0.02);
            double rv = (rnd.nextDouble() * 2 - 1) * (top.halfAlongV() - k.d() / 2 - 0.02);
            Vec2 centre = top.center().plus(top.axis().times(ru)).plus(top.axis().leftNormal().times(rv));
            OrientedRect f = new OrientedRect(centre, top.axis(), k.w() / 2, k.d() / 2);
            boolean clear = true;
            double z1 = s.z1() + k.h();
            for (Placed p : placed) {
                boolean opening = p.label().equals("door") || p.label().equals("window");
                if (p.support() == support && grown(p.footprint()).intersects(f)
                        || opening && p.footprint().intersects(f) && z1 > p.z0() && s.z1() < p.z1()) {
                    clear = false;
                    break;
                }
            }
            if (clear) {
                return add(new Placed(k.label(), k.ref(), f, s.z1(), s.z1() + k.h(), support));
            }
        }
        return -1;
    }

    /** Places a floor piece if it is inside, clear of others and of keep-out zones; returns its index or -1. */
    private int tryFloor(Pick k, OrientedRect f) {
        if (!inside(f)) {
            return -1;
        }
        double z0 = k.elevation();
        double z1 = z0 + k.h();
        for (int i = 0; i < placed.size(); i++) {
            Placed p = placed.get(i);
            if (p.support() >= 0) {
                continue;
            }
            boolean opening = p.label().equals("door") || p.label().equals("window");
            if (opening) {
                // openings are in the walls: only what would cover them matters
                if (f.intersects(p.footprint()) && z1 > p.z0() && z0 < p.z1()) {
                    return -1;
                }
                continue;
            }
            if (grown(p.footprint()).intersects(f)) {
                return -1;
            }
        }
        for (Keepout ko : keepouts) {
            if (z1 > ko.maxHeight() && ko.zone().intersects(f)) {
                return -1;
            }
        }
        return add(new Placed(k.label(), k.ref(), f, z0, z1, -1));
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

    Vec2 centroid() {
        var c = roomPoly.getInteriorPoint().getCoordinate();
        var cc = roomPoly.getCentroid().getCoordinate();
        Vec2 centroid = new Vec2(cc.x, cc.y);
        return roomPoly.contains(JTS.createPoint(cc)) ? centroid : new Vec2(c.x, c.y);
    }

    /** Share of the floor covered by floor-standing pieces. */
    double coverage() {
        double a = 0;
        for (Placed p : placed) {
            if (p.support() < 0 && !p.label().equals("door") && !p.label().equals("window")) {
                a += p.footprint().area();
            }
        }
        return a / roomPoly.getArea();
    }
}
