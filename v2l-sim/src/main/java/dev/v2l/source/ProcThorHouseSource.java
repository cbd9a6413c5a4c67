package dev.v2l.source;

import com.fasterxml.jackson.databind.JsonNode;
import dev.v2l.geom.Vec2;
import dev.v2l.geom.Vec3;
import dev.v2l.io.JsonFields;
import dev.v2l.scene.CameraPose;
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

/**
 * ProcTHOR houses (a house JSON, a list of houses, or JSON Lines such as procthor-10k) with sizes from the asset
 * database. A house is one scene: every room's {@code floorPolygon} (x, z) is a region; every object and its
 * {@code children}, recursively, is an object whose box is centred at {@code position} (ProcTHOR places assets by
 * their bounding-box centre), sized by the asset's {@code boundingBox} and turned by the Unity yaw
 * {@code rotation.y}. Rotations about x or z (rare) are ignored. The agent pose in {@code metadata.agent} becomes the
 * camera, {@value #CAMERA_ABOVE_AGENT} m above the agent's position as in AI2-THOR's default agent.
 */
public final class ProcThorHouseSource implements SceneSource {

    /** AI2-THOR's default agent carries its camera this far above its reported position. */
    public static final double CAMERA_ABOVE_AGENT = 0.675;

    private final Path file;
    private final ProcThorAssets assets;
    private final Map<String, JsonNode> houses = new LinkedHashMap<>();
    private final Map<String, String> locations = new LinkedHashMap<>();

    public ProcThorHouseSource(Path file, ProcThorAssets assets) {
        this.file = file;
        this.assets = assets;
        List<JsonNode> records = JsonFiles.records(file);
        String stem = JsonFiles.stem(file);
        boolean lines = JsonFiles.isJsonLines(file);
        for (int i = 0; i < records.size(); i++) {
            JsonNode h = records.get(i);
            String id = records.size() == 1 ? stem : stem + "_" + i;
            if (h.hasNonNull("id") && h.get("id").isTextual()) {
                id = h.get("id").asText();
            }
            houses.put(id, h);
            locations.put(id, lines ? "line " + (i + 1) + " (house " + id + ")"
                    : records.size() == 1 ? "house " + id : "house [" + i + "] " + id);
        }
    }

    @Override
    public String kind() {
        return "procthor";
    }

    @Override
    public String spec() {
        return "procthor:" + file + ",assets=" + assets.file();
    }

    @Override
    public List<String> ids() {
        return List.copyOf(houses.keySet());
    }

    @Override
    public Scene scene(String id) {
        JsonNode h = houses.get(id);
        if (h == null) {
            throw SceneSource.unknownScene(this, id);
        }
        JsonFields f = new JsonFields(file.toString(), locations.get(id));
        List<RoomRegion> regions = new ArrayList<>();
        JsonNode rooms = f.array(h, "rooms", "rooms");
        for (int i = 0; i < rooms.size(); i++) {
            JsonNode r = rooms.get(i);
            String path = "rooms[" + i + "]";
            JsonNode poly = f.array(r, "floorPolygon", path + ".floorPolygon");
            List<Vec2> pts = new ArrayList<>();
            for (int k = 0; k < poly.size(); k++) {
                Vec3 p = f.xyz(poly.get(k), path + ".floorPolygon[" + k + "]");
                pts.add(UpAxis.Y.floor(p));
            }
            if (pts.size() < 3) {
                throw f.error(path + ".floorPolygon", "expected at least 3 points, found " + pts.size());
            }
            String roomId = r.hasNonNull("id") ? r.get("id").asText() : "room" + i;
            String type = r.hasNonNull("roomType") ? r.get("roomType").asText() : "Room";
            regions.add(new RoomRegion(roomId, type, pts));
        }
        List<SceneObject> objects = new ArrayList<>();
        JsonNode objs = f.array(h, "objects", "objects");
        for (int i = 0; i < objs.size(); i++) {
            addObject(f, objs.get(i), "objects[" + i + "]", null, objects);
        }
        CameraPose camera = null;
        JsonNode agent = h.path("metadata").path("agent");
        if (agent.isObject() && agent.hasNonNull("position")) {
            Vec3 p = f.xyz(agent.get("position"), "metadata.agent.position");
            double yaw = agent.path("rotation").path("y").asDouble(0);
            double horizon = agent.path("horizon").asDouble(0);
            camera = Ai2ThorMetadataSource.unityCamera(p.plus(new Vec3(0, CAMERA_ABOVE_AGENT, 0)), yaw, horizon);
        }
        return SceneBounds.check(new Scene(id, "procthor", UpAxis.Y, Room.ofRegions(regions), objects, camera, null), f);
    }

    private void addObject(JsonFields f, JsonNode o, String path, String parent, List<SceneObject> out) {
        String id = f.string(o, "id", path + ".id");
        String assetId = f.string(o, "assetId", path + ".assetId");
        ProcThorAssets.Asset asset = assets.get(assetId);
        if (asset == null) {
            throw f.error(path + ".assetId", "asset '" + assetId + "' is not in the asset database "
                    + assets.file() + " (" + assets.size() + " assets)");
        }
        Vec3 position = f.xyz(o.get("position"), path + ".position");
        double yaw = o.has("rotation") ? f.xyz(o.get("rotation"), path + ".rotation").y() : 0;
        double t = Math.toRadians(yaw);
        // Unity's rotation about +y by θ (clockwise seen from above): local x → (cos θ, 0, −sin θ), local z → (sin θ,
        // 0, cos θ).
        Vec3 ax = new Vec3(Math.cos(t), 0, -Math.sin(t));
        Vec3 ay = new Vec3(0, 1, 0);
        Vec3 az = new Vec3(Math.sin(t), 0, Math.cos(t));
        Vec3 s = asset.size();
        OrientedBox box = new OrientedBox(position, ax, ay, az, s.x(), s.y(), s.z());
        out.add(new SceneObject(id, asset.objectType(), box, parent, null));
        JsonNode children = o.get("children");
        if (children != null && children.isArray()) {
            for (int i = 0; i < children.size(); i++) {
                addObject(f, children.get(i), path + ".children[" + i + "]", id, out);
            }
        }
    }
}
