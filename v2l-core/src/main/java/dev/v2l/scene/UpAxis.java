package dev.v2l.scene;

import dev.v2l.geom.Vec2;
import dev.v2l.geom.Vec3;

/**
 * Which world axis points up, and how world points map to the floor plane.
 *
 * <ul>
 *   <li>{@link #Z} (ScanNet, ScanNet++, ARKitScenes, our own scenes): floor = (x, y), height = z. Right-handed.</li>
 *   <li>{@link #Y} (AI2-THOR / ProcTHOR, Unity, left-handed 3D): floor = (x, z), height = y. Seen from above with +z
 *       up the page, Unity's +x is to the right, so (x, z) is a right-handed floor frame and left/right need no
 *       mirroring. What does differ is rotation: a positive Unity yaw turns clockwise seen from above.</li>
 * </ul>
 * {@code Y} always means Unity's left-handed convention; a right-handed y-up source must be converted on reading.
 */
public enum UpAxis {
    Y, Z;

    public Vec2 floor(Vec3 p) {
        return this == Z ? new Vec2(p.x(), p.y()) : new Vec2(p.x(), p.z());
    }

    public double height(Vec3 p) {
        return this == Z ? p.z() : p.y();
    }

    /** The world point with the given floor coordinates and height. */
    public Vec3 world(Vec2 floor, double height) {
        return this == Z ? new Vec3(floor.x(), floor.y(), height) : new Vec3(floor.x(), height, floor.y());
    }

    /** The unit up vector in world coordinates. */
    public Vec3 up() {
        return this == Z ? new Vec3(0, 0, 1) : new Vec3(0, 1, 0);
    }

    public String code() {
        return this == Z ? "z" : "y";
    }

    public static UpAxis fromCode(String code) {
        return switch (code) {
            case "z", "Z" -> Z;
            case "y", "Y" -> Y;
            default -> throw new IllegalArgumentException("up axis must be \"z\" or \"y\", got \"" + code + "\"");
        };
    }
}
