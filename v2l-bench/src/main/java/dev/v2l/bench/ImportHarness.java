package dev.v2l.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.v2l.importer.BenchImport;
import dev.v2l.scene.Scene;
import dev.v2l.scene.SceneObject;
import java.io.File;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * A VSI-Bench-sized import: 5,000 questions over the 288 scenes of VSI-Bench's meta_info, each scene's video a link
 * to {@code --video}, imported at 8, 16 and 32 frames with lmms-eval's sampling; then the same command again (every
 * video already extracted: the resume path). Prints wall time, questions and videos per second.
 */
final class ImportHarness {

    private ImportHarness() {
    }

    static void run(PrintWriter out, Path video, Path meta, int questions, int threads, long seed) throws Exception {
        Path tmp = Files.createTempDirectory("v2l-bench-import");
        try {
            Map<String, Scene> scenes = new TreeMap<>(BenchImportScenes.all(meta));
            Path videos = tmp.resolve("videos");
            for (Scene s : scenes.values()) {
                Path link = videos.resolve(s.dataset()).resolve(s.id() + ".mp4");
                Files.createDirectories(link.getParent());
                Files.createSymbolicLink(link, video.toAbsolutePath());
            }
            Path file = tmp.resolve("test.jsonl");
            writeQuestions(file, new ArrayList<>(scenes.values()), questions, seed);
            BenchImport.Options o = new BenchImport.Options(List.of(file), videos, List.of(8, 16, 32), "uniform-floor",
                    BenchImport.Subset.FULL, null, List.of(meta), threads, "jpg", 0, 0);
            out.printf(Locale.ROOT, "vsi-import: %d questions over %d videos (each a link to %s), frames 8,16,32, %d "
                    + "threads%n", questions, scenes.size(), video, threads);
            for (String round : List.of("cold", "resume")) {
                long t0 = System.nanoTime();
                BenchImport.Outcome r = BenchImport.vsiBench(o, tmp.resolve("bench"), new BenchImport.Listener() {
                    @Override
                    public void start(int v, int done) {
                    }

                    @Override
                    public void videoDone(int finished, int failed) {
                    }
                });
                double s = (System.nanoTime() - t0) / 1e9;
                out.printf(Locale.ROOT, "%-7s %7.1f s  %6.0f questions/s  %5.1f videos/s  (%d items, %d videos reused, "
                        + "%d problems)%n", round, s, r.questions() / s, r.videos() / s, r.items(), r.reused(),
                        r.problems().size());
                out.flush();
            }
        } finally {
            try (var s = Files.walk(tmp)) {
                s.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    /** Counting, size and distance questions in VSI-Bench's wording about each scene's objects. */
    static void writeQuestions(Path file, List<Scene> scenes, int n, long seed) throws Exception {
        ObjectMapper m = new ObjectMapper();
        SplittableRandom rnd = new SplittableRandom(seed);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            Scene s = scenes.get(i % scenes.size());
            List<SceneObject> objs = s.objects();
            String a = objs.get(rnd.nextInt(objs.size())).label();
            String b = objs.get(rnd.nextInt(objs.size())).label();
            ObjectNode r = m.createObjectNode().put("id", i).put("dataset", s.dataset()).put("scene_name", s.id());
            switch (i % 3) {
                case 0 -> r.put("question_type", "object_counting").put("question", "How many " + a
                        + "(s) are in this room?").putNull("options").put("ground_truth", "2");
                case 1 -> r.put("question_type", "object_size_estimation").put("question", "What is the length of the "
                        + "longest dimension (length, width, or height) of the " + a + ", measured in centimeters?")
                        .putNull("options").put("ground_truth", "120");
                default -> r.put("question_type", "object_abs_distance").put("question", "Measuring from the closest "
                        + "point of each object, what is the direct distance between the " + a + " and the " + b
                        + " (in meters)?").putNull("options").put("ground_truth", "1.5");
            }
            sb.append(m.writeValueAsString(r)).append('\n');
        }
        Files.writeString(file, sb.toString());
    }

    /** Every scene of the meta_info folder. */
    static final class BenchImportScenes {
        private BenchImportScenes() {
        }

        static Map<String, Scene> all(Path meta) throws Exception {
            Map<String, Scene> out = new TreeMap<>();
            try (var files = Files.list(meta)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                    dev.v2l.source.VsiMetaInfoSource src = new dev.v2l.source.VsiMetaInfoSource(f);
                    for (String id : src.ids()) {
                        out.put(id, src.scene(id));
                    }
                }
            }
            return out;
        }
    }
}
