package dev.v2l.qa;

import dev.v2l.layout.Layout;
import dev.v2l.reason.Derivation;
import dev.v2l.reason.EngineContext;
import dev.v2l.reason.Query;
import dev.v2l.reason.SpatialEngine;
import java.util.List;
import java.util.Locale;

/** Asking the engine a generated question again, from any map: a ground-truth one or a model's own. */
public final class Questions {

    private Questions() {
    }

    /** The structured query behind a question (its type knows how to read it). */
    public static Query query(Question q) {
        return q.type().query(q);
    }

    /** The engine's derivation of a question from a map. */
    public static Derivation derive(Question q, Layout layout, EngineContext context) {
        Query query;
        try {
            query = query(q);
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) { // an imported question without its objects
            return Derivation.failed("the question does not name the objects its type needs (" + e.getMessage()
                    + ")", "");
        }
        return SpatialEngine.answer(query, layout, context);
    }

    /**
     * The answer as the question expects it: the option letter whose content the derivation gives (null when none
     * does), or the number as text for open questions.
     */
    public static String answerOf(Question q, Derivation d) {
        if (!d.ok()) {
            return null;
        }
        if (!q.type().isMultipleChoice()) {
            return d.answer();
        }
        List<String> contents = q.optionContents();
        for (int i = 0; i < contents.size(); i++) {
            if (contents.get(i).toLowerCase(Locale.ROOT).equals(d.answer().toLowerCase(Locale.ROOT))) {
                return String.valueOf((char) ('A' + i));
            }
        }
        return null;
    }
}
