package dev.v2l.qa;

import dev.v2l.geom.Vec2;
import dev.v2l.layout.Labels;
import dev.v2l.layout.LayoutObject;
import dev.v2l.reason.Derivation;
import dev.v2l.reason.Directions;
import dev.v2l.reason.EngineContext;
import dev.v2l.reason.Query;
import dev.v2l.reason.SpatialEngine;
import dev.v2l.scene.Footprints;
import dev.v2l.scene.SceneObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Draws questions from a scene with an explicit seed and rejects ambiguous ones ({@link Thresholds}). Each answer
 * and trace comes from the {@link SpatialEngine} on the ground-truth map. Drafting a scene is independent of every
 * other scene (its random stream depends only on seed, scene id and type), so scenes can be drafted in parallel;
 * {@link Finisher} then letters the options in a fixed order so correct letters are balanced over a whole dataset.
 */
public final class QuestionGenerator {

    static final List<String> EASY = List.of("left", "right");
    static final List<String> MEDIUM = List.of("left", "right", "back");
    static final List<String> HARD = List.of("front-left", "front-right", "back-left", "back-right");
    static final List<String> QUADRANTS = List.of("Left-Front", "Right-Front", "Left-Back", "Right-Back");
    static final List<String> TURNS = List.of("Turn Left", "Turn Right", "Turn Back");
    static final String CHOICES = "{choices}";

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
        Facts facts = new Facts(in);
        for (QuestionType t : types) {
            SplittableRandom rnd = new SplittableRandom(mix(seed, in.scene().id(), t.code()));
            List<Draft> got = new TypeDrafter(t, facts, rnd, stats).run();
            out.addAll(got);
        }
        return new SceneDrafts(in.scene().id(), in.scene().dataset(), out, stats);
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

    /** What a scene offers: its objects, which labels are unique in the whole scene, room area, appearances. */
    static final class Facts {
        final QaInput in;
        final List<LayoutObject> objects;
        final List<LayoutObject> uniques = new ArrayList<>();
        final Map<String, List<LayoutObject>> byKey = new LinkedHashMap<>();
        final Map<String, Double> firstAppearanceByLabel = new LinkedHashMap<>();
        final EngineContext context;

        Facts(QaInput in) {
            this.in = in;
            this.objects = in.layout().objects();
            Map<String, Integer> sceneCounts = new HashMap<>();
            for (SceneObject o : in.scene().objects()) {
                sceneCounts.merge(Labels.key(o.label()), 1, Integer::sum);
            }
            for (LayoutObject o : objects) {
                byKey.computeIfAbsent(Labels.key(o.label()), k -> new ArrayList<>()).add(o);
            }
            for (LayoutObject o : objects) {
                String k = Labels.key(o.label());
                if (sceneCounts.getOrDefault(k, 0) == 1 && byKey.get(k).size() == 1) {
                    uniques.add(o);
                }
            }
            Map<String, String> labelOfInstance = new HashMap<>();
            for (SceneObject o : in.scene().objects()) {
                labelOfInstance.put(o.id(), o.label());
            }
            in.firstAppearanceSeconds().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
                String label = labelOfInstance.get(e.getKey());
                if (label != null) {
                    firstAppearanceByLabel.merge(label, e.getValue(), Math::min);
                }
            });
            this.context = new EngineContext(in.scene().room().area().isPresent()
                    ? in.scene().room().area().getAsDouble() : null, firstAppearanceByLabel);
        }
    }

    /** Drafts one type for one scene. */
    private final class TypeDrafter {
        final QuestionType t;
        final Facts f;
        final SplittableRandom rnd;
        final GenerationStats stats;
        final List<Draft> out = new ArrayList<>();
        final Set<String> seen = new HashSet<>();

        TypeDrafter(QuestionType t, Facts f, SplittableRandom rnd, GenerationStats stats) {
            this.t = t;
            this.f = f;
            this.rnd = rnd;
            this.stats = stats;
        }

        List<Draft> run() {
            switch (t) {
                case OBJECT_COUNTING -> counting(th.minCountVsi(), true);
                case OBJECT_COUNT -> counting(th.minCountQvs(), false);
                case OBJECT_ABS_DISTANCE -> tuples(2, this::absDistance);
                case MIN_DISTANCE -> tuples(2, this::minDistance);
                case OBJECT_SIZE_ESTIMATION -> singles(this::sizeEstimation);
                case OBJECT_SIZE -> singles(this::objectSize);
                case ROOM_SIZE_ESTIMATION -> roomSize();
                case OBJECT_REL_DISTANCE -> tuples(5, o -> closestOfFour(o, false));
                case NEAREST_CENTER -> tuples(5, o -> closestOfFour(o, true));
                case OBJECT_REL_DIRECTION_EASY, OBJECT_REL_DIRECTION_MEDIUM, OBJECT_REL_DIRECTION_HARD ->
                        tuples(3, this::relDirection);
                case VERTICAL_DIRECTION, HORIZONTAL_DIRECTION -> tuples(4, this::frameDirection);
                case ROUTE_PLANNING -> tuples(-1, this::route);
                case OBJ_APPEARANCE_ORDER -> appearanceOrder();
                default -> throw new IllegalStateException(t.code());
            }
            return out;
        }

        void reject(String reason) {
            stats.reject(t, reason);
        }

        void accept(Draft d) {
            out.add(d);
            stats.accept(t);
        }

        Derivation engine(Query q) {
            Derivation d = SpatialEngine.answer(q, f.in.layout(), f.context);
            if (!d.ok()) {
                throw new IllegalStateException("the engine could not answer a question drawn from its own map: "
                        + d.failure());
            }
            return d;
        }

        QuestionObject obj(LayoutObject o, String role) {
            return new QuestionObject(o.label(), o.instanceId(), role);
        }

        // ---- selection ----------------------------------------------------------------------------------------

        void counting(int minCount, boolean vsi) {
            List<List<LayoutObject>> groups = new ArrayList<>(f.byKey.values());
            shuffle(groups);
            for (List<LayoutObject> g : groups) {
                if (out.size() >= perScene) {
                    break;
                }
                if (g.size() < minCount) {
                    reject("fewer-than-" + minCount + "-instances");
                    continue;
                }
                String label = g.get(0).label();
                Derivation d = engine(new Query.Count(label));
                List<QuestionObject> objs = new ArrayList<>();
                for (LayoutObject o : g) {
                    objs.add(obj(o, "target"));
                }
                accept(new Draft(t, vsi ? Templates.counting(label) : Templates.objectCount(label), d.answer(),
                        List.of(), objs, Map.of(), d.trace()));
            }
        }

        void singles(java.util.function.Consumer<LayoutObject> make) {
            List<LayoutObject> pool = new ArrayList<>(f.uniques);
            shuffle(pool);
            for (LayoutObject o : pool) {
                if (out.size() >= perScene) {
                    break;
                }
                make.accept(o);
            }
        }

        /**
         * Distinct random ordered tuples of unique objects, drawn without replacement (a tuple is an index into the
         * k-permutations of the pool, so small scenes run out instead of redrawing); {@code k < 0} draws routes of
         * 3 to 5 stops.
         */
        void tuples(int k, java.util.function.Consumer<List<LayoutObject>> make) {
            int n = f.uniques.size();
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
            for (int a = 0; a < attempts && out.size() < perScene && drawn.size() < total; a++) {
                int size = minK + (maxK > minK ? rnd.nextInt(maxK - minK + 1) : 0);
                long count = permutations(n, size);
                long index = rnd.nextLong(count);
                if (!drawn.add(((long) size << 56) | index)) {
                    continue;
                }
                make.accept(decode(index, size));
            }
        }

        /** The {@code index}-th k-permutation of the pool, in the factorial number system. */
        List<LayoutObject> decode(long index, int k) {
            int n = f.uniques.size();
            boolean[] used = new boolean[n];
            List<LayoutObject> out = new ArrayList<>(k);
            for (int i = 0; i < k; i++) {
                long block = permutations(n - i - 1, k - i - 1);
                int pick = (int) (index / block);
                index %= block;
                for (int j = 0; j < n; j++) {
                    if (!used[j] && pick-- == 0) {
                        used[j] = true;
                        out.add(f.uniques.get(j));
                        break;
                    }
                }
            }
            return out;
        }

        <T> void shuffle(List<T> l) {
            for (int i = l.size() - 1; i > 0; i--) {
                int j = rnd.nextInt(i + 1);
                T tmp = l.get(i);
                l.set(i, l.get(j));
                l.set(j, tmp);
            }
        }

        // ---- types --------------------------------------------------------------------------------------------

        void absDistance(List<LayoutObject> p) {
            distance(p, true, Templates.absDistance(p.get(0).label(), p.get(1).label()));
        }

        void minDistance(List<LayoutObject> p) {
            distance(p, false, Templates.minDistance(p.get(0).label(), p.get(1).label()));
        }

        void distance(List<LayoutObject> p, boolean heights, String text) {
            Derivation d = engine(new Query.AbsDistance(p.get(0).label(), p.get(1).label(), heights, 1));
            if (d.number() < th.minDistanceMetres()) {
                reject("distance-below-" + th.minDistanceMetres() + "m");
                return;
            }
            accept(new Draft(t, text, d.answer(), List.of(), List.of(obj(p.get(0), "a"), obj(p.get(1), "b")),
                    Map.of(), d.trace()));
        }

        void sizeEstimation(LayoutObject o) {
            SceneObject so = f.in.scene().object(o.instanceId()).orElseThrow();
            double mapLongest = Math.max(o.footprint().longSide(), o.hasHeight() ? o.height().height() : 0);
            Derivation d = engine(new Query.ObjectSize(o.label(), Query.SizeMode.LONGEST_3D_CENTIMETRES, 0));
            // The truth is the box's longest edge; a tilted box's map (footprint + height) must still give it.
            if (Math.abs(so.box().longestLength() - mapLongest) > th.maxTiltMetres()
                    || !dev.v2l.layout.text.Decimals.format(so.box().longestLength() * 100, 0).equals(d.answer())) {
                reject("tilted-box");
                return;
            }
            if (d.answer().equals("0")) {
                reject("size-rounds-to-zero");
                return;
            }
            accept(new Draft(t, Templates.sizeEstimation(o.label()), d.answer(), List.of(),
                    List.of(obj(o, "target")), Map.of(), d.trace()));
        }

        void objectSize(LayoutObject o) {
            Derivation d = engine(new Query.ObjectSize(o.label(), Query.SizeMode.FLOOR_MAX_METRES, 1));
            if (Double.parseDouble(d.answer()) == 0) {
                reject("size-rounds-to-zero");
                return;
            }
            accept(new Draft(t, Templates.objectSize(o.label()), d.answer(), List.of(), List.of(obj(o, "target")),
                    Map.of(), d.trace()));
        }

        void roomSize() {
            if (f.context.roomAreaSquareMetres() == null || f.context.roomAreaSquareMetres() <= 0) {
                reject("no-room-area");
                return;
            }
            Derivation d = engine(new Query.RoomSize(1));
            accept(new Draft(t, Templates.roomSize(), d.answer(), List.of(), List.of(), Map.of(), d.trace()));
        }

        void closestOfFour(List<LayoutObject> p, boolean centres) {
            LayoutObject target = p.get(0);
            List<String> choices = p.subList(1, 5).stream().map(LayoutObject::label).toList();
            double[] d = new double[4];
            for (int i = 0; i < 4; i++) {
                LayoutObject c = p.get(i + 1);
                d[i] = centres ? target.center().distanceTo(c.center())
                        : target.hasHeight() && c.hasHeight() ? target.prism().distanceTo(c.prism())
                                : target.footprint().distanceTo(c.footprint());
            }
            double[] sorted = d.clone();
            java.util.Arrays.sort(sorted);
            if (sorted[1] - sorted[0] < Math.max(th.relDistanceMarginMetres(), th.relDistanceMarginRatio()
                    * sorted[0])) {
                reject("runner-up-too-close");
                return;
            }
            Derivation der = engine(new Query.RelDistance(target.label(), choices, centres, true));
            List<String> others = new ArrayList<>(choices);
            others.remove(der.answer());
            List<QuestionObject> objs = new ArrayList<>();
            objs.add(obj(target, "target"));
            for (int i = 1; i < 5; i++) {
                objs.add(obj(p.get(i), "choice"));
            }
            String text = centres ? Templates.nearestCenter(List.of(CHOICES), target.label())
                    : Templates.relDistance(List.of(CHOICES), target.label());
            dev.v2l.layout.Layout layout = f.in.layout();
            EngineContext ctx = f.context;
            String targetLabel = target.label();
            accept(new Draft(t, text, der.answer(), others, objs, Map.of(), der.trace(),
                    order -> SpatialEngine.answer(new Query.RelDistance(targetLabel, order, centres, true), layout, ctx)
                            .trace()));
        }

        void relDirection(List<LayoutObject> p) {
            LayoutObject s = p.get(0);
            LayoutObject fc = p.get(1);
            LayoutObject q = p.get(2);
            Vec2 forward = fc.center().minus(s.center());
            Vec2 v = q.center().minus(s.center());
            if (forward.length() < th.minSeparationMetres()) {
                reject("facing-too-close");
                return;
            }
            if (v.length() < th.minSeparationMetres()) {
                reject("query-too-close");
                return;
            }
            double a = Math.abs(Directions.angleRightOf(forward, v));
            Query.DirectionGranularity g;
            List<String> set;
            double margin;
            String text;
            switch (t) {
                case OBJECT_REL_DIRECTION_EASY -> {
                    g = Query.DirectionGranularity.EASY;
                    set = EASY;
                    margin = Math.min(a, 180 - a);
                    text = Templates.relDirectionEasy(s.label(), fc.label(), q.label());
                }
                case OBJECT_REL_DIRECTION_MEDIUM -> {
                    g = Query.DirectionGranularity.MEDIUM;
                    set = MEDIUM;
                    margin = Math.min(a, Math.abs(a - Directions.BACK_DEGREES));
                    text = Templates.relDirectionMedium(s.label(), fc.label(), q.label());
                }
                default -> {
                    g = Query.DirectionGranularity.HARD;
                    set = HARD;
                    margin = Math.min(Math.min(a, Math.abs(a - 90)), 180 - a);
                    text = Templates.relDirectionHard(s.label(), fc.label(), q.label());
                }
            }
            if (margin < th.angleMarginDegrees()) {
                reject("near-boundary");
                return;
            }
            Derivation d = engine(new Query.RelDirection(s.label(), fc.label(), q.label(), g));
            accept(new Draft(t, text, d.answer(), othersInRandomOrder(set, d.answer()),
                    List.of(obj(s, "standing"), obj(fc, "facing"), obj(q, "query")), Map.of(), d.trace()));
        }

        void frameDirection(List<LayoutObject> p) {
            LayoutObject a = p.get(0);
            LayoutObject b = p.get(1);
            LayoutObject c = p.get(2);
            LayoutObject dd = p.get(3);
            Query.FrameRule rule = t == QuestionType.VERTICAL_DIRECTION ? Query.FrameRule.VECTOR_FORWARD
                    : rnd.nextBoolean() ? Query.FrameRule.B_LEFT_OF_A : Query.FrameRule.B_RIGHT_OF_A;
            Vec2 ab = b.center().minus(a.center());
            Vec2 v = c.center().minus(dd.center());
            if (ab.length() < th.minSeparationMetres()) {
                reject("forward-too-short");
                return;
            }
            if (v.length() < th.minSeparationMetres()) {
                reject("query-too-close");
                return;
            }
            double ang = Math.abs(Directions.angleRightOf(Directions.frameForward(rule, ab), v));
            if (Math.min(Math.min(ang, Math.abs(ang - 90)), 180 - ang) < th.angleMarginDegrees()) {
                reject("near-boundary");
                return;
            }
            Derivation d = engine(new Query.FrameDirection(a.label(), b.label(), c.label(), dd.label(), rule));
            String side = rule == Query.FrameRule.B_LEFT_OF_A ? "left" : "right";
            String text = rule == Query.FrameRule.VECTOR_FORWARD
                    ? Templates.verticalDirection(a.label(), b.label(), c.label(), dd.label())
                    : Templates.horizontalDirection(a.label(), b.label(), side, c.label(), dd.label());
            Map<String, String> params = rule == Query.FrameRule.VECTOR_FORWARD ? Map.of() : Map.of("side", side);
            accept(new Draft(t, text, d.answer(), othersInRandomOrder(QUADRANTS, d.answer()),
                    List.of(obj(a, "a"), obj(b, "b"), obj(c, "c"), obj(dd, "d")), params, d.trace()));
        }

        void route(List<LayoutObject> p) {
            for (int i = 1; i < p.size(); i++) {
                if (p.get(i).center().distanceTo(p.get(i - 1).center()) < th.minSeparationMetres()) {
                    reject("leg-too-short");
                    return;
                }
            }
            for (int i = 1; i + 1 < p.size(); i++) {
                Vec2 in = p.get(i).center().minus(p.get(i - 1).center());
                Vec2 outv = p.get(i + 1).center().minus(p.get(i).center());
                double a = Math.abs(dev.v2l.geom.Angles.signedDegrees(in, outv));
                if (a < 30 + th.angleMarginDegrees()) {
                    reject("turn-too-small");
                    return;
                }
                if (Math.abs(a - Directions.TURN_BACK_DEGREES) < th.angleMarginDegrees()) {
                    reject("near-boundary");
                    return;
                }
            }
            List<String> waypoints = p.subList(1, p.size()).stream().map(LayoutObject::label).toList();
            Derivation d = engine(new Query.Route(p.get(0).label(), waypoints));
            int turns = p.size() - 2;
            List<String> others = new ArrayList<>();
            int possible = (int) Math.pow(3, turns) - 1;
            int want = Math.min(3, possible);
            Set<String> used = new HashSet<>();
            used.add(d.answer());
            while (others.size() < want) {
                List<String> seq = new ArrayList<>();
                for (int i = 0; i < turns; i++) {
                    seq.add(TURNS.get(rnd.nextInt(3)));
                }
                String s = String.join(", ", seq);
                if (used.add(s)) {
                    others.add(s);
                }
            }
            List<QuestionObject> objs = new ArrayList<>();
            objs.add(obj(p.get(0), "start"));
            for (int i = 1; i < p.size(); i++) {
                objs.add(obj(p.get(i), "waypoint"));
            }
            accept(new Draft(t, Templates.route(p.get(0).label(), waypoints), d.answer(), others, objs, Map.of(),
                    d.trace()));
        }

        void appearanceOrder() {
            List<String> labels = new ArrayList<>();
            for (List<LayoutObject> g : f.byKey.values()) {
                String label = g.get(0).label();
                if (f.firstAppearanceByLabel.containsKey(label)) {
                    labels.add(label);
                }
            }
            if (labels.size() < 4) {
                reject(f.firstAppearanceByLabel.isEmpty() ? "no-appearance-times" : "fewer-than-4-categories-seen");
                return;
            }
            int attempts = 40 * perScene + 40;
            for (int a = 0; a < attempts && out.size() < perScene; a++) {
                List<String> pick = new ArrayList<>(labels);
                shuffle(pick);
                pick = new ArrayList<>(pick.subList(0, 4));
                List<String> key = new ArrayList<>(pick);
                java.util.Collections.sort(key);
                if (!seen.add(String.join("|", key))) {
                    continue;
                }
                double[] times = pick.stream().mapToDouble(f.firstAppearanceByLabel::get).sorted().toArray();
                boolean apart = true;
                for (int i = 1; i < times.length; i++) {
                    apart &= times[i] - times[i - 1] >= th.appearanceGapSeconds();
                }
                if (!apart) {
                    reject("appearance-too-close");
                    continue;
                }
                Derivation d = engine(new Query.AppearanceOrder(pick));
                Set<String> used = new HashSet<>();
                used.add(d.answer());
                List<String> others = new ArrayList<>();
                while (others.size() < 3) {
                    List<String> perm = new ArrayList<>(pick);
                    shuffle(perm);
                    String s = String.join(", ", perm);
                    if (used.add(s)) {
                        others.add(s);
                    }
                }
                List<QuestionObject> objs = new ArrayList<>();
                for (String l : pick) {
                    objs.add(new QuestionObject(l, null, "choice"));
                }
                accept(new Draft(t, Templates.appearanceOrder(pick), d.answer(), others, objs, Map.of(), d.trace()));
            }
        }

        List<String> othersInRandomOrder(List<String> set, String answer) {
            List<String> others = new ArrayList<>(set);
            if (!others.remove(answer)) {
                throw new IllegalStateException("answer '" + answer + "' is not among the options " + set);
            }
            shuffle(others);
            return others;
        }
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
                String text = d.question().replace(CHOICES, String.join(", ", contents));
                out.add(new Question(id, sd.sceneId(), sd.dataset(), d.type(), text, options,
                        String.valueOf((char) ('A' + correct)), reorderChoices(d.objects(), contents), d.params(),
                        d.traceFor(contents), settings));
            }
            return out;
        }
    }
}
