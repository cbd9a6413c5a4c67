package dev.v2l.spark;

import dev.v2l.cli.BuildArguments;
import dev.v2l.dataset.DatasetBuilder;
import dev.v2l.dataset.DatasetStats;
import dev.v2l.dataset.Exporter;
import dev.v2l.dataset.OutputFiles;
import dev.v2l.dataset.Sample;
import dev.v2l.dataset.SceneFrames;
import dev.v2l.io.BadInputException;
import dev.v2l.io.Provenance;
import dev.v2l.asset.AssetCredits;
import dev.v2l.qa.QuestionGenerator;
import dev.v2l.scene.AssetRef;
import dev.v2l.scene.Scene;
import dev.v2l.source.SceneSource;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Serializable;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.storage.StorageLevel;

/**
 * {@code dataset build} as a Spark job, in two stages over contiguous ranges of the source's scenes.
 *
 * <ol>
 *   <li>Each task reads or generates its scenes, renders them (writing their images), and builds their samples once
 *       to count the multiple-choice questions each adds to the correct-letter balance. Scenes whose input is bad
 *       are kept aside with the reason (file and line).</li>
 *   <li>The driver splits the good scenes (the CLI's {@link DatasetBuilder#splits}) and sums the letter counts in
 *       scene order, so each scene knows the balancer's state the CLI would reach before it. Each task then builds
 *       its scenes' samples from that state with {@link DatasetBuilder#sceneSamples}, the CLI's own per-scene unit,
 *       and commits each scene's records as one file, atomically, under a name fixed by the scene's position.</li>
 * </ol>
 *
 * The driver concatenates the scene files in scene order into {@code FORMAT/SPLIT.jsonl} and writes the CLI's
 * {@code stats.json}, cards and provenance: the output is the CLI's, file for file. A retried task rewrites the same
 * files with the same bytes, so nothing is written twice.
 */
public final class DatasetJob {

    /** Where tasks commit their scenes' records until the driver has gathered them. */
    static final String PARTS = ".v2l-parts";

    /** A test's way to fail a task after a scene (stage 1 or 2) is done. */
    interface Hook extends Serializable {
        void after(int stage, int sceneIndex) throws Exception;
    }

    /** A scene after the first stage. */
    record Prepared(int index, String id, SceneFramesData frames, Map<String, Integer> letterCounts,
            List<AssetRef> assets, String problem) implements Serializable {
        Prepared summary() {
            return new Prepared(index, id, null, letterCounts, assets, problem);
        }
    }

    /** A scene's committed records: how many lines of each format, and its statistics. */
    record Part(int index, String split, Map<String, Integer> lines, DatasetStats stats) implements Serializable {
    }

    /** A scene left out because its input is bad. */
    public record Skipped(String id, String problem) implements Serializable {
    }

    /** What the job made. */
    public record Result(DatasetStats stats, int scenes, List<Skipped> skipped) {
    }

    private final JavaSparkContext sc;
    private final String[] args;
    private final HadoopOutput out;
    private final int partitions;
    private final Hook hook;

    /**
     * @param args       the CLI's arguments ({@code dataset build SOURCE … --out DIR})
     * @param out        the output folder ({@code --out}) on its file system
     * @param partitions tasks per stage (0: four per core of the cluster)
     */
    public DatasetJob(JavaSparkContext sc, String[] args, HadoopOutput out, int partitions) {
        this(sc, args, out, partitions, null);
    }

    DatasetJob(JavaSparkContext sc, String[] args, HadoopOutput out, int partitions, Hook hook) {
        this.sc = sc;
        this.args = args.clone();
        this.out = out;
        this.partitions = partitions;
        this.hook = hook;
    }

    public Result run(Provenance provenance) throws IOException {
        long start = System.nanoTime();
        BuildArguments.Request request = Tasks.request(args);
        SceneSource src = Tasks.source(request.source());
        int n = src.ids().size();
        int p = partitions > 0 ? partitions : 4 * sc.defaultParallelism();
        List<int[]> ranges = Tasks.ranges(n, p);
        String[] a = args;
        HadoopOutput o = out;
        Hook h = hook;
        out.delete(PARTS);

        JavaRDD<Prepared> prepared = sc.parallelize(ranges, Math.max(1, ranges.size()))
                .flatMap(r -> prepare(a, o, h, r[0], r[1]).iterator())
                .persist(StorageLevel.MEMORY_AND_DISK());
        List<Prepared> summaries = prepared.map(Prepared::summary).collect();

        List<String> good = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        Map<Integer, Map<String, Integer>> before = new HashMap<>();
        Map<String, Integer> running = new TreeMap<>();
        for (Prepared s : summaries) {
            if (s.problem() != null) {
                skipped.add(new Skipped(s.id(), s.problem()));
                continue;
            }
            good.add(s.id());
            before.put(s.index(), new TreeMap<>(running));
            s.letterCounts().forEach((k, v) -> running.merge(k, v, Integer::sum));
        }
        Map<String, String> split = new HashMap<>(DatasetBuilder.splits(good, request.options().split(),
                request.options().seed()));
        Broadcast<Map<Integer, Map<String, Integer>>> beforeB = sc.broadcast(before);
        Broadcast<Map<String, String>> splitB = sc.broadcast(split);

        List<Part> parts = prepared.mapPartitions(it -> {
            List<Part> done = new ArrayList<>();
            while (it.hasNext()) {
                Prepared s = it.next();
                if (s.problem() == null) {
                    done.add(commit(a, o, h, s, beforeB.value().get(s.index()), splitB.value().get(s.id())));
                }
            }
            return done.iterator();
        }).collect();
        prepared.unpersist(false);
        beforeB.destroy();
        splitB.destroy();

        DatasetStats stats = gather(request, parts);
        if (!skipped.isEmpty()) {
            List<Map<String, String>> list = new ArrayList<>();
            for (Skipped s : skipped) {
                list.add(Map.of("scene", s.id(), "problem", s.problem()));
            }
            provenance.put("skipped_scenes", list);
        }
        DatasetBuilder builder = new DatasetBuilder(request.options());
        for (Prepared s : summaries) {
            if (s.problem() == null) {
                builder.credit(s.assets()); // the card credits the furniture models, as the CLI's does
            }
        }
        builder.writeExtras(out, stats, provenance, start);
        out.delete(PARTS);
        return new Result(stats, good.size(), skipped);
    }

    /** Stage 1 for scenes {@code [from, to)}. */
    private static List<Prepared> prepare(String[] args, HadoopOutput out, Hook hook, int from, int to)
            throws Exception {
        BuildArguments.Request request = Tasks.request(args);
        SceneSource src = Tasks.source(request.source());
        DatasetBuilder builder = new DatasetBuilder(request.options());
        List<String> ids = src.ids();
        List<Prepared> done = new ArrayList<>();
        for (int i = from; i < to; i++) {
            String id = ids.get(i);
            Scene scene;
            SceneFrames frames;
            try {
                scene = src.scene(id);
                frames = SceneFrames.of(scene, src.kind(), request.options(), out);
            } catch (BadInputException e) {
                done.add(new Prepared(i, id, null, Map.of(), List.of(), e.getMessage()));
                continue;
            }
            // The split does not change what is asked or lettered; the letters' state does not change the counts.
            QuestionGenerator.Finisher counter = builder.finisher();
            builder.sceneSamples(scene, frames, DatasetBuilder.SPLITS.get(0), counter);
            done.add(new Prepared(i, id, SceneFramesData.of(frames), counter.state(),
                    new ArrayList<>(AssetCredits.refs(scene)), null));
            if (hook != null) {
                hook.after(1, i);
            }
        }
        return done;
    }

    /** Stage 2 for one scene: its samples from the balancer's state before it, committed as one file. */
    private static Part commit(String[] args, HadoopOutput out, Hook hook, Prepared s, Map<String, Integer> before,
            String split) throws Exception {
        BuildArguments.Request request = Tasks.request(args);
        SceneSource src = Tasks.source(request.source());
        DatasetBuilder builder = new DatasetBuilder(request.options());
        Scene scene = src.scene(s.id());
        QuestionGenerator.Finisher finisher = builder.finisher(before);
        DatasetBuilder.SceneSamples ss = builder.sceneSamples(scene, s.frames().toFrames(), split, finisher);
        Map<String, Integer> expected = new TreeMap<>(before);
        s.letterCounts().forEach((k, v) -> expected.merge(k, v, Integer::sum));
        if (!finisher.state().equals(expected)) {
            throw new IllegalStateException("scene " + s.id() + " lettered " + finisher.state() + " questions, "
                    + "expected " + expected + ": its questions changed between the stages");
        }
        Map<String, Integer> lines = new LinkedHashMap<>();
        try (OutputFiles.Pending file = out.create(partName(s.index()))) {
            Writer w = new BufferedWriter(new OutputStreamWriter(file.stream(), StandardCharsets.UTF_8));
            ObjectNode header = MAPPER.createObjectNode().put("index", s.index()).put("scene", s.id())
                    .put("split", split).put("samples", ss.samples().size());
            w.write(MAPPER.writeValueAsString(header));
            w.write('\n');
            for (Exporter f : request.options().formats()) {
                for (Sample smp : ss.samples()) {
                    w.write(f.line(smp));
                    w.write('\n');
                }
                lines.put(f.code(), ss.samples().size());
            }
            w.flush();
            file.commit();
        }
        if (hook != null) {
            hook.after(2, s.index());
        }
        return new Part(s.index(), split, lines, ss.stats());
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();

    static String partName(int index) {
        return PARTS + "/" + String.format(Locale.ROOT, "%09d.jsonl", index);
    }

    /** The driver's part: the split files in scene order, and the statistics of all scenes. */
    private DatasetStats gather(BuildArguments.Request request, List<Part> parts) throws IOException {
        List<Part> ordered = new ArrayList<>(parts);
        ordered.sort(java.util.Comparator.comparingInt(Part::index));
        DatasetStats stats = new DatasetStats();
        List<Exporter> formats = request.options().formats();
        Map<String, OutputFiles.Pending> files = new LinkedHashMap<>();
        Map<String, Writer> writers = new HashMap<>();
        try {
            for (Exporter f : formats) {
                for (String sp : DatasetBuilder.SPLITS) {
                    OutputFiles.Pending file = out.create(f.code() + "/" + sp + ".jsonl");
                    files.put(f.code() + "/" + sp, file);
                    writers.put(f.code() + "/" + sp, new BufferedWriter(new OutputStreamWriter(file.stream(),
                            StandardCharsets.UTF_8), 1 << 16));
                }
            }
            for (Part part : ordered) {
                stats.merge(part.stats());
                try (BufferedReader r = new BufferedReader(new InputStreamReader(out.open(partName(part.index())),
                        StandardCharsets.UTF_8))) {
                    r.readLine();
                    for (Exporter f : formats) {
                        Writer w = writers.get(f.code() + "/" + part.split());
                        int count = part.lines().get(f.code());
                        for (int k = 0; k < count; k++) {
                            String line = r.readLine();
                            if (line == null) {
                                throw new IOException(out.location(partName(part.index())) + " ends early");
                            }
                            w.write(line);
                            w.write('\n');
                        }
                    }
                }
            }
            for (Map.Entry<String, OutputFiles.Pending> e : files.entrySet()) {
                writers.get(e.getKey()).flush();
                e.getValue().commit();
            }
        } finally {
            for (OutputFiles.Pending f : files.values()) {
                f.close();
            }
        }
        return stats;
    }
}
