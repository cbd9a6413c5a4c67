package dev.v2l.cli;

import dev.v2l.geom.OrientedRect;
import dev.v2l.geom.Prism;
import dev.v2l.geom.Vec2;
import dev.v2l.layout.Layout;
import dev.v2l.layout.LayoutObject;
import dev.v2l.layout.MapFrame;
import dev.v2l.layout.text.MapParser;
import dev.v2l.layout.text.MapWriter;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.function.IntSupplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code v2l bench}: throughput figures for the hot paths, on one thread, after warm-up. Each benchmark runs
 * {@code --iterations} timed rounds of about {@code --seconds} each and prints the median rate and the range.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        subcommands = {BenchBuildCommand.class, BenchCheckCommand.class, BenchImportCommand.class},
        description = "Measure throughput of hot paths: 'parse' (typical model responses with a v2lo map, one "
                + "thread), 'distance' (all pairwise prism distances of a 40-object scene, one thread), 'qa' (question "
                + "generation with JSON output over every scene of --qa-source, all types, 20 per type per scene, "
                + "--threads workers), 'reward' (Video2Layout's reward on typical rollouts, one thread), 'vsi-score' "
                + "(VSI-Bench per-sample scoring, one thread), 'service' (the reward service on loopback at 1 and 64 "
                + "connections), 'eval' (the evaluation runner against a fake server answering after 50 ms, concurrency 64: ideal "
                + "1,280 requests/s), 'render' (640x480 RGB + depth + instance frames of a 30-object room, --threads "
                + "workers), 'video' (16 uniform PNG frames from --video, against ffmpeg), 'detect' (the Objectron "
                + "detector on rendered 640x480 frames: whole calls per second on 1 thread and on --threads threads), "
                + "'vsi-import' (5,000 VSI-Bench questions over 288 videos, each a link to --video, imported at 8, 16 "
                + "and 32 frames, then resumed).",
        footer = {"", "Example: v2l bench parse distance --seconds 2",
            "'v2l bench build' builds a benchmark (QVS-Bench style); see 'v2l bench build --help'.",
            "'v2l bench import' imports an official benchmark; see 'v2l bench import --help'."})
final class BenchCommand implements Callable<Integer> {

    static final List<String> NAMES = List.of("parse", "distance", "qa", "reward", "vsi-score", "service", "eval",
            "render", "video", "detect", "vsi-import");

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "NAME", description = "Benchmarks to run: ${COMPLETION-CANDIDATES}; "
            + "default all.", completionCandidates = Names.class)
    List<String> names = new ArrayList<>();

    @Option(names = "--seconds", defaultValue = "1.0", converter = Converters.PositiveDouble.class, description = "Length of one timed round. Default: "
            + "${DEFAULT-VALUE}.")
    double seconds;

    @Option(names = "--iterations", defaultValue = "5", converter = Converters.PositiveInt.class, description = "Timed rounds. Default: ${DEFAULT-VALUE}.")
    int iterations;

    @Option(names = "--seed", defaultValue = "7", description = "Seed of the generated inputs. Default: "
            + "${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--qa-source", description = "Scene sources for the qa benchmark (repeatable). Default: the "
            + "three VSI-Bench meta_info files in ../shared/data/vsibench-meta.")
    List<String> qaSources = new ArrayList<>();

    @Option(names = "--threads", defaultValue = "0", converter = Converters.NonNegativeInt.class, description =
            "Worker threads for the qa, render and detect benchmarks (0: one per processor).")
    int threads;

    @Option(names = "--video", description = "The video for the video benchmark (a 60 s 720p clip).")
    java.nio.file.Path video;

    static final class Names extends ArrayList<String> {
        private static final long serialVersionUID = 1L;

        Names() {
            super(NAMES);
        }
    }

    @Override
    public Integer call() {
        List<String> run = names.isEmpty() ? NAMES.stream().filter(n -> !n.equals("video") && !n.equals("vsi-import")
                || video != null).toList()
                : names;
        for (String n : run) {
            if (!NAMES.contains(n)) {
                throw new IllegalArgumentException("unknown benchmark '" + n + "'; available: " + String.join(", ",
                        NAMES));
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf("v2l bench: %s, Java %s, %d available processors%n", VersionProvider.version(),
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
        for (String n : run) {
            switch (n) {
                case "parse" -> benchParse(out);
                case "distance" -> benchDistance(out);
                case "qa" -> benchQa(out);
                case "reward" -> RewardBench.library(out, seconds, iterations, seed);
                case "vsi-score" -> RewardBench.vsiScoring(out, seconds, iterations, seed);
                case "render" -> benchRender(out);
                case "detect" -> {
                    try {
                        DetectBench.run(out, seconds, iterations, threads, seed);
                    } catch (Exception e) {
                        throw new IllegalStateException("detect benchmark failed: " + e.getMessage(), e);
                    }
                }
                case "video" -> {
                    try {
                        VideoBench.run(out, video, iterations);
                    } catch (IllegalArgumentException e) {
                        throw e;
                    } catch (Exception e) {
                        throw new IllegalStateException("video benchmark failed: " + e.getMessage(), e);
                    }
                }
                case "vsi-import" -> {
                    try {
                        ImportBench.run(out, video, java.nio.file.Path.of("../shared/data/vsibench-meta"), 5000, threads > 0 ? threads
                                : Runtime.getRuntime().availableProcessors(), seed);
                    } catch (IllegalArgumentException e) {
                        throw e;
                    } catch (Exception e) {
                        throw new IllegalStateException("vsi-import benchmark failed: " + e.getMessage(), e);
                    }
                }
                case "eval" -> {
                    try {
                        EvalBench.run(out, 64, 50, Math.max(640, (int) Math.round(seconds * 1280)), iterations, seed);
                    } catch (Exception e) {
                        throw new IllegalStateException("eval benchmark failed: " + e.getMessage(), e);
                    }
                }
                case "service" -> {
                    try {
                        RewardBench.service(out, seconds, seed);
                    } catch (Exception e) {
                        throw new IllegalStateException("service benchmark failed: " + e.getMessage(), e);
                    }
                }
                default -> throw new IllegalStateException(n);
            }
        }
        return Main.EXIT_OK;
    }

    /** Typical model responses: 6–16 objects, a v2lo map in tags, a short think and answer. */
    static List<String> typicalResponses(long seed, int n) {
        SplittableRandom rnd = new SplittableRandom(seed);
        String[] labels = {"sofa", "chair", "table", "tv", "bed", "lamp", "cabinet", "refrigerator", "plant",
            "desk", "toilet", "sink", "stool", "pillow", "monitor", "door"};
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int k = 6 + rnd.nextInt(11);
            List<LayoutObject> objs = new ArrayList<>();
            for (int j = 0; j < k; j++) {
                double cx = rnd.nextDouble(-4, 4);
                double cy = rnd.nextDouble(0, 7);
                objs.add(new LayoutObject(labels[rnd.nextInt(labels.length)],
                        OrientedRect.fromBounds(cx, cy, cx + rnd.nextDouble(0.2, 2.2), cy + rnd.nextDouble(0.2, 2))));
            }
            String map = MapWriter.writeV2lo(new Layout(MapFrame.FIRST_CAMERA, objs));
            out.add("<map>" + map + "</map><think>The centre of the sofa is (1.2, 3.4); the vector to the table is "
                    + "(0.5, -1.0); the cross product is negative, so it is on the right.</think><answer>B</answer>");
        }
        return out;
    }

    private void benchParse(PrintWriter out) {
        List<String> responses = typicalResponses(seed, 1000);
        double chars = responses.stream().mapToInt(String::length).average().orElse(0);
        MapParser parser = MapParser.lenient();
        int[] cursor = {0};
        IntSupplier op = () -> {
            String t = responses.get(cursor[0]++ % responses.size());
            return parser.parse(t).layout().size();
        };
        report(out, "parse", String.format(Locale.ROOT, "typical responses (avg %.0f chars, 6-16 objects)", chars),
                "maps/s", op, 1);
    }

    private void benchDistance(PrintWriter out) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<Prism[]> scenes = new ArrayList<>();
        for (int s = 0; s < 64; s++) {
            Prism[] p = new Prism[40];
            for (int i = 0; i < p.length; i++) {
                OrientedRect f = new OrientedRect(new Vec2(rnd.nextDouble(0, 8), rnd.nextDouble(0, 8)),
                        new Vec2(Math.cos(rnd.nextDouble(0, Math.PI)), Math.sin(rnd.nextDouble(0, Math.PI))),
                        rnd.nextDouble(0.05, 1.2), rnd.nextDouble(0.05, 1.0));
                double z0 = rnd.nextDouble(0, 1.5);
                p[i] = new Prism(f, z0, z0 + rnd.nextDouble(0.05, 1.5));
            }
            scenes.add(p);
        }
        int[] cursor = {0};
        double[] sink = {0};
        IntSupplier op = () -> {
            Prism[] p = scenes.get(cursor[0]++ % scenes.size());
            double sum = 0;
            for (int i = 0; i < p.length; i++) {
                for (int j = i + 1; j < p.length; j++) {
                    sum += p[i].distanceTo(p[j]);
                }
            }
            sink[0] += sum;
            return 1;
        };
        report(out, "distance", "all 780 pairwise prism distances of a 40-object scene", "scenes/s", op, 1);
        if (sink[0] == 42) {
            out.println();
        }
    }

    private void benchQa(PrintWriter out) {
        List<String> specs = qaSources.isEmpty() ? QaBench.defaultSources() : qaSources;
        QaBench bench = new QaBench(specs, threads);
        IntSupplier op = bench::runOnce;
        // One op = one pass over every scene. The JIT needs several seconds on two cores to compile the generator
        // while two workers run, so warm up for at least 10 s (or two rounds), then report questions per second.
        long w0 = System.nanoTime();
        while (System.nanoTime() - w0 < Math.max(10, 2 * seconds) * 1e9) {
            op.getAsInt();
        }
        double[] rates = new double[iterations];
        for (int i = 0; i < iterations; i++) {
            long q0 = bench.questions();
            long t0 = System.nanoTime();
            long n = 0;
            do {
                op.getAsInt();
                n++;
            } while (System.nanoTime() - t0 < seconds * 1e9);
            rates[i] = (bench.questions() - q0) / ((System.nanoTime() - t0) / 1e9);
            if (System.getenv("V2L_BENCH_VERBOSE") != null) {
                out.printf(Locale.ROOT, "  round %d: %,.0f questions/s%n", i + 1, rates[i]);
            }
        }
        Arrays.sort(rates);
        out.printf(Locale.ROOT, "%-9s %,14.0f questions/s  (median of %d rounds of %.1f s; min %,.0f, max %,.0f) — %d"
                + " scenes, %d questions per pass, %d threads, JSON lines written to memory%n", "qa",
                rates[rates.length / 2], iterations, seconds, rates[0], rates[rates.length - 1], bench.scenes(),
                bench.perPass(), bench.threads());
        out.flush();
        bench.close();
    }

    private void benchRender(PrintWriter out) {
        dev.v2l.scene.Scene scene = null;
        for (int i = 0; i < 2000 && scene == null; i++) {
            dev.v2l.scene.Scene s = new dev.v2l.source.procedural.ProceduralGenerator(seed).generate(i);
            if (s.objects().size() >= 30) {
                scene = s;
            }
        }
        if (scene == null) {
            throw new IllegalStateException("no 30-object procedural scene found for seed " + seed);
        }
        List<dev.v2l.scene.CameraPose> poses = dev.v2l.render.CameraPaths.walkThrough(scene, 64, seed);
        dev.v2l.render.SceneRenderer r = new dev.v2l.render.SceneRenderer(scene,
                dev.v2l.scene.Intrinsics.fromVerticalFov(640, 480, 60));
        int n = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        double[] rates = RewardBench.measure(seconds, iterations, () -> {
            r.render(poses, 4, n, null);
            return poses.size();
        });
        RewardBench.print(out, "render", rates, "frames/s", seconds, String.format(Locale.ROOT,
                "640x480 RGB + depth + instance, %s (%d objects, %d triangles), walk-through, %d threads, no files",
                scene.id(), scene.objects().size(), r.mesh().triangleCount(), n));
    }

    private void report(PrintWriter out, String name, String what, String unit, IntSupplier op, int perOp) {
        // Warm-up: two rounds, so the JIT has compiled the hot path before timing starts.
        runFor(op, seconds);
        runFor(op, seconds);
        double[] rates = new double[iterations];
        for (int i = 0; i < iterations; i++) {
            rates[i] = runFor(op, seconds) * perOp;
        }
        double[] sorted = rates.clone();
        Arrays.sort(sorted);
        double median = sorted[sorted.length / 2];
        out.printf(Locale.ROOT, "%-9s %,14.0f %s  (median of %d rounds of %.1f s; min %,.0f, max %,.0f) — %s%n",
                name, median, unit, iterations, seconds, sorted[0], sorted[sorted.length - 1], what);
        out.flush();
    }

    /** Operations per second over about {@code secs}. */
    private static double runFor(IntSupplier op, double secs) {
        long budget = (long) (secs * 1e9);
        long start = System.nanoTime();
        long n = 0;
        int blackhole = 0;
        long now;
        do {
            for (int i = 0; i < 64; i++) {
                blackhole += op.getAsInt();
            }
            n += 64;
            now = System.nanoTime();
        } while (now - start < budget);
        if (blackhole == Integer.MIN_VALUE) {
            System.out.print("");
        }
        return n / ((now - start) / 1e9);
    }
}
