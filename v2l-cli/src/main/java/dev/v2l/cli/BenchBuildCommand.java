package dev.v2l.cli;

import dev.v2l.dataset.BenchBuilder;
import dev.v2l.dataset.DatasetOptions;
import dev.v2l.dataset.Exporter;
import dev.v2l.io.Provenance;
import dev.v2l.layout.text.MapForm;
import dev.v2l.qa.QuestionType;
import dev.v2l.source.SceneSource;
import dev.v2l.source.SceneSources;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code v2l bench build}: a QVS-Bench-style benchmark. */
@Command(name = "build", mixinStandardHelpOptions = true,
        description = "Build a diagnostic benchmark with near-equal shares per frame count and a fixed task mix (qvs:"
                + " 25%% vertical direction, 25%% horizontal direction, 12.5%% each of min distance, object size, "
                + "nearest centre, counting; vsi/all: equal shares), every question answerable from its frames, the "
                + "true map of those frames stored with each item. Same seed, same benchmark.",
        footer = {"", "Example: v2l bench build procedural:seed=3,count=400 --frames 1,4,8,12,16 --types qvs --items 2000"
            + " --seed 3 --out qvs-bench/"})
final class BenchBuildCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SOURCE", description = "Scene source (with frames: procedural, procthor, "
            + "v2l).")
    String source;

    @Option(names = "--frames", paramLabel = "N", split = ",", defaultValue = "1,4,8,12,16",
            converter = Converters.FrameCount.class, description = "Frame counts of the items. Default: "
                    + "${DEFAULT-VALUE}.")
    List<Integer> frames;

    @Option(names = "--types", paramLabel = "TYPES", defaultValue = "qvs", converter = Converters.Types.class,
            description = "qvs, vsi, all or type names separated by commas (see 'v2l qa types'). Default: "
                    + "${DEFAULT-VALUE}.")
    Converters.TypeList types;

    @Option(names = "--items", paramLabel = "N", defaultValue = "2000", converter = Converters.PositiveInt.class,
            description = "Items in the benchmark. Default: ${DEFAULT-VALUE}.")
    int items;

    @Mixin
    Mixins.Seed seed;

    @Mixin
    Mixins.Images images;

    @Mixin
    Mixins.OutputFolder out;

    /** What to build, as the options say. */
    DatasetOptions options() {
        return new DatasetOptions(frames, types.types(), 1, List.of(Exporter.JSONL), MapForm.V2LO,
                new double[] {0, 0, 1}, seed.value(), "uniform", Math.max(32, frames.stream().mapToInt(i -> i).max()
                        .orElse(1)), 4, images.size.width(), images.size.height(), 60, images.maxPixels.maxPixels,
                !images.noImages, 1);
    }

    @Override
    public Integer call() throws Exception {
        List<QuestionType> typeList = types.types();
        DatasetOptions o = options();
        SceneSource src = SceneSources.open(source);
        Provenance prov = Cli.provenance(spec).input(src.spec(), null).put("seed", seed.value());
        long start = System.nanoTime();
        Map<Integer, Map<QuestionType, Integer>> have = new BenchBuilder(o, items, BenchBuilder.mixFor(typeList))
                .build(src, out.dir(), prov, done -> { });
        int total = have.values().stream().flatMap(m -> m.values().stream()).mapToInt(Integer::intValue).sum();
        spec.commandLine().getErr().printf(Locale.ROOT, "%d of %d items in %.1f s -> %s%s%n", total, items,
                (System.nanoTime() - start) / 1e9, out.dir().resolve("bench.jsonl"), total < items
                        ? " (the source ran out of scenes; see bench_card.md)" : "");
        return Main.EXIT_OK;
    }
}
