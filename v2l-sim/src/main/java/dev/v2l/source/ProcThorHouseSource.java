package dev.v2l.source;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.v2l.io.BadInputException;
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
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ProcTHOR houses (a house JSON, a list of houses, or JSON Lines such as the released ProcTHOR-10K split files
 * {@code train.jsonl.gz}, {@code val.jsonl.gz}, {@code test.jsonl.gz}, one house per line) with sizes from the asset
 * database. A house is one scene: every room's {@code floorPolygon} (x, z) is a region; every object and its
 * {@code children}, recursively, is an object whose box is centred at {@code position} (ProcTHOR places assets by
 * their bounding-box centre), sized by the asset's {@code boundingBox} and turned by the Unity yaw
 * {@code rotation.y}. Rotations about x or z (rare) are ignored. The agent pose in {@code metadata.agent} becomes the
 * camera, {@value #CAMERA_ABOVE_AGENT} m above the agent's position as in AI2-THOR's default agent.
 *
 * <p>A house's id is its {@code id} field when it has one; otherwise, in JSON Lines, {@code STEM_N} for line N + 1
 * ({@code train_0} is line 1 of {@code train.jsonl.gz}, as ProcTHOR-10K's {@code dataset["train"][0]}), and in a list
 * {@code STEM_I} for item I ({@code STEM} alone for a single house). JSON Lines are read once when the source opens,
 * kept compressed, and parsed when a house is asked for, so ten thousand houses fit in a small heap; a line that is not
 * JSON or repeats an id is reported, with its line number, only when that house is asked for, so the other houses
 * stay usable.
 */
public final class ProcThorHouseSource implements SceneSource {

    /** Lines kept deflated: ProcTHOR houses compress about tenfold. */
    private static final class Lines {
        static byte[] deflate(String line) {
            byte[] in = line.getBytes(StandardCharsets.UTF_8);
            java.util.zip.Deflater d = new java.util.zip.Deflater(java.util.zip.Deflater.BEST_SPEED);
            try {
                d.setInput(in);
                d.finish();
                java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(in.length / 6 + 64);
                byte[] buf = new byte[1 << 14];
                while (!d.finished()) {
                    out.write(buf, 0, d.deflate(buf));
                }
                return out.toByteArray();
            } finally {
                d.end();
            }
        }

        static String inflate(byte[] data) throws IOException {
            try (java.util.zip.InflaterInputStream in = new java.util.zip.InflaterInputStream(
                    new java.io.ByteArrayInputStream(data))) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
    }

    /** AI2-THOR's default agent carries its camera this far above its reported position. */
    public static final double CAMERA_ABOVE_AGENT = 0.675;

    private final Path file;
    private final ProcThorAssets assets;
    /** id → the house: a parsed tree (JSON files) or a compressed line (JSON Lines). */
    private final Map<String, Object> houses = new LinkedHashMap<>();
    private final Map<String, String> locations = new LinkedHashMap<>();
    private final Map<String, String> problems = new LinkedHashMap<>();

    public ProcThorHouseSource(Path file, ProcThorAssets assets) {
        this.file = file;
        this.assets = assets;
        String stem = JsonFiles.stem(file);
        if (JsonFiles.isJsonLines(file)) {
            readLines(stem);
            return;
        }
        List<JsonNode> records = JsonFiles.records(file);
        for (int i = 0; i < records.size(); i++) {
            JsonNode h = records.get(i);
            String id = records.size() == 1 ? stem : stem + "_" + i;
            if (h.hasNonNull("id") && h.get("id").isTextual()) {
                id = h.get("id").asText();
            }
            houses.put(id, h);
            locations.put(id, records.size() == 1 ? "house " + id : "house [" + i + "] " + id);
        }
    }

    private void readLines(String stem) {
        Map<String, Integer> firstLine = new LinkedHashMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(JsonFiles.open(file),
                StandardCharsets.UTF_8), 1 << 16)) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                String id = stem + "_" + (n - 1);
                String problem = null;
                try {
                    String own = topLevelId(line);
                    if (own != null) {
                        id = own;
                    }
                } catch (IOException e) {
                    problem = e instanceof com.fasterxml.jackson.core.JsonProcessingException j
                            ? "not valid JSON: " + j.getOriginalMessage() : e.getMessage();
                }
                if (firstLine.containsKey(id)) {
                    String again = id + "@line" + n;
                    problems.put(again, "house id '" + id + "' is already used by line " + firstLine.get(id));
                    id = again;
                } else {
                    firstLine.put(id, n);
                }
                locations.put(id, "line " + n + " (house " + id + ")");
                if (problem != null) {
                    problems.put(id, problem);
                    houses.put(id, null);
                } else {
                    houses.put(id, Lines.deflate(line));
                }
            }
        } catch (java.nio.file.NoSuchFileException e) {
            throw BadInputException.ofFile(file.toString(), "no such file", e);
        } catch (IOException e) {
            throw BadInputException.ofFile(file.toString(), "cannot read: " + e.getMessage(), e);
        }
    }

    /** The house's own {@code id} (a top-level string), or null; reads the whole line, so bad JSON is found here. */
    private static String topLevelId(String line) throws IOException {
        String id = null;
        try (JsonParser p = JsonFiles.MAPPER.createParser(line)) {
            JsonToken t = p.nextToken();
            if (t != JsonToken.START_OBJECT) {
                throw new IOException("a house is a JSON object, found " + t);
            }
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                t = p.nextToken();
                if ("id".equals(name) && t == JsonToken.VALUE_STRING) {
                    id = p.getText();
                } else {
                    p.skipChildren();
                }
            }
            if (p.nextToken() != null) {
                throw new IOException("more than one JSON value on the line");
            }
        }
        return id;
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
        if (!houses.containsKey(id)) {
            throw SceneSource.unknownScene(this, id);
        }
        if (problems.containsKey(id)) {
            throw new BadInputException(file.toString(), locations.get(id), null, problems.get(id));
        }
        JsonNode h = tree(id);
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

    private JsonNode tree(String id) {
        Object h = houses.get(id);
        if (h instanceof JsonNode n) {
            return n;
        }
        try {
            return JsonFiles.MAPPER.readTree(Lines.inflate((byte[]) h));
        } catch (IOException e) {
            throw new BadInputException(file.toString(), locations.get(id), null, "not valid JSON: " + e.getMessage(),
                    e);
        }
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
