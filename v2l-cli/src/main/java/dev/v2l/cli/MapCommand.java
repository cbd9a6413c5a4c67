package dev.v2l.cli;

import dev.v2l.layout.Layout;
import dev.v2l.layout.text.LayoutJson;
import dev.v2l.report.LayoutSvg;
import dev.v2l.layout.text.MapForm;
import dev.v2l.layout.text.MapParseResult;
import dev.v2l.layout.text.MapParser;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code v2l map parse|draw}: read and draw cognitive maps. */
@Command(name = "map", mixinStandardHelpOptions = true, description = "Parse cognitive-map text as models write it,"
        + " and draw maps as SVG.", subcommands = {MapCommand.Parse.class, MapCommand.Draw.class},
        footer = {"", "Example: v2l map parse response.txt"})
final class MapCommand implements Runnable {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw Cli.missingSubcommand(spec);
    }

    @Command(name = "parse", mixinStandardHelpOptions = true,
            description = "Print the canonical JSON of the map found in FILE (or standard input) and the parse "
                    + "diagnostics: every repair and dropped entry with its character offset.",
            exitCodeListHeading = "Exit codes:%n",
            exitCodeList = {"0:a map was recovered", "1:no map could be recovered", "2:usage error or unreadable file"},
            footer = {"", "Example: echo '<map>[{\"object_name\": \"sofa\", \"bbox\": [0, 1, 2, 2]}]</map>' | "
                + "v2l map parse -"})
    static final class Parse implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", defaultValue = "-",
                description = "Text holding a map (a model response, a <map> block, JSON); '-' for standard input.")
        String file;

        @Option(names = {"--form", "--map-form"}, paramLabel = "FORM", converter = Converters.Form.class,
                description = "v2lo, extended or grid (default: detect).")
        MapForm form;

        @Override
        public Integer call() {
            MapParser parser = form == null ? MapParser.lenient() : MapParser.builder().form(form).build();
            MapParseResult r = parser.parse(Inputs.readText(file));
            PrintWriter out = spec.commandLine().getOut();
            out.println(LayoutJson.toJson(r));
            return r.recovered() ? Main.EXIT_OK : Main.EXIT_FAILURE;
        }
    }

    @Command(name = "draw", mixinStandardHelpOptions = true,
            description = "Draw the map in FILE as SVG with a metre grid, labels and a scale bar; with --gt, the "
                    + "ground-truth map underneath in grey.",
            footer = {"", "Example: v2l scenes show SOURCE ID --map v2lo > gt.txt && v2l map draw pred.txt --gt gt.txt "
                + "--out map.svg"})
    static final class Draw implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "FILE", description = "Map text (any form the parser reads; '-' for "
                + "standard input).")
        String file;

        @Option(names = "--gt", paramLabel = "GT", description = "Ground-truth map text to draw underneath.")
        String gt;

        @Mixin
        Mixins.OutputFile out;

        @Option(names = "--title", description = "Caption above the drawing.")
        String title;

        @Override
        public Integer call() {
            Layout pred = metric(file);
            Layout truth = gt == null ? null : metric(gt);
            Inputs.writeAtomically(out.file(), LayoutSvg.draw(pred, truth, title));
            spec.commandLine().getErr().println("wrote " + out.file() + " (" + pred.size() + " objects"
                    + (truth == null ? "" : ", " + truth.size() + " ground-truth objects") + ")");
            return Main.EXIT_OK;
        }

        private static Layout metric(String f) {
            MapParseResult r = MapParser.builder().form(MapForm.V2LO).build().parse(Inputs.readText(f));
            if (r.layout() == null) {
                throw dev.v2l.io.BadInputException.ofFile(f, "no metric map could be recovered ("
                        + r.diagnostics().get(r.diagnostics().size() - 1).message() + ")", null);
            }
            return r.layout();
        }
    }
}
