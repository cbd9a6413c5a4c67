package dev.v2l.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.v2l.asset.AssetLibrary;
import dev.v2l.io.CameraTrackJson;
import dev.v2l.render.CameraPaths;
import dev.v2l.render.RenderStyle;
import dev.v2l.render.FrameFiles;
import dev.v2l.render.SceneRenderer;
import dev.v2l.scene.CameraPose;
import dev.v2l.scene.Intrinsics;
import dev.v2l.scene.Observation;
import dev.v2l.scene.Scene;
import dev.v2l.source.SceneSources;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code v2l render}: frames of a scene along a camera path, with depth, instance masks and poses. */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = "Render a scene along a walk-through (or a 360° turn) with the built-in rasterizer: RGB PNGs, "
                + "depth as 16-bit PNG in millimetres, instance masks as 16-bit PNG (object index + 1, see "
                + "instances.json), poses.jsonl with each frame's camera, observation.jsonl with what each frame "
                + "shows, and video.mp4.",
        footer = {"", "Example: v2l render procedural:seed=7,count=10 --scene proc-7-0003 --frames 32 --size 640x480 "
            + "--out frames/"})
final class RenderCommand implements Callable<Integer> {

    static final ObjectMapper MAPPER = new ObjectMapper();

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SCENE_SOURCE", description = "Scene source: [kind:]path[,options] or "
            + "procedural:seed=S,count=N.")
    String source;

    @Option(names = "--scene", required = true, paramLabel = "ID", description = "Scene id (see 'scenes list').")
    String sceneId;

    @Option(names = "--frames", paramLabel = "N", defaultValue = "32", converter = FrameTotal.class,
            description = "Number of frames (1..100000). Default: ${DEFAULT-VALUE}.")
    int frames;

    @Option(names = "--size", paramLabel = "WxH", defaultValue = "640x480", converter = Converters.Size.class,
            description = "Image size, WIDTHxHEIGHT pixels. Default: ${DEFAULT-VALUE}.")
    Converters.ImageSize size;

    @Option(names = "--fov", paramLabel = "DEGREES", defaultValue = "60", converter = Converters.FieldOfView.class,
            description = "Vertical field of view, degrees. Default: ${DEFAULT-VALUE}.")
    double fov;

    @Option(names = "--fps", defaultValue = "4", converter = Converters.PositiveDouble.class,
            description = "Frames per second of the walk (times in poses). Default: ${DEFAULT-VALUE}.")
    double fps;

    @Option(names = "--path", paramLabel = "PATH", defaultValue = "walk", converter = Converters.CameraPath.class,
            description = "walk (a walk-through) or turn (360° turn). Default: ${DEFAULT-VALUE}.")
    String path;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0", description = "Seed of the camera path. Default: "
            + "${DEFAULT-VALUE}.")
    long seed;

    @Mixin
    Mixins.Threads threads;

    @Option(names = "--no-video", description = "Do not write video.mp4.")
    boolean noVideo;

    @Option(names = "--style", defaultValue = "furniture", description = "furniture (each object's catalog model, "
            + "textured and lit; objects without one as boxes) or boxes (every object as a flat-coloured box). "
            + "Default: ${DEFAULT-VALUE}.")
    String style;

    @Option(names = "--assets", split = ",", paramLabel = "CATALOG", description = "Furniture catalogs to find "
            + "models in (.sh3f files or folders, or 'embedded', 'debian', 'default'). Default: the embedded subset "
            + "plus installed Debian catalogs.")
    List<String> assets = new java.util.ArrayList<>();

    @Mixin
    Mixins.OutputFolder out;

    /** 1..100000 frames. */
    static final class FrameTotal extends Converters.IntRange {
        FrameTotal() {
            super(1, 100_000);
        }
    }

    static List<CameraPose> poses(Scene scene, String path, int frames, long seed) {
        return poses(scene, path, frames, seed, null);
    }

    static List<CameraPose> poses(Scene scene, String path, int frames, long seed, SceneRenderer renderer) {
        return switch (path) {
            case "walk" -> CameraPaths.walkThrough(scene, frames, seed, renderer == null ? null : renderer.mesh());
            case "turn" -> CameraPaths.turn(scene, frames, seed);
            default -> throw new IllegalStateException("unknown --path '" + path + "'; available: walk, turn");
        };
    }

    @Override
    public Integer call() throws IOException {
        RenderStyle st = RenderStyle.parse(style);
        Scene scene = SceneSources.open(source).scene(sceneId);
        Intrinsics k = Intrinsics.fromVerticalFov(size.width(), size.height(), fov);
        long start = System.nanoTime();
        SceneRenderer renderer = new SceneRenderer(scene, k, st, assets.isEmpty() ? null
                : AssetLibrary.fromSpec(assets));
        Observation obs = FrameWriter.write(renderer, scene, poses(scene, path, frames, seed, renderer), k, fps,
                out.dir(), threads.resolved(), !noVideo,
                spec.commandLine().getErr());
        double secs = (System.nanoTime() - start) / 1e9;
        spec.commandLine().getErr().printf(Locale.ROOT, "rendered %d frames of %s at %dx%d in %.1f s -> %s (%d objects "
                + "seen)%n", frames, scene.id(), size.width(), size.height(), secs, out.dir(), obs.seenAnywhere().size());
        return Main.EXIT_OK;
    }

    /** Writes a rendered sequence into a folder (shared by render and demo). */
    static final class FrameWriter {
        private FrameWriter() {
        }

        static Observation write(Scene scene, List<CameraPose> poses, Intrinsics k, double fps, Path out, int threads,
                boolean video, java.io.PrintWriter err) throws IOException {
            return write(new SceneRenderer(scene, k), scene, poses, k, fps, out, threads, video, err);
        }

        static Observation write(SceneRenderer renderer, Scene scene, List<CameraPose> poses, Intrinsics k, double fps,
                Path out, int threads, boolean video, java.io.PrintWriter err) throws IOException {
            Files.createDirectories(out.resolve("rgb"));
            Files.createDirectories(out.resolve("depth"));
            Files.createDirectories(out.resolve("instance"));
            AtomicInteger done = new AtomicInteger();
            Observation obs = renderer.render(poses, fps, threads, (i, pose, t) -> {
                String name = String.format(Locale.ROOT, "%06d.png", i);
                FrameFiles.writePng(FrameFiles.rgbImage(t), out.resolve("rgb").resolve(name));
                FrameFiles.writePng(FrameFiles.depthImage(t), out.resolve("depth").resolve(name));
                FrameFiles.writePng(FrameFiles.instanceImage(t), out.resolve("instance").resolve(name));
                done.incrementAndGet();
            });
            StringBuilder poseLines = new StringBuilder();
            StringBuilder obsLines = new StringBuilder();
            for (Observation.Frame f : obs.frames()) {
                ObjectNode p = MAPPER.createObjectNode();
                p.put("frame", f.index());
                p.put("time_s", f.timeSeconds());
                p.put("rgb", String.format(Locale.ROOT, "rgb/%06d.png", f.index()));
                CameraTrackJson.putPose(p, f.pose());
                CameraTrackJson.putIntrinsics(p.putObject("intrinsics"), k);
                poseLines.append(MAPPER.writeValueAsString(p)).append('\n');
                ObjectNode o = MAPPER.createObjectNode();
                o.put("frame", f.index());
                o.put("time_s", f.timeSeconds());
                ObjectNode px = o.putObject("pixels");
                f.pixels().forEach(px::put);
                ArrayNode seen = o.putArray("seen");
                int pos = obs.frames().indexOf(f);
                f.pixels().keySet().stream().filter(id -> obs.seen(pos, id)).forEach(seen::add);
                obsLines.append(MAPPER.writeValueAsString(o)).append('\n');
            }
            Inputs.writeAtomically(out.resolve("poses.jsonl"), poseLines.toString());
            Inputs.writeAtomically(out.resolve("observation.jsonl"), obsLines.toString());
            ObjectNode inst = MAPPER.createObjectNode();
            inst.put("scene_id", scene.id());
            inst.put("min_share", obs.minShare());
            ObjectNode ids = inst.putObject("instances");
            List<String> all = renderer.mesh().instanceIds();
            for (int i = 0; i < all.size(); i++) {
                String id = all.get(i);
                ObjectNode e = ids.putObject(Integer.toString(i + 1));
                e.put("id", id);
                dev.v2l.scene.SceneObject so = scene.object(id).orElseThrow();
                e.put("label", so.label());
                if (so.asset() != null) {
                    e.put("model", so.asset().model());
                    e.put("catalog", so.asset().catalog());
                    e.put("creator", so.asset().creator());
                    e.put("license", so.asset().license());
                }
            }
            Inputs.writeAtomically(out.resolve("instances.json"), MAPPER.writerWithDefaultPrettyPrinter()
                    .writeValueAsString(inst));
            if (video) {
                VideoOutput.encode(out, poses.size(), fps, err);
            }
            return obs;
        }
    }
}
