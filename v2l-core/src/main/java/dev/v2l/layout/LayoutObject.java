package dev.v2l.layout;

import dev.v2l.geom.OrientedRect;
import dev.v2l.geom.Prism;
import dev.v2l.geom.Rigid2;
import dev.v2l.geom.Vec2;
import java.util.Objects;

/**
 * One entry of a cognitive map: a label, a floor footprint (metres, in the layout's frame), optionally its vertical
 * range, and the scene instance it came from when it was built from a scene (null for parsed maps).
 */
public record LayoutObject(String label, OrientedRect footprint, HeightRange height, String instanceId) {

    public LayoutObject {
        Objects.requireNonNull(footprint, "footprint");
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("layout object label must be a non-empty string");
        }
    }

    public LayoutObject(String label, OrientedRect footprint) {
        this(label, footprint, null, null);
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

    public LayoutObject transformed(Rigid2 t) {
        return new LayoutObject(label, footprint.transformed(t), height, instanceId);
    }

    public LayoutObject withFootprint(OrientedRect newFootprint) {
        return new LayoutObject(label, newFootprint, height, instanceId);
    }
}
