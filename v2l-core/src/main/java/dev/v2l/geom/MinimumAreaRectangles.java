package dev.v2l.geom;

import java.util.List;
import org.locationtech.jts.algorithm.MinimumAreaRectangle;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;

/**
 * The minimum-area rectangle enclosing a set of floor points (JTS rotating calipers over the convex hull).
 *
 * <p>Degenerate inputs: collinear points give a zero-width rectangle along their segment; a single distinct point
 * gives a zero-size rectangle at that point. An empty list is rejected.
 */
public final class MinimumAreaRectangles {

    private static final GeometryFactory FACTORY = new GeometryFactory();

    private MinimumAreaRectangles() {
    }

    public static OrientedRect of(List<Vec2> points) {
        if (points.isEmpty()) {
            throw new IllegalArgumentException("minimum-area rectangle of no points");
        }
        Coordinate[] coords = new Coordinate[points.size()];
        for (int i = 0; i < coords.length; i++) {
            Vec2 p = points.get(i);
            if (!p.isFinite()) {
                throw new IllegalArgumentException("point " + i + " is not finite: " + p);
            }
            coords[i] = new Coordinate(p.x(), p.y());
        }
        Geometry rect = MinimumAreaRectangle.getMinimumRectangle(FACTORY.createMultiPointFromCoords(coords));
        if (rect instanceof Point pt) {
            return new OrientedRect(new Vec2(pt.getX(), pt.getY()), new Vec2(1, 0), 0, 0);
        }
        Coordinate[] c = rect.getCoordinates();
        if (rect instanceof LineString) {
            Vec2 a = new Vec2(c[0].x, c[0].y);
            Vec2 b = new Vec2(c[c.length - 1].x, c[c.length - 1].y);
            Vec2 d = b.minus(a);
            return new OrientedRect(a.plus(b).times(0.5), d.length() > 0 ? d : new Vec2(1, 0), d.length() / 2, 0);
        }
        Vec2 p0 = new Vec2(c[0].x, c[0].y);
        Vec2 p1 = new Vec2(c[1].x, c[1].y);
        Vec2 p2 = new Vec2(c[2].x, c[2].y);
        Vec2 side = p1.minus(p0);
        Vec2 u = side.length() > 0 ? side : new Vec2(1, 0);
        return new OrientedRect(p0.plus(p2).times(0.5), u, side.length() / 2, p2.distanceTo(p1) / 2);
    }
}
