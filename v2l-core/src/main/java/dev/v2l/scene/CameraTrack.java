package dev.v2l.scene;

import dev.v2l.geom.Rigid2;
import java.util.List;

/**
 * The cameras of a sample's frames, for models that place what they see in metric space (the detector baseline):
 * the world's up axis, the intrinsics of the images as rendered, each frame's pose in the scene's world frame, each
 * frame's depth image (a 16-bit PNG in millimetres, path relative to the benchmark folder; empty when the source has
 * none), and {@code toMap}, the motion from the world's floor coordinates into the frame the sample's maps are
 * written in. Images of another size than {@code intrinsics} scale it.
 */
public record CameraTrack(UpAxis up, Intrinsics intrinsics, List<CameraPose> poses, List<String> depth,
        Rigid2 toMap) {

    public CameraTrack {
        poses = List.copyOf(poses);
        depth = depth == null ? List.of() : List.copyOf(depth);
        if (!depth.isEmpty() && depth.size() != poses.size()) {
            throw new IllegalArgumentException("a camera track needs one depth image per pose or none, got "
                    + depth.size() + " for " + poses.size() + " poses");
        }
    }

    public boolean hasDepth() {
        return !depth.isEmpty();
    }

    /** The same track with depth paths turned into others (resolved against a folder, for instance). */
    public CameraTrack withDepth(List<String> paths) {
        return new CameraTrack(up, intrinsics, poses, paths, toMap);
    }
}
