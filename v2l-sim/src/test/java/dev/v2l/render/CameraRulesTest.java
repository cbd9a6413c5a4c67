package dev.v2l.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.v2l.asset.AssetLibrary;
import dev.v2l.geom.Prism;
import dev.v2l.geom.Vec2;
import dev.v2l.scene.CameraPose;
import dev.v2l.scene.Footprints;
import dev.v2l.scene.Intrinsics;
import dev.v2l.scene.Observation;
import dev.v2l.scene.Scene;
import dev.v2l.scene.SceneObject;
import dev.v2l.source.procedural.ProceduralSource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The camera rules of walk-throughs, over 200 generated rooms (checked at low resolution: the shares are the same). */
class CameraRulesTest {

    @Test
    void noWalkThroughFrameBreaksTheCameraRulesIn200Rooms() {
        ProceduralSource rooms = new ProceduralSource(5, 200, AssetLibrary.embeddedOnly());
        int frames = 0;
        int turned = 0;
        for (String id : rooms.ids()) {
            Scene s = rooms.scene(id);
            List<CameraPose> poses = CameraPaths.walkThrough(s, 8, 1);
            List<CameraPose> raw = CameraPaths.walkThroughUnchecked(s, 8, 1);
            FrameRules rules = new FrameRules(s);
            for (int i = 0; i < poses.size(); i++) {
                CameraPose p = poses.get(i);
                frames++;
                turned += p.equals(raw.get(i)) ? 0 : 1;
                double eye = p.position().z();
                assertThat(eye).as("%s eye height", id).isBetween(CameraPaths.EYE_MIN, CameraPaths.EYE_MAX);
                Vec2 at = s.up().floor(p.position());
                assertThat(s.room().regions().get(0).contains(at)).as(id).isTrue();
                for (SceneObject o : s.objects()) {
                    Prism pr = Footprints.prismOf(o.box(), s.up());
                    if (pr.zMin() < eye) {
                        assertThat(pr.footprint().distanceTo(at)).as("%s camera %s from %s", id, at, o.id())
                                .isGreaterThanOrEqualTo(0.3);
                    }
                }
                FrameRules.Check c = rules.check(p);
                assertThat(c.maxShare()).as("%s frame %d: one object's share", id, i)
                        .isLessThanOrEqualTo(CameraPaths.MAX_OBJECT_SHARE);
                assertThat(c.bestSeen()).as("%s frame %d shows an object", id, i)
                        .isGreaterThanOrEqualTo(CameraPaths.MIN_SEEN_SHARE);
            }
        }
        assertThat(frames).isEqualTo(1600);
        assertThat(turned).as("frames the rules had to turn").isLessThan(frames / 2);
    }

    @Test
    void theSharesHoldAtFullResolutionToo() {
        ProceduralSource rooms = new ProceduralSource(5, 4, AssetLibrary.embeddedOnly());
        Intrinsics k = Intrinsics.fromVerticalFov(640, 480, 60);
        for (String id : rooms.ids()) {
            Scene s = rooms.scene(id);
            Observation obs = new SceneRenderer(s, k, RenderStyle.FURNITURE, AssetLibrary.embeddedOnly())
                    .render(CameraPaths.walkThrough(s, 8, 2), 4, 2, null);
            for (Observation.Frame f : obs.frames()) {
                int max = f.pixels().values().stream().mapToInt(Integer::intValue).max().orElse(0);
                assertThat(max / (640.0 * 480)).as("%s frame %d", id, f.index())
                        .isLessThanOrEqualTo(CameraPaths.MAX_OBJECT_SHARE).isGreaterThanOrEqualTo(0.01);
                assertThat(f.pixels()).isInstanceOf(Map.class);
            }
        }
    }
}
