package dev.v2l.qa;

import java.util.List;
import java.util.Map;

/**
 * One generated question, as written to JSON Lines.
 *
 * @param id           unique and stable for a seed: {@code scene/type/index}
 * @param sceneId      the scene
 * @param dataset      the scene's dataset
 * @param type         the question type
 * @param question     the question text
 * @param options      {@code "A. …"} strings for multiple choice; empty for open answers
 * @param groundTruth  the option letter, or the number as text
 * @param objects      the objects involved, with their roles (enough to ask the engine again)
 * @param params       extra structured parameters (e.g. {@code side} for horizontal direction)
 * @param trace        the engine's derivation from the ground-truth map
 * @param generator    the generator settings (seed, thresholds)
 */
public record Question(String id, String sceneId, String dataset, QuestionType type, String question,
        List<String> options, String groundTruth, List<QuestionObject> objects, Map<String, String> params,
        String trace, Map<String, Object> generator) {

    public Question {
        options = List.copyOf(options);
        objects = List.copyOf(objects);
        params = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(params));
    }

    /** The option contents without their letters ("A. left" → "left"). */
    public List<String> optionContents() {
        return options.stream().map(Question::stripLetter).toList();
    }

    static String stripLetter(String option) {
        return option.length() > 3 && option.charAt(1) == '.' && option.charAt(2) == ' ' ? option.substring(3)
                : option;
    }

    /** Labels of the objects with this role, in order. */
    public List<String> labels(String role) {
        return objects.stream().filter(o -> o.role().equals(role)).map(QuestionObject::label).toList();
    }

    public String label(String role) {
        List<String> l = labels(role);
        if (l.size() != 1) {
            throw new IllegalArgumentException("question " + id + " has " + l.size() + " objects with role " + role);
        }
        return l.get(0);
    }
}
