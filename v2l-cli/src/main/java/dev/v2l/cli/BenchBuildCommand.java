package dev.v2l.cli;

import dev.v2l.dataset.BenchBuilder;
import dev.v2l.dataset.DatasetOptions;
import dev.v2l.dataset.Exporter;
import dev.v2l.io.Provenance;
import dev.v2l.layout.MapForm;
import dev.v2l.qa.QuestionType;
import dev.v2l.source.SceneSource;
import dev.v2l.source.SceneSources;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code v2l bench build}: a QVS-Bench-style benchmark. */
@Command(name = "build", mixinStandardHelpOptions = true,
        description = "Build a diagnostic benchmark with near-equal shares per frame count and a fixed task mix (qvs:"
                + " 25% vertical direction, 25% horizontal direction, 12.5% each of min distance, object size, "
                + "nearest centre, counting; vsi/all: equal shares), every question answerable from its frames, the "
                + "true map of those frames stored with each item. Same seed, same benchmark.",
        footer = {"", "Example: v2l bench build procedural:seed=3,count=400 --frames 1,4,8,12,16 --types qvs --size 2000"
            + " --seed 3 --out qvs-bench/"})
final class BenchBuildCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SOURCE", description = "Scene source (with frames: procedural, procthor, "
            + "v2l).")
    String source;

    @Option(names = "--frames", defaultValue = "1,4,8,12,16", description = "Frame counts. Default: ${DEFAULT-VALUE}.")
    String frames;

    @Option(names = "--types", defaultValue = "qvs", description = "qvs, vsi, all or names. Default: "
            + "${DEFAULT-VALUE}.")
    String types;

    @Option(names = "--size", defaultValue = "2000", description = "Items. Default: ${DEFAULT-VALUE}.")
    int size;

    @Option(names = "--seed", defaultValue = "0", description = "Seed. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--image-size", defaultValue = "640x480", description = "Image size. Default: ${DEFAULT-VALUE}.")
    String imageSize;

    @Option(names = "--max-pixels", defaultValue = "0", description = "Scale images to at most this many pixels.")
    long maxPixels;

    @Option(names = "--no-images", description = "No images (text-only items).")
    boolean noImages;

    @Option(names = "--out", required = true, description = "Output folder.")
    Path out;

    @Override
    public Integer call() throws Exception {
        int[] wh = RenderCommand.parseSize(imageSize);
        List<QuestionType> typeList = QuestionType.parseList(types);
        List<Integer> counts = DatasetCommand.ints(frames, "--frames");
        DatasetOptions o = new DatasetOptions(counts, typeList, 1, List.of(Exporter.JSONL), MapForm.V2LO,
                new double[] {0, 0, 1}, seed, "uniform", Math.max(32, counts.stream().mapToInt(i -> i).max().orElse(1)),
                4, wh[0], wh[1], 60, maxPixels, !noImages, 1);
        SceneSource src = SceneSources.open(source);
        Provenance prov = Cli.provenance(spec).input(src.spec(), null).put("seed", seed);
        long start = System.nanoTime();
        Map<Integer, Map<QuestionType, Integer>> have = new BenchBuilder(o, size, BenchBuilder.mixFor(typeList))
                .build(src, out, prov, done -> { });
        int total = have.values().stream().flatMap(m -> m.values().stream()).mapToInt(Integer::intValue).sum();
        spec.commandLine().getErr().printf(Locale.ROOT, "%d of %d items in %.1f s -> %s%s%n", total, size,
                (System.nanoTime() - start) / 1e9, out.resolve("bench.jsonl"), total < size
                        ? " (the source ran out of scenes; see bench_card.md)" : "");
        return Main.EXIT_OK;
    }
}
