package dev.v2l.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.v2l.io.Provenance;
import dev.v2l.layout.Labels;
import dev.v2l.layout.Layout;
import dev.v2l.layout.text.MapForm;
import dev.v2l.layout.text.MapParser;
import dev.v2l.qa.Question;
import dev.v2l.qa.QuestionJson;
import dev.v2l.qa.QuestionObject;
import dev.v2l.qa.QuestionType;
import dev.v2l.qa.QuestionTypes;
import dev.v2l.qa.Questions;
import dev.v2l.reason.Derivation;
import dev.v2l.reason.EngineContext;
import dev.v2l.source.SceneSources;
import dev.v2l.testing.TestPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetBuildTest {

    static final ObjectMapper M = new ObjectMapper();
    @TempDir
    static Path tmp;
    static Path procedural;
    static DatasetStats procStats;

    static DatasetOptions options(List<Exporter> formats, MapForm form, boolean images) {
        return new DatasetOptions(List.of(1, 4, 8), QuestionType.parseList("all"), 6, formats, form,
                new double[] {0.6, 0.2, 0.2}, 5, "uniform", 16, 4, 160, 120, 60, 0, images, 2);
    }

    static Provenance prov() {
        return new Provenance("video2layout", "test", "test", List.of("test"));
    }

    @BeforeAll
    static void build() throws Exception {
        procedural = tmp.resolve("proc: a #b"); // YAML's ": " and " #" in every path of easyr1_config.yaml
        procStats = new DatasetBuilder(options(List.of(Exporter.values()), MapForm.V2LO, true)).build(
                SceneSources.open("procedural:seed=4,count=8"), procedural, prov(), i -> { });
    }

    static List<JsonNode> lines(Path f) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (String l : Files.readAllLines(f)) {
            out.add(M.readTree(l));
        }
        return out;
    }

    static List<JsonNode> all(Path dir) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (String s : DatasetBuilder.SPLITS) {
            out.addAll(lines(dir.resolve(s + ".jsonl")));
        }
        return out;
    }

    @Test
    void everyFormatIsWrittenAndReadsUnderItsSchema() throws IOException {
        assertThat(procStats.samples()).isGreaterThan(80);
        for (JsonNode n : all(procedural.resolve("swift"))) {
            SchemaChecks.swift(n);
            n.get("images").forEach(p -> assertThat(procedural.resolve("swift").resolve("..").resolve(p.asText())
                    .normalize()).exists());
        }
        all(procedural.resolve("llamafactory")).forEach(SchemaChecks::llamaFactory);
        all(procedural.resolve("easyr1")).forEach(SchemaChecks::easyR1);
        JsonNode info = M.readTree(procedural.resolve("llamafactory/dataset_info.json").toFile());
        assertThat(info.get("v2l_train").get("formatting").asText()).isEqualTo("sharegpt");
        assertThat(info.get("v2l_train").get("columns").get("messages").asText()).isEqualTo("conversations");
        assertThat(Files.readString(procedural.resolve("easyr1/easyr1_config.yaml"))).contains("prompt_key: problem")
                .contains("answer_key: answer").contains("image_key: images");
        JsonNode yaml = new com.fasterxml.jackson.dataformat.yaml.YAMLMapper().readTree(
                procedural.resolve("easyr1/easyr1_config.yaml").toFile());
        assertThat(yaml.path("data").path("train_files").asText())
                .isEqualTo(procedural.toAbsolutePath().resolve("easyr1/train.jsonl").toString());
        assertThat(yaml.path("data").path("image_dir").asText()).isEqualTo(procedural.toAbsolutePath().toString());
        assertThat(yaml.path("worker").path("reward").path("reward_function").asText())
                .isEqualTo("./integrations/easyr1/v2l_reward.py:compute_score");
        assertThat(procedural.resolve("stats.json")).exists();
        assertThat(Files.readString(procedural.resolve("dataset_card.md"))).contains("| train |");
        assertThat(M.readTree(procedural.resolve("provenance.json").toFile()).has("created")).isTrue();
    }

    @Test
    void targetsAreComputedFromTheWrittenMapAndOnlyAboutSeenObjects() throws IOException {
        List<JsonNode> rows = all(procedural.resolve("jsonl"));
        Map<Integer, Integer> perFrameCount = new HashMap<>();
        int[] closestChecked = {0};
        for (JsonNode r : rows) {
            Question q = QuestionJson.read(r.get("question"), new dev.v2l.io.JsonFields("mem", null));
            Layout written = MapParser.builder().form(MapForm.V2LO).build().parse(r.get("map").asText()).layout();
            Layout truth = MapParser.lenient().parse(r.get("gt_layout").asText()).layout();
            // The map parses back to exactly what was written from.
            assertThat(written.size()).isEqualTo(truth.size());
            for (int i = 0; i < truth.size(); i++) {
                double[] a = written.objects().get(i).footprint().bounds();
                double[] b = truth.objects().get(i).footprint().bounds();
                for (int k = 0; k < 4; k++) {
                    // each written end within 0.75 of a step of the true one (sides keep their rounded lengths)
                    assertThat(Math.abs(a[k] - b[k])).isLessThanOrEqualTo(0.075 + 0.0075 + 1e-9);
                }
            }
            // Every object asked about is on the map of what the frames show.
            Set<String> seen = new HashSet<>();
            truth.objects().forEach(o -> seen.add(Labels.key(o.label())));
            for (QuestionObject o : q.objects()) {
                assertThat(seen).as(r.get("id").asText()).contains(Labels.key(o.label()));
            }
            // Issue 13 item 7: closest-object questions hold their margin on the map as written, whatever the order
            // of the options (a tie at one decimal would make the answer the first-listed option's).
            if (q.type() == QuestionTypes.OBJECT_REL_DISTANCE || q.type() == QuestionTypes.NEAREST_CENTER) {
                dev.v2l.layout.LayoutObject target = written.objects().stream().filter(o -> Labels.matches(o.label(),
                        q.label("target"))).findFirst().orElseThrow();
                List<Double> ds = new ArrayList<>();
                for (String c : q.optionContents()) {
                    dev.v2l.layout.LayoutObject o = written.objects().stream().filter(x -> Labels.matches(x.label(),
                            c)).findFirst().orElseThrow();
                    ds.add(q.type() == QuestionTypes.NEAREST_CENTER ? target.center().distanceTo(o.center())
                            : dev.v2l.reason.SpatialEngine.closestDistance(target, o, true));
                }
                ds.sort(Double::compare);
                assertThat(ds.get(1) - ds.get(0)).as(r.get("id").asText()).isGreaterThanOrEqualTo(
                        Math.max(0.15, 0.1 * ds.get(0)) - 1e-9);
                closestChecked[0]++;
            }
            // Recomputing from the written map gives the same think and answer (with the true heights where the
            // answer needs one: the v2lo map has none).
            if (q.type() != QuestionTypes.ROOM_SIZE_ESTIMATION && q.type() != QuestionTypes.OBJ_APPEARANCE_ORDER) {
                Layout from = Questions.heightIndependent(q, truth, EngineContext.NONE) ? written
                        : dev.v2l.layout.text.MapWriter.withHeights(written, truth);
                Derivation d = Questions.derive(q, from, EngineContext.NONE);
                assertThat(Questions.answerOf(q, d)).as(r.get("id").asText()).isEqualTo(r.get("answer").asText());
                assertThat(d.trace()).isEqualTo(r.get("think").asText());
            }
            // The target's answer is the written map's: the truth, or a number within 10 % of it (a map at one
            // decimal cannot say more); letters always the truth.
            assertThat(WrittenAnswers.acceptable(q.type(), r.get("answer").asText(), q.groundTruth(), false))
                    .as("%s: %s vs %s", r.get("id"), r.get("answer"), q.groundTruth()).isTrue();
            if (!q.type().answerKind().numeric()) {
                assertThat(r.get("answer").asText()).isEqualTo(q.groundTruth());
            }
            assertThat(r.get("images").size()).isEqualTo(r.get("frame_count").asInt());
            perFrameCount.merge(r.get("frame_count").asInt(), 1, Integer::sum);
        }
        assertThat(perFrameCount.keySet()).containsExactlyInAnyOrder(1, 4, 8);
        assertThat(closestChecked[0]).isGreaterThan(0);
    }

    @Test
    void noSceneIsInTwoSplits() throws IOException {
        Map<String, String> splitOf = new HashMap<>();
        for (String s : DatasetBuilder.SPLITS) {
            for (JsonNode r : lines(procedural.resolve("jsonl").resolve(s + ".jsonl"))) {
                String scene = r.get("question").get("scene_id").asText();
                String before = splitOf.putIfAbsent(scene, s);
                assertThat(before == null || before.equals(s)).as(scene).isTrue();
            }
        }
        assertThat(new HashSet<>(splitOf.values())).hasSizeGreaterThan(1);
    }

    @Test
    void gridTargetsHaveTheSameSamplesWithAGridMap() throws Exception {
        Path grid = tmp.resolve("grid");
        new DatasetBuilder(options(List.of(Exporter.JSONL), MapForm.GRID, false)).build(
                SceneSources.open("procedural:seed=4,count=8"), grid, prov(), i -> { });
        Path v2lo = tmp.resolve("v2lo-noimg");
        new DatasetBuilder(options(List.of(Exporter.JSONL), MapForm.V2LO, false)).build(
                SceneSources.open("procedural:seed=4,count=8"), v2lo, prov(), i -> { });
        assertThat(grid.resolve("train.jsonl")).doesNotExist(); // one layout: OUT/FORMAT/ also for one format
        List<JsonNode> g = all(grid.resolve("jsonl"));
        List<JsonNode> v = all(v2lo.resolve("jsonl"));
        assertThat(g).hasSameSizeAs(v);
        for (int i = 0; i < g.size(); i++) {
            assertThat(g.get(i).get("id")).isEqualTo(v.get(i).get("id"));
            // A grid target answers the truth (a grid has no metres); a v2lo target the written map's number.
            Question q = QuestionJson.read(g.get(i).get("question"), new dev.v2l.io.JsonFields("mem", null));
            assertThat(g.get(i).get("answer").asText()).isEqualTo(q.groundTruth());
            assertThat(WrittenAnswers.acceptable(q.type(), v.get(i).get("answer").asText(), q.groundTruth(), false))
                    .isTrue();
            assertThat(MapParser.builder().form(MapForm.GRID).build().parse(g.get(i).get("map").asText()).grid())
                    .isNotNull();
        }
    }

    @Test
    void realVsiScenesGiveTextOnlySamplesWithTheMapInThePrompt() throws Exception {
        Path out = tmp.resolve("vsi");
        DatasetStats s = new DatasetBuilder(options(List.of(Exporter.JSONL, Exporter.SWIFT), MapForm.V2LO, true))
                .build(SceneSources.open(TestPaths.vsiMeta("arkitscenes_meta_info_val.json").toString()), out, prov(),
                        i -> { });
        assertThat(s.samples()).isGreaterThan(300);
        for (JsonNode r : all(out.resolve("jsonl"))) {
            assertThat(r.get("text_only").asBoolean()).isTrue();
            assertThat(r.get("images").size()).isZero();
            assertThat(r.get("user").asText()).startsWith("<map>Establish a bird's-eye view : [");
            assertThat(r.get("frame_count").asInt()).isZero();
        }
        all(out.resolve("swift")).forEach(SchemaChecks::swift);
    }
}
