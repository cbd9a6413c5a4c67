package dev.v2l.cli;

import dev.v2l.dataset.DatasetBuilder;
import dev.v2l.dataset.DatasetOptions;
import dev.v2l.dataset.DatasetStats;
import dev.v2l.dataset.Exporter;
import dev.v2l.io.Provenance;
import dev.v2l.layout.MapForm;
import dev.v2l.qa.QuestionType;
import dev.v2l.source.SceneSource;
import dev.v2l.source.SceneSources;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code v2l dataset build}: V2LO-style SFT and RL data. */
@Command(name = "dataset", description = "Training sets: frames + question + <map><think><answer> targets for "
        + "ms-swift, LLaMA-Factory and EasyR1.", subcommands = {DatasetCommand.Build.class})
final class DatasetCommand implements Runnable {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Missing required subcommand");
    }

    static List<Integer> ints(String s, String option) {
        List<Integer> out = new ArrayList<>();
        for (String p : s.split(",")) {
            try {
                out.add(Integer.parseInt(p.strip()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(option + " must be whole numbers separated by commas, got '" + s
                        + "'");
            }
        }
        return out;
    }

    static double[] fractions(String s) {
        try {
            return Arrays.stream(s.split(",")).mapToDouble(x -> Double.parseDouble(x.strip())).toArray();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--split must be three fractions, e.g. 0.9,0.05,0.05; got '" + s + "'");
        }
    }

    @Command(name = "build", mixinStandardHelpOptions = true,
            description = "Build samples from every scene of SOURCE: choose N frames of the scene's walk-through, take"
                    + " the true map of what they show, ask questions about seen objects, and write targets whose "
                    + "think and answer are computed from the map as written. Sources without frames (VSI-Bench "
                    + "meta_info) give text-only samples with the map in the prompt.",
            footer = {"", "Example: v2l dataset build procedural:seed=1,count=200 --frames 1,4,8,12,16 --types all "
                + "--per-scene 10 --format swift --map-form v2lo --split 0.9,0.05,0.05 --seed 1 --out data/"})
    static final class Build implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "SOURCE", description = "Scene source.")
        String source;

        @Option(names = "--frames", defaultValue = "1,4,8,12,16", description = "Frame counts. Default: "
                + "${DEFAULT-VALUE}.")
        String frames;

        @Option(names = "--types", defaultValue = "all", description = "all, vsi, qvs or type names. Default: "
                + "${DEFAULT-VALUE}.")
        String types;

        @Option(names = "--per-scene", defaultValue = "10", description = "Samples per scene and frame count. "
                + "Default: ${DEFAULT-VALUE}.")
        int perScene;

        @Option(names = "--format", defaultValue = "jsonl", description = "swift, llamafactory, easyr1, jsonl (or "
                + "several, comma-separated: one sub-folder each). Default: ${DEFAULT-VALUE}.")
        String format;

        @Option(names = "--map-form", defaultValue = "v2lo", description = "v2lo, extended or grid. Default: "
                + "${DEFAULT-VALUE}.")
        String mapForm;

        @Option(names = "--split", defaultValue = "0.9,0.05,0.05", description = "train,val,test fractions, by "
                + "scene. Default: ${DEFAULT-VALUE}.")
        String split;

        @Option(names = "--sampling", defaultValue = "uniform", description = "uniform, random or keyframes. "
                + "Default: ${DEFAULT-VALUE}.")
        String sampling;

        @Option(names = "--seed", defaultValue = "0", description = "Seed. Default: ${DEFAULT-VALUE}.")
        long seed;

        @Option(names = "--video-frames", defaultValue = "32", description = "Frames of each walk-through. "
                + "Default: ${DEFAULT-VALUE}.")
        int videoFrames;

        @Option(names = "--size", defaultValue = "640x480", description = "Image size. Default: ${DEFAULT-VALUE}.")
        String size;

        @Option(names = "--max-pixels", defaultValue = "0", description = "Scale images to at most this many "
                + "pixels (0: keep).")
        long maxPixels;

        @Option(names = "--no-images", description = "Maps, traces and answers only (frames rendered small just to "
                + "know what they show).")
        boolean noImages;

        @Option(names = "--threads", defaultValue = "0", description = "Scenes rendered in parallel (0: one per "
                + "processor).")
        int threads;

        @Option(names = "--quiet", description = "No progress bar.")
        boolean quiet;

        @Option(names = "--out", required = true, description = "Output folder.")
        Path out;

        @Override
        public Integer call() throws Exception {
            int[] wh = RenderCommand.parseSize(size);
            List<Exporter> formats = Arrays.stream(format.split(",")).map(Exporter::byName).toList();
            DatasetOptions o = new DatasetOptions(ints(frames, "--frames"), QuestionType.parseList(types), perScene,
                    formats, MapForm.fromCode(mapForm), fractions(split), seed, sampling, videoFrames, 4, wh[0], wh[1],
                    60, maxPixels, !noImages, threads > 0 ? threads : Runtime.getRuntime().availableProcessors());
            SceneSource src = SceneSources.open(source);
            Provenance prov = Cli.provenance(spec).input(src.spec(), null)
                    .put("seed", seed).put("options", String.join(" ", spec.commandLine().getParseResult()
                            .originalArgs()));
            long start = System.nanoTime();
            DatasetStats stats;
            try (ProgressBar bar = quiet ? null : new ProgressBarBuilder().setTaskName("dataset build")
                    .setInitialMax(src.ids().size()).setUnit(" scenes", 1).setStyle(ProgressBarStyle.ASCII)
                    .setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(System.err)).build()) {
                stats = new DatasetBuilder(o).build(src, out, prov, done -> {
                    if (bar != null) {
                        bar.stepTo(done);
                    }
                });
            }
            double secs = (System.nanoTime() - start) / 1e9;
            spec.commandLine().getErr().printf(Locale.ROOT, "%d samples from %d scenes in %.1f s -> %s (per split %s;"
                    + " dropped %s)%n", stats.samples(), src.ids().size(), secs, out, stats.perSplit(),
                    stats.dropped());
            return Main.EXIT_OK;
        }
    }
}
