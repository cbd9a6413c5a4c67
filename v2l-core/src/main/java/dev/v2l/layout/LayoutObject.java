package dev.v2l.layout;

import dev.v2l.geom.Box3;
import dev.v2l.geom.OrientedRect;
import dev.v2l.geom.Prism;
import dev.v2l.geom.Rigid2;
import dev.v2l.geom.Vec2;
import dev.v2l.geom.Vec3;
import java.util.Objects;

/**
 * One entry of a cognitive map: a label, a floor footprint (metres, in the layout's frame), optionally its vertical
 * range, the scene instance it came from when it was built from a scene (null for parsed maps), and, for a box that
 * is tilted (real scans), the oriented 3D box itself in the layout's frame (floor x, y and height), so distances
 * between boxes can be exact; null for upright boxes (their prism is the box) and parsed maps.
 */
public record LayoutObject(String label, OrientedRect footprint, HeightRange height, String instanceId, Box3 box) {

    public LayoutObject {
        Objects.requireNonNull(footprint, "footprint");
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("layout object label must be a non-empty string");
        }
    }

    public LayoutObject(String label, OrientedRect footprint, HeightRange height, String instanceId) {
        this(label, footprint, height, instanceId, null);
    }

    public LayoutObject(String label, OrientedRect footprint) {
        this(label, footprint, null, null, null);
    }

    public Vec2 center() {
        return footprint.center();
    }

    public boolean hasHeight() {
        return height != null;
    }

    /** The footprint extruded over the height range; only when the height is known. */
    public Prism prism() {
        if (height == null) {
            throw new IllegalStateException("object " + label + " has no height range");
        }
        return new Prism(footprint, height.min(), height.max());
    }

    /** The solid as a 3D box: the tilted box when there is one, else the prism of footprint and height. */
    public Box3 solid() {
        if (box != null) {
            return box;
        }
        Prism p = prism();
        Vec2 c = footprint.center();
        Vec2 u = footprint.axis();
        return new Box3(new Vec3(c.x(), c.y(), (p.zMin() + p.zMax()) / 2), new Vec3(u.x(), u.y(), 0),
                new Vec3(-u.y(), u.x(), 0), new Vec3(0, 0, 1), footprint.halfAlongU(), footprint.halfAlongV(),
                (p.zMax() - p.zMin()) / 2);
    }

    public LayoutObject transformed(Rigid2 t) {
        return new LayoutObject(label, footprint.transformed(t), height, instanceId, box == null ? null
                : box.transformed(t));
    }

    public LayoutObject withFootprint(OrientedRect newFootprint) {
        return new LayoutObject(label, newFootprint, height, instanceId, null);
    }
}
