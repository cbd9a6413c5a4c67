package dev.v2l.dataset;

import dev.v2l.io.Images;
import dev.v2l.render.CameraPaths;
import dev.v2l.render.FrameFiles;
import dev.v2l.render.SceneRenderer;
import dev.v2l.scene.CameraPose;
import dev.v2l.scene.Intrinsics;
import dev.v2l.scene.Observation;
import dev.v2l.scene.Scene;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;

/**
 * A scene's frames for sample building: the walk-through rendered (written as JPEG under
 * {@code images/SCENE/NNNNNN.jpg} when images are wanted; rendered small only to see what is visible otherwise), or
 * the AI2-THOR dump's single flagged view, or nothing for sources without frames (VSI-Bench meta_info).
 *
 * @param observation what each frame shows, or null
 * @param imageDir    the folder (relative to the output) holding this scene's images, or null
 */
record SceneFrames(Observation observation, String imageDir) {

    /** Image path (relative) of a walk-through frame, or null without images. */
    String image(int frameIndex) {
        return imageDir == null ? null : imageDir + "/" + String.format(Locale.ROOT, "%06d.jpg", frameIndex);
    }

    static SceneFrames of(Scene scene, String sourceKind, DatasetOptions o, Path out) throws IOException {
        switch (sourceKind) {
            case "vsi" -> {
                return new SceneFrames(null, null);
            }
            case "ai2thor" -> {
                return scene.camera() == null ? new SceneFrames(null, null)
                        : new SceneFrames(Observation.fromVisibleFlags(scene), null);
            }
            default -> {
                List<CameraPose> poses = CameraPaths.walkThrough(scene, o.videoFrames(), o.seed());
                if (!o.images()) {
                    // Visibility only: shares of the image are nearly the same at a tenth of the pixels.
                    Intrinsics small = Intrinsics.fromVerticalFov(160, 120, o.fov());
                    return new SceneFrames(new SceneRenderer(scene, small).render(poses, o.fps(), 1, null), null);
                }
                String rel = "images/" + dev.v2l.io.FolderNames.of(scene.id());
                Path dir = out.resolve(rel);
                Files.createDirectories(dir);
                Intrinsics k = Intrinsics.fromVerticalFov(o.width(), o.height(), o.fov());
                Observation obs = new SceneRenderer(scene, k).render(poses, o.fps(), 1, (i, pose, t) -> {
                    byte[] jpg = Images.jpeg(Images.limitPixels(FrameFiles.rgbImage(t), o.maxPixels()), 0.9f);
                    Path f = dir.resolve(String.format(Locale.ROOT, "%06d.jpg", i));
                    Path tmp = dir.resolve("." + f.getFileName() + ".tmp");
                    Files.write(tmp, jpg);
                    Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                });
                return new SceneFrames(obs, rel);
            }
        }
    }
}
