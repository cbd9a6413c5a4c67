package dev.v2l.source;

import com.fasterxml.jackson.databind.JsonNode;
import dev.v2l.geom.Vec2;
import dev.v2l.geom.Vec3;
import dev.v2l.io.JsonFields;
import dev.v2l.scene.CameraPose;
import dev.v2l.scene.Footprints;
import dev.v2l.scene.Intrinsics;
import dev.v2l.scene.OrientedBox;
import dev.v2l.scene.Room;
import dev.v2l.scene.RoomRegion;
import dev.v2l.scene.Scene;
import dev.v2l.scene.SceneObject;
import dev.v2l.scene.UpAxis;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * AI2-THOR {@code event.metadata} dumps (one per file, or a list / JSON Lines of them). Unity conventions: metres,
 * y up, left-handed; yaw {@code rotation.y} 0 faces +z and 90 faces +x; {@code cameraHorizon} positive looks down.
 *
 * <p>Each object's box comes from {@code objectOrientedBoundingBox.cornerPoints} when present (pickupable and
 * moveable objects), else from {@code axisAlignedBoundingBox} (static ones). Structural types (Floor, Wall,
 * Ceiling…) are skipped unless asked for; the Floor object's extent becomes the room region. {@code visible} is kept,
 * the first {@code parentReceptacles} entry becomes the parent, and the camera pose and intrinsics come from
 * {@code cameraPosition}, the agent's yaw, {@code cameraHorizon}, {@code fov} (vertical) and the screen size.
 */
public final class Ai2ThorMetadataSource implements SceneSource {

    /** Object types that are part of the building, not furniture. */
    public static final Set<String> STRUCTURAL = Set.of("Floor", "Wall", "Ceiling", "Room", "Doorway", "Doorframe");

    private final Path file;
    private final boolean includeStructural;
    private final Map<String, JsonNode> dumps = new LinkedHashMap<>();

    public Ai2ThorMetadataSource(Path file, boolean includeStructural) {
        this.file = file;
        this.includeStructural = includeStructural;
        List<JsonNode> records = JsonFiles.records(file);
        for (int i = 0; i < records.size(); i++) {
            JsonNode r = records.get(i);
            JsonNode meta = r.has("metadata") && r.get("metadata").has("objects") ? r.get("metadata") : r;
            String name = meta.hasNonNull("sceneName") ? meta.get("sceneName").asText() : JsonFiles.stem(file);
            String id = dumps.containsKey(name) || records.size() > 1 && !meta.hasNonNull("sceneName")
                    ? name + "#" + i : name;
            dumps.put(id, meta);
        }
    }

    public Ai2ThorMetadataSource(Path file) {
        this(file, false);
    }

    @Override
    public String kind() {
        return "ai2thor";
    }

    @Override
    public String spec() {
        return "ai2thor:" + file + (includeStructural ? ",structural" : "");
    }

    @Override
    public List<String> ids() {
        return List.copyOf(dumps.keySet());
    }

    @Override
    public Scene scene(String id) {
        JsonNode m = dumps.get(id);
        if (m == null) {
            throw SceneSource.unknownScene(this, id);
        }
        JsonFields f = new JsonFields(file.toString(), "scene " + id);
        JsonNode objs = f.array(m, "objects", "objects");
        List<SceneObject> objects = new ArrayList<>();
        List<RoomRegion> regions = new ArrayList<>();
        for (int i = 0; i < objs.size(); i++) {
            JsonNode o = objs.get(i);
            String path = "objects[" + i + "]";
            String objectId = f.string(o, "objectId", path + ".objectId");
            String type = f.string(o, "objectType", path + ".objectType");
            OrientedBox box = box(f, o, path);
            if (type.equals("Floor")) {
                List<Vec2> corners = Footprints.footprintOf(box, UpAxis.Y).corners();
                regions.add(new RoomRegion(objectId, "Floor", corners));
            }
            if (STRUCTURAL.contains(type) && !includeStructural) {
                continue;
            }
            String parent = null;
            JsonNode parents = o.get("parentReceptacles");
            if (parents != null && parents.isArray() && !parents.isEmpty() && parents.get(0).isTextual()) {
                parent = parents.get(0).asText();
            }
            Boolean visible = o.has("visible") && o.get("visible").isBoolean() ? o.get("visible").asBoolean() : null;
            objects.add(new SceneObject(objectId, type, box, parent, visible));
        }
        CameraPose camera = null;
        Intrinsics intrinsics = null;
        if (m.hasNonNull("agent") && m.hasNonNull("cameraPosition")) {
            Vec3 pos = f.xyz(m.get("cameraPosition"), "cameraPosition");
            JsonNode agent = m.get("agent");
            double yaw = f.number(f.object(agent, "rotation", "agent.rotation"), "y", "agent.rotation.y");
            double horizon = agent.hasNonNull("cameraHorizon") ? f.number(agent, "cameraHorizon",
                    "agent.cameraHorizon") : 0;
            camera = unityCamera(pos, yaw, horizon);
            if (m.hasNonNull("fov") && m.hasNonNull("screenWidth") && m.hasNonNull("screenHeight")) {
                intrinsics = Intrinsics.fromVerticalFov(m.get("screenWidth").asInt(), m.get("screenHeight").asInt(),
                        f.number(m, "fov", "fov"));
            }
        }
        return SceneBounds.check(new Scene(id, "ai2thor", UpAxis.Y, regions.isEmpty() ? Room.UNKNOWN
                : Room.ofRegions(regions), objects, camera, intrinsics), f);
    }

    /** A camera from a Unity position, yaw (degrees, clockwise from +z seen from above) and horizon (down > 0). */
    static CameraPose unityCamera(Vec3 position, double unityYawDegrees, double horizonDegrees) {
        // Floor frame (x, z): a Unity yaw θ faces (sin θ, cos θ), i.e. 90° − θ counter-clockwise from +x.
        return CameraPose.fromYawPitch(UpAxis.Y, position, 90 - unityYawDegrees, -horizonDegrees);
    }

    private static OrientedBox box(JsonFields f, JsonNode o, String path) {
        JsonNode oobb = o.get("objectOrientedBoundingBox");
        if (oobb != null && !oobb.isNull()) {
            JsonNode cps = oobb.get("cornerPoints");
            if (cps == null || !cps.isArray() || cps.size() != 8) {
                throw f.error(path + ".objectOrientedBoundingBox.cornerPoints", "expected 8 corner points, found "
                        + (cps == null ? "nothing" : cps.size() + " items"));
            }
            List<Vec3> corners = new ArrayList<>(8);
            for (int k = 0; k < 8; k++) {
                corners.add(f.vec3(cps.get(k), path + ".objectOrientedBoundingBox.cornerPoints[" + k + "]"));
            }
            return BoxFitting.fromCorners(corners);
        }
        JsonNode aabb = o.get("axisAlignedBoundingBox");
        if (aabb == null || !aabb.isObject()) {
            throw f.error(path + ".axisAlignedBoundingBox", "expected a box (no oriented box either)");
        }
        Vec3 c = f.xyz(aabb.get("center"), path + ".axisAlignedBoundingBox.center");
        Vec3 s = f.xyz(aabb.get("size"), path + ".axisAlignedBoundingBox.size");
        if (s.x() < 0 || s.y() < 0 || s.z() < 0) {
            throw f.error(path + ".axisAlignedBoundingBox.size", "expected sizes >= 0, found " + s);
        }
        return OrientedBox.axisAligned(c.minus(s.times(0.5)), c.plus(s.times(0.5)));
    }
}
