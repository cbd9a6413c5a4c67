package dev.v2l.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.v2l.geom.Rigid2;
import dev.v2l.geom.Vec2;
import dev.v2l.geom.Vec3;
import dev.v2l.scene.CameraPose;
import dev.v2l.scene.CameraTrack;
import dev.v2l.scene.Intrinsics;
import dev.v2l.scene.UpAxis;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link CameraTrack} as JSON: {@code {"up_axis": "z", "intrinsics": {"width", "height", "fx", "fy", "cx", "cy"},
 * "map_frame": {"angle": RADIANS, "translation": [x, y]}, "poses": [{"position": [x, y, z], "forward": [...],
 * "up": [...]}, ...], "depth": ["images/S/depth/000003.png", ...]}}.
 */
public final class CameraTrackJson {

    private CameraTrackJson() {
    }

    public static ObjectNode toNode(CameraTrack t) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("up_axis", t.up().code());
        putIntrinsics(n.putObject("intrinsics"), t.intrinsics());
        ObjectNode mf = n.putObject("map_frame");
        mf.put("angle", t.toMap().angleRadians());
        mf.putArray("translation").add(t.toMap().translation().x()).add(t.toMap().translation().y());
        ArrayNode poses = n.putArray("poses");
        for (CameraPose p : t.poses()) {
            putPose(poses.addObject(), p);
        }
        if (t.hasDepth()) {
            ArrayNode d = n.putArray("depth");
            t.depth().forEach(d::add);
        }
        return n;
    }

    /** {@code "position", "forward", "up"} as [x, y, z] lists (also the lines of a render's poses.jsonl). */
    public static void putPose(ObjectNode o, CameraPose p) {
        vec(o.putArray("position"), p.position());
        vec(o.putArray("forward"), p.forward());
        vec(o.putArray("up"), p.up());
    }

    /** {@code width, height, fx, fy, cx, cy}. */
    public static void putIntrinsics(ObjectNode o, Intrinsics k) {
        o.put("width", k.width());
        o.put("height", k.height());
        o.put("fx", k.fx());
        o.put("fy", k.fy());
        o.put("cx", k.cx());
        o.put("cy", k.cy());
    }

    private static void vec(ArrayNode a, Vec3 v) {
        a.add(v.x()).add(v.y()).add(v.z());
    }

    /** Reads a track, naming the field of anything wrong ({@code path} is where the object sits, e.g. "cameras"). */
    public static CameraTrack read(JsonNode n, JsonFields f, String path) {
        if (!n.isObject()) {
            throw f.error(path, "expected a camera track object (up_axis, intrinsics, map_frame, poses)");
        }
        UpAxis up;
        try {
            up = UpAxis.fromCode(f.string(n, "up_axis", path + ".up_axis"));
        } catch (IllegalArgumentException e) {
            throw f.error(path + ".up_axis", e.getMessage());
        }
        JsonNode in = f.object(n, "intrinsics", path + ".intrinsics");
        Intrinsics k;
        try {
            k = new Intrinsics((int) f.number(in, "width", path + ".intrinsics.width"),
                    (int) f.number(in, "height", path + ".intrinsics.height"), f.number(in, "fx", path + ".intrinsics.fx"),
                    f.number(in, "fy", path + ".intrinsics.fy"), f.number(in, "cx", path + ".intrinsics.cx"),
                    f.number(in, "cy", path + ".intrinsics.cy"));
        } catch (IllegalArgumentException e) {
            throw f.error(path + ".intrinsics", e.getMessage());
        }
        JsonNode mf = f.object(n, "map_frame", path + ".map_frame");
        double[] t = f.numbers(f.required(mf, "translation", path + ".map_frame.translation"), 2,
                path + ".map_frame.translation");
        Rigid2 toMap = new Rigid2(f.number(mf, "angle", path + ".map_frame.angle"), new Vec2(t[0], t[1]));
        JsonNode ps = f.array(n, "poses", path + ".poses");
        List<CameraPose> poses = new ArrayList<>();
        for (int i = 0; i < ps.size(); i++) {
            String p = path + ".poses[" + i + "]";
            JsonNode o = ps.get(i);
            try {
                poses.add(new CameraPose(f.vec3(f.required(o, "position", p + ".position"), p + ".position"),
                        f.vec3(f.required(o, "forward", p + ".forward"), p + ".forward"),
                        f.vec3(f.required(o, "up", p + ".up"), p + ".up")));
            } catch (IllegalArgumentException e) {
                throw f.error(p, e.getMessage());
            }
        }
        List<String> depth = new ArrayList<>();
        JsonNode d = n.get("depth");
        if (d != null && !d.isNull()) {
            if (!d.isArray() || d.size() != poses.size()) {
                throw f.error(path + ".depth", "expected one depth image path per pose (" + poses.size() + ")");
            }
            d.forEach(x -> depth.add(x.asText()));
        }
        return new CameraTrack(up, k, poses, depth, toMap);
    }
}
