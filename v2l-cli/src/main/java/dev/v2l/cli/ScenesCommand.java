package dev.v2l.cli;

import dev.v2l.geom.Prism;
import dev.v2l.layout.Layout;
import dev.v2l.layout.Layouts;
import dev.v2l.layout.text.MapForm;
import dev.v2l.layout.MapFrame;
import dev.v2l.layout.text.MapWriter;
import dev.v2l.scene.Footprints;
import dev.v2l.scene.Scene;
import dev.v2l.scene.SceneObject;
import dev.v2l.source.SceneJson;
import dev.v2l.source.SceneSource;
import dev.v2l.source.SceneSources;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code v2l scenes list|show}: look into scene sources. */
@Command(name = "scenes", mixinStandardHelpOptions = true, description = "List and show scenes of a source (VSI-Bench meta_info, AI2-THOR dump, "
        + "ProcTHOR house, our scene JSON).",
        subcommands = {ScenesCommand.ListScenes.class, ScenesCommand.ShowScene.class, ScenesGenerate.class},
        footer = {"", "SOURCE is [kind:]path[,option=value]; kinds: vsi, ai2thor, procthor, v2l (detected when "
            + "omitted).", "Example: v2l scenes list ../shared/data/vsibench-meta/arkitscenes_meta_info_val.json"})
final class ScenesCommand implements Runnable {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw Cli.missingSubcommand(spec);
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "One line per scene: id, dataset, "
            + "objects, labels, floor area.",
            footer = {"", "Example: v2l scenes list vsi:../shared/data/vsibench-meta/scannet_meta_info_val.json"})
    static final class ListScenes implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "SOURCE", description = "Scene source: [kind:]path[,options].")
        String source;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            SceneSource src = SceneSources.open(source);
            out.printf("%-28s %-12s %7s %7s %9s%n", "id", "dataset", "objects", "labels", "area_m2");
            for (Scene s : src) {
                out.printf(Locale.ROOT, "%-28s %-12s %7d %7d %9s%n", s.id(), s.dataset(), s.objects().size(),
                        s.labelCounts().size(), s.room().area().isPresent()
                                ? String.format(Locale.ROOT, "%.2f", s.room().area().getAsDouble()) : "-");
            }
            out.printf("%d scenes in %s%n", src.ids().size(), src.spec());
            return Main.EXIT_OK;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "One scene: its objects with footprints,"
            + " or the scene as JSON (--json), or its ground-truth map text (--map).",
            footer = {"", "Example: v2l scenes show ../shared/data/ai2thor/instance_segmentation_metadata.json "
                + "iTHOR_Kitchen_Val_09 --map v2lo"})
    static final class ShowScene implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "SOURCE", description = "Scene source: [kind:]path[,options].")
        String source;

        @Parameters(index = "1", paramLabel = "SCENE_ID", description = "Scene id (see 'scenes list').")
        String id;

        @Option(names = "--json", description = "Print the scene in our scene format (v2l-scene/1).")
        boolean json;

        @Option(names = "--map", paramLabel = "FORM", converter = Converters.Form.class, description = "Print the "
                + "ground-truth map in this form: v2lo, extended or grid.")
        MapForm mapForm;

        @Option(names = "--frame", paramLabel = "FRAME", defaultValue = "scene", converter = Converters.Frame.class,
                description = "Map frame: scene, room (the room's axes) or first-camera (room-aligned; needs a "
                        + "recorded camera). Default: "
                        + "${DEFAULT-VALUE}.")
        MapFrame frame;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            Scene s = SceneSources.open(source).scene(id);
            if (json) {
                out.print(SceneJson.write(s));
                return Main.EXIT_OK;
            }
            if (mapForm != null) {
                if (frame == MapFrame.FIRST_CAMERA && s.camera() == null) {
                    throw new dev.v2l.io.BadInputException(null, null, null, "--frame first-camera needs a recorded "
                            + "camera, and scene " + s.id() + " has none; use --frame scene");
                }
                Layout layout = Layouts.fromScene(s, frame, s.objects());
                out.println(MapWriter.write(layout, mapForm));
                return Main.EXIT_OK;
            }
            out.printf("scene %s (%s), up %s, %d objects%n", s.id(), s.dataset(), s.up().code(), s.objects().size());
            if (s.room().area().isPresent()) {
                out.printf(Locale.ROOT, "floor area %.2f m2, %d regions%n", s.room().area().getAsDouble(),
                        s.room().regions().size());
            }
            if (s.camera() != null) {
                out.printf(Locale.ROOT, "camera at %s facing %s%n", fmt(s.camera().position()),
                        fmt(s.camera().forward()));
            }
            out.printf("%-40s %-18s %18s %15s %13s%n", "id", "label", "centre_xy", "footprint_m", "z_range");
            for (SceneObject o : s.objects()) {
                Prism p = Footprints.prismOf(o.box(), s.up());
                out.printf(Locale.ROOT, "%-40s %-18s %8.2f,%8.2f %6.2f x %6.2f %5.2f..%5.2f%n", o.id(), o.label(),
                        p.footprint().center().x(), p.footprint().center().y(), p.footprint().longSide(),
                        p.footprint().shortSide(), p.zMin(), p.zMax());
            }
            out.println("labels:");
            for (Map.Entry<String, Integer> e : s.labelCounts().entrySet()) {
                out.printf("  %s: %d%n", e.getKey(), e.getValue());
            }
            return Main.EXIT_OK;
        }

        private static String fmt(dev.v2l.geom.Vec3 v) {
            return String.format(Locale.ROOT, "(%.2f, %.2f, %.2f)", v.x(), v.y(), v.z());
        }
    }
}
