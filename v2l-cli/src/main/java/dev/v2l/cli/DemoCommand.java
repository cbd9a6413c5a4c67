package dev.v2l.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.v2l.dataset.BenchBuilder;
import dev.v2l.detect.Detector;
import dev.v2l.detect.ObjectronAssets;
import dev.v2l.model.ObjectronModel;
import dev.v2l.scene.Intrinsics;
import dev.v2l.dataset.DatasetOptions;
import dev.v2l.dataset.Exporter;
import dev.v2l.io.Provenance;
import dev.v2l.layout.text.MapForm;
import dev.v2l.model.ModelRequest;
import dev.v2l.model.Models;
import dev.v2l.model.ResponseCache;
import dev.v2l.model.VisionLanguageModel;
import dev.v2l.qa.QuestionType;
import dev.v2l.report.ReportWriter;
import dev.v2l.run.BenchItems;
import dev.v2l.run.EvalRunner;
import dev.v2l.run.Evaluation;
import dev.v2l.run.PromptKind;
import dev.v2l.scene.Scene;
import dev.v2l.source.SceneJson;
import dev.v2l.source.procedural.ProceduralSource;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code v2l demo}: the whole pipeline on built-in data, offline: procedural rooms, rendered walk-throughs, a small
 * QVS-style benchmark over every task type at 1, 4, 8, 12 and 16 frames, the built-in models (and any the user
 * adds) evaluated and scored, the realism figure (the detector on rendered frames against their masks), and the
 * report. Every stage keeps its output in the folder; a second run with the same
 * options reuses the scenes, the benchmark and every answer, and only writes the report again.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Run the main job on built-in data and write DIR/report.html (no network, no GPU): generate "
                + "procedural rooms, render their walk-throughs, build a small QVS-style benchmark (1/4/8/12/16 frames, "
                + "all VSI-Bench and QVS-Bench task types), evaluate the built-in models oracle, scene-oracle, "
                + "blind and objectron (a real CPU detector; and any --model you add, e.g. a local vLLM), score "
                + "answers and maps, measure how real the frames look to the detector, and write the report.",
            "A second run with the same options reuses everything already done."},
        footer = {"", "Examples:", "  v2l demo", "  v2l demo --out my-demo --scenes 12 --model "
            + "openai:http://127.0.0.1:8000/v1#Qwen/Qwen2.5-VL-7B-Instruct"})
final class DemoCommand implements Callable<Integer> {

    static final List<Integer> FRAME_COUNTS = List.of(1, 4, 8, 12, 16);
    /** Items per scene: enough for every type at every frame count from a handful of rooms. */
    static final int ITEMS_PER_SCENE = 80;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "v2l-demo", description = "Output folder (created "
            + "when missing). Default: ${DEFAULT-VALUE}.")
    Path out;

    @Option(names = "--scenes", paramLabel = "N", defaultValue = "6", converter = SceneCount.class,
            description = "Procedural rooms (1..500). Default: ${DEFAULT-VALUE}.")
    int scenes;

    @Mixin
    Mixins.ModelSpecs models;

    @Mixin
    Mixins.Seed seed = new Mixins.Seed(7);

    /** 1..500 rooms. */
    static final class SceneCount extends Converters.IntRange {
        SceneCount() {
            super(1, 500);
        }
    }

    @Override
    public Integer call() throws Exception {
        long seed = this.seed.value();
        long start = System.nanoTime();
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter o = spec.commandLine().getOut();
        Files.createDirectories(out);
        String source = "procedural:seed=" + seed + ",count=" + scenes;

        // 2. the benchmark (rendered frames), unless this very one exists: same rooms, settings and build (a build
        // of another commit may make other rooms)
        Path bench = out.resolve("bench");
        int size = scenes * ITEMS_PER_SCENE;
        ObjectNode key = new ObjectMapper().createObjectNode().put("source", source).put("size", size)
                .put("seed", seed).put("frames", FRAME_COUNTS.toString()).put("version", build())
                .put("items", "with cameras and depth");
        Path marker = bench.resolve("demo-bench.json");
        boolean reuse = Files.isRegularFile(bench.resolve("bench.jsonl")) && Files.isRegularFile(marker)
                && new ObjectMapper().readTree(marker.toFile()).toString().equals(key.toString());

        // 1. rooms, as scene JSON for anyone who wants to look at them (rewritten with the benchmark)
        Path scenesDir = out.resolve("scenes");
        ProceduralSource rooms = new ProceduralSource(seed, scenes);
        for (String id : rooms.ids()) {
            Path f = scenesDir.resolve(id + ".json");
            if (!reuse || !Files.exists(f)) {
                Scene s = rooms.scene(id);
                Inputs.writeAtomically(f, SceneJson.write(s));
            }
        }
        if (reuse) {
            err.println("demo: reusing the benchmark in " + bench);
        } else {
            err.printf(Locale.ROOT, "demo: rendering %d rooms and building the benchmark...%n", scenes);
            err.flush();
            List<QuestionType> all = QuestionType.parseList("all");
            DatasetOptions opts = new DatasetOptions(FRAME_COUNTS, all, 1, List.of(Exporter.JSONL), MapForm.V2LO,
                    new double[] {0, 0, 1}, seed, "uniform", 32, 4, 320, 240, 60, 0, true, 1);
            Provenance prov = Cli.provenance(spec).input(source, null).put("seed", seed);
            new BenchBuilder(opts, size, BenchBuilder.mixFor(all)).build(dev.v2l.source.SceneSources.open(source),
                    bench, prov, i -> { });
            Inputs.writeAtomically(marker, key.toPrettyString());
        }
        int items = BenchItems.read(bench).size();

        // 3. the models
        List<String> specs = new ArrayList<>(List.of("oracle", "scene-oracle", "blind"));
        boolean detector = ObjectronAssets.available();
        if (detector) {
            specs.add(ObjectronModel.NAME);
        }
        specs.addAll(models.models);
        Path results = out.resolve("results");
        Models.Options mo = models.options(0, EvalCommand.env);
        List<VisionLanguageModel> ms = Models.openAll(specs, mo, new ResponseCache(results.resolve("cache")), seed);
        EvalRunner runner = new EvalRunner(new EvalRunner.Settings(PromptKind.V2LO, models.concurrency, 0,
                ModelRequest.Settings.DEFAULT.withMaxTokens(PromptKind.V2LO.defaultMaxTokens()), 1.0),
                bench.toAbsolutePath());
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("prompt", "v2lo");
        settings.put("seed", seed);
        settings.put("tau", 1.0);
        Evaluation.Finished finished = EvalCommand.evaluate(spec, runner, BenchItems.read(bench), ms,
                bench.resolve("bench.jsonl"), results, seed, settings, models.apiKeyEnv, false);
        EvalRunner.Outcome outcome = finished.outcome();
        ObjectNode summary = finished.summary();

        // 4. the realism figure: the detector on rendered frames of each room, against their instance masks
        if (detector) {
            realism(results, rooms, seed, err);
        }

        // 5. the report
        Path report = out.resolve("report.html");
        ReportCommand.write(spec, List.of(ReportWriter.load(results, bench)), report, 400);

        double secs = (System.nanoTime() - start) / 1e9;
        o.printf(Locale.ROOT, "report: %s%n", report.toAbsolutePath());
        o.printf(Locale.ROOT, "%d benchmark items from %d procedural rooms (frames %s, %d task types)%n", items,
                scenes, FRAME_COUNTS, summary.path("runs").get(0).path("tasks").size());
        for (JsonNode r : summary.path("runs")) {
            JsonNode ov = r.path("overall");
            double f1 = 0;
            int n = 0;
            for (JsonNode f : r.path("frames")) {
                if (f.has("map_f1")) {
                    f1 += f.path("map_f1").path("mean").asDouble() * f.path("n").asInt();
                    n += f.path("n").asInt();
                }
            }
            o.printf(Locale.ROOT, "%-14s answers %5.1f [%5.1f, %5.1f]  map F1 %s%n",
                    ReportWriter.shortName(r.path("model").asText()), ov.path("mean").asDouble(),
                    ov.path("low").asDouble(), ov.path("high").asDouble(), n == 0 ? "–"
                            : String.format(Locale.ROOT, "%.2f", f1 / n));
        }
        if (Files.isRegularFile(results.resolve("realism.json"))) {
            JsonNode rj = new ObjectMapper().readTree(results.resolve("realism.json").toFile());
            o.printf(Locale.ROOT, "realism: the detector finds %d of %d objects it knows in %d rendered frames "
                    + "(recall %s, precision %s)%n", rj.at("/overall/found").asInt(), rj.at("/overall/truth").asInt(),
                    rj.path("frames").asInt(), percent(rj.at("/overall/recall")), percent(rj.at("/overall/precision")));
        }
        o.printf(Locale.ROOT, "done in %.1f s (%d answers asked, %d reused)%n", secs, outcome.asked(),
                outcome.skipped());
        o.flush();
        return outcome.errors() > 0 ? Main.EXIT_FAILURE : Main.EXIT_OK;
    }

    /** Frames per room for the realism figure (640×480, along each room's walk-through). */
    static final int REALISM_FRAMES = 6;

    /**
     * Renders {@link #REALISM_FRAMES} frames of each room (with instance masks) under {@code frames/}, runs the
     * detector on them and writes {@code results/realism.json}, unless the same figure is there already.
     */
    private void realism(Path results, ProceduralSource rooms, long seed, PrintWriter err) throws Exception {
        Path file = results.resolve("realism.json");
        Path framesDir = out.resolve("frames");
        ObjectNode key = new ObjectMapper().createObjectNode().put("rooms", rooms.ids().toString()).put("seed", seed)
                .put("frames", REALISM_FRAMES).put("version", build());
        Path marker = framesDir.resolve("demo-frames.json");
        if (Files.isRegularFile(file) && Files.isRegularFile(marker)
                && new ObjectMapper().readTree(marker.toFile()).toString().equals(key.toString())) {
            return;
        }
        err.printf(Locale.ROOT, "demo: the realism figure (the detector on %d rendered frames)...%n",
                REALISM_FRAMES * rooms.ids().size());
        err.flush();
        Intrinsics k = Intrinsics.fromVerticalFov(640, 480, 60);
        int threads = Runtime.getRuntime().availableProcessors();
        List<Path> renders = new ArrayList<>();
        for (String id : rooms.ids()) {
            Scene scene = rooms.scene(id);
            Path dir = framesDir.resolve(id);
            RenderCommand.FrameWriter.write(scene, RenderCommand.poses(scene, "walk", REALISM_FRAMES, seed), k, 4, dir,
                    threads, false, err);
            renders.add(dir);
        }
        ObjectNode json = DetectCommand.realismOfRenders(Detector.shared(), renders, framesDir, 0.3, threads);
        Inputs.writeAtomically(file, new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(json));
        Inputs.writeAtomically(marker, key.toPrettyString());
    }

    /** The version and commit this jar was built from: what a reused result must have been made by. */
    private static String build() {
        return VersionProvider.version() + " " + VersionProvider.commit();
    }

    private static String percent(JsonNode v) {
        return v.isNumber() ? String.format(Locale.ROOT, "%.1f %%", 100 * v.asDouble()) : "–";
    }
}
