package dev.v2l.render;

import dev.v2l.geom.Vec2;
import java.util.ArrayList;
import java.util.List;

/** Triangulation of a simple counter-clockwise polygon by ear clipping (rooms have a handful of corners). */
final class EarClipping {

    private EarClipping() {
    }

    static List<int[]> triangulate(List<Vec2> poly) {
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < poly.size(); i++) {
            idx.add(i);
        }
        List<int[]> out = new ArrayList<>();
        int guard = 0;
        while (idx.size() > 3 && guard++ < 10_000) {
            boolean clipped = false;
            for (int i = 0; i < idx.size(); i++) {
                int ia = idx.get((i + idx.size() - 1) % idx.size());
                int ib = idx.get(i);
                int ic = idx.get((i + 1) % idx.size());
                Vec2 a = poly.get(ia);
                Vec2 b = poly.get(ib);
                Vec2 c = poly.get(ic);
                if (b.minus(a).cross(c.minus(b)) <= 0) {
                    continue; // reflex or straight
                }
                boolean empty = true;
                for (int j : idx) {
                    if (j != ia && j != ib && j != ic && inside(poly.get(j), a, b, c)) {
                        empty = false;
                        break;
                    }
                }
                if (empty) {
                    out.add(new int[] {ia, ib, ic});
                    idx.remove(i);
                    clipped = true;
                    break;
                }
            }
            if (!clipped) {
                break;
            }
        }
        if (idx.size() == 3) {
            out.add(new int[] {idx.get(0), idx.get(1), idx.get(2)});
        }
        return out;
    }

    private static boolean inside(Vec2 p, Vec2 a, Vec2 b, Vec2 c) {
        return b.minus(a).cross(p.minus(a)) >= 0 && c.minus(b).cross(p.minus(b)) >= 0
                && a.minus(c).cross(p.minus(c)) >= 0;
    }
}
