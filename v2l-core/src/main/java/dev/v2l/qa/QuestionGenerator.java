package dev.v2l.qa;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Draws questions from a scene with an explicit seed and rejects ambiguous ones ({@link Thresholds}): each
 * {@link QuestionType} drafts its own, and each answer and trace comes from the {@code SpatialEngine} on the
 * ground-truth map. Drafting a scene is independent of every
 * other scene (its random stream depends only on seed, scene id and type), so scenes can be drafted in parallel;
 * {@link Finisher} then letters the options in a fixed order so correct letters are balanced over a whole dataset.
 */
public final class QuestionGenerator {

    private final List<QuestionType> types;
    private final int perScene;
    private final long seed;
    private final Thresholds th;

    public QuestionGenerator(List<QuestionType> types, int perScene, long seed, Thresholds thresholds) {
        if (perScene < 1) {
            throw new IllegalArgumentException("questions per scene must be at least 1, got " + perScene);
        }
        this.types = List.copyOf(types);
        this.perScene = perScene;
        this.seed = seed;
        this.th = thresholds;
    }

    /** A scene's drafts, in type order, and its statistics. */
    public record SceneDrafts(String sceneId, String dataset, List<Draft> drafts, GenerationStats stats) {

        /** How many drafts of each type. */
        public Map<QuestionType, Integer> countByType() {
            Map<QuestionType, Integer> m = new LinkedHashMap<>();
            for (Draft d : drafts) {
                m.merge(d.type(), 1, Integer::sum);
            }
            return m;
        }

        /** Only the drafts of these types, at most {@code cap} of each, in order. */
        public SceneDrafts only(Map<QuestionType, Integer> cap) {
            Map<QuestionType, Integer> taken = new java.util.HashMap<>();
            List<Draft> out = new ArrayList<>();
            for (Draft d : drafts) {
                int c = cap.getOrDefault(d.type(), 0);
                if (taken.getOrDefault(d.type(), 0) < c) {
                    out.add(d);
                    taken.merge(d.type(), 1, Integer::sum);
                }
            }
            return new SceneDrafts(sceneId, dataset, out, stats);
        }
    }

    /** The settings recorded in every question. */
    public Map<String, Object> settings() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seed", seed);
        m.put("per_scene", perScene);
        m.putAll(th.asMap());
        return m;
    }

    public SceneDrafts draft(QaInput in) {
        GenerationStats stats = new GenerationStats();
        List<Draft> out = new ArrayList<>();
        SceneFacts facts = new SceneFacts(in);
        for (QuestionType t : types) {
            SplittableRandom rnd = new SplittableRandom(mix(seed, in.scene().id(), t.code()));
            Drafting d = new Drafting(t, facts, rnd, th, perScene, stats);
            t.draft(d);
            out.addAll(d.drafts());
        }
        return new SceneDrafts(in.scene().id(), in.scene().dataset(), out, stats);
    }

    /**
     * At most {@code n} drafts, taken round-robin over the types (the first of each type, then the second…), so a
     * small per-scene budget still covers every type that has questions.
     */
    public static SceneDrafts limit(SceneDrafts sd, int n) {
        return limit(sd, n, 0);
    }

    /** As {@link #limit(SceneDrafts, int)}, each round starting at type number {@code offset} (mod the types). */
    public static SceneDrafts limit(SceneDrafts sd, int n, int offset) {
        Map<QuestionType, List<Draft>> byType = new LinkedHashMap<>();
        for (Draft d : sd.drafts()) {
            byType.computeIfAbsent(d.type(), k -> new ArrayList<>()).add(d);
        }
        List<List<Draft>> lists = new ArrayList<>(byType.values());
        if (!lists.isEmpty()) {
            java.util.Collections.rotate(lists, -Math.floorMod(offset, lists.size()));
        }
        List<Draft> out = new ArrayList<>();
        for (int round = 0; out.size() < n; round++) {
            boolean any = false;
            for (List<Draft> l : lists) {
                if (round < l.size() && out.size() < n) {
                    out.add(l.get(round));
                    any = true;
                }
            }
            if (!any) {
                break;
            }
        }
        return new SceneDrafts(sd.sceneId(), sd.dataset(), out, sd.stats());
    }

    /** FNV-1a over the scene id and type, mixed with the seed: a stable stream per (seed, scene, type). */
    static long mix(long seed, String scene, String type) {
        long h = 0xcbf29ce484222325L;
        for (String s : new String[] {scene, "\u0000", type}) {
            for (int i = 0; i < s.length(); i++) {
                h ^= s.charAt(i);
                h *= 0x100000001b3L;
            }
        }
        return h ^ (seed * 0x9E3779B97F4A7C15L);
    }

    /** Choice objects listed in the final option order (other roles keep their places). */
    static List<QuestionObject> reorderChoices(List<QuestionObject> objects, List<String> contents) {
        List<QuestionObject> choices = objects.stream().filter(o -> o.role().equals("choice")).toList();
        if (choices.size() != contents.size() || choices.stream().anyMatch(c -> !contents.contains(c.label()))) {
            return objects;
        }
        List<QuestionObject> out = new ArrayList<>();
        for (QuestionObject o : objects) {
            if (!o.role().equals("choice")) {
                out.add(o);
            }
        }
        for (String c : contents) {
            choices.stream().filter(o -> o.label().equals(c)).findFirst().ifPresent(out::add);
        }
        return out;
    }

    /**
     * Letters the options of drafts, in the order it is given them: for each type and option count, the correct
     * option goes to letters A, B, C, D… in turn, so the correct letter is balanced over a dataset.
     */
    public static final class Finisher {
        private final Map<String, Integer> counters = new HashMap<>();
        private final Map<String, Object> settings;

        public Finisher(Map<String, Object> settings) {
            this.settings = settings;
        }

        /**
         * A finisher that goes on from a {@link #state()} taken elsewhere, e.g. the sum of the counts of the scenes
         * before this one when they were finished on other machines (the Spark jobs).
         */
        public Finisher(Map<String, Object> settings, Map<String, Integer> state) {
            this(settings);
            restore(state);
        }

        /** The lettering state after the scenes finished so far: restoring it resumes a run at the next scene. */
        public Map<String, Integer> state() {
            return new java.util.TreeMap<>(counters);
        }

        /** Continues from a {@link #state()} taken earlier. */
        public void restore(Map<String, Integer> state) {
            counters.clear();
            counters.putAll(state);
        }

        public List<Question> finish(SceneDrafts sd) {
            return finish(sd, sd.sceneId());
        }

        /** As {@link #finish(SceneDrafts)}, with question ids {@code idPrefix/type/index}. */
        public List<Question> finish(SceneDrafts sd, String idPrefix) {
            List<Question> out = new ArrayList<>(sd.drafts().size());
            Map<QuestionType, Integer> index = new HashMap<>();
            for (Draft d : sd.drafts()) {
                int i = index.merge(d.type(), 1, Integer::sum) - 1;
                String id = idPrefix + "/" + d.type().code() + "/" + i;
                if (!d.multipleChoice()) {
                    out.add(new Question(id, sd.sceneId(), sd.dataset(), d.type(), d.question(), List.of(),
                            d.answer(), d.objects(), d.params(), d.trace(), settings));
                    continue;
                }
                int n = d.optionCount();
                int at = counters.merge(d.type().code() + "/" + n, 1, Integer::sum) - 1;
                int correct = at % n;
                List<String> contents = new ArrayList<>(d.otherOptions());
                contents.add(correct, d.answer());
                List<String> options = new ArrayList<>(n);
                for (int k = 0; k < n; k++) {
                    options.add((char) ('A' + k) + ". " + contents.get(k));
                }
                String text = d.question().replace(Draft.CHOICES, String.join(", ", contents));
                out.add(new Question(id, sd.sceneId(), sd.dataset(), d.type(), text, options,
                        String.valueOf((char) ('A' + correct)), reorderChoices(d.objects(), contents), d.params(),
                        d.traceFor(contents), settings));
            }
            return out;
        }
    }
}
