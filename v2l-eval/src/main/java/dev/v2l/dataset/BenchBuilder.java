package dev.v2l.dataset;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.v2l.io.BadInputException;
import dev.v2l.io.CameraTrackJson;
import dev.v2l.io.Provenance;
import dev.v2l.layout.MapFrame;
import dev.v2l.layout.text.MapForm;
import dev.v2l.qa.QuestionGenerator;
import dev.v2l.qa.QuestionJson;
import dev.v2l.qa.QuestionType;
import dev.v2l.scene.CameraTrack;
import dev.v2l.scene.Scene;
import dev.v2l.source.SceneSource;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntConsumer;

/**
 * QVS-Bench-style diagnostic benchmarks: near-equal shares per frame count, a fixed task mix (the paper's by
 * default: 25 % vertical direction, 25 % horizontal direction, 12.5 % each of min distance, object size, nearest
 * centre and counting), every question about objects its frames show, and beside each item the true map of those
 * frames (extended form, first-camera frame) for map scoring. Items are {@code bench.jsonl}; same seed, same bytes.
 */
public final class BenchBuilder {

    /** Video2Layout's QVS-Bench mix (the QVS types' {@link QuestionType#mixWeight}s). */
    public static final Map<QuestionType, Double> QVS_MIX = mixFor(QuestionType.family(QuestionType.Family.QVS));

    /**
     * The family's mix ({@link QuestionType#mixWeight}, normalised, in registry order) when the types are exactly
     * one whole family — the paper's mix for QVS, equal shares for VSI — and equal shares in the given order
     * otherwise.
     */
    public static Map<QuestionType, Double> mixFor(List<QuestionType> types) {
        Map<QuestionType, Double> m = new LinkedHashMap<>();
        for (QuestionType.Family f : QuestionType.Family.values()) {
            List<QuestionType> family = QuestionType.family(f);
            if (types.size() == family.size() && family.containsAll(types)) {
                double sum = 0;
                for (QuestionType t : family) {
                    sum += t.mixWeight();
                }
                for (QuestionType t : family) {
                    m.put(t, t.mixWeight() / sum);
                }
                return m;
            }
        }
        for (QuestionType t : types) {
            m.put(t, 1.0 / types.size());
        }
        return m;
    }

    private final DatasetOptions o;
    private final int size;
    private final Map<QuestionType, Double> mix;

    public BenchBuilder(DatasetOptions options, int size, Map<QuestionType, Double> mix) {
        if (size < 1) {
            throw new BadInputException(null, null, null, "--items must be at least 1, got " + size);
        }
        this.o = options;
        this.size = size;
        this.mix = mix;
    }

    /** Quotas per frame count and type: size split evenly over frame counts, then by the mix (largest remainder). */
    Map<Integer, Map<QuestionType, Integer>> quotas() {
        Map<Integer, Map<QuestionType, Integer>> q = new LinkedHashMap<>();
        int nf = o.frameCounts().size();
        for (int i = 0; i < nf; i++) {
            int perFrame = size / nf + (i < size % nf ? 1 : 0);
            Map<QuestionType, Integer> m = QuestionType.newMap();
            int given = 0;
            List<Map.Entry<QuestionType, Double>> rem = new ArrayList<>();
            for (Map.Entry<QuestionType, Double> e : mix.entrySet()) {
                int c = (int) Math.floor(perFrame * e.getValue());
                m.put(e.getKey(), c);
                given += c;
                rem.add(Map.entry(e.getKey(), perFrame * e.getValue() - c));
            }
            rem.sort((a, b) -> Double.compare(b.getValue(), a.getValue()));
            for (int k = 0; given < perFrame && k < rem.size(); k++, given++) {
                m.merge(rem.get(k).getKey(), 1, Integer::sum);
            }
            q.put(o.frameCounts().get(i), m);
        }
        return q;
    }

    /** A scene's frames for a build: rendered where the build runs (the CLI), or looked up (the Spark job). */
    public interface FrameSource {
        SceneFrames frames(Scene scene) throws IOException;
    }

    /** Builds the benchmark; returns items per frame count and type (a shortfall means the scenes ran out). */
    public Map<Integer, Map<QuestionType, Integer>> build(SceneSource src, Path out, Provenance provenance,
            IntConsumer progress) throws IOException {
        Files.createDirectories(out);
        OutputFiles files = OutputFiles.local(out);
        // Depth beside the frames: models that place what they see in metric space (the detector baseline) read it
        // with the item's cameras.
        return build(src, files, scene -> SceneFrames.of(scene, src.kind(), o, files, true), provenance, progress);
    }

    /**
     * Builds the benchmark into {@code out}, asking {@code frameSource} for each scene's frames in the source's order
     * until the quotas are filled: the one selection loop of every runner.
     */
    public Map<Integer, Map<QuestionType, Integer>> build(SceneSource src, OutputFiles out, FrameSource frameSource,
            Provenance provenance, IntConsumer progress) throws IOException {
        long start = System.nanoTime();
        Map<Integer, Map<QuestionType, Integer>> want = quotas();
        Map<Integer, Map<QuestionType, Integer>> have = new TreeMap<>();
        // Items whose answer the stored true map (extended form, 2 decimals) would not give are dropped: the oracle,
        // the engine answering from gt_layout, must score 100 %.
        SampleBuilder builder = new SampleBuilder(new SampleBuilder.Settings(new ArrayList<>(mix.keySet()), 4,
                MapForm.EXTENDED, o.sampling(), o.thresholds(), o.seed(), true));
        Map<String, Integer> drops = new TreeMap<>();
        QuestionGenerator.Finisher finisher = new QuestionGenerator.Finisher(new QuestionGenerator(
                new ArrayList<>(mix.keySet()), 1, o.seed(), o.thresholds()).settings());
        int scenes = 0;
        // The balance rule (AnswerBalance): items whose answer class is full are held back, and used only when the
        // scenes run out before the quotas are met.
        Map<QuestionType, Integer> totals = QuestionType.newMap();
        want.values().forEach(m -> m.forEach((t, c) -> totals.merge(t, c, Integer::sum)));
        AnswerBalance balance = new AnswerBalance(totals);
        AnswerStats answers = new AnswerStats();
        Map<Integer, Map<QuestionType, List<Held>>> heldBack = new TreeMap<>();
        Map<QuestionType, int[]> candidates = QuestionType.newMap();
        int relaxed = 0;
        try (OutputFiles.Pending file = out.create("bench.jsonl")) {
            BufferedWriter w = new BufferedWriter(new OutputStreamWriter(file.stream(), StandardCharsets.UTF_8));
            // Quotas are checked before the next scene is asked for: a source may render scenes when asked.
            java.util.Iterator<String> ids = src.ids().iterator();
            while (!filled(want, have) && ids.hasNext()) {
                String id = ids.next();
                Scene scene = src.scene(id);
                credits.add(scene);
                SceneFrames frames = frameSource.frames(scene);
                scenes++;
                for (int n : o.frameCounts()) {
                    Map<QuestionType, Integer> left = QuestionType.newMap();
                    Map<QuestionType, Integer> got = have.computeIfAbsent(n, k -> QuestionType.newMap());
                    // Spread each frame count's items over scenes: at most a few of a type from one scene. (Drafting
                    // more than are taken would skew the letters: options are lettered in drafting order.)
                    want.get(n).forEach((t, c) -> left.put(t, Math.min(PER_SCENE, c - got.getOrDefault(t, 0))));
                    if (left.values().stream().allMatch(c -> c <= 0)) {
                        continue;
                    }
                    SampleBuilder.Result r = builder.build(scene, frames, n, "test", finisher, left);
                    r.drops().forEach((k, v) -> drops.merge(k, v, Integer::sum));
                    r.drafted().forEach((t, c) -> candidates.computeIfAbsent(t, k -> new int[2])[0] += c);
                    Map<QuestionType, Integer> fromScene = QuestionType.newMap();
                    for (Sample s : r.samples()) {
                        QuestionType t = s.question().type();
                        candidates.computeIfAbsent(t, k -> new int[2])[1]++;
                        if (got.getOrDefault(t, 0) >= want.get(n).getOrDefault(t, 0)
                                || fromScene.getOrDefault(t, 0) >= PER_SCENE) {
                            continue;
                        }
                        String line = item(s, frames.track(scene, s.frameIndices(), MapFrame.FIRST_CAMERA));
                        if (balance.admits(s.question())) {
                            balance.add(s.question());
                            answers.add(s.question());
                            got.merge(t, 1, Integer::sum);
                            fromScene.merge(t, 1, Integer::sum);
                            w.write(line);
                            w.write('\n');
                        } else {
                            List<Held> h = heldBack.computeIfAbsent(n, k -> QuestionType.newMap())
                                    .computeIfAbsent(t, k -> new ArrayList<>());
                            if (h.size() < want.get(n).getOrDefault(t, 0)) {
                                h.add(new Held(s, line));
                            }
                        }
                    }
                }
                progress.accept(scenes);
            }
            // The scenes ran out: fill what is missing with held-back items, in the order they came.
            for (int n : o.frameCounts()) {
                Map<QuestionType, Integer> got = have.computeIfAbsent(n, k -> QuestionType.newMap());
                for (Map.Entry<QuestionType, List<Held>> e : heldBack.getOrDefault(n, Map.of()).entrySet()) {
                    for (Held h : e.getValue()) {
                        if (got.getOrDefault(e.getKey(), 0) >= want.get(n).getOrDefault(e.getKey(), 0)) {
                            break;
                        }
                        balance.add(h.sample().question());
                        answers.add(h.sample().question());
                        got.merge(e.getKey(), 1, Integer::sum);
                        w.write(h.line());
                        w.write('\n');
                        relaxed++;
                    }
                }
            }
            w.flush();
            file.commit();
        }
        provenance.put("size", size).put("frame_counts", o.frameCounts()).put("mix", mixNames())
                .put("scenes_used", scenes).put("dropped", drops).put("balance_relaxed", relaxed);
        out.write("stats.json", DatasetBuilder.utf8(stats(candidates, answers, relaxed)));
        out.write("bench_card.md", DatasetBuilder.utf8(card(want, have, scenes) + balanceSection(answers, relaxed)));
        out.write("provenance.json", DatasetBuilder.utf8(provenance.text(start)));
        return have;
    }

    /** Items from one scene per type and frame count. */
    static final int PER_SCENE = 2;

    /** An item held back by the balance rule: its sample and its bench.jsonl line. */
    private record Held(Sample sample, String line) {
    }

    /** {@code stats.json}: candidates drafted and kept per type, the answer balance and how often it was relaxed. */
    private static String stats(Map<QuestionType, int[]> candidates, AnswerStats answers, int relaxed) {
        ObjectNode root = DatasetBuilder.MAPPER.createObjectNode();
        ObjectNode c = root.putObject("candidates");
        candidates.forEach((t, v) -> c.putObject(t.code()).put("drafted", v[0]).put("kept", v[1]));
        root.set("answers", answers.toJson(DatasetBuilder.MAPPER));
        root.put("balance_relaxed", relaxed);
        root.set("balance_violations", DatasetBuilder.MAPPER.valueToTree(answers.violations()));
        try {
            return DatasetBuilder.MAPPER.writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String balanceSection(AnswerStats answers, int relaxed) {
        return "\n## Answers\n\nThe correct answers per type, the score of the best constant answer (VSI-Bench's "
                + "metric) and of the `blind` model's priors. Balance rule (enforced while building): no answer class "
                + "above 40 % of a type's items — the correct letter (55 % with two options), a direction type's "
                + "correct words (max(40 %, 1/k + 10 %) for k options), a count's value (6 and more as one), any other "
                + "number's ×1.25 log-scale bin." + (relaxed > 0 ? " The scenes ran out: " + relaxed
                        + " held-back items fill the quotas." : "") + "\n\n" + answers.markdown();
    }

    private Map<String, Double> mixNames() {
        Map<String, Double> m = new LinkedHashMap<>();
        mix.forEach((t, v) -> m.put(t.code(), v));
        return m;
    }

    private static boolean filled(Map<Integer, Map<QuestionType, Integer>> want,
            Map<Integer, Map<QuestionType, Integer>> have) {
        for (var e : want.entrySet()) {
            for (var t : e.getValue().entrySet()) {
                if (have.getOrDefault(e.getKey(), Map.of()).getOrDefault(t.getKey(), 0) < t.getValue()) {
                    return false;
                }
            }
        }
        return true;
    }

    /** One bench.jsonl line; {@code cameras} (the frames' poses, intrinsics, depth and map frame) may be null. */
    static String item(Sample s, CameraTrack cameras) {
        ObjectNode n = DatasetBuilder.MAPPER.createObjectNode();
        ObjectNode q = QuestionJson.toNode(s.question());
        n.put("id", s.id());
        n.put("scene_id", s.question().sceneId());
        n.put("dataset", s.question().dataset());
        n.put("frame_count", s.frameCount());
        ArrayNode fi = n.putArray("frame_indices");
        s.frameIndices().forEach(fi::add);
        ArrayNode im = n.putArray("images");
        s.images().forEach(im::add);
        n.put("text_only", s.textOnly());
        n.put("question_type", s.question().type().code());
        n.put("question", s.question().question());
        n.set("options", q.get("options"));
        n.put("ground_truth", s.question().groundTruth());
        n.set("objects", q.get("objects"));
        n.set("params", q.get("params"));
        n.put("gt_layout", s.gtLayout());
        n.put("scene_layout", s.sceneLayout());
        ObjectNode ctx = n.putObject("context");
        if (s.context().roomAreaSquareMetres() != null) {
            ctx.put("room_area", s.context().roomAreaSquareMetres());
        }
        ObjectNode app = ctx.putObject("appearance");
        s.context().firstAppearanceSeconds().forEach(app::put);
        n.put("trace", s.question().trace());
        if (cameras != null) {
            n.set("cameras", CameraTrackJson.toNode(cameras));
        }
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(n);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The furniture models the scenes were rendered with (creators and licences for the card). */
    private final dev.v2l.asset.AssetCredits credits = new dev.v2l.asset.AssetCredits();

    private String card(Map<Integer, Map<QuestionType, Integer>> want, Map<Integer, Map<QuestionType, Integer>> have,
            int scenes) {
        StringBuilder sb = new StringBuilder("# video2layout benchmark\n\n");
        int total = have.values().stream().flatMap(m -> m.values().stream()).mapToInt(Integer::intValue).sum();
        sb.append(String.format(Locale.ROOT, "%d items of %d asked, from %d scenes; frame counts %s; seed %d.%n%n",
                total, size, scenes, o.frameCounts(), o.seed()));
        sb.append("| frame count |");
        mix.keySet().forEach(t -> sb.append(' ').append(t.code()).append(" |"));
        sb.append(" total |\n|---|");
        mix.keySet().forEach(t -> sb.append("---|"));
        sb.append("---|\n");
        for (int n : o.frameCounts()) {
            sb.append("| ").append(n).append(" |");
            int row = 0;
            for (QuestionType t : mix.keySet()) {
                int h = have.getOrDefault(n, Map.of()).getOrDefault(t, 0);
                int wv = want.get(n).getOrDefault(t, 0);
                row += h;
                sb.append(' ').append(h).append(h < wv ? " (of " + wv + ")" : "").append(" |");
            }
            sb.append(' ').append(row).append(" |\n");
        }
        sb.append("\nEach item holds its frames, the question and options, the ground truth, the objects involved, the "
                + "engine's derivation, `gt_layout`: the true map of its frames (room-aligned first-camera frame), `scene_layout`: the whole "
                + "scene's in the same frame, `context` (room area, first appearances) and, for rendered frames, `cameras` "
                + "(each frame's pose and depth image, the intrinsics, the map frame). Items whose answer `gt_layout` "
                + "as stored would not give are dropped, so the oracle scores 100 % — except on room counts "
                + "(`\"scope\": \"room\"`) whose frames miss instances: it counts what they show.\n");
        sb.append(credits.markdown());
        return sb.toString();
    }
}
