package dev.v2l.scene;

import java.util.Objects;

/**
 * One object instance of a scene.
 *
 * @param id       instance id, unique within the scene (e.g. {@code chair_3}, an AI2-THOR objectId)
 * @param label    category as the source names it (e.g. {@code chair}, {@code Fridge})
 * @param box      oriented 3D box in the scene's world frame
 * @param parentId the object this one rests on or in, when the source says so; otherwise null
 * @param visible  the source's own visibility flag (AI2-THOR's {@code visible}); null when the source has none
 * @param asset    the 3D model the object is rendered with and its provenance, or null (drawn as its box)
 */
public record SceneObject(String id, String label, OrientedBox box, String parentId, Boolean visible,
        AssetRef asset) {

    public SceneObject {
        Objects.requireNonNull(box, "box");
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("object id must be a non-empty string");
        }
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("object label must be a non-empty string (object " + id + ")");
        }
    }

    public SceneObject(String id, String label, OrientedBox box, String parentId, Boolean visible) {
        this(id, label, box, parentId, visible, null);
    }

    public SceneObject(String id, String label, OrientedBox box) {
        this(id, label, box, null, null, null);
    }

    public SceneObject withBox(OrientedBox newBox) {
        return new SceneObject(id, label, newBox, parentId, visible, asset);
    }
}
