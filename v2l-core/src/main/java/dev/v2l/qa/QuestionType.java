package dev.v2l.qa;

import dev.v2l.layout.Layout;
import dev.v2l.reason.EngineContext;
import dev.v2l.reason.Query;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One question type, whole: its name (as VSI-Bench or Video2Layout's QVS-Bench spells it), family, answer kind and
 * metric, description, wording, how its questions are drafted from a scene (with the {@link Thresholds} it uses),
 * the engine query that answers it, what a model that sees nothing would answer, and its weight in a benchmark mix.
 * Every type is one final class in this package extending a family class ({@link CountingType},
 * {@link PairDistanceType}, {@link ClosestChoiceType}, {@link ObjectSizeType}, {@link RoomSizeType},
 * {@link RelDirectionType}, {@link FrameDirectionType}, {@link RouteType}, {@link AppearanceOrderType}), registered
 * once in {@link QuestionTypes}; the abstract methods make the compiler ask for every piece.
 *
 * <p>Types are singletons (one instance each, in the registry), so identity is equality.
 */
public abstract class QuestionType {

    /** Which benchmark the type belongs to. */
    public enum Family { VSI, QVS }

    /** How the answer is written and scored. */
    public enum AnswerKind {
        /** An option letter: exact match. */
        LETTER("accuracy"),
        /** A whole number: mean relative accuracy. */
        INTEGER("MRA:.5:.95:.05"),
        /** A decimal number: mean relative accuracy. */
        NUMBER("MRA:.5:.95:.05");

        private final String metric;

        AnswerKind(String metric) {
            this.metric = metric;
        }

        public boolean numeric() {
            return this != LETTER;
        }

        /** VSI-Bench's metric name: {@code accuracy} (exact match) or {@code MRA:.5:.95:.05}. */
        public String metric() {
            return metric;
        }
    }

    private final String code;
    private final Family family;
    private final AnswerKind answerKind;
    private final String description;

    QuestionType(String code, Family family, AnswerKind answerKind, String description) {
        this.code = code;
        this.family = family;
        this.answerKind = answerKind;
        this.description = description;
    }

    public final String code() {
        return code;
    }

    public final Family family() {
        return family;
    }

    public final AnswerKind answerKind() {
        return answerKind;
    }

    /** One line for {@code v2l qa types}. */
    public final String description() {
        return description;
    }

    public final boolean isMultipleChoice() {
        return answerKind == AnswerKind.LETTER;
    }

    /** The metric the type is scored by: {@code accuracy} or {@code MRA:.5:.95:.05}. */
    public final String metric() {
        return answerKind.metric();
    }

    /**
     * The task a score is reported under: the type's own name, except VSI-Bench's three relative-direction
     * sub-types, which its summary averages into one task.
     */
    public String task() {
        return code;
    }

    /**
     * The type's weight in its family's benchmark mix ({@code bench build --types qvs|vsi}): the QVS-Bench paper's
     * shares for QVS types (25 % each direction type, 12.5 % the others), equal weights for VSI-Bench.
     */
    public abstract double mixWeight();

    /** Drafts this type's questions for one scene into {@code d} (accepting and rejecting candidates). */
    abstract void draft(Drafting d);

    /** The structured query the engine answers for a question of this type (from its objects and options). */
    public abstract Query query(Question q);

    /**
     * Why this question would be ambiguous if answered from {@code map} (a map as written, at its precision), or null
     * when it is not: a closest-object question whose runner-up is within the margin, whatever the option order.
     */
    public String ambiguity(Question q, Layout map, EngineContext context, Thresholds th) {
        return null;
    }

    /**
     * What the {@code blind} model answers without seeing anything: a typical value from the question's labels
     * ({@link LabelPriors}), or an option chosen from its labels alone.
     */
    public abstract String blindAnswer(Question q, LabelPriors priors);

    /**
     * For numeric answers, the range of plausible values {@code [low, high]} (the {@code random} model guesses
     * log-uniformly over it); null for option letters.
     */
    public abstract double[] plausibleRange();

    /** The type's position in the registry. */
    public final int index() {
        return values().indexOf(this);
    }

    /** An empty map of types that iterates in registry order (as an {@code EnumMap} would). */
    public static <V> Map<QuestionType, V> newMap() {
        return new TreeMap<>(Comparator.comparingInt(QuestionType::index));
    }

    @Override
    public final String toString() {
        return code;
    }

    // ---- the registry's lookups, here because every caller starts from the type ---------------------------------

    /** Every registered type, in registration order (VSI-Bench's, then QVS-Bench's). */
    public static List<QuestionType> values() {
        return QuestionTypes.all();
    }

    /** The type with this name, if registered. */
    public static Optional<QuestionType> find(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String key = name.strip().toLowerCase(Locale.ROOT);
        for (QuestionType t : values()) {
            if (t.code.equals(key)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    public static QuestionType byName(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("unknown question type '" + name
                + "'; available: " + String.join(", ", values().stream().map(QuestionType::code).toList())
                + " (or all, vsi, qvs)"));
    }

    /** The registered types of a family, in order. */
    public static List<QuestionType> family(Family f) {
        return values().stream().filter(t -> t.family == f).toList();
    }

    /** Parses {@code all}, {@code vsi}, {@code qvs} or a comma-separated list of type names. */
    public static List<QuestionType> parseList(String spec) {
        List<QuestionType> out = new ArrayList<>();
        for (String part : spec.split(",")) {
            String p = part.strip().toLowerCase(Locale.ROOT);
            if (p.isEmpty()) {
                continue;
            }
            List<QuestionType> add = switch (p) {
                case "all" -> values();
                case "vsi" -> family(Family.VSI);
                case "qvs" -> family(Family.QVS);
                default -> List.of(byName(p));
            };
            for (QuestionType t : add) {
                if (!out.contains(t)) {
                    out.add(t);
                }
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("no question types given; use all, vsi, qvs or names");
        }
        return out;
    }
}
