package dev.v2l.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.v2l.geom.Vec2;
import dev.v2l.geom.Vec3;
import dev.v2l.io.JsonFields;
import dev.v2l.scene.AssetRef;
import dev.v2l.scene.CameraPose;
import dev.v2l.scene.Intrinsics;
import dev.v2l.scene.OrientedBox;
import dev.v2l.scene.Room;
import dev.v2l.scene.RoomRegion;
import dev.v2l.scene.Scene;
import dev.v2l.scene.SceneObject;
import dev.v2l.scene.UpAxis;
import java.util.ArrayList;
import java.util.List;

/**
 * Our own scene format, {@value #FORMAT} (docs/formats.md, schema in docs/schema/v2l-scene-1.schema.json): what
 * procedural scenes and converted sources are saved as. Writing is deterministic (field order fixed, one object per
 * line); reading checks every field and names the bad one.
 */
public final class SceneJson {

    public static final String FORMAT = "v2l-scene/1";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private SceneJson() {
    }

    /** The scene as a JSON document, objects one per line. */
    public static String write(Scene s) {
        try {
            StringBuilder sb = new StringBuilder(256 + 200 * s.objects().size());
            sb.append("{\n");
            sb.append("  \"format\": \"").append(FORMAT).append("\",\n");
            sb.append("  \"id\": ").append(JsonFiles.MAPPER.writeValueAsString(s.id())).append(",\n");
            sb.append("  \"dataset\": ").append(JsonFiles.MAPPER.writeValueAsString(s.dataset())).append(",\n");
            sb.append("  \"up\": \"").append(s.up().code()).append("\",\n");
            sb.append("  \"room\": ").append(JsonFiles.MAPPER.writeValueAsString(room(s.room()))).append(",\n");
            if (s.camera() != null) {
                sb.append("  \"camera\": ").append(JsonFiles.MAPPER.writeValueAsString(camera(s.camera())))
                        .append(",\n");
            }
            if (s.intrinsics() != null) {
                sb.append("  \"intrinsics\": ").append(JsonFiles.MAPPER.writeValueAsString(intrinsics(s.intrinsics())))
                        .append(",\n");
            }
            sb.append("  \"objects\": [");
            for (int i = 0; i < s.objects().size(); i++) {
                sb.append(i == 0 ? "\n    " : ",\n    ");
                sb.append(JsonFiles.MAPPER.writeValueAsString(object(s.objects().get(i))));
            }
            sb.append(s.objects().isEmpty() ? "]\n" : "\n  ]\n");
            return sb.append("}\n").toString();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write scene " + s.id(), e);
        }
    }

    /** The scene as one JSON line (for JSON Lines files). */
    public static String writeLine(Scene s) {
        try {
            return JsonFiles.MAPPER.writeValueAsString(JsonFiles.MAPPER.readTree(write(s)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write scene " + s.id(), e);
        }
    }

    private static ArrayNode vec(Vec3 v) {
        return NODES.arrayNode().add(v.x()).add(v.y()).add(v.z());
    }

    private static ObjectNode room(Room r) {
        ObjectNode n = NODES.objectNode();
        if (r.statedAreaSquareMetres() != null) {
            n.put("area", r.statedAreaSquareMetres());
        }
        ArrayNode regions = n.putArray("regions");
        for (RoomRegion g : r.regions()) {
            ObjectNode rn = regions.addObject();
            rn.put("id", g.id());
            rn.put("type", g.type());
            ArrayNode poly = rn.putArray("polygon");
            for (Vec2 p : g.polygon()) {
                poly.addArray().add(p.x()).add(p.y());
            }
        }
        if (!r.statedCounts().isEmpty()) {
            ObjectNode c = n.putObject("counts");
            r.statedCounts().forEach(c::put);
        }
        return n;
    }

    private static ObjectNode camera(CameraPose c) {
        ObjectNode n = NODES.objectNode();
        n.set("position", vec(c.position()));
        n.set("forward", vec(c.forward()));
        n.set("up", vec(c.up()));
        return n;
    }

    private static ObjectNode intrinsics(Intrinsics k) {
        ObjectNode n = NODES.objectNode();
        n.put("width", k.width());
        n.put("height", k.height());
        n.put("fx", k.fx());
        n.put("fy", k.fy());
        n.put("cx", k.cx());
        n.put("cy", k.cy());
        return n;
    }

    private static ObjectNode object(SceneObject o) {
        ObjectNode n = NODES.objectNode();
        n.put("id", o.id());
        n.put("label", o.label());
        OrientedBox b = o.box();
        n.set("center", vec(b.center()));
        ArrayNode axes = n.putArray("axes");
        axes.add(vec(b.axis0())).add(vec(b.axis1())).add(vec(b.axis2()));
        n.putArray("size").add(b.length0()).add(b.length1()).add(b.length2());
        if (o.parentId() != null) {
            n.put("parent", o.parentId());
        }
        if (o.visible() != null) {
            n.put("visible", o.visible());
        }
        if (o.asset() != null) {
            ObjectNode a = n.putObject("asset");
            a.put("catalog", o.asset().catalog());
            a.put("model", o.asset().model());
            a.put("name", o.asset().name());
            a.put("creator", o.asset().creator());
            a.put("license", o.asset().license());
        }
        return n;
    }

    /** Reads one scene document; {@code f} names the file and location for errors. */
    public static Scene read(JsonNode n, JsonFields f) {
        if (!n.isObject()) {
            throw f.error(null, "expected a scene object, found " + n.getNodeType());
        }
        String format = f.string(n, "format", "format");
        if (!FORMAT.equals(format)) {
            throw f.error("format", "expected \"" + FORMAT + "\", found \"" + format + "\"");
        }
        String id = f.string(n, "id", "id");
        f = f.at(f.location() == null ? "scene " + id : f.location() + " (scene " + id + ")");
        String dataset = f.string(n, "dataset", "dataset");
        String upCode = f.string(n, "up", "up");
        UpAxis up;
        try {
            up = UpAxis.fromCode(upCode);
        } catch (IllegalArgumentException e) {
            throw f.error("up", "expected \"z\" or \"y\", found \"" + upCode + "\"");
        }
        JsonNode rn = f.object(n, "room", "room");
        Double area = rn.hasNonNull("area") ? f.nonNegative(rn, "area", "room.area") : null;
        List<RoomRegion> regions = new ArrayList<>();
        JsonNode rs = rn.get("regions");
        if (rs != null && !rs.isNull()) {
            if (!rs.isArray()) {
                throw f.error("room.regions", "expected a list, found " + rs.getNodeType());
            }
            for (int i = 0; i < rs.size(); i++) {
                JsonNode g = rs.get(i);
                String p = "room.regions[" + i + "]";
                List<Vec2> poly = f.points2(g.get("polygon"), p + ".polygon");
                if (poly.size() < 3) {
                    throw f.error(p + ".polygon", "expected at least 3 points, found " + poly.size());
                }
                regions.add(new RoomRegion(f.string(g, "id", p + ".id"), f.string(g, "type", p + ".type"), poly));
            }
        }
        java.util.Map<String, Integer> counts = new java.util.TreeMap<>();
        JsonNode cn = rn.get("counts");
        if (cn != null && !cn.isNull()) {
            if (!cn.isObject()) {
                throw f.error("room.counts", "expected an object {label: count}, found " + cn.getNodeType());
            }
            for (java.util.Iterator<java.util.Map.Entry<String, JsonNode>> it = cn.fields(); it.hasNext();) {
                java.util.Map.Entry<String, JsonNode> e = it.next();
                if (!e.getValue().canConvertToExactIntegral() || e.getValue().asInt() < 0) {
                    throw f.error("room.counts." + e.getKey(), "expected a whole number >= 0, found " + e.getValue());
                }
                counts.put(e.getKey(), e.getValue().asInt());
            }
        }
        CameraPose camera = null;
        if (n.hasNonNull("camera")) {
            JsonNode c = f.object(n, "camera", "camera");
            try {
                camera = new CameraPose(f.vec3(c.get("position"), "camera.position"),
                        f.vec3(c.get("forward"), "camera.forward"), f.vec3(c.get("up"), "camera.up"));
            } catch (IllegalArgumentException e) {
                throw f.error("camera", e.getMessage());
            }
        }
        Intrinsics intrinsics = null;
        if (n.hasNonNull("intrinsics")) {
            JsonNode k = f.object(n, "intrinsics", "intrinsics");
            try {
                intrinsics = new Intrinsics((int) f.number(k, "width", "intrinsics.width"),
                        (int) f.number(k, "height", "intrinsics.height"), f.number(k, "fx", "intrinsics.fx"),
                        f.number(k, "fy", "intrinsics.fy"), f.number(k, "cx", "intrinsics.cx"),
                        f.number(k, "cy", "intrinsics.cy"));
            } catch (IllegalArgumentException e) {
                throw f.error("intrinsics", e.getMessage());
            }
        }
        JsonNode objs = f.array(n, "objects", "objects");
        List<SceneObject> objects = new ArrayList<>(objs.size());
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (int i = 0; i < objs.size(); i++) {
            JsonNode o = objs.get(i);
            String p = "objects[" + i + "]";
            String oid = f.string(o, "id", p + ".id");
            if (!ids.add(oid)) {
                throw f.error(p + ".id", "duplicate object id \"" + oid + "\"");
            }
            String label = f.string(o, "label", p + ".label");
            if (label.isBlank()) {
                throw f.error(p + ".label", "expected a non-empty label");
            }
            Vec3 center = f.vec3(o.get("center"), p + ".center");
            JsonNode axes = o.get("axes");
            if (axes == null || !axes.isArray() || axes.size() != 3) {
                throw f.error(p + ".axes", "expected a list of 3 axes [[x, y, z], ...]");
            }
            Vec3 a0 = f.vec3(axes.get(0), p + ".axes[0]");
            Vec3 a1 = f.vec3(axes.get(1), p + ".axes[1]");
            Vec3 a2 = f.vec3(axes.get(2), p + ".axes[2]");
            double[] size = f.numbers(o.get("size"), 3, p + ".size");
            OrientedBox box;
            try {
                box = new OrientedBox(center, a0, a1, a2, size[0], size[1], size[2]);
            } catch (IllegalArgumentException e) {
                throw f.error(p, e.getMessage());
            }
            String parent = f.optionalString(o, "parent", p + ".parent");
            Boolean visible = null;
            if (o.hasNonNull("visible")) {
                if (!o.get("visible").isBoolean()) {
                    throw f.error(p + ".visible", "expected true or false, found " + o.get("visible"));
                }
                visible = o.get("visible").asBoolean();
            }
            AssetRef asset = null;
            if (o.hasNonNull("asset")) {
                JsonNode a = f.object(o, "asset", p + ".asset");
                asset = new AssetRef(f.string(a, "catalog", p + ".asset.catalog"),
                        f.string(a, "model", p + ".asset.model"), f.optionalString(a, "name", p + ".asset.name"),
                        f.optionalString(a, "creator", p + ".asset.creator"),
                        f.optionalString(a, "license", p + ".asset.license"));
            }
            objects.add(new SceneObject(oid, label, box, parent, visible, asset));
        }
        return SceneBounds.check(new Scene(id, dataset, up, new Room(area, regions, counts), objects, camera,
                intrinsics), f);
    }
}
