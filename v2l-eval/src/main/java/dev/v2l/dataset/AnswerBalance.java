package dev.v2l.dataset;

import dev.v2l.metrics.PyText;
import dev.v2l.qa.Question;
import dev.v2l.qa.QuestionType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The benchmark builder's balance rule, so that no constant answer and no option word is a shortcut: <b>no answer
 * class holds more than 40 % of a type's items</b>. The classes of an item's answer:
 *
 * <ul>
 *   <li>its correct letter (at most 55 % for two-option types, where 50 % is the least possible);</li>
 *   <li>for the fixed vocabularies of direction types (left/right, front-left…, Left-Back…), its correct option's
 *       words, at most max(40 %, 1/k + 10 %) for k options (a medium direction's "back" is rarer than "left");</li>
 *   <li>counts: the value, with 6 and more as one class ("6+");</li>
 *   <li>other numbers (metres, square metres, centimetres): the bin of width ×{@value #DECIMAL_BIN_RATIO} on a log scale the value
 *       falls in (within it a constant answer earns most of VSI-Bench's MRA).</li>
 * </ul>
 *
 * The builder admits an item while its classes are under their caps (a share of the type's quota over the whole
 * benchmark) and holds the others back; only when the scenes run out are held-back items used to fill what is
 * missing, and the card says how many ({@code balance_relaxed}). {@link AnswerStats} checks the same rule afterwards.
 */
final class AnswerBalance {

    public static final double MAX_SHARE = 0.40;
    public static final double TWO_OPTION_LETTER_SHARE = 0.55;
    public static final double DECIMAL_BIN_RATIO = 1.25;
    public static final int WHOLE_NUMBER_TOP = 6;
    /** Types whose options come from a fixed vocabulary of direction words. */
    static final Set<String> FIXED_VOCABULARY = Set.of("object_rel_direction_easy", "object_rel_direction_medium",
            "object_rel_direction_hard", "vertical_direction", "horizontal_direction");

    private final Map<QuestionType, Integer> quota;
    private final Map<QuestionType, Map<String, Integer>> counts = new HashMap<>();

    /** @param quota items of each type in the whole benchmark */
    AnswerBalance(Map<QuestionType, Integer> quota) {
        this.quota = quota;
    }

    /** The share cap of one class of an answer ({@code letter:}, {@code option:}, {@code value:} prefixes). */
    static double cap(String cls, int options) {
        if (cls.startsWith("letter:")) {
            return options == 2 ? TWO_OPTION_LETTER_SHARE : MAX_SHARE;
        }
        if (cls.startsWith("option:")) {
            return Math.max(MAX_SHARE, 1.0 / Math.max(1, options) + 0.10);
        }
        return MAX_SHARE;
    }

    /** The answer classes of a question (see the class comment). */
    static List<String> classes(Question q) {
        List<String> out = new ArrayList<>();
        QuestionType t = q.type();
        if (t.isMultipleChoice()) {
            out.add("letter:" + q.groundTruth());
            int i = q.groundTruth().isEmpty() ? -1 : q.groundTruth().charAt(0) - 'A';
            if (FIXED_VOCABULARY.contains(t.code()) && i >= 0 && i < q.optionContents().size()) {
                out.add("option:" + q.optionContents().get(i));
            }
            return out;
        }
        out.add("value:" + numberClass(t, q.groundTruth()));
        return out;
    }

    /** A number's class: a count's value (6 and more as "6+"), or the log-scale bin of any other number. */
    static String numberClass(QuestionType t, String answer) {
        Double v = PyText.parseFloat(answer);
        if (v == null || !Double.isFinite(v)) {
            return answer;
        }
        if (isCount(t)) {
            long n = Math.round(v);
            return n >= WHOLE_NUMBER_TOP ? WHOLE_NUMBER_TOP + "+" : Long.toString(n);
        }
        if (v <= 0) {
            return "0";
        }
        return "bin" + (long) Math.floor(Math.log(v) / Math.log(DECIMAL_BIN_RATIO));
    }

    /** Counting types: whole numbers over a small range (1 to 6+), classed by value. */
    static boolean isCount(QuestionType t) {
        return t.answerKind() == QuestionType.AnswerKind.INTEGER && t.plausibleRange() != null
                && t.plausibleRange()[1] <= WHOLE_NUMBER_TOP;
    }

    /** Whether one more item with this answer keeps every class of it within its cap. */
    boolean admits(Question q) {
        int total = quota.getOrDefault(q.type(), 0);
        Map<String, Integer> c = counts.getOrDefault(q.type(), Map.of());
        for (String cls : classes(q)) {
            // A benchmark too small to judge (AnswerStats.MIN_ITEMS) rounds the cap up: 40 % of 4 items is 2, not 1.
            double share = cap(cls, q.options().size()) * total;
            int max = Math.max(1, total < AnswerStats.MIN_ITEMS ? (int) Math.ceil(share - 1e-9)
                    : (int) Math.floor(share + 1e-9));
            if (c.getOrDefault(cls, 0) + 1 > max) {
                return false;
            }
        }
        return true;
    }

    /** Counts an item in. */
    void add(Question q) {
        Map<String, Integer> c = counts.computeIfAbsent(q.type(), k -> new HashMap<>());
        for (String cls : classes(q)) {
            c.merge(cls, 1, Integer::sum);
        }
    }
}
