package dev.v2l.importer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.v2l.io.BadInputException;
import dev.v2l.layout.Labels;
import dev.v2l.layout.Layout;
import dev.v2l.layout.LayoutObject;
import dev.v2l.layout.Layouts;
import dev.v2l.layout.MapFrame;
import dev.v2l.layout.text.MapParser;
import dev.v2l.layout.text.MapWriter;
import dev.v2l.qa.QuestionObject;
import dev.v2l.scene.Scene;
import dev.v2l.source.VsiMetaInfoSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Imports an official VSI-Bench file with its videos as a benchmark folder {@code eval} and {@code report} take as
 * they are: {@code bench.jsonl} (one item per question and frame count, official ids kept), the chosen frames under
 * {@code images/}, {@code layouts.jsonl} (each scene's true map from its meta_info, when given), and what could not be
 * taken in {@code import_problems.jsonl}. Frames are extracted video by video, in parallel; each video's frames are
 * kept when a rerun finds them complete, so a killed import resumes where it stopped. {@code bench.jsonl} is written
 * last, whole.
 */
public final class BenchImport {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Which questions of a file with the {@code pruned} marking to import. */
    public enum Subset {
        FULL, DEBIASED, PRUNED;

        public static Subset of(String s) {
            return switch (s.strip().toLowerCase(java.util.Locale.ROOT)) {
                case "full", "all" -> FULL;
                case "debiased" -> DEBIASED;
                case "pruned" -> PRUNED;
                default -> throw new IllegalArgumentException("unknown subset '" + s + "'; available: full, debiased "
                        + "(VSI-Bench-Debiased: rows not pruned), pruned");
            };
        }
    }

    /**
     * @param questions  the official file(s): JSON Lines or Parquet
     * @param videos     the folder holding {@code DATASET/SCENE.mp4}
     * @param counts     frame counts (one item per question and count)
     * @param sampling   {@code uniform-floor} (lmms-eval's loaders), {@code uniform}, {@code uniform-floor-last}
     * @param subset     full, debiased or pruned
     * @param prunedIds  {@code pruned_ids.txt} (one id a line), or null
     * @param meta       VSI-Bench meta_info files (or folders of them), possibly empty
     * @param threads    videos decoded at once
     * @param format     {@code jpg} or {@code png}
     * @param maxPixels  scale frames down to at most this many pixels (0: as decoded)
     * @param limit      the first N questions after the subset (0: all)
     */
    public record Options(List<Path> questions, Path videos, List<Integer> counts, String sampling, Subset subset,
            Path prunedIds, List<Path> meta, int threads, String format, long maxPixels, int limit) {
        public Options {
            questions = List.copyOf(questions);
            counts = List.copyOf(new java.util.TreeSet<>(counts));
            meta = List.copyOf(meta);
            if (questions.isEmpty()) {
                throw new IllegalArgumentException("give the questions file (--questions)");
            }
            if (counts.isEmpty() || counts.get(0) < 1) {
                throw new IllegalArgumentException("frame counts must be >= 1, got " + counts);
            }
            dev.v2l.scene.FrameSampling.uniformRule(sampling, 10, 2); // validates the name
            if (!format.equals("jpg") && !format.equals("png")) {
                throw new IllegalArgumentException("image format must be jpg or png, got '" + format + "'");
            }
            if (threads < 1 || limit < 0 || maxPixels < 0) {
                throw new IllegalArgumentException("threads must be >= 1, limit and max pixels >= 0");
            }
        }
    }

    /** Progress: the videos to extract (and how many a previous run finished), then each finished one. */
    public interface Listener {
        void start(int videos, int alreadyDone);

        void videoDone(int finished, int failed);
    }

    /**
     * What an import did.
     *
     * @param rows       rows read
     * @param questions  questions kept (after the subset and the limit)
     * @param items      items written (questions × frame counts, less those whose video failed)
     * @param videos     distinct videos
     * @param reused     videos whose frames a previous run had extracted
     * @param problems   everything not taken (errors) or taken with a warning (unmatched objects)
     * @param byType     questions kept per type
     */
    public record Outcome(int rows, int questions, int items, int videos, int reused, List<ImportProblem> problems,
            Map<String, Integer> byType) {
        public long errors() {
            return problems.stream().filter(ImportProblem::isError).count();
        }

        public long unmatched() {
            return problems.size() - errors();
        }
    }

    private BenchImport() {
    }

    public static Outcome vsiBench(Options o, Path out, Listener listener) throws IOException, InterruptedException {
        List<ImportProblem> problems = Collections.synchronizedList(new ArrayList<>());
        Set<String> prunedIds = o.prunedIds() == null ? null : readIds(o.prunedIds());
        List<OfficialQuestion> all = new ArrayList<>();
        int rows = 0;
        Set<String> ids = new HashSet<>();
        for (Path f : o.questions()) {
            for (SourceRows.Row row : SourceRows.read(f)) {
                rows++;
                OfficialQuestion q = VsiBenchRows.parse(row, prunedIds, problems);
                if (q == null) {
                    continue;
                }
                if (!ids.add(q.id())) {
                    problems.add(new ImportProblem(ImportProblem.BAD_ROW, q.file(), q.location(), q.id(),
                            q.type().code(), "duplicate id " + q.id()));
                    continue;
                }
                all.add(q);
            }
        }
        List<OfficialQuestion> kept = subset(all, o.subset());
        if (o.limit() > 0 && kept.size() > o.limit()) {
            kept = kept.subList(0, o.limit());
        }
        Map<String, Scene> scenes = meta(o.meta());
        Map<String, String> layoutText = new TreeMap<>();
        for (OfficialQuestion q : kept) {
            Scene s = scenes.get(q.scene());
            if (s == null) {
                continue;
            }
            String text = layoutText.computeIfAbsent(q.videoKey(), k -> MapWriter.writeExtended(
                    Layouts.fromScene(s, MapFrame.ROOM, s.objects()))); // the room's axes: tight wall-aligned boxes
            checkObjects(q, MapParser.lenient().parse(text).layout(), problems);
        }

        Files.createDirectories(out);
        Map<String, List<OfficialQuestion>> byVideo = new LinkedHashMap<>();
        kept.forEach(q -> byVideo.computeIfAbsent(q.videoKey(), k -> new ArrayList<>()).add(q));
        VideoFrames.Settings vs = new VideoFrames.Settings(o.counts(), o.sampling(), o.format(), o.maxPixels());
        Map<String, VideoFrames.Result> frames = extractAll(o, out, byVideo, vs, problems, listener);

        StringBuilder bench = new StringBuilder();
        int items = 0;
        Map<String, Integer> byType = new TreeMap<>();
        boolean multi = o.counts().size() > 1;
        for (OfficialQuestion q : kept) {
            VideoFrames.Result r = frames.get(q.videoKey());
            if (r == null) {
                continue;
            }
            byType.merge(q.type().code(), 1, Integer::sum);
            for (int n : o.counts()) {
                Scene s = scenes.get(q.scene());
                bench.append(MAPPER.writeValueAsString(item(q, n, multi, r, o.format(), s, layoutText.containsKey(
                        q.videoKey()) ? q.videoKey() : null))).append('\n');
                items++;
            }
        }
        StringBuilder layouts = new StringBuilder();
        for (Map.Entry<String, String> e : layoutText.entrySet()) {
            ObjectNode n = MAPPER.createObjectNode();
            n.put("ref", e.getKey());
            n.put("layout", e.getValue());
            layouts.append(MAPPER.writeValueAsString(n)).append('\n');
        }
        AtomicFiles.write(out.resolve("layouts.jsonl"), layouts.toString());
        List<ImportProblem> sorted = new ArrayList<>(problems);
        StringBuilder probs = new StringBuilder();
        for (ImportProblem p : sorted) {
            probs.append(MAPPER.writeValueAsString(p.toJson())).append('\n');
        }
        AtomicFiles.write(out.resolve("import_problems.jsonl"), probs.toString());
        AtomicFiles.write(out.resolve("bench.jsonl"), bench.toString());
        int reused = (int) frames.values().stream().filter(VideoFrames.Result::reused).count();
        return new Outcome(rows, kept.size(), items, byVideo.size(), reused, sorted, byType);
    }

    static List<OfficialQuestion> subset(List<OfficialQuestion> all, Subset subset) {
        if (subset == Subset.FULL) {
            return all;
        }
        List<OfficialQuestion> out = new ArrayList<>();
        for (OfficialQuestion q : all) {
            if (q.pruned() == null) {
                throw new IllegalArgumentException(q.file() + ": the rows have no 'pruned' field, so the " + subset
                        .name().toLowerCase(java.util.Locale.ROOT) + " subset cannot be chosen; give --pruned-ids "
                        + "pruned_ids.txt (from the dataset) or import test_debiased.parquet with --subset full");
            }
            if (q.pruned() == (subset == Subset.PRUNED)) {
                out.add(q);
            }
        }
        return out;
    }

    static Set<String> readIds(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw BadInputException.ofFile(file.toString(), "no such file (expected pruned_ids.txt: one id a line)",
                    null);
        }
        Set<String> out = new HashSet<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                out.add(line.strip());
            }
        }
        return out;
    }

    /**
     * Scenes by id from meta_info files or folders of them, each built on first use (a file holds ~100 scenes; an
     * import usually needs its questions' only).
     */
    static Map<String, Scene> meta(List<Path> paths) throws IOException {
        Map<String, VsiMetaInfoSource> sourceOf = new HashMap<>();
        for (Path p : paths) {
            List<Path> files = new ArrayList<>();
            if (Files.isDirectory(p)) {
                try (var s = Files.list(p)) {
                    s.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().forEach(files::add);
                }
                if (files.isEmpty()) {
                    throw BadInputException.ofFile(p.toString(), "no meta_info .json files in this folder", null);
                }
            } else {
                files.add(p);
            }
            for (Path f : files) {
                VsiMetaInfoSource src = new VsiMetaInfoSource(f);
                for (String id : src.ids()) {
                    sourceOf.put(id, src);
                }
            }
        }
        Map<String, Scene> built = new ConcurrentHashMap<>();
        return new java.util.AbstractMap<>() {
            @Override
            public Scene get(Object key) {
                VsiMetaInfoSource src = sourceOf.get(key);
                return src == null ? null : built.computeIfAbsent((String) key, src::scene);
            }

            @Override
            public boolean containsKey(Object key) {
                return sourceOf.containsKey(key);
            }

            @Override
            public Set<Map.Entry<String, Scene>> entrySet() {
                Set<Map.Entry<String, Scene>> out = new java.util.LinkedHashSet<>();
                sourceOf.keySet().forEach(k -> out.add(Map.entry(k, get(k))));
                return out;
            }
        };
    }

    /** Adds an unmatched-objects warning when a recovered label is not in the scene's layout. */
    static void checkObjects(OfficialQuestion q, Layout layout, List<ImportProblem> problems) {
        List<String> missing = new ArrayList<>();
        for (QuestionObject o : q.objects()) {
            boolean found = false;
            for (LayoutObject lo : layout.objects()) {
                if (Labels.matches(lo.label(), o.label())) {
                    found = true;
                    break;
                }
            }
            if (!found && !missing.contains(o.label())) {
                missing.add(o.label());
            }
        }
        if (!missing.isEmpty()) {
            problems.add(new ImportProblem(ImportProblem.UNMATCHED, q.file(), q.location(), q.id(), q.type().code(),
                    "not in the scene's meta_info layout: " + String.join(", ", missing)));
        }
    }

    private static Map<String, VideoFrames.Result> extractAll(Options o, Path out,
            Map<String, List<OfficialQuestion>> byVideo, VideoFrames.Settings vs, List<ImportProblem> problems,
            Listener listener) throws InterruptedException {
        Map<String, VideoFrames.Result> results = new ConcurrentHashMap<>();
        int already = 0;
        for (String key : byVideo.keySet()) {
            if (Files.isRegularFile(out.resolve(VideoFrames.folder(first(byVideo, key).dataset(), first(byVideo, key)
                    .scene())).resolve("frames.json"))) {
                already++;
            }
        }
        listener.start(byVideo.size(), already);
        AtomicInteger finished = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(o.threads(), Math.max(1, byVideo.size())), r -> {
            Thread t = new Thread(r, "import-video");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Map.Entry<String, List<OfficialQuestion>> e : byVideo.entrySet()) {
                OfficialQuestion q0 = e.getValue().get(0);
                Path video = o.videos().resolve(q0.dataset()).resolve(q0.scene() + ".mp4");
                futures.add(pool.submit(() -> {
                    try {
                        results.put(e.getKey(), VideoFrames.extract(video, out, q0.dataset(), q0.scene(), vs));
                    } catch (IOException | RuntimeException ex) {
                        failed.incrementAndGet();
                        boolean missing = !Files.isRegularFile(video);
                        String kind = missing ? ImportProblem.MISSING_VIDEO : ImportProblem.CORRUPT_VIDEO;
                        String msg = (ex instanceof BadInputException ? ex.getMessage() : video + ": " + ex)
                                + "; its " + e.getValue().size() + " question(s) are not imported";
                        problems.add(new ImportProblem(kind, video.toString(), null, null, null, msg));
                    }
                    synchronized (listener) {
                        listener.videoDone(finished.incrementAndGet(), failed.get());
                    }
                }));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException ex) {
                    throw new IllegalStateException(ex.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(10, TimeUnit.SECONDS);
        }
        return results;
    }

    private static OfficialQuestion first(Map<String, List<OfficialQuestion>> byVideo, String key) {
        return byVideo.get(key).get(0);
    }

    /** One bench item in the {@code bench.jsonl} form ({@code BenchItems} reads it). */
    static ObjectNode item(OfficialQuestion q, int n, boolean multi, VideoFrames.Result r, String format, Scene scene,
            String layoutRef) {
        ObjectNode it = MAPPER.createObjectNode();
        it.put("id", multi ? q.id() + "@" + n + "f" : q.id());
        it.put("source_id", q.id());
        it.put("scene_id", q.scene());
        it.put("dataset", q.dataset());
        it.put("question_type", q.type().code());
        it.put("question", q.question());
        ArrayNode opts = it.putArray("options");
        q.options().forEach(opts::add);
        it.put("ground_truth", q.groundTruth());
        ArrayNode objs = it.putArray("objects");
        for (QuestionObject o : q.objects()) {
            ObjectNode on = objs.addObject();
            on.put("label", o.label());
            on.putNull("instance_id");
            on.put("role", o.role());
        }
        it.putObject("params");
        it.put("trace", "");
        ObjectNode gen = it.putObject("generator");
        gen.put("source", "vsibench");
        gen.put("file", q.file());
        gen.put("row", q.location());
        if (q.pruned() != null) {
            it.put("pruned", q.pruned());
        }
        int[] idx = r.indicesByCount().get(n);
        it.put("frame_count", n);
        ArrayNode fi = it.putArray("frame_indices");
        for (int i : idx) {
            fi.add(i);
        }
        it.put("video_frames", r.totalFrames());
        ArrayNode im = it.putArray("images");
        VideoFrames.images(q.dataset(), q.scene(), idx, format).forEach(im::add);
        it.put("text_only", false);
        if (layoutRef != null) {
            it.put("gt_layout_ref", layoutRef);
            it.put("scene_layout_ref", layoutRef);
        }
        ObjectNode ctx = it.putObject("context");
        if (scene != null && scene.room().area().isPresent()) {
            ctx.put("room_area", scene.room().area().getAsDouble());
        }
        ctx.putObject("appearance");
        return it;
    }
}
