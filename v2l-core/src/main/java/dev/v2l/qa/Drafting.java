package dev.v2l.qa;

import dev.v2l.geom.Vec2;
import dev.v2l.layout.LayoutObject;
import dev.v2l.reason.Derivation;
import dev.v2l.reason.Directions;
import dev.v2l.reason.Query;
import dev.v2l.reason.SpatialEngine;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.DoubleUnaryOperator;

/**
 * Drafting one type for one scene: the scene's facts, the type's own random stream, the thresholds, the per-scene
 * budget, and what the family drafters share — drawing candidates (single objects, tuples without replacement),
 * asking the engine, and accepting or rejecting (with a named reason, counted in {@link GenerationStats}).
 */
final class Drafting {
    final QuestionType type;
    final SceneFacts facts;
    final SplittableRandom rnd;
    final Thresholds th;
    final int perScene;
    private final GenerationStats stats;
    private final List<Draft> out = new ArrayList<>();

    Drafting(QuestionType type, SceneFacts facts, SplittableRandom rnd, Thresholds th, int perScene,
            GenerationStats stats) {
        this.type = type;
        this.facts = facts;
        this.rnd = rnd;
        this.th = th;
        this.perScene = perScene;
        this.stats = stats;
    }

    List<Draft> drafts() {
        return out;
    }

    /** The per-scene budget of this type is used up. */
    boolean full() {
        return out.size() >= perScene;
    }

    void reject(String reason) {
        stats.reject(type, reason);
    }

    void accept(Draft d) {
        out.add(d);
        stats.accept(type);
    }

    /** Open (numeric) question: no options. */
    void acceptOpen(String question, Derivation d, List<QuestionObject> objects) {
        accept(new Draft(type, question, d.answer(), List.of(), objects, java.util.Map.of(), d.trace()));
    }

    /** The engine's answer from the scene's map; it must answer a question drawn from that map. */
    Derivation engine(Query q) {
        Derivation d = SpatialEngine.answer(q, facts.in.layout(), facts.context);
        if (!d.ok()) {
            throw new IllegalStateException("the engine could not answer a question drawn from its own map: "
                    + d.failure());
        }
        return d;
    }

    static QuestionObject obj(LayoutObject o, String role) {
        return new QuestionObject(o.label(), o.instanceId(), role);
    }

    /** Each unique object in a random order, until the budget is used up. */
    void singles(Consumer<LayoutObject> make) {
        List<LayoutObject> pool = new ArrayList<>(facts.uniques);
        shuffle(pool);
        for (LayoutObject o : pool) {
            if (full()) {
                break;
            }
            make.accept(o);
        }
    }

    /**
     * Distinct random ordered tuples of unique objects, drawn without replacement (a tuple is an index into the
     * k-permutations of the pool, so small scenes run out instead of redrawing); {@code k < 0} draws routes of
     * 3 to 5 stops. Every tuple is a different question.
     */
    void tuples(int k, Consumer<List<LayoutObject>> make) {
        tuples(k, null, make);
    }

    /**
     * As {@link #tuples(int, Consumer)}, skipping a tuple that asks the same question as one drawn before:
     * {@code sameQuestion} maps a tuple to what identifies its question (the two objects of a distance in either
     * order, say).
     */
    void tuples(int k, Function<List<LayoutObject>, String> sameQuestion, Consumer<List<LayoutObject>> make) {
        Set<String> asked = new HashSet<>();
        int n = facts.uniques.size();
        int minK = k < 0 ? 3 : k;
        if (n < minK) {
            reject("too-few-unique-objects");
            return;
        }
        int maxK = k < 0 ? Math.min(5, n) : k;
        long total = 0;
        for (int size = minK; size <= maxK; size++) {
            total += permutations(n, size);
        }
        Set<Long> drawn = new HashSet<>();
        int attempts = 40 * perScene + 40;
        for (int a = 0; a < attempts && !full() && drawn.size() < total; a++) {
            int size = minK + (maxK > minK ? rnd.nextInt(maxK - minK + 1) : 0);
            long count = permutations(n, size);
            long index = rnd.nextLong(count);
            if (!drawn.add(((long) size << 56) | index)) {
                continue;
            }
            List<LayoutObject> tuple = decode(index, size);
            if (sameQuestion != null && !asked.add(sameQuestion.apply(tuple))) {
                continue;
            }
            make.accept(tuple);
        }
    }

    /** An object's identity in a question: its scene instance, else its label. */
    static String id(LayoutObject o) {
        return o.instanceId() != null ? o.instanceId() : o.label();
    }

    /** The same question whatever the order of its objects. */
    static String unordered(List<LayoutObject> tuple) {
        return String.join("\u0000", tuple.stream().map(Drafting::id).sorted().toList());
    }

    /** The same question whatever the order of all objects but the first. */
    static String firstThenUnordered(List<LayoutObject> tuple) {
        return id(tuple.get(0)) + "\u0001" + unordered(tuple.subList(1, tuple.size()));
    }

    /** The {@code index}-th k-permutation of the pool, in the factorial number system. */
    private List<LayoutObject> decode(long index, int k) {
        int n = facts.uniques.size();
        boolean[] used = new boolean[n];
        List<LayoutObject> picked = new ArrayList<>(k);
        for (int i = 0; i < k; i++) {
            long block = permutations(n - i - 1, k - i - 1);
            int pick = (int) (index / block);
            index %= block;
            for (int j = 0; j < n; j++) {
                if (!used[j] && pick-- == 0) {
                    used[j] = true;
                    picked.add(facts.uniques.get(j));
                    break;
                }
            }
        }
        return picked;
    }

    /** n! / (n-k)!, saturating at Long.MAX_VALUE / 256. */
    static long permutations(int n, int k) {
        long p = 1;
        for (int i = 0; i < k; i++) {
            p *= n - i;
            if (p > Long.MAX_VALUE / 256) {
                return Long.MAX_VALUE / 256;
            }
        }
        return p;
    }

    <T> void shuffle(List<T> l) {
        for (int i = l.size() - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            T tmp = l.get(i);
            l.set(i, l.get(j));
            l.set(j, tmp);
        }
    }

    /**
     * Whether a direction candidate is clear: the forward vector and the queried vector at least
     * {@link Thresholds#minSeparationMetres} long and the queried angle at least {@link Thresholds#angleMarginDegrees}
     * from every option boundary; rejects with the reason otherwise.
     *
     * @param marginOf how far an absolute angle right of forward, in [0, 180], is from the nearest option boundary
     */
    boolean clearDirection(Vec2 forward, String forwardReason, Vec2 query, DoubleUnaryOperator marginOf) {
        if (forward.length() < th.minSeparationMetres()) {
            reject(forwardReason);
            return false;
        }
        if (query.length() < th.minSeparationMetres()) {
            reject("query-too-close");
            return false;
        }
        if (marginOf.applyAsDouble(Math.abs(Directions.angleRightOf(forward, query))) < th.angleMarginDegrees()) {
            reject("near-boundary");
            return false;
        }
        return true;
    }

    /** The distance of an absolute angle in [0, 180] from the quadrant boundaries 0°, 90° and 180°. */
    static double quadrantMargin(double a) {
        return Math.min(Math.min(a, Math.abs(a - 90)), 180 - a);
    }

    /** The options of {@code set} other than the answer, in a random order. */
    List<String> othersInRandomOrder(List<String> set, String answer) {
        List<String> others = new ArrayList<>(set);
        if (!others.remove(answer)) {
            throw new IllegalStateException("answer '" + answer + "' is not among the options " + set);
        }
        shuffle(others);
        return others;
    }
}
