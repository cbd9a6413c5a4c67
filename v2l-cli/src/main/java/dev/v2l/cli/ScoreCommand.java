package dev.v2l.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.v2l.io.AtomicFiles;
import dev.v2l.io.JsonLines;
import dev.v2l.layout.Layout;
import dev.v2l.layout.text.MapParseResult;
import dev.v2l.layout.text.MapParser;
import dev.v2l.metrics.MapMetrics;
import dev.v2l.metrics.MapScoresJson;
import dev.v2l.metrics.VsiMetrics;
import dev.v2l.run.EvalSummary;
import dev.v2l.run.PredictionScores;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code v2l score vsibench|map}: answer scores identical to VSI-Bench's, and map scores. */
@Command(name = "score", mixinStandardHelpOptions = true, description = "Score predictions: VSI-Bench answers "
        + "exactly as its reference does, and cognitive maps against the truth.",
        subcommands = {ScoreCommand.Vsi.class, ScoreCommand.Map.class},
        footer = {"", "Example: v2l score vsibench --input predictions.jsonl"})
final class ScoreCommand implements Runnable {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Override
    public void run() {
        throw Cli.missingSubcommand(spec);
    }

    @Command(name = "vsibench", mixinStandardHelpOptions = true,
            description = "Score lmms-eval-style records {question_type, ground_truth, prediction} with VSI-Bench's "
                    + "metrics and print the summary with the reference's keys (x100). QVS-Bench types are scored the"
                    + " same way (letters by exact match, numbers by MRA) and summarised apart.",
            footer = {"", "Example: v2l score vsibench --input predictions.jsonl --samples scored.jsonl"})
    static final class Vsi implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Option(names = "--input", required = true, description = "Predictions, JSON Lines.")
        Path input;

        @Option(names = "--samples", description = "Write each record with its score here (JSON Lines).")
        Path samples;

        @Override
        public Integer call() throws IOException {
            PredictionScores scores;
            try (JsonLines in = JsonLines.open(input, "a JSON Lines file of predictions {question_type, "
                    + "ground_truth, prediction}")) {
                if (samples == null) {
                    scores = PredictionScores.score(in, null);
                } else {
                    try (AtomicFiles.Output out = AtomicFiles.create(samples)) {
                        scores = PredictionScores.score(in, out.writer());
                        out.commit();
                    }
                }
            }
            java.util.Map<String, List<Double>> vsi = scores.vsi;
            java.util.Map<String, List<Double>> qvs = scores.qvs;
            java.util.Map<String, Integer> unparseable = scores.unparseable;
            List<String> errors = scores.errors;
            long n = scores.records();
            ObjectNode result = MAPPER.createObjectNode();
            List<String> warnings = new ArrayList<>();
            if (!vsi.isEmpty()) {
                VsiMetrics.Summary s = VsiMetrics.summarize(vsi);
                s.reported().forEach(result::put);
                result.put("tabulated_keys", s.tabulatedKeys());
                result.put("tabulated_results", s.tabulatedResults());
                warnings.addAll(s.warnings());
            }
            ObjectNode v2l = result.putObject("v2l");
            v2l.put("records", n);
            ObjectNode counts = v2l.putObject("samples_per_type");
            vsi.forEach((k, v) -> counts.put(k, v.size()));
            qvs.forEach((k, v) -> counts.put(k, v.size()));
            v2l.set("unparseable_per_type", MAPPER.valueToTree(unparseable));
            if (!qvs.isEmpty()) {
                ObjectNode q = v2l.putObject("qvs");
                VsiMetrics.qvsSummary(qvs, EvalSummary::metric).forEach(q::put);
            }
            v2l.set("errors", MAPPER.valueToTree(errors));
            v2l.set("warnings", MAPPER.valueToTree(warnings));
            spec.commandLine().getOut().println(MAPPER.writeValueAsString(result));
            return Main.EXIT_OK;
        }
    }

    @Command(name = "map", mixinStandardHelpOptions = true,
            description = "Compare a predicted map with the true one: per-label minimum-cost matching of centres "
                    + "(capped at tau), precision, recall, F1, centre error, BEV IoU, count errors — as stated and, "
                    + "with --align, after the best rigid 2D alignment.",
            footer = {"", "Example: v2l score map --pred response.txt --gt truth_map.txt --tau 1.0 --align"})
    static final class Map implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Option(names = "--pred", required = true, description = "Predicted map text (any form the parser reads).")
        String pred;

        @Option(names = "--gt", required = true, description = "True map text.")
        String gt;

        @Mixin
        Mixins.Tau tau;

        @Option(names = "--align", description = "Also score after the best rigid alignment.")
        boolean align;

        @Override
        public Integer call() throws IOException {
            MapParseResult p = MapParser.lenient().parse(Inputs.readText(pred));
            MapParseResult g = MapParser.lenient().parse(Inputs.readText(gt));
            if (g.layout() == null) {
                throw dev.v2l.io.BadInputException.ofFile(gt, "no metric map could be read from the ground truth", null);
            }
            Layout pl = p.layout() == null ? Layout.empty(dev.v2l.layout.MapFrame.UNSPECIFIED) : p.layout();
            MapMetrics.Comparison c = MapMetrics.compare(pl, g.layout(), tau.tau);
            ObjectNode o = MAPPER.createObjectNode();
            o.put("tau", tau.tau);
            o.put("map_recovered", p.layout() != null);
            o.put("parse_repairs", p.count(dev.v2l.layout.text.MapDiagnostic.Kind.REPAIR));
            o.put("parse_dropped", p.dropped());
            o.set("stated", MapScoresJson.node(c.stated(), true));
            if (align) {
                o.set("aligned", MapScoresJson.node(c.aligned(), true));
                ObjectNode a = o.putObject("alignment");
                a.put("rotation_deg", Math.toDegrees(c.alignment().angleRadians()));
                a.put("dx", c.alignment().translation().x());
                a.put("dy", c.alignment().translation().y());
            }
            spec.commandLine().getOut().println(MAPPER.writeValueAsString(o));
            return Main.EXIT_OK;
        }
    }
}
