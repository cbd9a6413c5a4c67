package dev.v2l.importer;

import static dev.v2l.importer.ImportFixtures.FRAMES;
import static dev.v2l.importer.ImportFixtures.FRAMES2;
import static dev.v2l.importer.ImportFixtures.M;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.v2l.model.ModelRequest;
import dev.v2l.model.Models;
import dev.v2l.run.BenchItem;
import dev.v2l.run.BenchItems;
import dev.v2l.run.EvalRunner;
import dev.v2l.run.PromptKind;
import dev.v2l.run.ResultStore;
import dev.v2l.scene.FrameSampling;
import dev.v2l.testing.TestPaths;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VsiBenchImportTest {

    @TempDir
    static Path dir;
    static Path videos;
    static Path parquet;
    static Path meta = TestPaths.vsiMeta("scannet_meta_info_val.json");

    static final BenchImport.Listener QUIET = new BenchImport.Listener() {
        @Override
        public void start(int v, int done) {
        }

        @Override
        public void videoDone(int finished, int failed) {
        }
    };

    @BeforeAll
    static void files() throws Exception {
        videos = ImportFixtures.videos(dir);
        parquet = ImportFixtures.writeParquet(dir.resolve("test-00000-of-00001.parquet"), ImportFixtures.rows());
    }

    static BenchImport.Options options(List<Path> questions, List<Integer> counts, BenchImport.Subset subset,
            Path prunedIds) {
        return new BenchImport.Options(questions, videos, counts, "uniform-floor", subset, prunedIds, List.of(meta), 2,
                "jpg", 0, 0);
    }

    static List<JsonNode> lines(Path file) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (String l : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            out.add(M.readTree(l));
        }
        return out;
    }

    @Test
    void importsTheOfficialParquetWithItsVideosKeepingIdsAndListingWhatItCannotTake() throws Exception {
        Path out = dir.resolve("bench-parquet");
        BenchImport.Outcome o = BenchImport.vsiBench(options(List.of(parquet), List.of(8, 4), BenchImport.Subset.FULL,
                null), out, QUIET);
        assertThat(o.rows()).isEqualTo(15);
        // 14 known types; the missing and the corrupt video take their question with them; the rest is imported
        assertThat(o.questions()).isEqualTo(14);
        assertThat(o.items()).isEqualTo(12 * 2);
        assertThat(o.videos()).isEqualTo(4);
        Map<String, List<ImportProblem>> byKind = new HashMap<>();
        o.problems().forEach(p -> byKind.computeIfAbsent(p.kind(), k -> new ArrayList<>()).add(p));
        assertThat(byKind.get(ImportProblem.UNKNOWN_TYPE)).singleElement().satisfies(p -> {
            assertThat(p.id()).isEqualTo("11");
            assertThat(p.location()).isEqualTo("row 12");
            assertThat(p.message()).contains("object_height_estimation", "available:");
        });
        assertThat(byKind.get(ImportProblem.MISSING_VIDEO)).singleElement().satisfies(p ->
                assertThat(p.message()).contains(ImportFixtures.MISSING + ".mp4", "1 question(s) are not imported"));
        assertThat(byKind.get(ImportProblem.CORRUPT_VIDEO)).singleElement().satisfies(p ->
                assertThat(p.message()).contains(ImportFixtures.CORRUPT + ".mp4"));
        assertThat(byKind.get(ImportProblem.UNMATCHED)).singleElement().satisfies(p -> {
            assertThat(p.id()).isEqualTo("10");
            assertThat(p.message()).contains("piano");
        });
        assertThat(o.errors()).isEqualTo(3);
        assertThat(lines(out.resolve("import_problems.jsonl"))).hasSize(4);

        List<JsonNode> items = lines(out.resolve("bench.jsonl"));
        assertThat(items).hasSize(24);
        assertThat(items.get(0).get("id").asText()).isEqualTo("0@4f");
        assertThat(items.get(1).get("id").asText()).isEqualTo("0@8f");
        for (JsonNode it : items) {
            int n = it.get("frame_count").asInt();
            int total = it.get("scene_id").asText().equals(ImportFixtures.SCENE) ? FRAMES : FRAMES2;
            assertThat(it.get("video_frames").asInt()).isEqualTo(total);
            int[] want = FrameSampling.uniformFloor(total, n); // numpy.linspace(0, total - 1, n, dtype=int)
            List<Integer> got = new ArrayList<>();
            it.get("frame_indices").forEach(x -> got.add(x.asInt()));
            assertThat(got).containsExactly(java.util.Arrays.stream(want).boxed().toArray(Integer[]::new));
            assertThat(it.get("images")).hasSize(n);
        }
        // the images are the frames at those indices (each frame carries its number)
        JsonNode first = items.get(1);
        for (int i = 0; i < first.get("images").size(); i++) {
            var img = ImageIO.read(out.resolve(first.get("images").get(i).asText()).toFile());
            assertThat(ImportFixtures.readNumber(img)).isEqualTo(first.get("frame_indices").get(i).asInt());
        }
        // the official text is kept verbatim, objects recovered from it
        JsonNode route = items.stream().filter(i -> i.get("source_id").asText().equals("8")).findFirst().orElseThrow();
        assertThat(route.get("question").asText()).isEqualTo(ImportFixtures.rows().get(8).get("question").asText());
        List<String> roles = new ArrayList<>();
        route.get("objects").forEach(x -> roles.add(x.get("role").asText() + ":" + x.get("label").asText()));
        assertThat(roles).containsExactly("start:bed", "waypoint:sofa", "waypoint:refrigerator");
        assertThat(route.get("pruned").asBoolean()).isFalse();

        // eval --frames 8 takes one count of the multi-count import, with the official ids back
        List<BenchItem> eight = BenchItems.withFrameCount(BenchItems.read(out), 8);
        assertThat(eight).hasSize(12).allMatch(b -> b.frameCount() == 8);
        assertThat(eight.get(0).id()).isEqualTo("0");
        assertThatThrownBy(() -> BenchItems.withFrameCount(BenchItems.read(out), 16))
                .hasMessageContaining("[4, 8]");
    }

    @Test
    void jsonLinesGiveTheSameBenchAsParquet() throws Exception {
        Path jsonl = ImportFixtures.writeJsonl(dir.resolve("test.jsonl"), ImportFixtures.rows(), true);
        Path a = dir.resolve("same-a");
        Path b = dir.resolve("same-b");
        BenchImport.vsiBench(options(List.of(parquet), List.of(16), BenchImport.Subset.FULL, null), a, QUIET);
        BenchImport.vsiBench(options(List.of(jsonl), List.of(16), BenchImport.Subset.FULL, null), b, QUIET);
        List<JsonNode> la = lines(a.resolve("bench.jsonl"));
        List<JsonNode> lb = lines(b.resolve("bench.jsonl"));
        la.forEach(n -> ((ObjectNode) n).remove("generator"));
        lb.forEach(n -> ((ObjectNode) n).remove("generator"));
        assertThat(la).isEqualTo(lb);
        assertThat(la.get(0).get("id").asText()).isEqualTo("0"); // one frame count: the official id as it is
    }

    @Test
    void debiasedSubsetFromThePrunedColumnOrFromPrunedIds() throws Exception {
        BenchImport.Outcome col = BenchImport.vsiBench(options(List.of(parquet), List.of(4), BenchImport.Subset
                .DEBIASED, null), dir.resolve("debiased-col"), QUIET);
        Path plain = ImportFixtures.writeJsonl(dir.resolve("plain/test.jsonl"), ImportFixtures.rows(), false);
        Path ids = dir.resolve("plain/pruned_ids.txt");
        Files.writeString(ids, "1\n3\n6\n14\n");
        BenchImport.Outcome listed = BenchImport.vsiBench(options(List.of(plain), List.of(4), BenchImport.Subset
                .DEBIASED, ids), dir.resolve("debiased-ids"), QUIET);
        List<JsonNode> a = lines(dir.resolve("debiased-col/bench.jsonl"));
        List<JsonNode> b = lines(dir.resolve("debiased-ids/bench.jsonl"));
        a.forEach(n -> ((ObjectNode) n).remove("generator"));
        b.forEach(n -> ((ObjectNode) n).remove("generator"));
        assertThat(a).isEqualTo(b).hasSize(listed.items());
        assertThat(col.questions()).isEqualTo(14 - 4); // 14 of known types, 4 pruned
        List<String> kept = new ArrayList<>();
        lines(dir.resolve("debiased-col/bench.jsonl")).forEach(n -> kept.add(n.get("source_id").asText()));
        assertThat(kept).doesNotContain("1", "3", "6").contains("0", "2", "4");
        assertThatThrownBy(() -> BenchImport.vsiBench(options(List.of(plain), List.of(4), BenchImport.Subset.DEBIASED,
                null), dir.resolve("no-pruned"), QUIET)).hasMessageContaining("no 'pruned' field")
                .hasMessageContaining("--pruned-ids");
    }

    @Test
    void aKilledImportResumesWithoutRedoingFinishedVideos() throws Exception {
        Path out = dir.resolve("resume");
        AtomicBoolean kill = new AtomicBoolean(true);
        BenchImport.Listener killer = new BenchImport.Listener() {
            @Override
            public void start(int v, int done) {
            }

            @Override
            public void videoDone(int finished, int failed) {
                if (kill.get() && finished == 1) {
                    throw new IllegalStateException("killed");
                }
            }
        };
        BenchImport.Options o = new BenchImport.Options(List.of(parquet), videos, List.of(4, 8), "uniform-floor",
                BenchImport.Subset.FULL, null, List.of(meta), 1, "jpg", 0, 0);
        assertThatThrownBy(() -> BenchImport.vsiBench(o, out, killer)).hasMessageContaining("killed");
        assertThat(out.resolve("bench.jsonl")).doesNotExist();
        kill.set(false);
        BenchImport.Outcome resumed = BenchImport.vsiBench(o, out, killer);
        assertThat(resumed.reused()).isBetween(1, 2); // the videos finished before the kill are kept
        Path clean = dir.resolve("clean");
        BenchImport.vsiBench(o, clean, QUIET);
        assertThat(Files.readString(out.resolve("bench.jsonl"))).isEqualTo(Files.readString(clean.resolve(
                "bench.jsonl")));
    }

    @Test
    void theSceneOracleAnswersOfficialQuestionsFromTheMetaInfoLayout() throws Exception {
        Path out = dir.resolve("oracle");
        BenchImport.vsiBench(options(List.of(parquet), List.of(4), BenchImport.Subset.FULL, null), out, QUIET);
        List<BenchItem> items = BenchItems.read(out);
        assertThat(items).hasSize(12);
        assertThat(items.get(0).gtLayout()).isNotNull();
        Path results = dir.resolve("oracle-results");
        EvalRunner runner = new EvalRunner(new EvalRunner.Settings(PromptKind.V2LO, 2, 0, ModelRequest.Settings
                .DEFAULT, 1.0), out);
        try (ResultStore store = ResultStore.open(results)) {
            runner.run(items, List.of(Models.open("scene-oracle", Models.Options.defaults())), store, (f, e, c) -> {
            });
        }
        Map<String, JsonNode> byId = new HashMap<>();
        ResultStore.readAll(results).forEach(r -> byId.put(r.get("item_id").asText(), r));
        assertThat(byId.get("0").get("answer").asText()).isEqualTo("3"); // three chairs in scene0353_00
        assertThat(byId.get("0").get("score").asDouble()).isEqualTo(1.0);
        assertThat(byId.get("12").get("answer").asText()).isEqualTo("2"); // two trash bins in scene0277_02
        for (String id : List.of("1", "2", "3", "4", "5", "6", "7", "8")) {
            assertThat(byId.get(id).get("answer").asText()).as("item %s", id).isNotEmpty();
            // the map it writes is the scene's: after rigid alignment it matches the truth exactly
            assertThat(byId.get(id).at("/map_scores/aligned/f1").asDouble()).as("item %s", id).isEqualTo(1.0);
        }
        assertThat(byId.get("10").get("answer").asText()).isEqualTo("0"); // flagged unmatched: the scene has no piano
    }
}
