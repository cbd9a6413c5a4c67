package dev.v2l.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.v2l.io.BadInputException;
import dev.v2l.io.JsonLines;
import dev.v2l.metrics.Answers;
import dev.v2l.metrics.GroundTruth;
import dev.v2l.metrics.VsiMetrics;
import dev.v2l.qa.QuestionType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Scores lmms-eval-style prediction records ({@code question_type}, {@code ground_truth}, {@code prediction}) one
 * line at a time, as VSI-Bench's reference scores them: only the per-type scores (in input order, for pandas' means)
 * are kept, so a million records take a few megabytes; each scored record can be written out as it is read. A line
 * that is not one JSON record, or lacks the type or ground truth, is bad input naming the line.
 */
public final class PredictionScores {

    /** Scores per VSI-Bench type and per QVS-Bench type, unparseable answers per type, and the notes. */
    public final Map<String, List<Double>> vsi = new LinkedHashMap<>();
    public final Map<String, List<Double>> qvs = new LinkedHashMap<>();
    public final Map<String, Integer> unparseable = new TreeMap<>();
    public final List<String> errors = new ArrayList<>();
    private long records;

    /** Lines read (blank lines included, as line numbers count them). */
    public long records() {
        return records;
    }

    /** Reads every record of {@code in}; with {@code samples} non-null, writes each record with its score there. */
    public static PredictionScores score(JsonLines in, Writer samples) {
        PredictionScores s = new PredictionScores();
        String line;
        while ((line = in.nextLine()) != null) {
            s.records++;
            if (line.isBlank()) {
                continue;
            }
            s.add(JsonLines.parse(line, in.name(), in.lineNumber()), in.name(), in.lineNumber(), samples);
        }
        return s;
    }

    private void add(JsonNode rec, String file, long n, Writer samples) {
        if (!rec.isObject()) {
            throw new BadInputException(file, "line " + n, null, "expected a prediction record {question_type, "
                    + "ground_truth, prediction}, found " + rec.getNodeType().toString().toLowerCase());
        }
        JsonNode t = rec.get("question_type");
        if (t == null || !t.isTextual()) {
            throw new BadInputException(file, "line " + n, "question_type", "expected a string");
        }
        String type = t.asText();
        java.util.Optional<QuestionType> vsiType = VsiMetrics.vsiType(type);
        QuestionType qt = vsiType.or(() -> QuestionType.find(type)).orElse(null);
        if (qt == null) {
            errors.add("line " + n + ": unknown question type '" + type + "' (skipped; the reference raises "
                    + "ValueError)");
            return;
        }
        boolean isQvs = vsiType.isEmpty();
        boolean mc = qt.isMultipleChoice();
        GroundTruth gt = GroundTruth.fromJson(rec.get("ground_truth"));
        if (gt == null || !rec.has("ground_truth")) {
            throw new BadInputException(file, "line " + n, "ground_truth", "expected a string or a number");
        }
        JsonNode p = rec.path("prediction");
        String extracted = Answers.extract(p.isNull() ? null : p.asText(""));
        VsiMetrics.SampleScore s = VsiMetrics.score(type, extracted, gt, mc);
        (isQvs ? qvs : vsi).computeIfAbsent(type, k -> new ArrayList<>()).add(s.score());
        if (s.unparseable()) {
            unparseable.merge(type, 1, Integer::sum);
        }
        if (s.error() != null) {
            errors.add("line " + n + ": " + s.error());
        }
        if (samples != null) {
            ObjectNode o = (ObjectNode) rec;
            o.put("extracted_answer", extracted);
            o.put("metric", s.metric());
            o.put("score", s.score());
            o.put("unparseable", s.unparseable());
            if (s.error() != null) {
                o.put("error", s.error());
            }
            try {
                samples.write(JsonLines.STRICT.writeValueAsString(o));
                samples.write('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
