package dev.v2l.render;

import dev.v2l.asset.AssetLibrary;
import dev.v2l.geom.Vec3;
import dev.v2l.scene.CameraPose;
import dev.v2l.scene.Intrinsics;
import dev.v2l.scene.Scene;
import dev.v2l.scene.UpAxis;
import dev.v2l.source.procedural.ProceduralGenerator;
import java.util.ArrayList;
import java.util.List;

/**
 * Frame rules of a walk-through, checked by rendering each frame's instance ids at a low resolution (the shares are
 * the same at any resolution, to within a pixel's worth): no object covers more than {@link
 * CameraPaths#MAX_OBJECT_SHARE} of the frame, and some object covers at least {@link CameraPaths#MIN_SEEN_SHARE}.
 * A frame that breaks a rule is turned (yaw first, then tipped down a little more) to the nearest direction that
 * keeps both; position and eye height stay.
 */
public final class FrameRules {

    /** Resolution of the check (4:3, the default 60° vertical field of view). */
    static final int CHECK_W = 80;
    static final int CHECK_H = 60;
    /** Margin under the 60 % rule, so the full-resolution frame keeps it too. */
    static final double SHARE_MARGIN = 0.03;

    private final Scene scene;
    private final SceneMesh mesh;
    private final Intrinsics k = Intrinsics.fromVerticalFov(CHECK_W, CHECK_H, 60);
    private final Rasterizer raster = new Rasterizer().smoothEdges(false);
    private final RenderTarget target = new RenderTarget(CHECK_W, CHECK_H);

    /** Checks on the scene's furniture from the default catalogs. */
    public FrameRules(Scene scene) {
        this(scene, null);
    }

    /** Checks on the given mesh (the one frames are rendered with), or on the scene's furniture when null. */
    public FrameRules(Scene scene, SceneMesh rendered) {
        this.scene = scene;
        if (rendered != null) {
            this.mesh = rendered;
            return;
        }
        boolean models = scene.objects().stream().anyMatch(o -> o.asset() != null);
        this.mesh = models ? SceneMesh.geometry(scene, ProceduralGenerator.WALL_HEIGHT, AssetLibrary.defaults())
                : SceneMesh.of(scene, ProceduralGenerator.WALL_HEIGHT);
    }

    /** Largest single-object share and whether some object reaches the minimum, for one pose. */
    public record Check(double maxShare, double bestSeen) {
        public boolean ok() {
            return maxShare <= CameraPaths.MAX_OBJECT_SHARE - SHARE_MARGIN && bestSeen >= CameraPaths.MIN_SEEN_SHARE;
        }
    }

    public Check check(CameraPose pose) {
        raster.render(mesh, scene.up(), pose, k, target);
        int[] counts = target.instancePixelCounts(mesh.instanceIds().size());
        double total = CHECK_W * CHECK_H;
        int max = 0;
        for (int i = 1; i < counts.length; i++) {
            max = Math.max(max, counts[i]);
        }
        return new Check(max / total, max / total);
    }

    List<CameraPose> apply(List<CameraPose> poses) {
        List<CameraPose> out = new ArrayList<>(poses.size());
        for (CameraPose p : poses) {
            out.add(fix(p));
        }
        return out;
    }

    private CameraPose fix(CameraPose p) {
        if (check(p).ok()) {
            return p;
        }
        UpAxis up = scene.up();
        Vec3 f = p.forward();
        double yaw = Math.toDegrees(Math.atan2(up == UpAxis.Z ? f.y() : f.z(), f.x()));
        double pitch = Math.toDegrees(Math.asin(Math.max(-1, Math.min(1, up == UpAxis.Z ? f.z() : f.y()))));
        for (double extraPitch : new double[] {0, -10, -20}) {
            for (int step = 1; step <= 12; step++) {
                for (int sign : new int[] {1, -1}) {
                    CameraPose q = CameraPose.fromYawPitch(up, p.position(), yaw + sign * 15 * step,
                            Math.max(-45, pitch + extraPitch));
                    if (check(q).ok()) {
                        return q;
                    }
                }
            }
        }
        return p; // nowhere better (a tiny, cramped room): keep the walk's own view
    }
}
