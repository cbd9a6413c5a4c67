package dev.v2l.metrics;

import dev.v2l.qa.QuestionType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import dev.v2l.layout.text.Decimals;

/**
 * VSI-Bench scoring, identical to the reference ({@code lmms_eval/tasks/vsibench/utils.py} of "Thinking in Space"):
 *
 * <ul>
 *   <li>multiple-choice types: {@code exact_match(fuzzy_matching(pred), gt)}, where fuzzy matching is
 *       {@code pred.split(' ')[0].rstrip('.').strip()} and the comparison is case-insensitive;</li>
 *   <li>numeric types: {@link Mra#vsi} of {@code float(fuzzy_matching(pred))} against {@code float(gt)}; a
 *       prediction that is not a Python float scores 0 (the reference's TypeError path), and is counted;</li>
 *   <li>summary ({@link #summarize}): the mean per type ({@code {type}_accuracy} or
 *       {@code {type}_MRA:.5:.95:.05}); the three relative-direction types averaged into
 *       {@code object_rel_direction_accuracy}; overall is the mean of those entries. Reported ×100.</li>
 * </ul>
 *
 * <p>One departure, for input the reference cannot score: a ground truth of 0 on a numeric type makes the reference
 * divide by zero and stop; we score such a sample 0 and count it as an error.
 */
public final class VsiMetrics {

    public static final String ACCURACY = QuestionType.AnswerKind.LETTER.metric();
    public static final String MRA = QuestionType.AnswerKind.NUMBER.metric();
    /** The relative-direction sub-types (easy, medium, hard: the registry's VSI types reported as one task). */
    private static final List<String> DIRECTION;
    /** The order in which the reference reports tasks (after {@code overall}): the registry's VSI tasks. */
    public static final List<String> REPORT_ORDER;

    static {
        List<String> direction = new ArrayList<>();
        List<String> order = new ArrayList<>();
        for (QuestionType t : QuestionType.family(QuestionType.Family.VSI)) {
            if (!t.task().equals(t.code())) {
                direction.add(t.code());
            }
            if (!order.contains(t.task())) {
                order.add(t.task());
            }
        }
        DIRECTION = List.copyOf(direction);
        REPORT_ORDER = List.copyOf(order);
    }

    private VsiMetrics() {
    }

    /** {@code pred.split(' ')[0].rstrip('.').strip()}. */
    public static String fuzzyMatching(String pred) {
        int space = pred.indexOf(' ');
        String first = space < 0 ? pred : pred.substring(0, space);
        int end = first.length();
        while (end > 0 && first.charAt(end - 1) == '.') {
            end--;
        }
        return PyText.strip(first.substring(0, end));
    }

    /** The VSI-Bench type of this name (exact), or empty for names VSI-Bench does not have. */
    public static Optional<QuestionType> vsiType(String type) {
        return QuestionType.find(type).filter(t -> t.family() == QuestionType.Family.VSI && t.code().equals(type));
    }

    /** One sample's score and how it went. */
    public record SampleScore(double score, String metric, boolean unparseable, String error) {
    }

    /**
     * Scores one prediction (already taken out of {@code <answer>} tags by the caller when present).
     *
     * @param type any VSI-Bench type; QVS types are scored the same way by answer kind (letter → exact match)
     */
    public static SampleScore score(String type, String prediction, GroundTruth gt, boolean multipleChoice) {
        String pred = prediction == null ? "" : prediction;
        if (multipleChoice) {
            String p = fuzzyMatching(pred);
            return new SampleScore(PyText.lower(p).equals(PyText.lower(gt.asPythonStr())) ? 1 : 0, ACCURACY,
                    false, null);
        }
        Double predNum = PyText.parseFloat(fuzzyMatching(pred));
        Double gtNum = gt.asPythonFloat();
        if (gtNum == null) {
            return new SampleScore(0, MRA, predNum == null, "ground truth is not a number");
        }
        if (gtNum == 0) {
            return new SampleScore(0, MRA, predNum == null, "ground truth 0: the reference divides by zero");
        }
        if (predNum == null) {
            return new SampleScore(0, MRA, true, null);
        }
        return new SampleScore(Mra.vsi(predNum, gtNum), MRA, false, null);
    }

    /**
     * The summary as the reference reports it ({@code overall} first, then the tasks in {@link #REPORT_ORDER}, ×100,
     * and its {@code tabulated_keys}/{@code tabulated_results} strings), the unscaled per-task means behind it, and
     * anything the reference would not have accepted.
     */
    public record Summary(Map<String, Double> reported, String tabulatedKeys, String tabulatedResults,
            Map<String, Double> means, List<String> warnings) {
    }

    /**
     * The reference's aggregate from per-type sample scores (fractions). Types are visited in sorted order (pandas'
     * groupby), each averaged as pandas does ({@link NumpySum}); when {@code object_rel_direction_easy} is present
     * the three direction types are replaced by their sum / 3 — the reference raises KeyError when medium or hard is
     * then missing, where we average the ones present and warn; overall is Python's left-to-right sum of the entries
     * divided by their number. Only the tasks of {@link #REPORT_ORDER} are reported, but every entry counts in
     * overall (so a lone medium or hard direction type counts without being shown, as in the reference).
     */
    public static Summary summarize(Map<String, List<Double>> scoresByType) {
        Map<String, Double> out = new LinkedHashMap<>();
        List<String> warnings = new java.util.ArrayList<>();
        for (String type : new java.util.TreeSet<>(scoresByType.keySet())) {
            String metric = vsiType(type).map(QuestionType::metric).orElse(ACCURACY);
            out.put(type + "_" + metric, NumpySum.mean(scoresByType.get(type)));
        }
        if (out.containsKey(DIRECTION.get(0) + "_" + ACCURACY)) {
            double direction = 0;
            int present = 0;
            for (String d : DIRECTION) {
                Double v = out.remove(d + "_" + ACCURACY);
                if (v != null) {
                    direction += v;
                    present++;
                }
            }
            if (present < 3) {
                warnings.add("object_rel_direction_easy is present without medium and hard: the reference raises "
                        + "KeyError; averaged over the " + present + " present");
            }
            out.put(QuestionType.byName(DIRECTION.get(0)).task() + "_" + ACCURACY, direction / (present == 3 ? 3. : present));
        }
        double sum = 0;
        for (double v : out.values()) {
            sum += v;
        }
        double overall = sum / out.size();
        out.put("overall", overall);
        Map<String, Double> reported = new LinkedHashMap<>();
        reported.put("overall", overall * 100.);
        for (String t : REPORT_ORDER) {
            for (String metric : new String[] {ACCURACY, MRA}) {
                Double v = out.get(t + "_" + metric);
                if (v != null) {
                    reported.put(t + "_" + metric, v * 100.);
                }
            }
        }
        String keys = String.join(", ", reported.keySet());
        String values = String.join(", ", reported.values().stream().map(v -> Decimals.format(v, 3)).toList());
        return new Summary(reported, keys, values, out, warnings);
    }

    /**
     * The QVS-Bench summary in VSI-Bench's manner, for types the reference does not know: {@code overall} (the plain
     * mean of the entries) first, then per type in name order its mean score ×100, averaged as pandas does
     * ({@link NumpySum}), keyed {@code type_metric}. One implementation for {@code score vsibench} and
     * {@code summary.json}.
     *
     * @param metricOf the metric a type is scored by ({@link #ACCURACY} or {@link #MRA})
     */
    public static Map<String, Double> qvsSummary(Map<String, List<Double>> scoresByType,
            java.util.function.Function<String, String> metricOf) {
        Map<String, Double> entries = new LinkedHashMap<>();
        double sum = 0;
        for (String type : new java.util.TreeSet<>(scoresByType.keySet())) {
            double mean = NumpySum.mean(scoresByType.get(type)) * 100.;
            entries.put(type + "_" + metricOf.apply(type), mean);
            sum += mean;
        }
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("overall", sum / entries.size());
        out.putAll(entries);
        return out;
    }
}
