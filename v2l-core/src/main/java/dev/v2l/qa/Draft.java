package dev.v2l.qa;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A question before its options are lettered: the correct option content and the others (already in a random
 * order), or the numeric answer for open questions. {@link QuestionGenerator.Finisher} places the correct option at
 * the letter the balancer chooses.
 */
record Draft(QuestionType type, String question, String answer, List<String> otherOptions, List<QuestionObject> objects,
        Map<String, String> params, String trace, Function<List<String>, String> retrace) {

    Draft(QuestionType type, String question, String answer, List<String> otherOptions, List<QuestionObject> objects,
            Map<String, String> params, String trace) {
        this(type, question, answer, otherOptions, objects, params, trace, null);
    }

    /** The trace for the final option order (some traces walk the options in order). */
    String traceFor(List<String> finalOptionContents) {
        return retrace == null ? trace : retrace.apply(finalOptionContents);
    }

    boolean multipleChoice() {
        return type.isMultipleChoice();
    }

    int optionCount() {
        return otherOptions.size() + 1;
    }

    /** Stands for the option list in a question's text until the options are lettered. */
    static final String CHOICES = "{choices}";

    /** The option letter of index {@code i}: A, B, C… */
    static String letter(int i) {
        return String.valueOf((char) ('A' + i));
    }
}
