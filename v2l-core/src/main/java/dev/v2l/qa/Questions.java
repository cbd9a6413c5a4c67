package dev.v2l.qa;

import dev.v2l.layout.Labels;
import dev.v2l.layout.Layout;
import dev.v2l.layout.LayoutObject;
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

    /** Footprints within this of the map's axes count as wall-aligned (room-aligned frames). */
    public static final double WALL_ALIGNED_RADIANS = Math.toRadians(1);

    /**
     * Whether Video2Layout's map (v2lo: axis-aligned floor bounds, no heights) can carry what the question's answer
     * is computed from on {@code map}: every object it names is wall-aligned (a rotated footprint's bounds are
     * inflated) and the answer is the same without heights (not the longest side of a tall object, nor a distance
     * to something above or below).
     */
    public static boolean representableInV2lo(Question q, Layout map, EngineContext context) {
        return wallAligned(q, map) && heightIndependent(q, map, context);
    }

    /** Whether every object the question names (every instance of its labels) is wall-aligned on {@code map}. */
    public static boolean wallAligned(Question q, Layout map) {
        boolean any = false;
        for (dev.v2l.qa.QuestionObject o : q.objects()) {
            for (LayoutObject m : map.objects()) {
                if (Labels.matches(m.label(), o.label())) {
                    any = true;
                    if (!m.footprint().isAxisAligned(WALL_ALIGNED_RADIANS)) {
                        return false;
                    }
                }
            }
        }
        return any;
    }

    /** Whether the question's answer on {@code map} is the same with every height left out. */
    public static boolean heightIndependent(Question q, Layout map, EngineContext context) {
        String with = answerOf(q, derive(q, map, context));
        List<LayoutObject> flat = map.objects().stream()
                .map(o -> new LayoutObject(o.label(), o.footprint(), null, o.instanceId())).toList();
        return with != null && with.equals(answerOf(q, derive(q, new Layout(map.frame(), flat, map.axes()),
                context)));
    }
}
