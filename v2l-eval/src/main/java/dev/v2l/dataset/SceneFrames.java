package dev.v2l.dataset;

import dev.v2l.io.Images;
import dev.v2l.layout.Layouts;
import dev.v2l.layout.MapFrame;
import dev.v2l.render.CameraPaths;
import dev.v2l.render.FrameFiles;
import dev.v2l.render.SceneRenderer;
import dev.v2l.scene.CameraPose;
import dev.v2l.scene.CameraTrack;
import dev.v2l.scene.Intrinsics;
import dev.v2l.scene.Observation;
import dev.v2l.scene.Scene;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A scene's frames for sample building: the walk-through rendered (written as JPEG under
 * {@code images/SCENE/NNNNNN.jpg} when images are wanted, with depth as 16-bit PNG under
 * {@code images/SCENE/depth/NNNNNN.png} when asked), or the AI2-THOR dump's single flagged view, or nothing for
 * sources without frames (VSI-Bench meta_info).
 *
 * <p>What a frame shows is judged on a render at one resolution, {@value #VIEW_WIDTH} pixels wide with the images'
 * aspect ratio, whatever size the images are written at and whether they are written at all: the same scene gives
 * the same maps and questions with {@code --size 1280x960}, {@code --size 640x480} or {@code --no-images}.
 *
 * @param observation what each frame shows, or null
 * @param imageDir    the folder (relative to the output) holding this scene's images, or null
 * @param intrinsics  the intrinsics the images were rendered with, or null
 * @param depth       whether depth images were written beside the images
 * @param view        the intrinsics the observation was judged with (for the floor coverage), or null
 */
public record SceneFrames(Observation observation, String imageDir, Intrinsics intrinsics, boolean depth,
        Intrinsics view) {

    /** The width of the render visibility is judged on. */
    public static final int VIEW_WIDTH = 160;

    /** The intrinsics visibility is judged with: {@value #VIEW_WIDTH} pixels wide, the images' aspect and field of view. */
    public static Intrinsics view(DatasetOptions o) {
        int h = Math.max(1, (int) Math.round(VIEW_WIDTH * (double) o.height() / o.width()));
        return Intrinsics.fromVerticalFov(VIEW_WIDTH, h, o.fov());
    }

    /** Image path (relative) of a walk-through frame, or null without images. */
    public String image(int frameIndex) {
        return imageDir == null ? null : imageDir + "/" + String.format(Locale.ROOT, "%06d.jpg", frameIndex);
    }

    /** Depth image path (relative) of a walk-through frame, or null without depth images. */
    String depthImage(int frameIndex) {
        return !depth ? null : imageDir + "/depth/" + String.format(Locale.ROOT, "%06d.png", frameIndex);
    }

    /**
     * The cameras of some frames (by frame index) and the motion into the frame their map is written in
     * ({@link Layouts#observationFrame}); null when the frames have no images.
     */
    CameraTrack track(Scene scene, List<Integer> frameIndices, MapFrame frame) {
        if (observation == null || imageDir == null || intrinsics == null || frameIndices.isEmpty()) {
            return null;
        }
        List<Integer> positions = new ArrayList<>();
        List<CameraPose> poses = new ArrayList<>();
        List<String> depths = new ArrayList<>();
        for (int fi : frameIndices) {
            int p = position(fi);
            positions.add(p);
            poses.add(observation.frames().get(p).pose());
            if (depth) {
                depths.add(depthImage(fi));
            }
        }
        return new CameraTrack(scene.up(), intrinsics, poses, depths, Layouts.observationFrame(scene, observation,
                positions, frame));
    }

    private int position(int frameIndex) {
        List<Observation.Frame> fs = observation.frames();
        if (frameIndex < fs.size() && fs.get(frameIndex).index() == frameIndex) {
            return frameIndex;
        }
        for (int i = 0; i < fs.size(); i++) {
            if (fs.get(i).index() == frameIndex) {
                return i;
            }
        }
        throw new IllegalArgumentException("no frame " + frameIndex + " in the observation");
    }

    /** The frames of a scene from a source of this kind, images (when wanted) written to {@code out}. */
    public static SceneFrames of(Scene scene, String sourceKind, DatasetOptions o, OutputFiles out)
            throws IOException {
        return of(scene, sourceKind, o, out, false);
    }

    /** As above; with {@code depth}, rendered frames also get their depth images. */
    public static SceneFrames of(Scene scene, String sourceKind, DatasetOptions o, OutputFiles out, boolean depth)
            throws IOException {
        switch (sourceKind) {
            case "vsi" -> {
                return new SceneFrames(null, null, null, false, null);
            }
            case "ai2thor" -> {
                return scene.camera() == null ? new SceneFrames(null, null, null, false, null)
                        : new SceneFrames(Observation.fromVisibleFlags(scene), null, null, false, scene.intrinsics());
            }
            default -> {
                List<CameraPose> poses = CameraPaths.walkThrough(scene, o.videoFrames(), o.seed());
                Intrinsics view = view(o);
                Observation seen = new SceneRenderer(scene, view).render(poses, o.fps(), 1, null);
                if (!o.images()) {
                    return new SceneFrames(seen, null, null, false, view);
                }
                String rel = "images/" + dev.v2l.io.FolderNames.of(scene.id());
                Intrinsics k = Intrinsics.fromVerticalFov(o.width(), o.height(), o.fov());
                new SceneRenderer(scene, k).render(poses, o.fps(), 1, (i, pose, t) -> {
                    byte[] jpg = Images.jpeg(Images.limitPixels(FrameFiles.rgbImage(t), o.maxPixels()), 0.9f);
                    String name = String.format(Locale.ROOT, "%06d", i);
                    out.write(rel + "/" + name + ".jpg", jpg);
                    if (depth) {
                        ByteArrayOutputStream png = new ByteArrayOutputStream();
                        if (!javax.imageio.ImageIO.write(FrameFiles.depthImage(t), "png", png)) {
                            throw new IOException("no PNG writer");
                        }
                        out.write(rel + "/depth/" + name + ".png", png.toByteArray());
                    }
                });
                return new SceneFrames(seen, rel, k, depth, view);
            }
        }
    }
}
