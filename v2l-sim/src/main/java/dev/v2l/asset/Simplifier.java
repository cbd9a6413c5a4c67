package dev.v2l.asset;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Mesh simplification by quadric error metrics (Garland and Heckbert 1997) with half-edge collapses: each vertex
 * keeps one of its original positions, so texture coordinates stay those of real corners. Open borders, material
 * borders and texture seams are held in place by extra constraint planes, collapses that would fold a triangle over
 * are refused, and simplification stops at the triangle budget or once the cheapest collapse would move the surface
 * by more than {@code maxError} of the model's diagonal — so silhouettes survive. Normals are recomputed afterwards
 * with a crease angle, which also gives models without normals smooth shading where they are curved.
 */
public final class Simplifier {

    private static final double CREASE_COS = Math.cos(Math.toRadians(40));

    private Simplifier() {
    }

    /** The mesh reduced to at most {@code targetTriangles} (or as far as {@code maxError} allows). */
    public static ModelMesh simplify(ModelMesh in, int targetTriangles, double maxError) {
        if (in.triangles <= targetTriangles) {
            return withCreaseNormals(in);
        }
        return new Run(in).run(targetTriangles, maxError);
    }

    /** The mesh with normals recomputed from its faces (smooth within {@code 40°}, creased beyond). */
    public static ModelMesh withCreaseNormals(ModelMesh m) {
        int n = m.triangles;
        float[] e = m.extent;
        Map<Long, Integer> ids = new HashMap<>();
        int[] vid = new int[3 * n];
        for (int c = 0; c < 3 * n; c++) {
            long key = quantKey(m.position, 3 * c);
            vid[c] = ids.computeIfAbsent(key, k -> ids.size());
        }
        return new ModelMesh(n, m.position, creaseNormals(n, m.position, e, vid, ids.size()), m.uv, m.material,
                m.materials, m.extent);
    }

    static long quantKey(float[] p, int i) {
        long x = Math.round((p[i] + 0.5) * 1_000_000) & 0x1FFFFF;
        long y = Math.round((p[i + 1] + 0.5) * 1_000_000) & 0x1FFFFF;
        long z = Math.round((p[i + 2] + 0.5) * 1_000_000) & 0x1FFFFF;
        return x << 42 | y << 21 | z;
    }

    static float[] creaseNormals(int n, float[] pos, float[] e, int[] vid, int vertices) {
        float[] fn = new float[3 * n];
        float[] area = new float[n];
        for (int t = 0; t < n; t++) {
            int o = 9 * t;
            double ax = (pos[o + 3] - pos[o]) * e[0];
            double ay = (pos[o + 4] - pos[o + 1]) * e[1];
            double az = (pos[o + 5] - pos[o + 2]) * e[2];
            double bx = (pos[o + 6] - pos[o]) * e[0];
            double by = (pos[o + 7] - pos[o + 1]) * e[1];
            double bz = (pos[o + 8] - pos[o + 2]) * e[2];
            double nx = ay * bz - az * by;
            double ny = az * bx - ax * bz;
            double nz = ax * by - ay * bx;
            double len = Math.sqrt(nx * nx + ny * ny + nz * nz);
            area[t] = (float) len;
            if (len > 0) {
                fn[3 * t] = (float) (nx / len);
                fn[3 * t + 1] = (float) (ny / len);
                fn[3 * t + 2] = (float) (nz / len);
            }
        }
        // triangles around each vertex
        int[] start = new int[vertices + 1];
        for (int c = 0; c < 3 * n; c++) {
            start[vid[c] + 1]++;
        }
        for (int v = 0; v < vertices; v++) {
            start[v + 1] += start[v];
        }
        int[] fill = Arrays.copyOf(start, vertices);
        int[] around = new int[3 * n];
        for (int c = 0; c < 3 * n; c++) {
            around[fill[vid[c]]++] = c / 3;
        }
        float[] out = new float[9 * n];
        for (int c = 0; c < 3 * n; c++) {
            int t = c / 3;
            double sx = 0;
            double sy = 0;
            double sz = 0;
            int v = vid[c];
            for (int k = start[v]; k < start[v + 1]; k++) {
                int u = around[k];
                double dot = fn[3 * t] * fn[3 * u] + fn[3 * t + 1] * fn[3 * u + 1] + fn[3 * t + 2] * fn[3 * u + 2];
                if (u == t || dot >= CREASE_COS) {
                    sx += fn[3 * u] * area[u];
                    sy += fn[3 * u + 1] * area[u];
                    sz += fn[3 * u + 2] * area[u];
                }
            }
            double len = Math.sqrt(sx * sx + sy * sy + sz * sz);
            if (len > 0) {
                out[3 * c] = (float) (sx / len);
                out[3 * c + 1] = (float) (sy / len);
                out[3 * c + 2] = (float) (sz / len);
            } else if (fn[3 * t] != 0 || fn[3 * t + 1] != 0 || fn[3 * t + 2] != 0) {
                out[3 * c] = fn[3 * t];
                out[3 * c + 1] = fn[3 * t + 1];
                out[3 * c + 2] = fn[3 * t + 2];
            } else {
                out[3 * c + 2] = 1; // a degenerate triangle (no area, never drawn): any unit normal
            }
        }
        return out;
    }

    private static final class Run {
        final ModelMesh in;
        final int n;
        final double[] vx; // metric positions per vertex
        final double[][] q; // quadric per vertex: 10 coefficients
        final int[] tv; // 3 vertex ids per triangle
        final float[] tuv; // 6 uv per triangle
        final boolean[] dead;
        final List<List<Integer>> around = new ArrayList<>();
        final int[] stamp;
        int alive;

        Run(ModelMesh m) {
            in = m;
            n = m.triangles;
            Map<Long, Integer> ids = new HashMap<>();
            tv = new int[3 * n];
            List<double[]> verts = new ArrayList<>();
            for (int c = 0; c < 3 * n; c++) {
                long key = quantKey(m.position, 3 * c);
                Integer id = ids.get(key);
                if (id == null) {
                    id = verts.size();
                    ids.put(key, id);
                    verts.add(new double[] {m.position[3 * c] * m.extent[0], m.position[3 * c + 1] * m.extent[1],
                        m.position[3 * c + 2] * m.extent[2]});
                    around.add(new ArrayList<>(6));
                }
                tv[c] = id;
                around.get(id).add(c / 3);
            }
            vx = new double[3 * verts.size()];
            for (int i = 0; i < verts.size(); i++) {
                System.arraycopy(verts.get(i), 0, vx, 3 * i, 3);
            }
            q = new double[verts.size()][10];
            stamp = new int[verts.size()];
            tuv = Arrays.copyOf(m.uv, m.uv.length);
            dead = new boolean[n];
            alive = n;
            for (int t = 0; t < n; t++) {
                double[] p = plane(t);
                if (p != null) {
                    for (int k = 0; k < 3; k++) {
                        addPlane(q[tv[3 * t + k]], p, 1); // unit weight: costs are squared distances
                    }
                }
                if (tv[3 * t] == tv[3 * t + 1] || tv[3 * t + 1] == tv[3 * t + 2] || tv[3 * t] == tv[3 * t + 2]) {
                    kill(t);
                }
            }
            constrainBorders();
        }

        /** Unit plane (a, b, c, d) and the triangle's area in [4], or null if degenerate. */
        double[] plane(int t) {
            int a = tv[3 * t];
            int b = tv[3 * t + 1];
            int c = tv[3 * t + 2];
            double ux = vx[3 * b] - vx[3 * a];
            double uy = vx[3 * b + 1] - vx[3 * a + 1];
            double uz = vx[3 * b + 2] - vx[3 * a + 2];
            double wx = vx[3 * c] - vx[3 * a];
            double wy = vx[3 * c + 1] - vx[3 * a + 1];
            double wz = vx[3 * c + 2] - vx[3 * a + 2];
            double nx = uy * wz - uz * wy;
            double ny = uz * wx - ux * wz;
            double nz = ux * wy - uy * wx;
            double len = Math.sqrt(nx * nx + ny * ny + nz * nz);
            if (len < 1e-12) {
                return null;
            }
            nx /= len;
            ny /= len;
            nz /= len;
            return new double[] {nx, ny, nz, -(nx * vx[3 * a] + ny * vx[3 * a + 1] + nz * vx[3 * a + 2]), len / 2};
        }

        static void addPlane(double[] qq, double[] p, double w) {
            double a = p[0];
            double b = p[1];
            double c = p[2];
            double d = p[3];
            qq[0] += w * a * a;
            qq[1] += w * a * b;
            qq[2] += w * a * c;
            qq[3] += w * a * d;
            qq[4] += w * b * b;
            qq[5] += w * b * c;
            qq[6] += w * b * d;
            qq[7] += w * c * c;
            qq[8] += w * c * d;
            qq[9] += w * d * d;
        }

        static double eval(double[] a, double[] b, double x, double y, double z) {
            double s = 0;
            for (double[] qq : new double[][] {a, b}) {
                s += qq[0] * x * x + 2 * qq[1] * x * y + 2 * qq[2] * x * z + 2 * qq[3] * x + qq[4] * y * y
                        + 2 * qq[5] * y * z + 2 * qq[6] * y + qq[7] * z * z + 2 * qq[8] * z + qq[9];
            }
            return s;
        }

        /** Edges with one triangle, or whose two sides differ in material or texture coordinates, stay put. */
        void constrainBorders() {
            Map<Long, int[]> edges = new HashMap<>();
            for (int t = 0; t < n; t++) {
                if (dead[t]) {
                    continue;
                }
                for (int k = 0; k < 3; k++) {
                    int a = tv[3 * t + k];
                    int b = tv[3 * t + (k + 1) % 3];
                    long key = a < b ? (long) a << 32 | b : (long) b << 32 | a;
                    int[] e = edges.get(key);
                    if (e == null) {
                        edges.put(key, new int[] {t, k, -1, -1, 1});
                    } else {
                        e[2] = t;
                        e[3] = k;
                        e[4]++;
                    }
                }
            }
            for (int[] e : edges.values()) {
                int t = e[0];
                int k = e[1];
                boolean border = e[4] != 2;
                if (!border) {
                    int u = e[2];
                    int j = e[3];
                    border = in.material[t] != in.material[u] || !sameUv(t, k, u, j);
                }
                if (border) {
                    double[] p = plane(t);
                    if (p == null) {
                        continue;
                    }
                    int a = tv[3 * t + k];
                    int b = tv[3 * t + (k + 1) % 3];
                    double ex = vx[3 * b] - vx[3 * a];
                    double ey = vx[3 * b + 1] - vx[3 * a + 1];
                    double ez = vx[3 * b + 2] - vx[3 * a + 2];
                    // the plane through the edge, perpendicular to the face
                    double nx = ey * p[2] - ez * p[1];
                    double ny = ez * p[0] - ex * p[2];
                    double nz = ex * p[1] - ey * p[0];
                    double len = Math.sqrt(nx * nx + ny * ny + nz * nz);
                    if (len < 1e-12) {
                        continue;
                    }
                    nx /= len;
                    ny /= len;
                    nz /= len;
                    double[] bp = {nx, ny, nz, -(nx * vx[3 * a] + ny * vx[3 * a + 1] + nz * vx[3 * a + 2])};
                    double w = 100;
                    addPlane(q[a], bp, w);
                    addPlane(q[b], bp, w);
                }
            }
        }

        /** Whether edge k of t and edge j of u (the same two vertices, opposite ways) share texture coordinates. */
        boolean sameUv(int t, int k, int u, int j) {
            int ta = 6 * t + 2 * k;
            int tb = 6 * t + 2 * ((k + 1) % 3);
            int ua = 6 * u + 2 * j;
            int ub = 6 * u + 2 * ((j + 1) % 3);
            // t's edge a→b is u's edge b→a
            return close(tuv, ta, ub) && close(tuv, tb, ua);
        }

        static boolean close(float[] uv, int i, int j) {
            return Math.abs(uv[i] - uv[j]) < 1e-4 && Math.abs(uv[i + 1] - uv[j + 1]) < 1e-4;
        }

        void kill(int t) {
            if (!dead[t]) {
                dead[t] = true;
                alive--;
            }
        }

        record Candidate(double cost, int from, int to, int stampFrom, int stampTo) {
        }

        ModelMesh run(int target, double maxError) {
            double dx = in.extent[0];
            double dy = in.extent[1];
            double dz = in.extent[2];
            // a vertex sums about six face planes: the cost of moving it by e is about 6 e^2
            double limit = 6 * Math.pow(maxError * Math.sqrt(dx * dx + dy * dy + dz * dz), 2);
            PriorityQueue<Candidate> heap = new PriorityQueue<>((a, b) -> Double.compare(a.cost, b.cost));
            for (int t = 0; t < n; t++) {
                if (!dead[t]) {
                    for (int k = 0; k < 3; k++) {
                        push(heap, tv[3 * t + k], tv[3 * t + (k + 1) % 3]);
                    }
                }
            }
            while (alive > target && !heap.isEmpty()) {
                Candidate c = heap.poll();
                if (c.stampFrom != stamp[c.from] || c.stampTo != stamp[c.to]) {
                    continue;
                }
                if (c.cost > limit) {
                    break;
                }
                if (!collapse(c.from, c.to)) {
                    continue;
                }
                // Only the kept vertex's quadric changed: its edges get new costs, all others stay valid.
                stamp[c.to]++;
                stamp[c.from]++;
                for (int t : around.get(c.to)) {
                    for (int k = 0; k < 3; k++) {
                        int v = tv[3 * t + k];
                        if (v != c.to) {
                            push(heap, c.to, v);
                        }
                    }
                }
            }
            return compact();
        }

        void push(PriorityQueue<Candidate> heap, int a, int b) {
            double ab = eval(q[a], q[b], vx[3 * b], vx[3 * b + 1], vx[3 * b + 2]);
            double ba = eval(q[a], q[b], vx[3 * a], vx[3 * a + 1], vx[3 * a + 2]);
            if (ab <= ba) {
                heap.add(new Candidate(Math.max(0, ab), a, b, stamp[a], stamp[b]));
            } else {
                heap.add(new Candidate(Math.max(0, ba), b, a, stamp[b], stamp[a]));
            }
        }

        /** Moves vertex {@code from} onto {@code to}; refuses when a remaining triangle would flip. */
        boolean collapse(int from, int to) {
            List<Integer> ts = around.get(from);
            for (int t : ts) {
                if (dead[t] || has(t, to)) {
                    continue;
                }
                double[] before = plane(t);
                int k = index(t, from);
                tv[3 * t + k] = to;
                double[] after = plane(t);
                tv[3 * t + k] = from;
                if (before != null && (after == null
                        || before[0] * after[0] + before[1] * after[1] + before[2] * after[2] < 0.2)) {
                    return false;
                }
            }
            // texture coordinates: a corner at 'from' takes 'to''s coordinates from a removed triangle that shared
            // its coordinates at 'from' (same side of any seam); otherwise it keeps its own.
            List<Integer> removed = new ArrayList<>();
            for (int t : ts) {
                if (!dead[t] && has(t, to)) {
                    removed.add(t);
                }
            }
            for (int t : ts) {
                if (dead[t] || has(t, to)) {
                    continue;
                }
                int k = index(t, from);
                for (int r : removed) {
                    int rk = index(r, from);
                    if (in.material[r] == in.material[t] && close(tuv, 6 * r + 2 * rk, 6 * t + 2 * k)) {
                        int rt = index(r, to);
                        tuv[6 * t + 2 * k] = tuv[6 * r + 2 * rt];
                        tuv[6 * t + 2 * k + 1] = tuv[6 * r + 2 * rt + 1];
                        break;
                    }
                }
                tv[3 * t + k] = to;
                around.get(to).add(t);
            }
            for (int t : removed) {
                kill(t);
            }
            for (int i = 0; i < 10; i++) {
                q[to][i] += q[from][i];
            }
            ts.clear();
            around.get(to).removeIf(t -> dead[t]);
            return true;
        }

        boolean has(int t, int v) {
            return tv[3 * t] == v || tv[3 * t + 1] == v || tv[3 * t + 2] == v;
        }

        int index(int t, int v) {
            return tv[3 * t] == v ? 0 : tv[3 * t + 1] == v ? 1 : 2;
        }

        ModelMesh compact() {
            int m = alive;
            // Collapses may pull in an extreme vertex: normalise again to the box of what remains, so the model's
            // box stays tight.
            double[] lo = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE};
            double[] hi = {-Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
            for (int t = 0; t < n; t++) {
                if (!dead[t]) {
                    for (int k = 0; k < 3; k++) {
                        int v = tv[3 * t + k];
                        for (int a = 0; a < 3; a++) {
                            lo[a] = Math.min(lo[a], vx[3 * v + a]);
                            hi[a] = Math.max(hi[a], vx[3 * v + a]);
                        }
                    }
                }
            }
            float[] ext = new float[3];
            for (int a = 0; a < 3; a++) {
                ext[a] = (float) Math.max(1e-6, hi[a] - lo[a]);
            }
            float[] pos = new float[9 * m];
            float[] uv = new float[6 * m];
            int[] mat = new int[m];
            int[] vid = new int[3 * m];
            int o = 0;
            for (int t = 0; t < n; t++) {
                if (dead[t]) {
                    continue;
                }
                for (int k = 0; k < 3; k++) {
                    int v = tv[3 * t + k];
                    for (int a = 0; a < 3; a++) {
                        pos[9 * o + 3 * k + a] = (float) ((vx[3 * v + a] - lo[a]) / ext[a] - 0.5);
                    }
                    vid[3 * o + k] = v;
                }
                System.arraycopy(tuv, 6 * t, uv, 6 * o, 6);
                mat[o] = in.material[t];
                o++;
            }
            // renumber vertices densely for the normals
            Map<Integer, Integer> dense = new HashMap<>();
            for (int c = 0; c < vid.length; c++) {
                vid[c] = dense.computeIfAbsent(vid[c], k -> dense.size());
            }
            return new ModelMesh(m, pos, creaseNormals(m, pos, ext, vid, dense.size()), uv, mat, in.materials, ext);
        }
    }
}
