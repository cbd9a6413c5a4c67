package dev.v2l.render;

import dev.v2l.geom.Vec3;
import dev.v2l.scene.UpAxis;

/**
 * The renderer works in a right-handed z-up frame. z-up scenes are used as they are; Unity's y-up left-handed scenes
 * map (x, y, z) → (x, z, y), which is right-handed with z up and keeps the floor coordinates (x, z).
 */
final class RenderFrame {

    private RenderFrame() {
    }

    static Vec3 toRender(UpAxis up, Vec3 p) {
        return up == UpAxis.Z ? p : new Vec3(p.x(), p.z(), p.y());
    }

    /** The same map for directions (it is linear). */
    static Vec3 toRenderDirection(UpAxis up, Vec3 d) {
        return toRender(up, d);
    }
}
