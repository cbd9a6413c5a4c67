package dev.v2l.run;

import dev.v2l.layout.Layout;
import dev.v2l.qa.Question;
import dev.v2l.reason.EngineContext;
import dev.v2l.scene.CameraTrack;
import java.util.List;

/**
 * One benchmark item as {@code bench build} writes it: the frames (indices and image paths relative to the bench
 * folder), the question, the true map of those frames ({@code gt_layout}, also as its text), the true map of the
 * whole scene in the same frame (null for benches that predate it), what the engine knows besides a map, and the
 * frames' cameras (poses, intrinsics, depth images relative to the bench folder, the map frame; null when the
 * frames are not rendered).
 */
public record BenchItem(String id, String sceneId, String dataset, int frameCount, List<Integer> frameIndices,
        List<String> images, boolean textOnly, Question question, Layout gtLayout, String gtLayoutText,
        Layout sceneLayout, EngineContext context, CameraTrack cameras) {

    public BenchItem {
        frameIndices = List.copyOf(frameIndices);
        images = List.copyOf(images);
    }

    /** The same item under another id. */
    public BenchItem withId(String newId) {
        return new BenchItem(newId, sceneId, dataset, frameCount, frameIndices, images, textOnly, question, gtLayout,
                gtLayoutText, sceneLayout, context, cameras);
    }

    /** An item without cameras. */
    public BenchItem(String id, String sceneId, String dataset, int frameCount, List<Integer> frameIndices,
            List<String> images, boolean textOnly, Question question, Layout gtLayout, String gtLayoutText,
            Layout sceneLayout, EngineContext context) {
        this(id, sceneId, dataset, frameCount, frameIndices, images, textOnly, question, gtLayout, gtLayoutText,
                sceneLayout, context, null);
    }
}
