package dev.v2l.dataset;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.v2l.metrics.GroundTruth;
import dev.v2l.metrics.Mra;
import dev.v2l.metrics.PyText;
import dev.v2l.metrics.VsiMetrics;
import dev.v2l.qa.LabelPriors;
import dev.v2l.qa.Question;
import dev.v2l.qa.QuestionType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * How guessable a set of questions is, per type: the distribution of the correct answers, the score of the best
 * constant answer (VSI-Bench's metric: accuracy for letters, MRA for numbers), the score of the {@code blind} model's
 * priors, and the balance rule the benchmark builder enforces ({@link AnswerBalance}): no answer class above its cap
 * — the correct letter at most 40 % (55 % with two options), a direction type's correct words at most
 * max(40 %, 1/k + 10 %), a count's value (6 and more as one) at most 40 %, any other number's ×1.25 log-scale bin
 * at most 40 %. The best constant's score is a figure, not a rule.
 *
 * A type with fewer than {@link #MIN_ITEMS} items is reported but not judged.
 */
public final class AnswerStats {

    /** Types with fewer items are not judged (too few to tell). */
    public static final int MIN_ITEMS = 20;

    private final Map<QuestionType, List<Question>> byType = QuestionType.newMap();

    public void add(Question q) {
        byType.computeIfAbsent(q.type(), k -> new ArrayList<>()).add(q);
    }

    /** One type's figures; scores are fractions in [0, 1]. */
    public record TypeStats(QuestionType type, int items, Map<String, Long> answers, Map<String, Long> contents,
            String bestConstant, double bestConstantScore, double blindScore, List<String> violations) {

        /** Share of the most common entry of a distribution. */
        static double topShare(Map<String, Long> m, int n) {
            return m.values().stream().mapToLong(Long::longValue).max().orElse(0) / (double) Math.max(1, n);
        }
    }

    public List<TypeStats> compute() {
        List<TypeStats> out = new ArrayList<>();
        byType.forEach((t, qs) -> out.add(stats(t, qs)));
        return out;
    }

    /** Every broken rule, "type: what". */
    public List<String> violations() {
        List<String> v = new ArrayList<>();
        for (TypeStats s : compute()) {
            s.violations().forEach(x -> v.add(s.type().code() + ": " + x));
        }
        return v;
    }

    private static TypeStats stats(QuestionType t, List<Question> qs) {
        int n = qs.size();
        Map<String, Long> answers = new TreeMap<>();
        Map<String, Long> contents = new TreeMap<>();
        double blind = 0;
        for (Question q : qs) {
            answers.merge(q.groundTruth(), 1L, Long::sum);
            if (t.isMultipleChoice()) {
                int i = q.groundTruth().charAt(0) - 'A';
                if (i >= 0 && i < q.options().size()) {
                    contents.merge(q.optionContents().get(i), 1L, Long::sum);
                }
            }
            blind += score(t, t.blindAnswer(q, LabelPriors.standard()), q.groundTruth());
        }
        String best;
        double bestScore;
        List<String> violations = new ArrayList<>();
        if (t.isMultipleChoice()) {
            best = answers.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse("");
            bestScore = TypeStats.topShare(answers, n);
            if (!AnswerBalance.FIXED_VOCABULARY.contains(t.code())) {
                contents = Map.of();
            }
        } else {
            double[] gts = qs.stream().mapToDouble(q -> number(q.groundTruth())).toArray();
            TreeSet<Double> candidates = new TreeSet<>();
            for (double g : gts) {
                candidates.add(g);
            }
            double lo = candidates.isEmpty() ? 1 : Math.max(1e-3, candidates.first());
            double hi = candidates.isEmpty() ? 1 : Math.max(lo, candidates.last());
            for (int i = 0; i <= 64; i++) {
                candidates.add(lo * Math.pow(hi / lo, i / 64.0));
            }
            if (candidates.size() > 400) { // thin the observed values, keep the grid's reach
                List<Double> all = new ArrayList<>(candidates);
                candidates.clear();
                for (int i = 0; i < all.size(); i += all.size() / 400 + 1) {
                    candidates.add(all.get(i));
                }
            }
            best = "";
            bestScore = -1;
            for (double c : candidates) {
                double s = 0;
                for (double g : gts) {
                    s += g == 0 ? 0 : Mra.vsi(c, g);
                }
                s /= Math.max(1, gts.length);
                if (s > bestScore) {
                    bestScore = s;
                    best = format(c, t);
                }
            }
        }
        // The builder's balance rule, class by class.
        Map<String, Long> classes = new TreeMap<>();
        for (Question q : qs) {
            AnswerBalance.classes(q).forEach(c -> classes.merge(c, 1L, Long::sum));
        }
        int k = qs.isEmpty() ? 4 : qs.get(0).options().size();
        for (Map.Entry<String, Long> e : classes.entrySet()) {
            double share = e.getValue() / (double) Math.max(1, n);
            double cap = AnswerBalance.cap(e.getKey(), k);
            if (n >= MIN_ITEMS && share > cap + 1e-9) {
                violations.add(String.format(Locale.ROOT, "%s in %.0f %% of items (at most %.0f %%)",
                        describe(e.getKey()), 100 * share, 100 * cap));
            }
        }
        return new TypeStats(t, n, answers, contents, best, Math.max(0, bestScore), blind / Math.max(1, n),
                violations);
    }

    /** A class in words: "correct letter A", "correct option 'left'", "answer 2", "answers in [1.95, 2.44)". */
    static String describe(String cls) {
        String v = cls.substring(cls.indexOf(':') + 1);
        if (cls.startsWith("letter:")) {
            return "correct letter " + v;
        }
        if (cls.startsWith("option:")) {
            return "correct option '" + v + "'";
        }
        if (v.startsWith("bin")) {
            long b = Long.parseLong(v.substring(3));
            return String.format(Locale.ROOT, "answers in [%.3g, %.3g)", Math.pow(AnswerBalance.DECIMAL_BIN_RATIO, b),
                    Math.pow(AnswerBalance.DECIMAL_BIN_RATIO, b + 1));
        }
        return "answer " + v;
    }

    private static String format(double c, QuestionType t) {
        return t.answerKind() == QuestionType.AnswerKind.INTEGER ? Long.toString(Math.round(c))
                : String.format(Locale.ROOT, "%.2f", c);
    }

    private static double number(String s) {
        Double v = PyText.parseFloat(s);
        return v == null ? Double.NaN : v;
    }

    /** VSI-Bench's per-sample score of an answer. */
    static double score(QuestionType t, String answer, String truth) {
        return VsiMetrics.score(t.code(), answer, GroundTruth.of(truth), t.isMultipleChoice()).score();
    }

    /**
     * The figures as JSON: per type, items, the answer distribution (letters; whole numbers by value; decimals as
     * quantiles), option contents, the best constant and its score, the blind priors' score (×100), violations.
     */
    public ObjectNode toJson(ObjectMapper m) {
        ObjectNode root = m.createObjectNode();
        for (TypeStats s : compute()) {
            ObjectNode n = root.putObject(s.type().code());
            n.put("items", s.items());
            n.put("metric", s.type().metric());
            if (s.type().answerKind() == QuestionType.AnswerKind.NUMBER) {
                List<Double> v = new ArrayList<>();
                byType.get(s.type()).forEach(q -> v.add(number(q.groundTruth())));
                v.sort(Double::compare);
                ObjectNode d = n.putObject("answers");
                d.put("min", v.get(0));
                d.put("p25", v.get(v.size() / 4));
                d.put("median", v.get(v.size() / 2));
                d.put("p75", v.get(3 * v.size() / 4));
                d.put("max", v.get(v.size() - 1));
            } else {
                n.set("answers", m.valueToTree(ordered(s.answers(), s.type())));
            }
            if (!s.contents().isEmpty()) {
                n.set("option_contents", m.valueToTree(s.contents()));
            }
            n.put("best_constant", s.bestConstant());
            n.put("best_constant_score", round1(100 * s.bestConstantScore()));
            n.put("blind_score", round1(100 * s.blindScore()));
            n.set("violations", m.valueToTree(s.violations()));
        }
        return root;
    }

    /** Whole numbers in numeric order. */
    private static Map<String, Long> ordered(Map<String, Long> answers, QuestionType t) {
        if (t.isMultipleChoice()) {
            return answers;
        }
        Map<String, Long> m = new TreeMap<>((a, b) -> Double.compare(number(a), number(b)));
        m.putAll(answers);
        return new LinkedHashMap<>(m);
    }

    static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }

    /** A Markdown table: type, items, answers, best constant (score), blind priors' score, rule. */
    public String markdown() {
        StringBuilder sb = new StringBuilder("| question type | items | correct answers | best constant (score) | "
                + "blind priors | balance |\n|---|---|---|---|---|---|\n");
        for (TypeStats s : compute()) {
            sb.append("| ").append(s.type().code()).append(" | ").append(s.items()).append(" | ")
                    .append(distribution(s)).append(" | ").append(s.bestConstant()).append(String.format(Locale.ROOT,
                            " (%.1f)", 100 * s.bestConstantScore())).append(String.format(Locale.ROOT, " | %.1f | ",
                                    100 * s.blindScore()))
                    .append(s.items() < MIN_ITEMS ? "too few to judge" : s.violations().isEmpty() ? "ok"
                            : String.join("; ", s.violations())).append(" |\n");
        }
        return sb.toString();
    }

    private String distribution(TypeStats s) {
        if (s.type().answerKind() == QuestionType.AnswerKind.NUMBER) {
            List<Double> v = new ArrayList<>();
            byType.get(s.type()).forEach(q -> v.add(number(q.groundTruth())));
            v.sort(Double::compare);
            return String.format(Locale.ROOT, "%s–%s, median %s", GroundTruth.pythonRepr(v.get(0)), GroundTruth.pythonRepr(v.get(v.size()
                    - 1)), GroundTruth.pythonRepr(v.get(v.size() / 2)));
        }
        StringBuilder sb = new StringBuilder();
        Map<String, Long> shown = s.contents().isEmpty() ? ordered(s.answers(), s.type()) : s.contents();
        int i = 0;
        for (Map.Entry<String, Long> e : shown.entrySet()) {
            if (i++ == 8) {
                sb.append(", …");
                break;
            }
            sb.append(i == 1 ? "" : ", ").append(e.getKey()).append(String.format(Locale.ROOT, " %.0f%%",
                    100.0 * e.getValue() / Math.max(1, s.items())));
        }
        if (!s.contents().isEmpty()) {
            sb.append(" (letters ");
            int j = 0;
            for (Map.Entry<String, Long> e : s.answers().entrySet()) {
                sb.append(j++ == 0 ? "" : ", ").append(e.getKey()).append(String.format(Locale.ROOT, " %.0f%%",
                        100.0 * e.getValue() / Math.max(1, s.items())));
            }
            sb.append(')');
        }
        return sb.toString();
    }
}
