package dev.v2l.qa;

import dev.v2l.layout.Layout;
import dev.v2l.layout.Layouts;
import dev.v2l.scene.Scene;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What questions are drawn from: the scene (its full object list decides label uniqueness and room counts, its room
 * the room size), the ground-truth map of the objects that may be asked about (all of them, or what some frames
 * show; any frame of reference), and optionally each object's first appearance in the video, seconds, by instance id.
 *
 * @param roomCounts  counting questions ask the room's count of a label the frames show (benchmarks: accuracy rises
 *                    with the frames); otherwise they are asked only when the map shows every instance of the label
 *                    (training targets: the map implies the answer)
 * @param roomInView  the frames face the foot of every wall ({@link dev.v2l.scene.FloorCoverage#coversRoom}): room
 *                    size is asked only then
 */
public record QaInput(Scene scene, Layout layout, Map<String, Double> firstAppearanceSeconds, boolean roomCounts,
        boolean roomInView) {

    public QaInput {
        firstAppearanceSeconds = firstAppearanceSeconds == null ? Map.of() : Collections.unmodifiableMap(
                new LinkedHashMap<>(firstAppearanceSeconds));
    }

    /** A map of what was observed, counts asked only when it shows every instance, the room in view. */
    public QaInput(Scene scene, Layout layout, Map<String, Double> firstAppearanceSeconds) {
        this(scene, layout, firstAppearanceSeconds, false, true);
    }

    /** The whole scene, in its own frame, with no video. */
    public static QaInput of(Scene scene) {
        return new QaInput(scene, Layouts.fromScene(scene), Map.of());
    }
}
