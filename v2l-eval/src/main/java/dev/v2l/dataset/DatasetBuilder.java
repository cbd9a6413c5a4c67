package dev.v2l.dataset;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.v2l.io.AtomicFiles;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.v2l.io.Provenance;
import dev.v2l.qa.QuestionGenerator;
import dev.v2l.scene.Scene;
import dev.v2l.source.SceneSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

/**
 * {@code v2l dataset build}: samples from every scene of a source, streamed into the chosen formats, split by scene
 * (no scene in two splits), each format in its own folder ({@code OUT/swift/train.jsonl}, also when only one is
 * chosen) beside {@code OUT/images/}, with {@code stats.json}, {@code dataset_card.md} and {@code provenance.json}. Scenes are
 * rendered ahead on worker threads; samples are built and committed scene by scene in source order (a killed build
 * restarts at the first scene not committed), so the output is the same for any number of threads and for any
 * number of interruptions. Files are written under temporary names and renamed when the build completes; images go
 * to {@code OUT/images/FOLDER/} with collision-free folder names ({@link dev.v2l.io.FolderNames}).
 */
public final class DatasetBuilder {

    static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    /** YAML as people write it: no document marker, quotes only where a value needs them (": ", " #", …). */
    static final YAMLMapper YAML = YAMLMapper.builder().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES).build();
    public static final List<String> SPLITS = List.of("train", "val", "test");

    private final DatasetOptions o;
    private final SampleBuilder samples;

    public DatasetBuilder(DatasetOptions options) {
        this.o = options;
        // Training targets: a number the written map gives within 10 % is the answer; counting only when the frames
        // show every instance (SampleBuilder.Settings#benchmark false).
        this.samples = new SampleBuilder(new SampleBuilder.Settings(o.types(), o.perScene(), o.mapForm(),
                o.sampling(), o.thresholds(), o.seed(), false));
    }

    /** The split of each scene: ids shuffled with the seed, then cut at the fractions. */
    public static Map<String, String> splits(List<String> ids, double[] fractions, long seed) {
        List<String> shuffled = new ArrayList<>(ids);
        Collections.sort(shuffled);
        Collections.shuffle(shuffled, new java.util.Random(seed));
        Map<String, String> out = new LinkedHashMap<>();
        int n = shuffled.size();
        int train = (int) Math.round(n * fractions[0]);
        int val = (int) Math.round(n * (fractions[0] + fractions[1])) - train;
        for (int i = 0; i < n; i++) {
            out.put(shuffled.get(i), i < train ? "train" : i < train + val ? "val" : "test");
        }
        return out;
    }

    /**
     * Builds the dataset into {@code out}, one scene at a time: each scene's samples are committed to
     * {@code out/.parts/} as soon as they are built (see {@link SceneParts}), so a build that is killed restarts at
     * the first scene not committed; the split files are assembled from the parts in scene order at the end, so the
     * result is byte-identical to an uninterrupted build. {@code progress} receives the scenes done so far (starting
     * from those already committed).
     */
    public DatasetStats build(SceneSource src, Path out, Provenance provenance, IntConsumer progress)
            throws IOException, InterruptedException {
        long start = System.nanoTime();
        Files.createDirectories(out);
        List<String> ids = src.ids();
        Map<String, String> split = splits(ids, o.split(), o.seed());
        SceneParts parts = SceneParts.open(out, fingerprint(src));
        int resumed = parts.committed();
        OutputFiles output = OutputFiles.local(out);
        QuestionGenerator.Finisher finisher = finisher();
        if (resumed > 0) {
            finisher.restore(parts.read(resumed - 1).lettering());
            for (int i = 0; i < resumed; i++) {
                credits.add(src.scene(ids.get(i)));   // the card credits every scene's models, committed ones too
            }
            progress.accept(resumed);
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, o.threads()), r -> {
            Thread t = new Thread(r, "dataset-render");
            t.setDaemon(true);
            return t;
        });
        record Ready(Scene scene, SceneFrames frames) {
        }
        try {
            Deque<Future<Ready>> window = new ArrayDeque<>();
            int next = resumed;
            int done = resumed;
            while (next < ids.size() || !window.isEmpty()) {
                while (next < ids.size() && window.size() < 2 * Math.max(1, o.threads())) {
                    String id = ids.get(next++);
                    window.add(pool.submit(() -> {
                        Scene s = src.scene(id);
                        return new Ready(s, SceneFrames.of(s, src.kind(), o, output));
                    }));
                }
                Ready r = get(window.poll());
                credits.add(r.scene());
                parts.commit(done, buildScene(r.scene(), r.frames(), split.get(r.scene().id()), finisher));
                progress.accept(++done);
            }
        } finally {
            pool.shutdownNow();
        }
        DatasetStats stats = assemble(parts, ids.size(), out);
        writeExtras(output, stats, provenance, start);
        parts.delete();
        return stats;
    }

    /**
     * One scene's samples for every frame count, with their lines in every format: the unit of work a build commits
     * (and a distributed build can run anywhere). {@code finisher} letters the options and must see the scenes in
     * source order.
     */
    SceneParts.Part buildScene(Scene scene, SceneFrames frames, String sp, QuestionGenerator.Finisher finisher) {
        SceneSamples ss = sceneSamples(scene, frames, sp, finisher);
        List<SceneParts.Line> lines = new ArrayList<>();
        for (Sample smp : ss.samples()) {
            Map<String, String> byFormat = new LinkedHashMap<>();
            for (Exporter f : o.formats()) {
                byFormat.put(f.code(), f.line(smp));
            }
            lines.add(new SceneParts.Line(smp.question().type(), smp.frameCount(), smp.textOnly(), smp.answer(),
                    byFormat));
        }
        Map<String, Integer> drops = new java.util.TreeMap<>();
        ss.stats().dropped.forEach((k, v) -> drops.put(k, Math.toIntExact(v)));
        return new SceneParts.Part(scene.id(), sp, (int) ss.stats().images, finisher.state(), lines, drops,
                ss.stats().rejected);
    }

    /** The split files of every format from the committed parts, in scene order, and the statistics. */
    private DatasetStats assemble(SceneParts parts, int scenes, Path out) throws IOException {
        DatasetStats stats = new DatasetStats();
        Map<String, AtomicFiles.Output> files = new LinkedHashMap<>();
        try {
            for (Exporter f : o.formats()) {
                for (String s : SPLITS) {
                    files.put(f.code() + "/" + s, AtomicFiles.create(out.resolve(f.code()).resolve(s + ".jsonl")));
                }
            }
            for (int i = 0; i < scenes; i++) {
                SceneParts.Part p = parts.read(i);
                stats.scenesPerSplit.merge(p.split(), 1L, Long::sum);
                stats.images += p.images();
                p.drops().forEach((k, v) -> stats.dropped.merge(k, (long) v, Long::sum));
                p.rejected().forEach((t, m) -> m.forEach((k, v) -> stats.rejected
                        .computeIfAbsent(t, x -> new java.util.TreeMap<>()).merge(k, v, Long::sum)));
                for (SceneParts.Line l : p.samples()) {
                    stats.add(l.type(), l.frameCount(), p.split(), l.textOnly(), l.answer());
                    for (Map.Entry<String, String> e : l.lines().entrySet()) {
                        java.io.Writer w = files.get(e.getKey() + "/" + p.split()).writer();
                        w.write(e.getValue());
                        w.write('\n');
                    }
                }
            }
            for (AtomicFiles.Output f : files.values()) {
                f.commit();
            }
        } finally {
            for (AtomicFiles.Output f : files.values()) {
                f.close(); // without a commit: the temporary file goes
            }
        }
        return stats;
    }

    /** A fresh letter balancer for this build's questions (see {@link QuestionGenerator.Finisher}). */
    public QuestionGenerator.Finisher finisher() {
        return finisher(Map.of());
    }

    /** A letter balancer that goes on from a state {@link QuestionGenerator.Finisher#state()} gave. */
    public QuestionGenerator.Finisher finisher(Map<String, Integer> counters) {
        return new QuestionGenerator.Finisher(new QuestionGenerator(o.types(), o.perScene(), o.seed(),
                o.thresholds()).settings(), counters);
    }

    /** One scene's samples, in the order they are written, and the scene's share of the statistics. */
    public record SceneSamples(List<Sample> samples, DatasetStats stats) {
    }

    /**
     * The samples of one scene of split {@code split}, at every frame count: the per-scene unit of a build. The
     * finisher carries the correct-letter balance from scene to scene; given the same finisher state, the same scene
     * and frames give the same samples wherever this runs.
     */
    public SceneSamples sceneSamples(Scene scene, SceneFrames frames, String split,
            QuestionGenerator.Finisher finisher) {
        DatasetStats stats = new DatasetStats();
        stats.scenesPerSplit.merge(split, 1L, Long::sum);
        List<Sample> out = new ArrayList<>();
        List<Integer> counts = frames.observation() == null ? List.of(0)
                : frames.observation().frames().size() == 1 ? List.of(1) : o.frameCounts();
        for (int n : counts) {
            SampleBuilder.Result res = samples.build(scene, frames, n, split, finisher);
            res.drops().forEach((k, v) -> stats.dropped.merge(k, (long) v, Long::sum));
            res.stats().rejected().forEach((t, m) -> m.forEach((k, v) -> stats.rejected
                    .computeIfAbsent(t, x -> new java.util.TreeMap<>()).merge(k, v, Long::sum)));
            for (Sample smp : res.samples()) {
                stats.add(smp);
                out.add(smp);
            }
        }
        if (frames.imageDir() != null) {
            stats.images += frames.observation().frames().size();
        }
        return new SceneSamples(out, stats);
    }

    /** What the output depends on (not the thread count): a build resumes only parts made the same way. */
    private String fingerprint(SceneSource src) {
        return sha(String.join("|", "v2l-dataset-parts/2", src.spec(),
                String.join(",", src.ids()), o.frameCounts().toString(), o.types().toString(),
                Integer.toString(o.perScene()), o.formats().toString(), o.mapForm().code(),
                java.util.Arrays.toString(o.split()), Long.toString(o.seed()), o.sampling(),
                Integer.toString(o.videoFrames()), Double.toString(o.fps()), o.width() + "x" + o.height(),
                Double.toString(o.fov()), Long.toString(o.maxPixels()), Boolean.toString(o.images())));
    }

    private static String sha(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(
                    text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T get(Future<T> f) throws InterruptedException, IOException {
        try {
            return f.get();
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * Writes what a build has besides its split files: {@code dataset_info.json} (LLaMA-Factory),
     * {@code easyr1_config.yaml}, {@code stats.json}, {@code dataset_card.md} and {@code provenance.json}.
     */
    public void writeExtras(OutputFiles out, DatasetStats stats, Provenance provenance, long start)
            throws IOException {
        for (Exporter f : o.formats()) {
            String dir = f.code() + "/";
            if (f == Exporter.LLAMAFACTORY) {
                ObjectNode info = MAPPER.createObjectNode();
                for (String s : SPLITS) {
                    ObjectNode e = info.putObject("v2l_" + s);
                    e.put("file_name", s + ".jsonl");
                    e.put("formatting", "sharegpt");
                    ObjectNode c = e.putObject("columns");
                    c.put("messages", "conversations");
                    c.put("system", "system");
                    c.put("images", "images");
                }
                out.write(dir + "dataset_info.json", utf8(MAPPER.writeValueAsString(info)));
            }
            if (f == Exporter.EASYR1) {
                ObjectNode config = MAPPER.createObjectNode();
                ObjectNode data = config.putObject("data");
                data.put("train_files", out.location(dir + "train.jsonl"));
                data.put("val_files", out.location(dir + "val.jsonl"));
                data.put("prompt_key", "problem");
                data.put("answer_key", "answer");
                data.put("image_key", "images");
                data.put("image_dir", out.location(""));
                ObjectNode reward = config.putObject("worker").putObject("reward");
                reward.put("reward_type", "batch");
                reward.put("reward_function", "./integrations/easyr1/v2l_reward.py:compute_score");
                out.write(dir + "easyr1_config.yaml", utf8("# Merge into EasyR1's config.yaml (data and reward "
                        + "sections).\n" + YAML.writeValueAsString(config)));
            }
        }
        ObjectNode st = stats.toJson(MAPPER);
        st.set("provenance", provenance.toJson());
        out.write("stats.json", utf8(MAPPER.writeValueAsString(st)));
        out.write("dataset_card.md", utf8(card(stats)));
        out.write("provenance.json", utf8(provenance.text(start)));
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** The furniture models the scenes were rendered with (creators and licences for the card). */
    private final dev.v2l.asset.AssetCredits credits = new dev.v2l.asset.AssetCredits();

    /**
     * Credits a scene's furniture models ({@link dev.v2l.asset.AssetCredits#refs}) in the card {@link #writeExtras}
     * writes: a distributed build's driver, which does not read the scenes itself.
     */
    public void credit(List<dev.v2l.scene.AssetRef> objectModels) {
        credits.add(objectModels);
    }

    private String card(DatasetStats s) {
        StringBuilder sb = new StringBuilder("# video2layout dataset\n\n");
        sb.append(String.format(Locale.ROOT, "%d samples (%d text-only), %d images; map form `%s`; formats %s; "
                + "frame counts %s; sampling %s; seed %d.%n%n", s.samples, s.textOnly, s.images, o.mapForm().code(),
                o.formats().stream().map(Exporter::code).toList(), o.frameCounts(), o.sampling(), o.seed()));
        sb.append("Each target is `<map>…</map><think>…</think><answer>…</answer>`: the true map of what the sample's "
                + "frames show (first chosen frame's camera frame), the derivation computed from that map as written, "
                + "and the answer. Splits are by scene.\n\n");
        sb.append("| split | scenes | samples |\n|---|---|---|\n");
        for (String sp : SPLITS) {
            sb.append("| ").append(sp).append(" | ").append(s.scenesPerSplit.getOrDefault(sp, 0L)).append(" | ")
                    .append(s.perSplit.getOrDefault(sp, 0L)).append(" |\n");
        }
        sb.append("\n| question type | samples | correct letters |\n|---|---|---|\n");
        s.perType.forEach((t, c) -> sb.append("| ").append(t).append(" | ").append(c).append(" | ")
                .append(s.letters.containsKey(t) ? s.letters.get(t).toString() : "numeric").append(" |\n"));
        sb.append("\n| frame count | samples |\n|---|---|\n");
        s.perFrameCount.forEach((n, c) -> sb.append("| ").append(n).append(" | ").append(c).append(" |\n"));
        sb.append("\nDropped samples (reason: count): ").append(s.dropped.isEmpty() ? "none" : s.dropped.toString())
                .append("\n\nSee `stats.json` for answer distributions and rejected question candidates, and "
                        + "`provenance.json` for how this was made.\n");
        sb.append(credits.markdown());
        return sb.toString();
    }


}
