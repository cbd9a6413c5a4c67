package dev.v2l.scene;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A scene's 3D truth: its objects as oriented boxes in the world frame the source used, the declared up axis, the
 * floor, and optionally a recorded camera (an AI2-THOR agent's, say) with its intrinsics.
 *
 * @param id         scene id, unique within its source
 * @param dataset    where it comes from: {@code scannet}, {@code arkitscenes}, {@code ai2thor}, {@code procedural}…
 * @param up         the world's up axis
 * @param room       the floor
 * @param objects    the objects, ids unique
 * @param camera     a recorded camera pose, or null
 * @param intrinsics that camera's intrinsics, or null
 */
public record Scene(String id, String dataset, UpAxis up, Room room, List<SceneObject> objects, CameraPose camera,
        Intrinsics intrinsics) {

    public Scene {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("scene id must be a non-empty string");
        }
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(up, "up");
        Objects.requireNonNull(room, "room");
        objects = List.copyOf(objects);
        Set<String> seen = new HashSet<>();
        for (SceneObject o : objects) {
            if (!seen.add(o.id())) {
                throw new IllegalArgumentException("scene " + id + ": duplicate object id " + o.id());
            }
        }
    }

    public Scene(String id, String dataset, UpAxis up, Room room, List<SceneObject> objects) {
        this(id, dataset, up, room, objects, null, null);
    }

    public Optional<SceneObject> object(String objectId) {
        return objects.stream().filter(o -> o.id().equals(objectId)).findFirst();
    }

    /** Number of instances per label, in order of first appearance. */
    public Map<String, Integer> labelCounts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (SceneObject o : objects) {
            counts.merge(o.label(), 1, Integer::sum);
        }
        return counts;
    }

    public Scene withObjects(List<SceneObject> newObjects) {
        return new Scene(id, dataset, up, room, newObjects, camera, intrinsics);
    }
}
