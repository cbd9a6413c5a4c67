package dev.v2l.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.v2l.geom.Prism;
import dev.v2l.io.JsonFields;
import dev.v2l.layout.Layout;
import dev.v2l.layout.LayoutSvg;
import dev.v2l.layout.Layouts;
import dev.v2l.layout.MapDiagnostic;
import dev.v2l.layout.MapForm;
import dev.v2l.layout.MapFrame;
import dev.v2l.layout.MapParseResult;
import dev.v2l.layout.MapParser;
import dev.v2l.layout.MapWriter;
import dev.v2l.scene.Footprints;
import dev.v2l.scene.Scene;
import dev.v2l.scene.SceneObject;
import dev.v2l.source.SceneJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code v2l demo}: the main job on built-in data. For now (foundation): load the built-in scene, build its
 * ground-truth cognitive map in the first camera's frame, write it in every form, read each back with the lenient
 * parser and check the round trip, parse a messy model-style response, and write an HTML report with the map drawn.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the main job on built-in data and write a report (no network, no GPU).",
        footer = {"", "Example: v2l demo --out v2l-demo"})
final class DemoCommand implements Callable<Integer> {

    static final String BUILTIN_SCENE = "demo/living_room.json";

    /** A response in the style real models write: prose, a fence, single quotes, a unit, a truncated tail. */
    static final String MESSY_RESPONSE = """
            <map>Sure! Here is the bird's-eye view:
            ```json
            [{'object_name': 'sofa', 'bbox': [-0.6, 4.0, 1.5, 5.0]},
             {"object_name": "tv", "bbox": [-0.5, 0.1, 0.7, 0.4],},
             {"object_name": "chair", "bbox": [-1.7m, 1.3, -1.2, 1.8]}
             {"object_name": "lamp", "bbox": [2.3, 4.3
            </map><think>The sofa is 3.6 m in front of the tv.</think><answer>3.6</answer>""";

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", defaultValue = "v2l-demo", description = "Output folder. Default: ${DEFAULT-VALUE}.")
    Path out;

    static Scene builtinScene() {
        try (InputStream in = DemoCommand.class.getResourceAsStream(BUILTIN_SCENE)) {
            if (in == null) {
                throw new IllegalStateException("built-in scene " + BUILTIN_SCENE + " is missing from the jar");
            }
            return SceneJson.read(new ObjectMapper().readTree(in), new JsonFields("builtin:" + BUILTIN_SCENE, null));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the built-in scene", e);
        }
    }

    @Override
    public Integer call() {
        long start = System.nanoTime();
        PrintWriter o = spec.commandLine().getOut();
        Scene scene = builtinScene();
        Layout truth = Layouts.fromScene(scene, MapFrame.FIRST_CAMERA, scene.objects());
        StringBuilder forms = new StringBuilder();
        int roundTrips = 0;
        for (MapForm form : MapForm.values()) {
            String text = MapWriter.write(truth, form);
            MapParseResult back = MapParser.builder().form(form).build().parse(text);
            boolean same = form == MapForm.GRID ? MapWriter.writeGrid(back.grid()).equals(text)
                    : back.layout() != null
                            && back.layout().approximatelyEquals(MapWriter.asWritten(truth, form), 1e-9);
            roundTrips += same ? 1 : 0;
            forms.append("<h3>").append(form.code()).append(same ? " — reads back exactly as written"
                    : " — READS BACK DIFFERENTLY")
                    .append("</h3>\n<pre>").append(html(text)).append("</pre>\n");
        }
        MapParseResult messy = MapParser.lenient().parse(MESSY_RESPONSE);
        String svg = LayoutSvg.draw(messy.layout(), MapWriter.asWritten(truth, MapForm.V2LO),
                "messy model map (colour) over the true map (grey), first-camera frame");
        String truthSvg = LayoutSvg.draw(truth, null, scene.id() + " — ground truth, first-camera frame");
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>v2l demo</title>\n")
                .append("<style>body{font-family:sans-serif;max-width:980px;margin:2em auto;padding:0 1em}"
                        + "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:2px 8px;text-align:right}"
                        + "td:first-child,th:first-child{text-align:left}pre{white-space:pre-wrap;background:#f6f6f6;"
                        + "padding:.5em}</style></head><body>\n")
                .append("<h1>video2layout demo</h1>\n<p>Built-in scene <b>").append(html(scene.id()))
                .append("</b>: ").append(scene.objects().size()).append(" objects.</p>\n").append(truthSvg)
                .append("<h2>Objects</h2>\n<table><tr><th>id</th><th>label</th><th>footprint (m)</th>"
                        + "<th>height (m)</th></tr>\n");
        for (SceneObject so : scene.objects()) {
            Prism p = Footprints.prismOf(so.box(), scene.up());
            html.append(String.format(Locale.ROOT, "<tr><td>%s</td><td>%s</td><td>%.2f × %.2f</td><td>%.2f</td></tr>%n",
                    html(so.id()), html(so.label()), p.footprint().longSide(), p.footprint().shortSide(), p.height()));
        }
        html.append("</table>\n<h2>The map in each text form</h2>\n").append(forms)
                .append("<h2>A messy model response, parsed</h2>\n<pre>").append(html(MESSY_RESPONSE))
                .append("</pre>\n<ul>\n");
        for (MapDiagnostic d : messy.diagnostics()) {
            html.append("<li>").append(html(d.toString())).append("</li>\n");
        }
        html.append("</ul>\n").append(svg).append("\n<p>v2l ").append(VersionProvider.version()).append(" (commit ")
                .append(VersionProvider.commit()).append(")</p>\n</body></html>\n");
        Path report = out.resolve("report.html");
        Inputs.writeAtomically(report, html.toString());
        Inputs.writeAtomically(out.resolve("truth_map.svg"), truthSvg);
        double secs = (System.nanoTime() - start) / 1e9;
        o.printf("scene     %s: %d objects, %d labels (built-in)%n", scene.id(), scene.objects().size(),
                scene.labelCounts().size());
        o.printf("maps      ground truth in the first camera's frame written as v2lo, extended and grid%n");
        o.printf("roundtrip %d of %d forms read back exactly as written%n", roundTrips, MapForm.values().length);
        o.printf("parser    messy response: %d objects recovered, %d repairs, %d dropped%n",
                messy.layout().size(), messy.count(MapDiagnostic.Kind.REPAIR), messy.dropped());
        o.printf(Locale.ROOT, "report    %s (%.1f s)%n", report.toAbsolutePath(), secs);
        return roundTrips == MapForm.values().length ? Main.EXIT_OK : Main.EXIT_FAILURE;
    }

    private static String html(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
