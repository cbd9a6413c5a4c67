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
 * {@code images/SCENE/NNNNNN.jpg} when images are wanted), or the AI2-THOR dump's single flagged view, or nothing for
 * sources without frames (VSI-Bench meta_info).
 *
 * <p>What a frame shows is judged on a render at one resolution, {@value #VIEW_WIDTH} pixels wide with the images'
 * aspect ratio, whatever size the images are written at and whether they are written at all: the same scene gives
 * the same maps and questions with {@code --size 1280x960}, {@code --size 640x480} or {@code --no-images}.
 *
 * @param observation what each frame shows, or null
 * @param imageDir    the folder (relative to the output) holding this scene's images, or null
 * @param view        the intrinsics the observation was judged with (for the floor coverage), or null
 */
record SceneFrames(Observation observation, String imageDir, Intrinsics view) {

    /** The width of the render visibility is judged on. */
    static final int VIEW_WIDTH = 320;

    /** The intrinsics visibility is judged with: {@value #VIEW_WIDTH} pixels wide, the images' aspect and field of view. */
    static Intrinsics view(DatasetOptions o) {
        int h = Math.max(1, (int) Math.round(VIEW_WIDTH * (double) o.height() / o.width()));
        return Intrinsics.fromVerticalFov(VIEW_WIDTH, h, o.fov());
    }

    /** Image path (relative) of a walk-through frame, or null without images. */
    String image(int frameIndex) {
        return imageDir == null ? null : imageDir + "/" + String.format(Locale.ROOT, "%06d.jpg", frameIndex);
    }

    static SceneFrames of(Scene scene, String sourceKind, DatasetOptions o, Path out) throws IOException {
        switch (sourceKind) {
            case "vsi" -> {
                return new SceneFrames(null, null, null);
            }
            case "ai2thor" -> {
                return scene.camera() == null ? new SceneFrames(null, null, null)
                        : new SceneFrames(Observation.fromVisibleFlags(scene), null, scene.intrinsics());
            }
            default -> {
                List<CameraPose> poses = CameraPaths.walkThrough(scene, o.videoFrames(), o.seed());
                Intrinsics view = view(o);
                String rel = null;
                if (o.images()) {
                    rel = "images/" + safe(scene.id());
                    Path dir = out.resolve(rel);
                    Files.createDirectories(dir);
                    Intrinsics k = Intrinsics.fromVerticalFov(o.width(), o.height(), o.fov());
                    new SceneRenderer(scene, k).render(poses, o.fps(), 1, (i, pose, t) -> {
                        byte[] jpg = Images.jpeg(Images.limitPixels(FrameFiles.rgbImage(t), o.maxPixels()), 0.9f);
                        Path f = dir.resolve(String.format(Locale.ROOT, "%06d.jpg", i));
                        Path tmp = dir.resolve("." + f.getFileName() + ".tmp");
                        Files.write(tmp, jpg);
                        Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                    });
                }
                return new SceneFrames(new SceneRenderer(scene, view).render(poses, o.fps(), 1, null), rel, view);
            }
        }
    }

    static String safe(String id) {
        return id.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
