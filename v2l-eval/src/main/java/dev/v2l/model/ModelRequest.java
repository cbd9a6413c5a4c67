package dev.v2l.model;

import dev.v2l.layout.Layout;
import dev.v2l.qa.Question;
import dev.v2l.reason.EngineContext;
import dev.v2l.scene.CameraTrack;
import java.util.List;

/**
 * What a model is asked: an optional system prompt, the user text, images in order (encoded bytes, PNG or JPEG) and
 * generation settings — plus a {@link Hint} that is never sent anywhere, which only the built-in models (oracles,
 * blind, random) read.
 */
public record ModelRequest(String system, String user, List<Image> images, Settings settings, Hint hint) {

    /** An encoded image and its media type ({@code image/jpeg}, {@code image/png}). */
    public record Image(byte[] bytes, String mediaType) {
    }

    /**
     * Generation settings: temperature, max tokens, seed (null: not sent), and extra JSON fields merged into the
     * request body ({@code extra_body}, e.g. vLLM's {@code top_k}), as a JSON object text or null.
     */
    public record Settings(double temperature, int maxTokens, Long seed, String extraBody) {
        public static final Settings DEFAULT = new Settings(0, 1024, 0L, null);

        public Settings withMaxTokens(int n) {
            return new Settings(temperature, n, seed, extraBody);
        }
    }

    /**
     * The benchmark item behind the request, for built-in models only: the question, the true map of the frames
     * shown, the true map of the whole scene in the same frame (null when unknown), what the engine may know besides
     * a map, whether the prompt asks for the three tags ({@code <map>}, {@code <think>}, {@code <answer>}) or for
     * the answer alone, and the images' cameras (poses, intrinsics, depth image files, the map frame; null when
     * unknown) — what the detector baseline places its detections with.
     */
    public record Hint(Question question, Layout frameMap, Layout sceneMap, EngineContext context, boolean tagged,
            CameraTrack cameras) {

        public Hint(Question question, Layout frameMap, Layout sceneMap, EngineContext context, boolean tagged) {
            this(question, frameMap, sceneMap, context, tagged, null);
        }
    }

    public ModelRequest {
        images = List.copyOf(images);
        settings = settings == null ? Settings.DEFAULT : settings;
    }
}
