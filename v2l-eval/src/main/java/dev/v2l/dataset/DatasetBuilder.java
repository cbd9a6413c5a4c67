package dev.v2l.dataset;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.v2l.io.Provenance;
import dev.v2l.qa.QuestionGenerator;
import dev.v2l.scene.Scene;
import dev.v2l.source.SceneSource;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
 * rendered ahead on worker threads; samples are built and written in scene order, so the output is the same for any
 * number of threads. Files are written under temporary names and renamed when the build completes.
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
        this.samples = new SampleBuilder(new SampleBuilder.Settings(o.types(), o.perScene(), o.mapForm(),
                o.sampling(), o.thresholds(), o.seed(), true));
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

    public DatasetStats build(SceneSource src, Path out, Provenance provenance, IntConsumer progress)
            throws IOException, InterruptedException {
        long start = System.nanoTime();
        Files.createDirectories(out);
        Map<String, String> split = splits(src.ids(), o.split(), o.seed());
        Map<String, BufferedWriter> writers = new LinkedHashMap<>();
        Map<String, Path[]> files = new LinkedHashMap<>();
        for (Exporter f : o.formats()) {
            Path dir = out.resolve(f.code());
            Files.createDirectories(dir);
            for (String s : SPLITS) {
                Path file = dir.resolve(s + ".jsonl");
                Path tmp = dir.resolve("." + s + ".jsonl.tmp");
                writers.put(f.code() + "/" + s, Files.newBufferedWriter(tmp, StandardCharsets.UTF_8));
                files.put(f.code() + "/" + s, new Path[] {tmp, file});
            }
        }
        DatasetStats stats = new DatasetStats();
        QuestionGenerator.Finisher finisher = finisher();
        OutputFiles output = OutputFiles.local(out);
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, o.threads()), r -> {
            Thread t = new Thread(r, "dataset-render");
            t.setDaemon(true);
            return t;
        });
        record Ready(Scene scene, SceneFrames frames) {
        }
        try {
            List<String> ids = src.ids();
            Deque<Future<Ready>> window = new ArrayDeque<>();
            int next = 0;
            int done = 0;
            while (next < ids.size() || !window.isEmpty()) {
                while (next < ids.size() && window.size() < 2 * Math.max(1, o.threads())) {
                    String id = ids.get(next++);
                    window.add(pool.submit(() -> {
                        Scene s = src.scene(id);
                        return new Ready(s, SceneFrames.of(s, src.kind(), o, output));
                    }));
                }
                Ready r = get(window.poll());
                String sp = split.get(r.scene().id());
                SceneSamples res = sceneSamples(r.scene(), r.frames(), sp, finisher);
                stats.merge(res.stats());
                for (Sample smp : res.samples()) {
                    for (Exporter f : o.formats()) {
                        BufferedWriter w = writers.get(f.code() + "/" + sp);
                        w.write(f.line(smp));
                        w.write('\n');
                    }
                }
                progress.accept(++done);
            }
        } finally {
            pool.shutdownNow();
            for (BufferedWriter w : writers.values()) {
                w.close();
            }
        }
        for (Path[] p : files.values()) {
            Files.move(p[0], p[1], StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        writeExtras(output, stats, provenance, start);
        return stats;
    }

    /** A fresh letter balancer for this build's questions (see {@link QuestionGenerator.Finisher}). */
    public QuestionGenerator.Finisher finisher() {
        return finisher(Map.of());
    }

    /** A letter balancer that goes on from a state {@link QuestionGenerator.Finisher#counters()} gave. */
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
            SampleBuilder.Result res = samples.build(scene, frames.observation(),
                    frames.imageDir() == null ? null : frames::image, n, split, finisher);
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
        return sb.toString();
    }


}
