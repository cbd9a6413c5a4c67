package dev.v2l.scene;

import dev.v2l.geom.Vec3;

/**
 * Where a camera is and where it looks, in the scene's world frame: position (metres), unit forward (viewing
 * direction) and unit up (the image's up direction), orthogonal to each other.
 */
public record CameraPose(Vec3 position, Vec3 forward, Vec3 up) {

    public CameraPose {
        if (!position.isFinite()) {
            throw new IllegalArgumentException("camera position must be finite, got " + position);
        }
        // Already-unit, already-orthogonal vectors are kept bit for bit (so a pose survives writing and reading).
        if (Math.abs(forward.length() - 1) > 1e-12) {
            forward = forward.normalized();
        }
        if (Math.abs(up.dot(forward)) > 1e-12 || Math.abs(up.length() - 1) > 1e-12) {
            up = up.minus(forward.times(up.dot(forward))).normalized();
        }
    }

    /**
     * A camera at {@code position} with a yaw and pitch about the scene's up axis. {@code yawDegrees} is measured
     * counter-clockwise from the floor's +x axis seen from above; {@code pitchDegrees} is positive looking up.
     */
    public static CameraPose fromYawPitch(UpAxis upAxis, Vec3 position, double yawDegrees, double pitchDegrees) {
        double yaw = Math.toRadians(yawDegrees);
        double pitch = Math.toRadians(pitchDegrees);
        double c = Math.cos(pitch);
        Vec3 forward = upAxis.world(new dev.v2l.geom.Vec2(c * Math.cos(yaw), c * Math.sin(yaw)), Math.sin(pitch));
        return new CameraPose(position, forward, upAxis.up());
    }

    /**
     * The image's right-hand direction in world coordinates. The world's handedness follows its up axis
     * ({@link UpAxis}): forward × up in a right-handed z-up world, up × forward in Unity's left-handed y-up world.
     */
    public Vec3 right(UpAxis upAxis) {
        return (upAxis == UpAxis.Z ? forward.cross(up) : up.cross(forward)).normalized();
    }
}
