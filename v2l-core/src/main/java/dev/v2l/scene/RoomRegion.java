package dev.v2l.scene;

import dev.v2l.geom.Vec2;
import java.util.List;

/**
 * A floor region: a simple polygon on the floor plane (metres, either winding), with an id and a type such as
 * {@code Kitchen}.
 */
public record RoomRegion(String id, String type, List<Vec2> polygon) {

    public RoomRegion {
        polygon = List.copyOf(polygon);
        if (polygon.size() < 3) {
            throw new IllegalArgumentException("room polygon " + id + " needs at least 3 points, got " + polygon.size());
        }
        for (Vec2 p : polygon) {
            if (!p.isFinite()) {
                throw new IllegalArgumentException("room polygon " + id + " has a non-finite point " + p);
            }
        }
    }

    /** Polygon area by the shoelace formula, square metres (absolute: winding does not matter). */
    public double area() {
        double twice = 0;
        for (int i = 0, n = polygon.size(); i < n; i++) {
            Vec2 a = polygon.get(i);
            Vec2 b = polygon.get((i + 1) % n);
            twice += a.x() * b.y() - b.x() * a.y();
        }
        return Math.abs(twice) / 2;
    }

    /** Point-in-polygon by ray casting; points exactly on an edge may fall either way. */
    public boolean contains(Vec2 p) {
        boolean inside = false;
        for (int i = 0, n = polygon.size(), j = n - 1; i < n; j = i++) {
            Vec2 a = polygon.get(i);
            Vec2 b = polygon.get(j);
            if ((a.y() > p.y()) != (b.y() > p.y())
                    && p.x() < (b.x() - a.x()) * (p.y() - a.y()) / (b.y() - a.y()) + a.x()) {
                inside = !inside;
            }
        }
        return inside;
    }
}
