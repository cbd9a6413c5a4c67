package dev.v2l.qa;

import dev.v2l.layout.Labels;
import dev.v2l.layout.LayoutObject;
import dev.v2l.reason.EngineContext;
import dev.v2l.scene.SceneObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a scene offers every question type: the objects of its map, which of them are the only instance of their
 * label in the whole scene, the objects grouped by label, first appearances per label, and the engine's context.
 * Computed once per scene and shared by the types' drafters.
 */
final class SceneFacts {
    final QaInput in;
    final List<LayoutObject> objects;
    /** Objects whose label has exactly one instance in the scene (and in the map). */
    final List<LayoutObject> uniques = new ArrayList<>();
    /** The map's objects by {@link Labels#key}, in order of first appearance in the map. */
    final Map<String, List<LayoutObject>> byKey = new LinkedHashMap<>();
    final Map<String, Double> firstAppearanceByLabel = new LinkedHashMap<>();
    /** Instances per {@link Labels#key} in the whole scene. */
    final Map<String, Integer> sceneCounts = new HashMap<>();
    final EngineContext context;

    SceneFacts(QaInput in) {
        this.in = in;
        this.objects = in.layout().objects();
        for (SceneObject o : in.scene().objects()) {
            sceneCounts.merge(Labels.key(o.label()), 1, Integer::sum);
        }
        for (LayoutObject o : objects) {
            byKey.computeIfAbsent(Labels.key(o.label()), k -> new ArrayList<>()).add(o);
        }
        for (LayoutObject o : objects) {
            String k = Labels.key(o.label());
            if (sceneCounts.getOrDefault(k, 0) == 1 && byKey.get(k).size() == 1) {
                uniques.add(o);
            }
        }
        Map<String, String> labelOfInstance = new HashMap<>();
        for (SceneObject o : in.scene().objects()) {
            labelOfInstance.put(o.id(), o.label());
        }
        in.firstAppearanceSeconds().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            String label = labelOfInstance.get(e.getKey());
            if (label != null) {
                firstAppearanceByLabel.merge(label, e.getValue(), Math::min);
            }
        });
        this.context = new EngineContext(in.scene().room().area().isPresent()
                ? in.scene().room().area().getAsDouble() : null, firstAppearanceByLabel);
    }
}
