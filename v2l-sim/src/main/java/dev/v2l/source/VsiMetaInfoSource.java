package dev.v2l.source;

import com.fasterxml.jackson.databind.JsonNode;
import dev.v2l.geom.Vec3;
import dev.v2l.io.BadInputException;
import dev.v2l.io.JsonFields;
import dev.v2l.scene.OrientedBox;
import dev.v2l.scene.Room;
import dev.v2l.scene.Scene;
import dev.v2l.scene.SceneObject;
import dev.v2l.scene.UpAxis;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * VSI-Bench's {@code meta_info} files (ScanNet, ScanNet++, ARKitScenes): one entry per scene id with
 * {@code room_size} (floor area, m²) and {@code object_bbox}: label → list of boxes, each with {@code centroid},
 * {@code normalizedAxes} (the three unit axes, row after row) and {@code axesLengths} (full extents). z is up.
 *
 * <p>Object ids are the label with spaces as underscores and the box's index within its label: {@code chair_0},
 * {@code computer_mouse_1}.
 */
public final class VsiMetaInfoSource implements SceneSource {

    private final Path file;
    private final Map<String, JsonNode> entries = new LinkedHashMap<>();

    public VsiMetaInfoSource(Path file) {
        this.file = file;
        JsonNode root = JsonFiles.readTree(file);
        if (!root.isObject()) {
            throw new BadInputException(file.toString(), null, null,
                    "expected a VSI-Bench meta_info object {scene id: {...}}, found a " + root.getNodeType());
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            entries.put(e.getKey(), e.getValue());
        }
    }

    @Override
    public String kind() {
        return "vsi";
    }

    @Override
    public String spec() {
        return "vsi:" + file;
    }

    @Override
    public List<String> ids() {
        return List.copyOf(entries.keySet());
    }

    @Override
    public Scene scene(String id) {
        JsonNode s = entries.get(id);
        if (s == null) {
            throw SceneSource.unknownScene(this, id);
        }
        JsonFields f = new JsonFields(file.toString(), "scene " + id);
        if (!s.isObject()) {
            throw f.error(null, "expected an object, found " + s.getNodeType());
        }
        String dataset = s.hasNonNull("dataset") ? f.string(s, "dataset", "dataset") : "vsi";
        double area = f.nonNegative(s, "room_size", "room_size");
        JsonNode bbox = f.object(s, "object_bbox", "object_bbox");
        List<SceneObject> objects = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = bbox.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            String label = e.getKey();
            JsonNode boxes = e.getValue();
            String labelPath = "object_bbox." + label;
            if (!boxes.isArray()) {
                throw f.error(labelPath, "expected a list of boxes, found " + boxes.getNodeType());
            }
            java.util.Set<JsonNode> kept = new java.util.HashSet<>();
            for (int i = 0; i < boxes.size(); i++) {
                String path = labelPath + "[" + i + "]";
                JsonNode b = boxes.get(i);
                if (!kept.add(b)) {
                    continue; // the same box listed twice (the meta_info of 10 ScanNet scenes): one object
                }
                Vec3 centroid = f.vec3(b.get("centroid"), path + ".centroid");
                double[] axes = f.numbers(b.get("normalizedAxes"), 9, path + ".normalizedAxes");
                double[] lengths = f.numbers(b.get("axesLengths"), 3, path + ".axesLengths");
                for (int k = 0; k < 3; k++) {
                    if (lengths[k] < 0) {
                        throw f.error(path + ".axesLengths[" + k + "]", "expected a length >= 0, found " + lengths[k]);
                    }
                }
                OrientedBox box;
                try {
                    box = new OrientedBox(centroid, new Vec3(axes[0], axes[1], axes[2]),
                            new Vec3(axes[3], axes[4], axes[5]), new Vec3(axes[6], axes[7], axes[8]),
                            lengths[0], lengths[1], lengths[2]);
                } catch (IllegalArgumentException ex) {
                    throw f.error(path + ".normalizedAxes", "expected three orthonormal axes: " + ex.getMessage());
                }
                objects.add(new SceneObject(label.strip().replace(' ', '_') + "_" + i, label, box));
            }
        }
        Map<String, Integer> counts = new java.util.TreeMap<>();
        if (s.hasNonNull("object_counts")) {
            JsonNode oc = f.object(s, "object_counts", "object_counts");
            for (Iterator<Map.Entry<String, JsonNode>> it = oc.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getValue().canConvertToExactIntegral() || e.getValue().asInt() < 0) {
                    throw f.error("object_counts." + e.getKey(), "expected a whole number >= 0, found "
                            + e.getValue());
                }
                counts.put(e.getKey(), e.getValue().asInt());
            }
        }
        return SceneBounds.check(new Scene(id, dataset, UpAxis.Z, Room.ofArea(area).withStatedCounts(counts),
                objects), f);
    }
}
