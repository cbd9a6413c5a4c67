package dev.v2l.spark;

import dev.v2l.cli.BuildArguments;
import dev.v2l.dataset.BenchBuilder;
import dev.v2l.dataset.SceneFrames;
import dev.v2l.io.BadInputException;
import dev.v2l.io.Provenance;
import dev.v2l.qa.QuestionType;
import dev.v2l.scene.Scene;
import dev.v2l.source.SceneSource;
import java.io.IOException;
import java.io.Serializable;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * {@code bench build} as a Spark job. A benchmark's quotas are global (shares per frame count and type over the
 * whole benchmark, at most two of a type from one scene, scenes taken in order until the quotas are filled), so the
 * selection stays where the CLI has it: the driver runs {@link BenchBuilder}'s own loop, unchanged. What the loop asks
 * of each scene — reading it, rendering its walk-through, writing its images, knowing what each frame shows, the
 * expensive part — is done by the executors, a wave of scenes at a time, ahead of the loop; the loop then draws the
 * questions from those frames exactly as the CLI would. The benchmark is the CLI's, item for item. Images of scenes a
 * wave rendered but the loop did not need are deleted, so the output folder is also the CLI's.
 */
public final class BenchJob {

    /** A scene a wave rendered (or could not read). */
    record Rendered(int index, String id, SceneFramesData frames, String problem) implements Serializable {
    }

    /** What the job made. */
    public record Result(Map<Integer, Map<QuestionType, Integer>> have, int scenesRendered, int scenesUsed,
            List<DatasetJob.Skipped> skipped) {
        public int items() {
            return have.values().stream().flatMap(m -> m.values().stream()).mapToInt(Integer::intValue).sum();
        }
    }

    private final JavaSparkContext sc;
    private final String[] args;
    private final HadoopOutput out;
    private final int wave;

    /**
     * @param wave scenes rendered per wave (0: four per core of the cluster); the loop rarely needs all of the last
     *             wave, so a smaller wave wastes less and a larger one waits less
     */
    public BenchJob(JavaSparkContext sc, String[] args, HadoopOutput out, int wave) {
        this.sc = sc;
        this.args = args.clone();
        this.out = out;
        this.wave = wave > 0 ? wave : 4 * sc.defaultParallelism();
    }

    public Result run(Provenance provenance) throws IOException {
        BuildArguments.Request request = Tasks.request(args);
        SceneSource src = Tasks.source(request.source());
        List<String> ids = src.ids();
        Map<Integer, Rendered> rendered = new HashMap<>();
        Set<String> used = new LinkedHashSet<>();
        List<DatasetJob.Skipped> skipped = new ArrayList<>();
        List<Map<String, String>> skippedList = new ArrayList<>();
        String[] a = args;
        HadoopOutput o = out;
        int parallelism = sc.defaultParallelism();

        /* The source's ids, without the scenes whose input is bad, rendered a wave ahead as the loop walks them. */
        List<String> readable = new AbstractList<>() {
            @Override
            public Iterator<String> iterator() {
                return new Iterator<>() {
                    private int i;

                    @Override
                    public boolean hasNext() {
                        while (i < ids.size()) {
                            if (!rendered.containsKey(i)) {
                                int to = Math.min(ids.size(), i + wave);
                                List<int[]> ranges = Tasks.ranges(to - i, Math.min(to - i, 2 * parallelism));
                                int from = i;
                                sc.parallelize(ranges, ranges.size())
                                        .flatMap(r -> render(a, o, from + r[0], from + r[1]).iterator())
                                        .collect().forEach(x -> rendered.put(x.index(), x));
                            }
                            Rendered r = rendered.get(i);
                            if (r.problem() == null) {
                                return true;
                            }
                            if (skipped.isEmpty()) {
                                provenance.put("skipped_scenes", skippedList);
                            }
                            skipped.add(new DatasetJob.Skipped(r.id(), r.problem()));
                            skippedList.add(Map.of("scene", r.id(), "problem", r.problem()));
                            i++;
                        }
                        return false;
                    }

                    @Override
                    public String next() {
                        if (!hasNext()) {
                            throw new NoSuchElementException();
                        }
                        return ids.get(i++);
                    }
                };
            }

            @Override
            public String get(int index) {
                int k = 0;
                for (String id : this) {
                    if (k++ == index) {
                        return id;
                    }
                }
                throw new IndexOutOfBoundsException(index);
            }

            @Override
            public int size() {
                int k = 0;
                for (Iterator<String> it = iterator(); it.hasNext(); it.next()) {
                    k++;
                }
                return k;
            }
        };
        Map<String, Integer> position = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            position.putIfAbsent(ids.get(i), i);
        }
        SceneSource filtered = new SceneSource() {
            @Override
            public String kind() {
                return src.kind();
            }

            @Override
            public String spec() {
                return src.spec();
            }

            @Override
            public List<String> ids() {
                return readable;
            }

            @Override
            public Scene scene(String id) {
                return src.scene(id);
            }
        };
        BenchBuilder.FrameSource frames = scene -> {
            used.add(scene.id());
            return rendered.get(position.get(scene.id())).frames().toFrames();
        };
        Map<Integer, Map<QuestionType, Integer>> have = new BenchBuilder(request.options(), request.items(),
                request.mix()).build(filtered, out, frames, provenance, done -> { });
        for (Rendered r : rendered.values()) {
            if (r.problem() == null && !used.contains(r.id()) && r.frames().imageDir() != null) {
                out.delete(r.frames().imageDir());
            }
        }
        return new Result(have, rendered.size(), used.size(), skipped);
    }

    /** A wave's task: scenes {@code [from, to)} read, rendered, their images written. */
    private static List<Rendered> render(String[] args, HadoopOutput out, int from, int to) throws IOException {
        BuildArguments.Request request = Tasks.request(args);
        SceneSource src = Tasks.source(request.source());
        List<String> ids = src.ids();
        List<Rendered> done = new ArrayList<>();
        for (int i = from; i < to; i++) {
            String id = ids.get(i);
            try {
                Scene scene = src.scene(id);
                SceneFrames frames = SceneFrames.of(scene, src.kind(), request.options(), out, true);
                done.add(new Rendered(i, id, SceneFramesData.of(frames), null));
            } catch (BadInputException e) {
                done.add(new Rendered(i, id, null, e.getMessage()));
            }
        }
        return done;
    }
}
