package dev.v2l.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.v2l.geom.Rigid2;
import dev.v2l.geom.Vec2;
import dev.v2l.geom.Vec3;
import dev.v2l.scene.CameraPose;
import dev.v2l.scene.CameraTrack;
import dev.v2l.scene.Intrinsics;
import dev.v2l.scene.UpAxis;
import java.util.List;
import org.junit.jupiter.api.Test;

class CameraTrackJsonTest {

    static final JsonFields F = new JsonFields("bench.jsonl", "line 3");

    static CameraTrack track() {
        return new CameraTrack(UpAxis.Z, Intrinsics.fromVerticalFov(320, 240, 60), List.of(
                CameraPose.fromYawPitch(UpAxis.Z, new Vec3(1.5, 2.25, 1.6), 33.3, -10),
                CameraPose.fromYawPitch(UpAxis.Z, new Vec3(1.7, 2.05, 1.6), 71.1, -10)),
                List.of("images/s/depth/000000.png", "images/s/depth/000005.png"),
                new Rigid2(1.2345678901234567, new Vec2(-0.1, 3.3)));
    }

    @Test
    void roundTripsBitForBit() throws Exception {
        CameraTrack t = track();
        JsonNode n = new ObjectMapper().readTree(CameraTrackJson.toNode(t).toString());
        assertThat(CameraTrackJson.read(n, F, "cameras")).isEqualTo(t);
        assertThat(n.path("intrinsics").path("fx").asDouble()).isEqualTo(t.intrinsics().fx());
        CameraTrack noDepth = new CameraTrack(t.up(), t.intrinsics(), t.poses(), List.of(), t.toMap());
        JsonNode m = CameraTrackJson.toNode(noDepth);
        assertThat(m.has("depth")).isFalse();
        assertThat(CameraTrackJson.read(m, F, "cameras").hasDepth()).isFalse();
    }

    @Test
    void badFieldsAreNamed() {
        ObjectNode n = CameraTrackJson.toNode(track());
        ((ObjectNode) n.get("poses").get(1)).putArray("forward").add(0).add(0).add(0);
        assertThatThrownBy(() -> CameraTrackJson.read(n, F, "cameras")).isInstanceOf(BadInputException.class)
                .hasMessageContaining("bench.jsonl").hasMessageContaining("cameras.poses[1]");
        ObjectNode d = CameraTrackJson.toNode(track());
        d.putArray("depth").add("one.png");
        assertThatThrownBy(() -> CameraTrackJson.read(d, F, "cameras")).hasMessageContaining("cameras.depth");
        ObjectNode u = CameraTrackJson.toNode(track());
        u.put("up_axis", "x");
        assertThatThrownBy(() -> CameraTrackJson.read(u, F, "cameras")).hasMessageContaining("cameras.up_axis");
    }
}
