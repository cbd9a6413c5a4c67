package dev.v2l.cli;

import dev.v2l.dataset.DatasetBuilder;
import dev.v2l.dataset.DatasetOptions;
import dev.v2l.dataset.DatasetStats;
import dev.v2l.dataset.Exporter;
import dev.v2l.io.Provenance;
import dev.v2l.layout.text.MapForm;
import dev.v2l.source.SceneSource;
import dev.v2l.source.SceneSources;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code v2l dataset build}: V2LO-style SFT and RL data. */
@Command(name = "dataset", mixinStandardHelpOptions = true, description = "Training sets: frames + question + "
        + "<map><think><answer> targets for ms-swift, LLaMA-Factory and EasyR1.",
        subcommands = {DatasetCommand.Build.class},
        footer = {"", "Example: v2l dataset build procedural:seed=1,count=200 --format swift,easyr1 --out data/"})
final class DatasetCommand implements Runnable {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw Cli.missingSubcommand(spec);
    }

    @Command(name = "build", mixinStandardHelpOptions = true,
            description = "Build samples from every scene of SOURCE: choose N frames of the scene's walk-through, take"
                    + " the true map of what they show, ask questions about seen objects, and write targets whose "
                    + "think and answer are computed from the map as written. Sources without frames (VSI-Bench "
                    + "meta_info) give text-only samples with the map in the prompt. Each format goes to its own "
                    + "folder, OUT/FORMAT/{train,val,test}.jsonl; images to OUT/images/.",
            footer = {"", "Example: v2l dataset build procedural:seed=1,count=200 --frames 1,4,8,12,16 --types all "
                + "--per-scene 10 --format swift --map-form v2lo --split 0.9,0.05,0.05 --seed 1 --out data/"})
    static final class Build implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "SOURCE", description = "Scene source.")
        String source;

        @Option(names = "--frames", paramLabel = "N", split = ",", defaultValue = "1,4,8,12,16",
                converter = Converters.FrameCount.class, description = "Frame counts of the samples. Default: "
                        + "${DEFAULT-VALUE}.")
        List<Integer> frames;

        @Option(names = "--types", paramLabel = "TYPES", defaultValue = "all", converter = Converters.Types.class,
                description = "all, vsi, qvs or type names separated by commas (see 'v2l qa types'). Default: "
                        + "${DEFAULT-VALUE}.")
        Converters.TypeList types;

        @Option(names = "--per-scene", paramLabel = "N", defaultValue = "10", converter = Converters.PositiveInt.class,
                description = "Samples per scene and frame count. Default: ${DEFAULT-VALUE}.")
        int perScene;

        @Option(names = "--format", paramLabel = "FORMAT", split = ",", defaultValue = "jsonl",
                converter = Converters.Format.class, description = "swift, llamafactory, easyr1, jsonl; several "
                        + "separated by commas. Default: ${DEFAULT-VALUE}.")
        List<Exporter> formats;

        @Option(names = "--map-form", paramLabel = "FORM", defaultValue = "v2lo", converter = Converters.Form.class,
                description = "v2lo, extended or grid. Default: ${DEFAULT-VALUE}.")
        MapForm mapForm;

        @Option(names = "--split", paramLabel = "TRAIN,VAL,TEST", defaultValue = "0.9,0.05,0.05",
                converter = Converters.Splits.class, description = "Fractions of the scenes per split. Default: "
                        + "${DEFAULT-VALUE}.")
        Converters.Split split;

        @Option(names = "--sampling", paramLabel = "HOW", defaultValue = "uniform",
                converter = Converters.DatasetSampling.class, description = "uniform, random or keyframes. Default: "
                        + "${DEFAULT-VALUE}.")
        String sampling;

        @Mixin
        Mixins.Seed seed;

        @Option(names = "--video-frames", paramLabel = "N", defaultValue = "32",
                converter = Converters.FrameCount.class, description = "Frames of each walk-through. Default: "
                        + "${DEFAULT-VALUE}.")
        int videoFrames;

        @Mixin
        Mixins.Images images;

        @Mixin
        Mixins.Threads threads;

        @Mixin
        Mixins.Quiet quiet;

        @Mixin
        Mixins.OutputFolder out;

        /** What to build, as the options say. */
        DatasetOptions options() {
            return new DatasetOptions(frames, types.types(), perScene, formats, mapForm,
                    split.fractions(), seed.value(), sampling, videoFrames, 4, images.size.width(),
                    images.size.height(), 60, images.maxPixels.maxPixels, !images.noImages, threads.resolved());
        }

        @Override
        public Integer call() throws Exception {
            DatasetOptions o = options();
            SceneSource src = SceneSources.open(source);
            Provenance prov = Cli.provenance(spec).input(src.spec(), null).put("seed", seed.value());
            long start = System.nanoTime();
            DatasetStats stats;
            try (ProgressBar bar = Progress.bar(quiet.quiet, "dataset build", src.ids().size(), " scenes")) {
                stats = new DatasetBuilder(o).build(src, out.dir(), prov, done -> {
                    if (bar != null) {
                        bar.stepTo(done);
                    }
                });
            }
            double secs = (System.nanoTime() - start) / 1e9;
            spec.commandLine().getErr().printf(Locale.ROOT, "%d samples from %d scenes in %.1f s -> %s (per split %s;"
                    + " dropped %s)%n", stats.samples(), src.ids().size(), secs, out.dir(), stats.perSplit(),
                    stats.dropped());
            return Main.EXIT_OK;
        }
    }
}
