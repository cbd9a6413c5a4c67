package dev.v2l.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.v2l.geom.Vec3;
import dev.v2l.scene.CameraPose;
import dev.v2l.scene.Intrinsics;
import dev.v2l.scene.Scene;
import dev.v2l.source.SceneSources;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Objects wholly outside the view are skipped whole: not one pixel of colour, depth or instance changes, over random
 * poses in furnished rooms (looking anywhere, up and down, standing close to walls and furniture), while most frames
 * do skip objects.
 */
class CullingTest {

    @Test
    void skippingObjectsOutsideTheViewChangesNoPixel() {
        Intrinsics k = Intrinsics.fromVerticalFov(96, 72, 60);
        SplittableRandom rnd = new SplittableRandom(3);
        int frames = 0;
        int framesThatCulled = 0;
        for (Scene s : SceneSources.open("procedural:seed=5,count=4,assets=embedded")) {
            SceneMesh mesh = SceneMesh.of(s, 2.6);
            double[] b = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
            for (dev.v2l.geom.Vec2 p : s.room().regions().get(0).polygon()) {
                b[0] = Math.min(b[0], p.x());
                b[1] = Math.min(b[1], p.y());
                b[2] = Math.max(b[2], p.x());
                b[3] = Math.max(b[3], p.y());
            }
            for (int f = 0; f < 30; f++) {
                Vec3 at = s.up().world(new dev.v2l.geom.Vec2(b[0] + rnd.nextDouble() * (b[2] - b[0]),
                        b[1] + rnd.nextDouble() * (b[3] - b[1])), 0.3 + 1.8 * rnd.nextDouble());
                CameraPose pose = CameraPose.fromYawPitch(s.up(), at, rnd.nextDouble() * 360,
                        (rnd.nextDouble() - 0.5) * 160);
                RenderTarget culled = new RenderTarget(k.width(), k.height());
                RenderTarget all = new RenderTarget(k.width(), k.height());
                Rasterizer r = new Rasterizer();
                r.render(mesh, s.up(), pose, k, culled);
                Rasterizer full = new Rasterizer().noCulling();
                full.render(mesh, s.up(), pose, k, all);
                assertThat(full.culled()).isZero();
                assertThat(culled.rgb).as("%s frame %d", s.id(), f).isEqualTo(all.rgb);
                assertThat(culled.depth).as("%s frame %d", s.id(), f).isEqualTo(all.depth);
                assertThat(culled.instance).as("%s frame %d", s.id(), f).isEqualTo(all.instance);
                frames++;
                framesThatCulled += r.culled() > 0 ? 1 : 0;
            }
        }
        assertThat(framesThatCulled).as("frames that skipped objects, of " + frames).isGreaterThan(frames / 2);
    }
}
