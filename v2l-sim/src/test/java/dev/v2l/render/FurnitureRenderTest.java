package dev.v2l.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.v2l.asset.AssetLibrary;
import dev.v2l.scene.CameraPose;
import dev.v2l.scene.Intrinsics;
import dev.v2l.scene.Scene;
import dev.v2l.source.procedural.ProceduralGenerator;
import dev.v2l.source.procedural.ProceduralSource;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class FurnitureRenderTest {

    static final AssetLibrary LIB = AssetLibrary.embeddedOnly();
    static final Intrinsics K = Intrinsics.fromVerticalFov(320, 240, 60);

    @Test
    void depthAndInstanceBuffersAgreeWithTheRgbSilhouettes() {
        ProceduralSource rooms = new ProceduralSource(21, 3, LIB);
        int checked = 0;
        for (String id : rooms.ids()) {
            Scene s = rooms.scene(id);
            SceneMesh mesh = SceneMesh.of(s, ProceduralGenerator.WALL_HEIGHT, RenderStyle.FURNITURE, LIB);
            List<CameraPose> poses = CameraPaths.walkThrough(s, 4, 0);
            for (CameraPose pose : poses) {
                Rasterizer r = new Rasterizer().smoothEdges(false);
                RenderTarget full = new RenderTarget(K.width(), K.height());
                r.render(mesh, s.up(), pose, K, full);
                int[] counts = full.instancePixelCounts(mesh.instanceIds().size());
                for (int inst = 1; inst < counts.length; inst++) {
                    if (counts[inst] < 200 || hasGlass(mesh, inst)) {
                        continue;
                    }
                    RenderTarget without = new RenderTarget(K.width(), K.height());
                    new Rasterizer().smoothEdges(false).hide(inst).render(mesh, s.up(), pose, K, without);
                    int changed = 0;
                    int mismatched = 0;
                    for (int p = 0; p < full.rgb.length; p++) {
                        boolean mine = full.instance[p] == inst;
                        boolean rgbChanged = full.rgb[p] != without.rgb[p];
                        changed += rgbChanged ? 1 : 0;
                        // RGB changes exactly where the instance buffer says the object is
                        if (rgbChanged != mine) {
                            mismatched++;
                        }
                        if (mine) {
                            assertThat(without.depth[p]).as("%s: what is behind %d is farther", id, inst)
                                    .isGreaterThanOrEqualTo(full.depth[p]);
                        } else {
                            assertThat(without.depth[p]).isEqualTo(full.depth[p]);
                            assertThat(without.instance[p]).isEqualTo(full.instance[p]);
                        }
                    }
                    assertThat(mismatched).as("%s object %d: %d pixels changed, %d in the mask", id, inst, changed,
                            counts[inst]).isLessThanOrEqualTo(counts[inst] / 200 + 2);
                    checked++;
                }
            }
        }
        assertThat(checked).as("objects checked").isGreaterThan(10);
    }

    @Test
    void edgeSmoothingChangesOnlyRgbAndOnlyAtEdges() {
        Scene s = new ProceduralSource(21, 1, LIB).scene("proc-21-0000");
        SceneMesh mesh = SceneMesh.of(s, ProceduralGenerator.WALL_HEIGHT, RenderStyle.FURNITURE, LIB);
        CameraPose pose = CameraPaths.walkThrough(s, 3, 0).get(1);
        RenderTarget sharp = new RenderTarget(K.width(), K.height());
        new Rasterizer().smoothEdges(false).render(mesh, s.up(), pose, K, sharp);
        RenderTarget smooth = new RenderTarget(K.width(), K.height());
        new Rasterizer().render(mesh, s.up(), pose, K, smooth);
        assertThat(smooth.instance).isEqualTo(sharp.instance);
        assertThat(smooth.depth).isEqualTo(sharp.depth);
        assertThat(Arrays.equals(smooth.rgb, sharp.rgb)).isFalse();
        int w = K.width();
        for (int y = 1; y + 1 < K.height(); y++) {
            for (int x = 1; x + 1 < w; x++) {
                int p = y * w + x;
                int id = sharp.instance[p];
                boolean interior = sharp.instance[p - 1] == id && sharp.instance[p + 1] == id
                        && sharp.instance[p - w] == id && sharp.instance[p + w] == id;
                boolean flat = near(sharp.depth, p, p + 1) && near(sharp.depth, p, p - 1) && near(sharp.depth, p, p + w)
                        && near(sharp.depth, p, p - w);
                if (interior && flat) {
                    assertThat(smooth.rgb[p]).isEqualTo(sharp.rgb[p]);
                }
            }
        }
    }

    @Test
    void sameSceneSamePixelsOnAnyNumberOfThreads() {
        Scene s = new ProceduralSource(21, 2, LIB).scene("proc-21-0001");
        List<CameraPose> poses = CameraPaths.walkThrough(s, 6, 0);
        int[][] one = new int[poses.size()][];
        int[][] two = new int[poses.size()][];
        new SceneRenderer(s, K, RenderStyle.FURNITURE, LIB).render(poses, 4, 1, (i, p, t) -> one[i] = t.rgb.clone());
        new SceneRenderer(s, K, RenderStyle.FURNITURE, LIB).render(poses, 4, 2, (i, p, t) -> two[i] = t.rgb.clone());
        for (int i = 0; i < poses.size(); i++) {
            assertThat(two[i]).isEqualTo(one[i]);
        }
    }

    /** No depth step between two pixels, as {@link EdgeSmoothing} judges it. */
    static boolean near(float[] depth, int p, int q) {
        return Math.abs(depth[p] - depth[q]) <= 0.04f * Math.min(depth[p], depth[q]);
    }

    static boolean hasGlass(SceneMesh mesh, int inst) {
        for (int t = mesh.opaqueTriangles; t < mesh.triangles; t++) {
            if (mesh.instance[t] == inst) {
                return true;
            }
        }
        return false;
    }
}
