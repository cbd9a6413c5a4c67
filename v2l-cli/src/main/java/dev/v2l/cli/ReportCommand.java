package dev.v2l.cli;

import dev.v2l.report.ReportWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code v2l report}: the HTML report of one or more results folders. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write one self-contained HTML file (no external requests; printable) from 'v2l eval' results:"
                + " the headline table with 95%% intervals, answer and map accuracy against the number of frames, the "
                + "map-then-compute breakdown (perception vs reasoning errors), parse diagnostics, a filterable "
                + "gallery of samples (frames, question, the model's map over the true map, its reasoning and answer)"
                + " and provenance.",
        footer = {"", "Example: v2l report results/ --compare results-grid/ --out report.html"})
final class ReportCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RESULTS", description = "Results folder of 'v2l eval'.")
    Path results;

    @Option(names = "--compare", paramLabel = "RESULTS2", description = "More results folders, side by side.")
    List<Path> compare = new ArrayList<>();

    @Mixin
    Mixins.OutputFile out;

    @Option(names = "--bench", description = "The benchmark the results came from (default: as their provenance "
            + "records).")
    Path bench;

    @Option(names = "--gallery", paramLabel = "N", defaultValue = "400", converter = Converters.NonNegativeInt.class,
            description = "At most this many samples in the gallery. Default: ${DEFAULT-VALUE}.")
    int gallery;

    @Override
    public Integer call() throws Exception {
        long start = System.nanoTime();
        List<ReportWriter.Results> rs = new ArrayList<>();
        rs.add(ReportWriter.load(results, bench));
        for (Path c : compare) {
            rs.add(ReportWriter.load(c, bench));
        }
        write(spec, rs, out.file(), gallery);
        spec.commandLine().getErr().printf(Locale.ROOT, "report of %d results folder%s in %.1f s -> %s%n", rs.size(),
                rs.size() == 1 ? "" : "s", (System.nanoTime() - start) / 1e9, out.file());
        return Main.EXIT_OK;
    }

    static void write(picocli.CommandLine.Model.CommandSpec spec, List<ReportWriter.Results> rs, Path out,
            int gallery) throws java.io.IOException {
        new ReportWriter(new ReportWriter.Options(gallery, 160, 1.0, Cli.provenance(spec).toJson())).write(rs, out);
    }
}
