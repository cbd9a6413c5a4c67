package dev.v2l.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.v2l.layout.Layout;
import dev.v2l.layout.text.MapParseResult;
import dev.v2l.layout.text.MapParser;
import dev.v2l.metrics.Answers;
import dev.v2l.metrics.GroundTruth;
import dev.v2l.metrics.MapMetrics;
import dev.v2l.metrics.MapScoresJson;
import dev.v2l.metrics.VsiMetrics;
import dev.v2l.run.EvalSummary;
import dev.v2l.qa.QuestionType;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
            java.util.Map<String, List<Double>> vsi = new LinkedHashMap<>();
            java.util.Map<String, List<Double>> qvs = new LinkedHashMap<>();
            java.util.Map<String, Integer> unparseable = new TreeMap<>();
            List<String> errors = new ArrayList<>();
            ObjectMapper m = new ObjectMapper();
            long n = 0;
            BufferedWriter out = samples == null ? null : Files.newBufferedWriter(samples, StandardCharsets.UTF_8);
            try (BufferedReader in = reader(input)) {
                String line;
                while ((line = in.readLine()) != null) {
                    n++;
                    if (line.isBlank()) {
                        continue;
                    }
                    JsonNode rec;
                    try {
                        rec = m.readTree(line);
                    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                        throw new dev.v2l.io.BadInputException(input.toString(), "line " + n, null,
                                "not valid JSON: " + e.getOriginalMessage());
                    }
                    String type = rec.path("question_type").asText(null);
                    if (type == null) {
                        throw new dev.v2l.io.BadInputException(input.toString(), "line " + n, "question_type",
                                "expected a string");
                    }
                    java.util.Optional<QuestionType> vsiType = VsiMetrics.vsiType(type);
                    QuestionType qt = vsiType.or(() -> QuestionType.find(type)).orElse(null);
                    if (qt == null) {
                        errors.add("line " + n + ": unknown question type '" + type + "' (skipped; the reference "
                                + "raises ValueError)");
                        continue;
                    }
                    boolean isQvs = vsiType.isEmpty();
                    boolean mc = qt.isMultipleChoice();
                    GroundTruth gt = GroundTruth.fromJson(rec.get("ground_truth"));
                    if (gt == null) {
                        throw new dev.v2l.io.BadInputException(input.toString(), "line " + n, "ground_truth",
                                "expected a string or a number");
                    }
                    String extracted = Answers.extract(rec.path("prediction").isNull() ? null
                            : rec.path("prediction").asText(""));
                    VsiMetrics.SampleScore s = VsiMetrics.score(type, extracted, gt, mc);
                    (isQvs ? qvs : vsi).computeIfAbsent(type, k -> new ArrayList<>()).add(s.score());
                    if (s.unparseable()) {
                        unparseable.merge(type, 1, Integer::sum);
                    }
                    if (s.error() != null) {
                        errors.add("line " + n + ": " + s.error());
                    }
                    if (out != null) {
                        ObjectNode o = ((ObjectNode) rec).deepCopy();
                        o.put("extracted_answer", extracted);
                        o.put("metric", s.metric());
                        o.put("score", s.score());
                        o.put("unparseable", s.unparseable());
                        if (s.error() != null) {
                            o.put("error", s.error());
                        }
                        out.write(m.writeValueAsString(o));
                        out.write('\n');
                    }
                }
            } finally {
                if (out != null) {
                    out.close();
                }
            }
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

        private static BufferedReader reader(Path p) throws IOException {
            try {
                return Files.newBufferedReader(p, StandardCharsets.UTF_8);
            } catch (NoSuchFileException e) {
                throw dev.v2l.io.BadInputException.ofFile(p.toString(), "no such file", e);
            }
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
