package dev.v2l.render;

import dev.v2l.geom.Vec2;
import dev.v2l.scene.RoomRegion;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Triangles covering a floor polygon finely enough to carry per-vertex light: for rectilinear polygons (walls along
 * x and y, as procedural rooms have) a grid on the polygon's own coordinates subdivided to at most {@code step};
 * otherwise ear clipping. Each triangle is three corners, counter-clockwise seen from above.
 */
final class Grids {

    private Grids() {
    }

    static List<Vec2[]> cells(List<Vec2> poly, double step) {
        if (!rectilinear(poly)) {
            List<Vec2[]> out = new ArrayList<>();
            for (int[] t : EarClipping.triangulate(poly)) {
                out.add(new Vec2[] {poly.get(t[0]), poly.get(t[1]), poly.get(t[2])});
            }
            return out;
        }
        double[] xs = lines(poly, true, step);
        double[] ys = lines(poly, false, step);
        RoomRegion region = new RoomRegion("r", "r", poly);
        List<Vec2[]> out = new ArrayList<>();
        for (int j = 0; j + 1 < ys.length; j++) {
            for (int i = 0; i + 1 < xs.length; i++) {
                Vec2 c = new Vec2((xs[i] + xs[i + 1]) / 2, (ys[j] + ys[j + 1]) / 2);
                if (!region.contains(c)) {
                    continue;
                }
                Vec2 a = new Vec2(xs[i], ys[j]);
                Vec2 b = new Vec2(xs[i + 1], ys[j]);
                Vec2 d = new Vec2(xs[i + 1], ys[j + 1]);
                Vec2 e = new Vec2(xs[i], ys[j + 1]);
                out.add(new Vec2[] {a, b, d});
                out.add(new Vec2[] {a, d, e});
            }
        }
        return out;
    }

    static boolean rectilinear(List<Vec2> poly) {
        for (int i = 0; i < poly.size(); i++) {
            Vec2 a = poly.get(i);
            Vec2 b = poly.get((i + 1) % poly.size());
            if (Math.abs(a.x() - b.x()) > 1e-9 && Math.abs(a.y() - b.y()) > 1e-9) {
                return false;
            }
        }
        return poly.size() <= 64;
    }

    private static double[] lines(List<Vec2> poly, boolean x, double step) {
        TreeSet<Double> s = new TreeSet<>();
        for (Vec2 p : poly) {
            s.add(x ? p.x() : p.y());
        }
        List<Double> base = new ArrayList<>(s);
        List<Double> out = new ArrayList<>();
        for (int i = 0; i + 1 < base.size(); i++) {
            double a = base.get(i);
            double b = base.get(i + 1);
            int n = Math.max(1, (int) Math.ceil((b - a) / step));
            for (int k = 0; k < n; k++) {
                out.add(a + (b - a) * k / n);
            }
        }
        out.add(base.get(base.size() - 1));
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
