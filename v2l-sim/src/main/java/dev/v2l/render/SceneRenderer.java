package dev.v2l.render;

import dev.v2l.asset.AssetLibrary;
import dev.v2l.scene.CameraPose;
import dev.v2l.scene.Intrinsics;
import dev.v2l.scene.Observation;
import dev.v2l.scene.Scene;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Renders a scene along a camera path on several threads and records what each frame shows. A {@link FrameSink}
 * receives every finished frame (to write images, or to encode a video); frames may arrive out of order.
 */
public final class SceneRenderer {

    /** Receives rendered frames; called from worker threads. */
    public interface FrameSink {
        void accept(int index, CameraPose pose, RenderTarget frame) throws Exception;
    }

    private final Scene scene;
    private final SceneMesh mesh;
    private final Intrinsics intrinsics;

    /** Real furniture where objects name a model (from the default catalogs), boxes elsewhere. */
    public SceneRenderer(Scene scene, Intrinsics intrinsics) {
        this(scene, intrinsics, RenderStyle.FURNITURE, null);
    }

    /**
     * @param library the catalogs objects' models are looked up in; null for {@link AssetLibrary#defaults()} (only
     *                opened when some object names a model)
     */
    public SceneRenderer(Scene scene, Intrinsics intrinsics, RenderStyle style, AssetLibrary library) {
        this.scene = scene;
        boolean needsLibrary = style == RenderStyle.FURNITURE && scene.objects().stream()
                .anyMatch(o -> o.asset() != null && !dev.v2l.asset.BuiltinModels.isBuiltin(o.asset()));
        this.mesh = SceneMesh.of(scene, dev.v2l.source.procedural.ProceduralGenerator.WALL_HEIGHT, style,
                library != null ? library : needsLibrary ? AssetLibrary.defaults() : null);
        this.intrinsics = intrinsics;
    }

    public SceneMesh mesh() {
        return mesh;
    }

    public Intrinsics intrinsics() {
        return intrinsics;
    }

    /**
     * Renders every pose and returns the observation (object pixel counts per frame, times at {@code fps}).
     *
     * @param sink receives each frame, or null
     */
    public Observation render(List<CameraPose> poses, double fps, int threads, FrameSink sink) {
        int n = Math.max(1, Math.min(threads, poses.size()));
        @SuppressWarnings("unchecked")
        Map<String, Integer>[] counts = new Map[poses.size()];
        ExecutorService pool = Executors.newFixedThreadPool(n, r -> {
            Thread t = new Thread(r, "render");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> fs = new ArrayList<>();
            for (int w = 0; w < n; w++) {
                int worker = w;
                fs.add(pool.submit(() -> {
                    Rasterizer r = new Rasterizer();
                    RenderTarget target = new RenderTarget(intrinsics.width(), intrinsics.height());
                    for (int i = worker; i < poses.size(); i += n) {
                        r.render(mesh, scene.up(), poses.get(i), intrinsics, target);
                        int[] c = target.instancePixelCounts(mesh.instanceIds().size());
                        Map<String, Integer> m = new LinkedHashMap<>();
                        for (int k = 1; k < c.length; k++) {
                            if (c[k] > 0) {
                                m.put(mesh.instanceId(k), c[k]);
                            }
                        }
                        counts[i] = m;
                        if (sink != null) {
                            sink.accept(i, poses.get(i), target);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : fs) {
                f.get();
            }
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable c = e.getCause();
            throw c instanceof RuntimeException re ? re : new IllegalStateException("rendering failed: " + c, c);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("rendering interrupted", e);
        } finally {
            pool.shutdownNow();
        }
        List<Observation.Frame> frames = new ArrayList<>(poses.size());
        for (int i = 0; i < poses.size(); i++) {
            frames.add(new Observation.Frame(i, i / fps, poses.get(i), counts[i], null));
        }
        return new Observation(scene.id(), intrinsics.width(), intrinsics.height(), Observation.DEFAULT_MIN_SHARE,
                frames);
    }
}
