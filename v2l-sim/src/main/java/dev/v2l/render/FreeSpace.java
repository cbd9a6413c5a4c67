package dev.v2l.render;

import dev.v2l.geom.OrientedRect;
import dev.v2l.geom.Vec2;
import dev.v2l.scene.Footprints;
import dev.v2l.scene.RoomRegion;
import dev.v2l.scene.Scene;
import dev.v2l.scene.SceneObject;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a person can stand: a 0.1 m grid over the floor, free where it is inside a room region (or, for scenes that
 * only state an area, within the objects' extent) and at least {@code clearance} from every floor-standing object
 * and from the walls. Each free cell also knows its distance to the nearest wall.
 */
final class FreeSpace {

    static final double CELL = 0.1;

    final double x0;
    final double y0;
    final int nx;
    final int ny;
    final boolean[] free;
    final double[] wallDistance;
    /** Distance to the nearest obstacle, or 0 outside the room. */
    final double[] obstacleDistance;

    FreeSpace(Scene scene, double clearance) {
        List<RoomRegion> regions = scene.room().regions();
        List<OrientedRect> obstacles = new ArrayList<>();
        double[] b = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        for (SceneObject o : scene.objects()) {
            var p = Footprints.prismOf(o.box(), scene.up());
            if (p.zMin() < 1.2) { // things a person would walk into
                obstacles.add(p.footprint());
            }
            double[] ob = p.footprint().bounds();
            b[0] = Math.min(b[0], ob[0]);
            b[1] = Math.min(b[1], ob[1]);
            b[2] = Math.max(b[2], ob[2]);
            b[3] = Math.max(b[3], ob[3]);
        }
        List<List<Vec2>> outlines = new ArrayList<>();
        for (RoomRegion r : regions) {
            outlines.add(r.polygon());
            for (Vec2 v : r.polygon()) {
                b[0] = Math.min(b[0], v.x());
                b[1] = Math.min(b[1], v.y());
                b[2] = Math.max(b[2], v.x());
                b[3] = Math.max(b[3], v.y());
            }
        }
        if (b[0] > b[2]) {
            b = new double[] {-2, -2, 2, 2};
        }
        if (outlines.isEmpty()) {
            outlines.add(List.of(new Vec2(b[0] - 0.5, b[1] - 0.5), new Vec2(b[2] + 0.5, b[1] - 0.5),
                    new Vec2(b[2] + 0.5, b[3] + 0.5), new Vec2(b[0] - 0.5, b[3] + 0.5)));
            b = new double[] {b[0] - 0.5, b[1] - 0.5, b[2] + 0.5, b[3] + 0.5};
        }
        x0 = b[0];
        y0 = b[1];
        nx = Math.max(1, (int) Math.ceil((b[2] - b[0]) / CELL));
        ny = Math.max(1, (int) Math.ceil((b[3] - b[1]) / CELL));
        free = new boolean[nx * ny];
        wallDistance = new double[nx * ny];
        obstacleDistance = new double[nx * ny];
        for (int j = 0; j < ny; j++) {
            for (int i = 0; i < nx; i++) {
                Vec2 c = centre(i, j);
                double wall = Double.MAX_VALUE;
                boolean inside = false;
                for (List<Vec2> poly : outlines) {
                    if (new RoomRegion("r", "r", poly).contains(c)) {
                        inside = true;
                        wall = Math.min(wall, distanceToOutline(poly, c));
                    }
                }
                double nearest = Double.MAX_VALUE;
                for (int k = 0; inside && k < obstacles.size(); k++) {
                    nearest = Math.min(nearest, obstacles.get(k).distanceTo(c));
                }
                obstacleDistance[j * nx + i] = inside ? Math.min(nearest, wall) : 0;
                free[j * nx + i] = inside && wall >= clearance && nearest >= clearance;
                wallDistance[j * nx + i] = inside ? wall : 0;
            }
        }
    }

    Vec2 centre(int i, int j) {
        return new Vec2(x0 + (i + 0.5) * CELL, y0 + (j + 0.5) * CELL);
    }

    int cellOf(Vec2 p) {
        int i = Math.max(0, Math.min(nx - 1, (int) ((p.x() - x0) / CELL)));
        int j = Math.max(0, Math.min(ny - 1, (int) ((p.y() - y0) / CELL)));
        return j * nx + i;
    }

    Vec2 centre(int cell) {
        return centre(cell % nx, cell / nx);
    }

    /** How far one can see along a floor direction before a wall or an object (metres, up to {@code max}). */
    double openness(Vec2 from, double yawRadians, double max) {
        Vec2 d = new Vec2(Math.cos(yawRadians), Math.sin(yawRadians));
        for (double t = 0; t < max; t += CELL) {
            Vec2 p = from.plus(d.times(t));
            if (p.x() < x0 || p.y() < y0 || p.x() >= x0 + nx * CELL || p.y() >= y0 + ny * CELL) {
                return t;
            }
            if (obstacleDistance[cellOf(p)] < 0.05) {
                return t;
            }
        }
        return max;
    }

    /** The cell farthest from walls and obstacles (for rooms with no free cell at the clearance). */
    int mostOpenCell() {
        int best = 0;
        for (int c = 1; c < obstacleDistance.length; c++) {
            if (obstacleDistance[c] > obstacleDistance[best]) {
                best = c;
            }
        }
        return best;
    }

    List<Integer> freeCells() {
        List<Integer> out = new ArrayList<>();
        for (int c = 0; c < free.length; c++) {
            if (free[c]) {
                out.add(c);
            }
        }
        return out;
    }

    /** Whether the straight segment a→b stays on free cells. */
    boolean clear(Vec2 a, Vec2 b) {
        int steps = (int) Math.ceil(a.distanceTo(b) / (CELL / 2)) + 1;
        for (int s = 0; s <= steps; s++) {
            Vec2 p = a.plus(b.minus(a).times(s / (double) steps));
            if (!free[cellOf(p)]) {
                return false;
            }
        }
        return true;
    }

    /** The free cells reachable from {@code from} (8-neighbour moves). */
    List<Integer> reachable(int from) {
        boolean[] seen = new boolean[free.length];
        java.util.ArrayDeque<Integer> q = new java.util.ArrayDeque<>();
        List<Integer> out = new ArrayList<>();
        q.add(from);
        seen[from] = true;
        while (!q.isEmpty()) {
            int c = q.poll();
            out.add(c);
            int ci = c % nx;
            int cj = c / nx;
            for (int dj = -1; dj <= 1; dj++) {
                for (int di = -1; di <= 1; di++) {
                    int i = ci + di;
                    int j = cj + dj;
                    if (i >= 0 && j >= 0 && i < nx && j < ny && free[j * nx + i] && !seen[j * nx + i]) {
                        seen[j * nx + i] = true;
                        q.add(j * nx + i);
                    }
                }
            }
        }
        return out;
    }

    /** Breadth-first path over free cells (8-neighbour), as cell centres; empty when unreachable. */
    List<Vec2> path(int from, int to) {
        int[] prev = new int[free.length];
        java.util.Arrays.fill(prev, -2);
        java.util.ArrayDeque<Integer> q = new java.util.ArrayDeque<>();
        q.add(from);
        prev[from] = -1;
        while (!q.isEmpty()) {
            int c = q.poll();
            if (c == to) {
                break;
            }
            int ci = c % nx;
            int cj = c / nx;
            for (int dj = -1; dj <= 1; dj++) {
                for (int di = -1; di <= 1; di++) {
                    int i = ci + di;
                    int j = cj + dj;
                    if ((di != 0 || dj != 0) && i >= 0 && j >= 0 && i < nx && j < ny) {
                        int n = j * nx + i;
                        if (free[n] && prev[n] == -2) {
                            prev[n] = c;
                            q.add(n);
                        }
                    }
                }
            }
        }
        if (prev[to] == -2) {
            return List.of();
        }
        List<Vec2> out = new ArrayList<>();
        for (int c = to; c != -1; c = prev[c]) {
            out.add(centre(c));
        }
        java.util.Collections.reverse(out);
        return out;
    }

    static double distanceToOutline(List<Vec2> poly, Vec2 p) {
        double best = Double.MAX_VALUE;
        for (int i = 0; i < poly.size(); i++) {
            Vec2 a = poly.get(i);
            Vec2 b = poly.get((i + 1) % poly.size());
            Vec2 ab = b.minus(a);
            double t = Math.max(0, Math.min(1, p.minus(a).dot(ab) / Math.max(1e-12, ab.dot(ab))));
            best = Math.min(best, p.distanceTo(a.plus(ab.times(t))));
        }
        return best;
    }
}
