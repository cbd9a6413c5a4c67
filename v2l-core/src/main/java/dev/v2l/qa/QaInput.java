package dev.v2l.qa;

import dev.v2l.layout.Layout;
import dev.v2l.layout.Layouts;
import dev.v2l.scene.Scene;
import java.util.Map;

/**
 * What questions are drawn from: the scene (its full object list decides label uniqueness, its room the room size),
 * the ground-truth map of the objects that may be asked about (all of them, or what some frames show; any frame of
 * reference), and optionally each object's first appearance in the video, seconds, by instance id.
 */
public record QaInput(Scene scene, Layout layout, Map<String, Double> firstAppearanceSeconds) {

    public QaInput {
        firstAppearanceSeconds = firstAppearanceSeconds == null ? Map.of() : java.util.Collections.unmodifiableMap(
                new java.util.LinkedHashMap<>(firstAppearanceSeconds));
    }

    /** The whole scene, in its own frame, with no video. */
    public static QaInput of(Scene scene) {
        return new QaInput(scene, Layouts.fromScene(scene), Map.of());
    }
}
