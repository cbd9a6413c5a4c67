package dev.v2l.render;

import dev.v2l.geom.Vec2;
import dev.v2l.scene.CameraPose;
import dev.v2l.scene.Scene;
import dev.v2l.scene.UpAxis;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Camera paths a person would film, at eye height with the camera tipped slightly down:
 * {@link #walkThrough} starts near a wall, looks around, then walks through the room's free space along a smoothed
 * route with yaw following the walk and swinging to the sides; {@link #turn} stands in the most open spot and turns
 * a full circle.
 */
public final class CameraPaths {

    public static final double CLEARANCE = 0.35;
    /** No frame is filled by one object beyond this share of its pixels. */
    public static final double MAX_OBJECT_SHARE = 0.6;
    /** Every frame shows some object with at least this share of its pixels. */
    public static final double MIN_SEEN_SHARE = 0.01;
    /** Eye heights of walk-throughs, metres. */
    public static final double EYE_MIN = 1.2;
    public static final double EYE_MAX = 1.7;

    private CameraPaths() {
    }

    /**
     * Poses for {@code frames} frames; deterministic for the scene and seed. Frame rules hold for rooms with
     * furniture (checked on the scene's own furniture, {@link FrameRules}): the camera stays at least {@link
     * #CLEARANCE} from every piece standing below eye level, no frame is more than {@link #MAX_OBJECT_SHARE} one
     * object, every frame shows an object.
     */
    public static List<CameraPose> walkThrough(Scene scene, int frames, long seed) {
        return walkThrough(scene, frames, seed, null);
    }

    /** The same, with the frame rules checked on {@code mesh} (the mesh the frames will be rendered from). */
    public static List<CameraPose> walkThrough(Scene scene, int frames, long seed, SceneMesh mesh) {
        List<CameraPose> poses = walkThroughUnchecked(scene, frames, seed);
        if (scene.objects().isEmpty()) {
            return poses;
        }
        return new FrameRules(scene, mesh).apply(poses);
    }

    static List<CameraPose> walkThroughUnchecked(Scene scene, int frames, long seed) {
        if (frames < 1) {
            throw new IllegalArgumentException("frames must be at least 1, got " + frames);
        }
        SplittableRandom rnd = new SplittableRandom(seed ^ scene.id().hashCode() * 0x9E3779B97F4A7C15L);
        FreeSpace space = new FreeSpace(scene, CLEARANCE);
        List<Integer> cells = space.freeCells();
        double eye = 1.35 + rnd.nextDouble() * 0.3;
        double pitch = -(8 + rnd.nextDouble() * 10);
        if (cells.isEmpty()) {
            return turnAt(scene, space.centre(space.mostOpenCell()), frames, eye, pitch, 0);
        }
        // Walk in the largest open area (furniture can wall off small pockets), starting close to a wall.
        cells = largestRegion(space, cells);
        double minWall = cells.stream().mapToDouble(c -> space.wallDistance[c]).min().orElse(0);
        List<Integer> nearWall = cells.stream().filter(c -> space.wallDistance[c] <= minWall + 0.3).toList();
        int start = nearWall.get(rnd.nextInt(nearWall.size()));
        // Waypoints: farthest-point sampling over the free cells, 2–3 of them.
        List<Integer> stops = new ArrayList<>();
        stops.add(start);
        int extra = 2 + rnd.nextInt(2);
        for (int k = 0; k < extra; k++) {
            int best = -1;
            double bestD = -1;
            for (int trial = 0; trial < 200; trial++) {
                int c = cells.get(rnd.nextInt(cells.size()));
                double d = Double.MAX_VALUE;
                for (int s : stops) {
                    d = Math.min(d, space.centre(s).distanceTo(space.centre(c)));
                }
                if (d > bestD) {
                    bestD = d;
                    best = c;
                }
            }
            if (best >= 0 && bestD > 0.8) {
                stops.add(best);
            }
        }
        List<Vec2> route = new ArrayList<>();
        route.add(space.centre(start));
        for (int i = 1; i < stops.size(); i++) {
            List<Vec2> leg = space.path(stops.get(i - 1), stops.get(i));
            for (int k = 1; k < leg.size(); k++) {
                route.add(leg.get(k));
            }
        }
        // Corner cutting can clip an obstacle's corner: use the most smoothing that keeps every point free.
        List<Vec2> straight = shortcut(route, space);
        List<Vec2> smooth = straight;
        for (int rounds = 3; rounds > 0; rounds--) {
            List<Vec2> candidate = smooth(straight, rounds);
            if (allFree(candidate, space)) {
                smooth = candidate;
                break;
            }
        }
        // The first fifth of the frames look around from the start; then the walk.
        int look = frames >= 5 ? Math.max(1, frames / 5) : 0;
        int walk = frames - look;
        double length = pathLength(smooth);
        Vec2 startP = smooth.get(0);
        Vec2 firstDir = smooth.size() > 1 ? smooth.get(1).minus(startP) : new Vec2(1, 0);
        double yaw0 = Math.atan2(firstDir.y(), firstDir.x());
        double sweep = Math.toRadians(50 + rnd.nextDouble() * 30);
        double phase = rnd.nextDouble() * Math.PI * 2;
        List<CameraPose> out = new ArrayList<>(frames);
        double prevYaw = yaw0;
        for (int f = 0; f < look; f++) {
            double t = look == 1 ? 0 : f / (double) (look - 1);
            double target = lookInto(space, startP, yaw0 + sweep * Math.sin(Math.PI * 2 * t) * (1 - t));
            double d = dev.v2l.geom.Angles.wrap(target - prevYaw);
            double yaw = prevYaw + Math.max(-Math.toRadians(25), Math.min(Math.toRadians(25), d));
            prevYaw = yaw;
            out.add(pose(scene.up(), startP, eye, yaw, pitch));
        }
        for (int f = 0; f < walk; f++) {
            double s = walk == 1 ? 0 : length * f / (walk - 1);
            Vec2 p = pointAt(smooth, s);
            Vec2 ahead = pointAt(smooth, Math.min(length, s + 0.6)).minus(p);
            double heading = ahead.length() > 1e-6 ? Math.atan2(ahead.y(), ahead.x()) : prevYaw;
            double swing = Math.toRadians(30) * Math.sin(phase + 2 * Math.PI * f / Math.max(8.0, walk / 2.0));
            double target = lookInto(space, p, heading + swing);
            // Smooth yaw: turn at most 25° between frames.
            double d = dev.v2l.geom.Angles.wrap(target - prevYaw);
            double yaw = prevYaw + Math.max(-Math.toRadians(25), Math.min(Math.toRadians(25), d));
            prevYaw = yaw;
            out.add(pose(scene.up(), p, eye, yaw, pitch));
        }
        return out;
    }

    /** The free cells of the largest 8-connected free region, in cell order. */
    static List<Integer> largestRegion(FreeSpace space, List<Integer> cells) {
        boolean[] done = new boolean[space.free.length];
        List<Integer> best = List.of();
        for (int c : cells) {
            if (done[c]) {
                continue;
            }
            List<Integer> region = space.reachable(c);
            for (int r : region) {
                done[r] = true;
            }
            if (region.size() > best.size()) {
                best = region;
            }
        }
        List<Integer> sorted = new ArrayList<>(best);
        java.util.Collections.sort(sorted);
        return sorted;
    }

    /**
     * A person filming looks into the room rather than at a wall a step away: of the directions near the wanted one,
     * the one that sees farthest (capped at 4 m), with a small preference for turning less.
     */
    static double lookInto(FreeSpace space, Vec2 at, double wanted) {
        double best = wanted;
        double bestScore = -Double.MAX_VALUE;
        for (int k = -11; k <= 12; k++) {
            double yaw = wanted + Math.toRadians(15 * k);
            double score = Math.min(4, space.openness(at, yaw, 4)) - 0.02 * Math.abs(15 * k) / 15;
            if (score > bestScore + 1e-9) {
                bestScore = score;
                best = yaw;
            }
        }
        return best;
    }

    /** A full turn at the most open free spot. */
    public static List<CameraPose> turn(Scene scene, int frames, long seed) {
        FreeSpace space = new FreeSpace(scene, CLEARANCE);
        SplittableRandom rnd = new SplittableRandom(seed);
        int best = -1;
        for (int c : space.freeCells()) {
            if (best < 0 || space.wallDistance[c] > space.wallDistance[best]) {
                best = c;
            }
        }
        Vec2 at = space.centre(best < 0 ? space.mostOpenCell() : best);
        return turnAt(scene, at, frames, 1.5, -12, rnd.nextDouble() * 2 * Math.PI);
    }

    private static List<CameraPose> turnAt(Scene scene, Vec2 at, int frames, double eye, double pitch, double yaw0) {
        List<CameraPose> out = new ArrayList<>(frames);
        for (int f = 0; f < frames; f++) {
            out.add(pose(scene.up(), at, eye, yaw0 + 2 * Math.PI * f / frames, pitch));
        }
        return out;
    }

    static CameraPose pose(UpAxis up, Vec2 floor, double eye, double yawRadians, double pitchDegrees) {
        return CameraPose.fromYawPitch(up, up.world(floor, eye), Math.toDegrees(yawRadians), pitchDegrees);
    }

    private static boolean allFree(List<Vec2> path, FreeSpace space) {
        for (int i = 1; i < path.size(); i++) {
            if (!space.clear(path.get(i - 1), path.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** Drops route points that a straight free segment can skip. */
    static List<Vec2> shortcut(List<Vec2> route, FreeSpace space) {
        if (route.size() <= 2) {
            return route;
        }
        List<Vec2> out = new ArrayList<>();
        int i = 0;
        out.add(route.get(0));
        while (i < route.size() - 1) {
            int j = route.size() - 1;
            while (j > i + 1 && !space.clear(route.get(i), route.get(j))) {
                j--;
            }
            out.add(route.get(j));
            i = j;
        }
        return out;
    }

    /** Chaikin corner cutting. */
    static List<Vec2> smooth(List<Vec2> p, int rounds) {
        List<Vec2> cur = p;
        for (int r = 0; r < rounds && cur.size() > 2; r++) {
            List<Vec2> next = new ArrayList<>();
            next.add(cur.get(0));
            for (int i = 0; i + 1 < cur.size(); i++) {
                Vec2 a = cur.get(i);
                Vec2 b = cur.get(i + 1);
                next.add(a.times(0.75).plus(b.times(0.25)));
                next.add(a.times(0.25).plus(b.times(0.75)));
            }
            next.add(cur.get(cur.size() - 1));
            cur = next;
        }
        return cur;
    }

    static double pathLength(List<Vec2> p) {
        double l = 0;
        for (int i = 1; i < p.size(); i++) {
            l += p.get(i).distanceTo(p.get(i - 1));
        }
        return l;
    }

    static Vec2 pointAt(List<Vec2> p, double s) {
        double acc = 0;
        for (int i = 1; i < p.size(); i++) {
            double seg = p.get(i).distanceTo(p.get(i - 1));
            if (acc + seg >= s && seg > 0) {
                return p.get(i - 1).plus(p.get(i).minus(p.get(i - 1)).times((s - acc) / seg));
            }
            acc += seg;
        }
        return p.get(p.size() - 1);
    }
}
