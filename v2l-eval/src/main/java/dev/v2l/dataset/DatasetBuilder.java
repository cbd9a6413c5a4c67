package dev.v2l.dataset;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
    public static final List<String> SPLITS = List.of("train", "val", "test");

    private final DatasetOptions o;

    public DatasetBuilder(DatasetOptions options) {
        this.o = options;
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
        SampleBuilder builder = new SampleBuilder(new SampleBuilder.Settings(o.types(), o.perScene(), o.mapForm(),
                o.sampling(), o.thresholds(), o.seed(), false));
        QuestionGenerator.Finisher finisher = new QuestionGenerator.Finisher(new QuestionGenerator(o.types(),
                o.perScene(), o.seed(), o.thresholds()).settings());
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
                        return new Ready(s, SceneFrames.of(s, src.kind(), o, out));
                    }));
                }
                Ready r = get(window.poll());
                String sp = split.get(r.scene().id());
                stats.scenesPerSplit.merge(sp, 1L, Long::sum);
                List<Integer> counts = r.frames().observation() == null ? List.of(0)
                        : r.frames().observation().frames().size() == 1 ? List.of(1) : o.frameCounts();
                for (int n : counts) {
                    SampleBuilder.Result res = builder.build(r.scene(), r.frames(), n, sp, finisher);
                    res.drops().forEach((k, v) -> stats.dropped.merge(k, (long) v, Long::sum));
                    res.stats().rejected().forEach((t, m) -> m.forEach((k, v) -> stats.rejected
                            .computeIfAbsent(t, x -> new java.util.TreeMap<>()).merge(k, v, Long::sum)));
                    for (Sample smp : res.samples()) {
                        stats.add(smp);
                        for (Exporter f : o.formats()) {
                            BufferedWriter w = writers.get(f.code() + "/" + sp);
                            w.write(f.line(smp));
                            w.write('\n');
                        }
                    }
                }
                if (r.frames().imageDir() != null) {
                    stats.images += r.frames().observation().frames().size();
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
        writeExtras(out, stats, provenance, start);
        return stats;
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

    private void writeExtras(Path out, DatasetStats stats, Provenance provenance, long start) throws IOException {
        for (Exporter f : o.formats()) {
            Path dir = out.resolve(f.code());
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
                write(dir.resolve("dataset_info.json"), MAPPER.writeValueAsString(info));
            }
            if (f == Exporter.EASYR1) {
                Path abs = dir.toAbsolutePath();
                write(dir.resolve("easyr1_config.yaml"), String.join("\n",
                        "# Merge into EasyR1's config.yaml (data and reward sections).",
                        "data:",
                        "  train_files: " + abs.resolve("train.jsonl"),
                        "  val_files: " + abs.resolve("val.jsonl"),
                        "  prompt_key: problem",
                        "  answer_key: answer",
                        "  image_key: images",
                        "  image_dir: " + out.toAbsolutePath(),
                        "worker:",
                        "  reward:",
                        "    reward_type: batch",
                        "    reward_function: ./integrations/easyr1/v2l_reward.py:compute_score",
                        ""));
            }
        }
        ObjectNode st = stats.toJson(MAPPER);
        st.set("provenance", provenance.toJson());
        write(out.resolve("stats.json"), MAPPER.writeValueAsString(st));
        write(out.resolve("dataset_card.md"), card(stats));
        provenance.write(out, start);
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

    static void write(Path file, String text) throws IOException {
        Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

}
