package dev.v2l.scene;

import dev.v2l.geom.MinimumAreaRectangles;
import dev.v2l.geom.OrientedRect;
import dev.v2l.geom.Prism;
import dev.v2l.geom.Vec2;
import dev.v2l.geom.Vec3;
import java.util.ArrayList;
import java.util.List;

/**
 * An object's footprint: the minimum-area rectangle of its box corners projected on the floor, plus the box's
 * vertical range. When one box axis is vertical (within 1e-9) the footprint is exactly the other two axes' rectangle;
 * tilted boxes (common in ScanNet) go through the minimum-area rectangle of the eight projected corners.
 */
public final class Footprints {

    private static final double VERTICAL = 1 - 1e-9;

    private Footprints() {
    }

    /** Whether one of the box's axes is vertical (within 1e-9): then its prism is the box itself. */
    public static boolean isUpright(OrientedBox box, UpAxis up) {
        for (Vec3 a : box.axes()) {
            if (Math.abs(a.dot(up.up())) >= VERTICAL) {
                return true;
            }
        }
        return false;
    }

    public static Prism prismOf(OrientedBox box, UpAxis up) {
        Vec3 upVec = up.up();
        List<Vec3> axes = box.axes();
        double[] lengths = box.lengths();
        double halfHeight = 0;
        for (int i = 0; i < 3; i++) {
            halfHeight += Math.abs(axes.get(i).dot(upVec)) * lengths[i] / 2;
        }
        double h = up.height(box.center());
        return new Prism(footprintOf(box, up), h - halfHeight, h + halfHeight);
    }

    public static OrientedRect footprintOf(OrientedBox box, UpAxis up) {
        Vec3 upVec = up.up();
        List<Vec3> axes = box.axes();
        double[] lengths = box.lengths();
        for (int i = 0; i < 3; i++) {
            if (Math.abs(axes.get(i).dot(upVec)) >= VERTICAL) {
                int a = (i + 1) % 3;
                int b = (i + 2) % 3;
                Vec2 ua = up.floor(axes.get(a));
                return new OrientedRect(up.floor(box.center()), ua, lengths[a] / 2, lengths[b] / 2);
            }
        }
        List<Vec2> projected = new ArrayList<>(8);
        for (Vec3 c : box.corners()) {
            projected.add(up.floor(c));
        }
        return MinimumAreaRectangles.of(projected);
    }
}
