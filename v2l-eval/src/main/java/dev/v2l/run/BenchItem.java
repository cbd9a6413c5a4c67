package dev.v2l.run;

import dev.v2l.layout.Layout;
import dev.v2l.qa.Question;
import dev.v2l.reason.EngineContext;
import dev.v2l.scene.CameraTrack;
import java.util.List;

/**
 * One benchmark item as {@code bench build} writes it: the frames (indices and image paths relative to the bench
 * folder), the question, the true map of those frames ({@code gt_layout}, also as its text), the true map of the
 * whole scene in the same frame (null for benches that predate it), what the engine knows besides a map, the
 * frames' cameras (poses, intrinsics, depth images relative to the bench folder, the map frame; null when the
 * frames are not rendered) and a hash of the item's content (stored results are kept only for items whose content
 * is unchanged).
 */
public record BenchItem(String id, String sceneId, String dataset, int frameCount, List<Integer> frameIndices,
        List<String> images, boolean textOnly, Question question, Layout gtLayout, String gtLayoutText,
        Layout sceneLayout, EngineContext context, CameraTrack cameras, String contentHash) {

    public BenchItem {
        frameIndices = List.copyOf(frameIndices);
        images = List.copyOf(images);
        if (contentHash == null) {
            contentHash = BenchItems.hash(String.join("\u0000", id, sceneId, dataset, Integer.toString(frameCount),
                    frameIndices.toString(), images.toString(), Boolean.toString(textOnly), question.toString(),
                    gtLayoutText, String.valueOf(sceneLayout), String.valueOf(context), String.valueOf(cameras)));
        }
    }

    /** An item with cameras whose hash is computed from its fields (items built in code, not read from a file). */
    public BenchItem(String id, String sceneId, String dataset, int frameCount, List<Integer> frameIndices,
            List<String> images, boolean textOnly, Question question, Layout gtLayout, String gtLayoutText,
            Layout sceneLayout, EngineContext context, CameraTrack cameras) {
        this(id, sceneId, dataset, frameCount, frameIndices, images, textOnly, question, gtLayout, gtLayoutText,
                sceneLayout, context, cameras, null);
    }

    /** The same item under another id. */
    public BenchItem withId(String newId) {
        return new BenchItem(newId, sceneId, dataset, frameCount, frameIndices, images, textOnly, question, gtLayout,
                gtLayoutText, sceneLayout, context, cameras, contentHash);
    }

    /** An item without cameras, its hash computed from its fields. */
    public BenchItem(String id, String sceneId, String dataset, int frameCount, List<Integer> frameIndices,
            List<String> images, boolean textOnly, Question question, Layout gtLayout, String gtLayoutText,
            Layout sceneLayout, EngineContext context) {
        this(id, sceneId, dataset, frameCount, frameIndices, images, textOnly, question, gtLayout, gtLayoutText,
                sceneLayout, context, null, null);
    }
}
