package dev.v2l.importer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.v2l.io.Images;
import dev.v2l.model.ModelRequest;
import dev.v2l.model.Models;
import dev.v2l.run.BenchItem;
import dev.v2l.run.BenchItems;
import dev.v2l.run.EvalRunner;
import dev.v2l.run.PromptKind;
import dev.v2l.run.ResultStore;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * QVS-Bench-style rows in the three forms Video2Layout's code reads (ms-swift messages with a map target, EasyR1
 * question/answer/image_path, flat), with images beside the file.
 */
class ImageBenchImportTest {

    static final ObjectMapper M = new ObjectMapper();

    @Test
    void readsSwiftEasyR1AndFlatRowsWithTheirMapsAndListsTheRest(@TempDir Path dir) throws Exception {
        for (int i = 0; i < 4; i++) {
            Files.createDirectories(dir.resolve("imgs"));
            Files.write(dir.resolve("imgs/f" + i + ".png"), Images.png(new BufferedImage(8, 6,
                    BufferedImage.TYPE_INT_RGB)));
        }
        String map = "Establish a bird's-eye view : [{\\\"object_name\\\": \\\"sofa\\\", \\\"bbox\\\": [0.0, 0.0, 1.0, 1.0]}, "
                + "{\\\"object_name\\\": \\\"bed\\\", \\\"bbox\\\": [0.0, 3.0, 1.0, 5.0]}, {\\\"object_name\\\": \\\"table\\\", "
                + "\\\"bbox\\\": [1.5, 1.5, 2.5, 2.5]}, {\\\"object_name\\\": \\\"chair\\\", \\\"bbox\\\": [2.5, 2.5, 3.5, 3.5]}]";
        String swift = "{\"messages\": [{\"role\": \"user\", \"content\": \"<image><image>Considering the vector from the "
                + "sofa to the bed as the forward direction, how is the chair positioned relative to the table?\\nA. "
                + "Left-Front\\nB. Right-Front\\nC. Left-Back\\nD. Right-Back\"}, {\"role\": \"assistant\", \"content\": "
                + "\"<map>" + map + "</map><think>...</think><answer>B</answer>\"}], \"images\": [\"imgs/f0.png\", "
                + "\"imgs/f1.png\"]}\n";
        String easyr1 = "{\"question\": \"<image>What is the distance between the closest points of the sofa and the bed "
                + "(in meters)?\", \"answer\": \"2.0\", \"image_path\": [\"imgs/f2.png\"]}\n";
        String flat = "{\"id\": \"c1\", \"question_type\": \"object_count\", \"question\": \"How many 'chair' objects are "
                + "there in this scene?\", \"ground_truth\": \"1\", \"images\": [\"imgs/f0.png\", \"imgs/f1.png\", "
                + "\"imgs/f2.png\", \"imgs/f3.png\"]}\n";
        String missing = "{\"question\": \"How many 'bed' objects are there in this scene?\", \"answer\": \"1\", "
                + "\"images\": [\"imgs/nope.png\"]}\n";
        String unknown = "{\"question\": \"What colour is the sofa?\", \"answer\": \"red\", \"images\": [\"imgs/f0.png\"]}\n";
        Path file = dir.resolve("qvs.jsonl");
        Files.writeString(file, swift + easyr1 + flat + missing + unknown);
        Path out = dir.resolve("bench");
        BenchImport.Outcome o = ImageBenchImport.run(new ImageBenchImport.Options(List.of(file), null, 0), out);
        assertThat(o.items()).isEqualTo(3);
        assertThat(o.problems()).extracting(ImportProblem::kind).containsExactly(ImportProblem.MISSING_VIDEO,
                ImportProblem.UNKNOWN_TYPE);
        assertThat(o.byType()).containsEntry("vertical_direction", 1).containsEntry("min_distance", 1)
                .containsEntry("object_count", 1);

        List<BenchItem> items = BenchItems.read(out);
        BenchItem v = items.get(0);
        assertThat(v.question().question()).isEqualTo("Considering the vector from the sofa to the bed as the forward "
                + "direction, how is the chair positioned relative to the table?");
        assertThat(v.question().options()).containsExactly("A. Left-Front", "B. Right-Front", "C. Left-Back",
                "D. Right-Back");
        assertThat(v.frameCount()).isEqualTo(2);
        assertThat(v.gtLayout().size()).isEqualTo(4); // the map of the answer is the item's true map
        assertThat(items.get(1).gtLayout()).isNull();
        assertThat(items.get(2).id()).isEqualTo("c1");
        assertThat(Files.isRegularFile(out.resolve(items.get(2).images().get(3)))).isTrue();

        Path results = dir.resolve("results");
        EvalRunner runner = new EvalRunner(new EvalRunner.Settings(PromptKind.V2LO, 1, 0, ModelRequest.Settings
                .DEFAULT, 1.0), out);
        try (ResultStore store = ResultStore.open(results)) {
            runner.run(items.subList(0, 1), List.of(Models.open("oracle", Models.Options.defaults())), store,
                    (f, e, c) -> { });
        }
        Map<String, JsonNode> byId = new HashMap<>();
        ResultStore.readAll(results).forEach(r -> byId.put(r.get("item_id").asText(), r));
        assertThat(byId.get(v.id()).get("answer").asText()).isEqualTo("B"); // the oracle answers from that map
    }

    @Test
    void genericRowsThroughAFieldMappingAreScoredWithVsiMetricsUnderTheirOwnTypes(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("imgs"));
        Files.write(dir.resolve("imgs/a.png"), Images.png(new BufferedImage(8, 6, BufferedImage.TYPE_INT_RGB)));
        // MMSI-style: options inside the question; SPAR-style: a numeric answer; one letter row forced by answer type
        String rows = "{\"qid\": 7, \"category\": \"Positional Relationship (Cam.-Obj.)\", \"q\": \"Where is the "
                + "lamp?\\nA. left\\nB. right\", \"ans\": \"B\", \"pics\": [\"imgs/a.png\"]}\n"
                + "{\"qid\": 8, \"category\": \"depth_estimation\", \"q\": \"How far is the lamp (m)?\", \"ans\": "
                + "\"2.5\", \"pics\": [\"imgs/a.png\"]}\n"
                + "{\"qid\": 9, \"category\": \"depth_estimation\", \"q\": \"How far is the door (m)?\", \"ans\": "
                + "\"three\", \"pics\": [\"imgs/a.png\"]}\n";
        Path file = dir.resolve("mmsi.jsonl");
        Files.writeString(file, rows);
        Path out = dir.resolve("bench");
        BenchImport.Outcome o = ImageBenchImport.generic(new ImageBenchImport.Options(List.of(file), null, 0, Map.of(
                "id", "qid", "question_type", "category", "question", "q", "ground_truth", "ans", "images", "pics"),
                "auto"), out);
        assertThat(o.items()).isEqualTo(2);
        assertThat(o.problems()).singleElement().satisfies(p -> assertThat(p.message()).contains("'three'",
                "not a number"));
        List<BenchItem> items = BenchItems.read(out);
        assertThat(items.get(0).question().options()).containsExactly("A. left", "B. right");
        assertThat(items.get(0).question().type().isMultipleChoice()).isTrue();
        assertThat(items.get(1).question().type().isMultipleChoice()).isFalse();

        Path results = dir.resolve("results");
        EvalRunner runner = new EvalRunner(new EvalRunner.Settings(PromptKind.DIRECT, 1, 0, ModelRequest.Settings
                .DEFAULT, 1.0), out);
        try (ResultStore store = ResultStore.open(results)) {
            runner.run(items, List.of(Models.open("random", Models.Options.defaults())), store, (f, e, c) -> { });
        }
        List<JsonNode> recs = ResultStore.readAll(results);
        assertThat(recs).extracting(r -> r.get("question_type").asText()).containsExactlyInAnyOrder(
                "Positional Relationship (Cam.-Obj.)", "depth_estimation");
        assertThat(recs).extracting(r -> r.get("metric").asText()).containsExactlyInAnyOrder("accuracy",
                "MRA:.5:.95:.05");
        JsonNode summary = new dev.v2l.run.EvalSummary(100, 1).summarize(recs, List.of("random"));
        JsonNode run = summary.path("runs").get(0);
        assertThat(run.path("other").has("depth_estimation_MRA:.5:.95:.05")).as(run.toString()).isTrue();
        assertThat(run.path("vsi").isMissingNode()).isTrue();
        assertThat(run.path("tasks").path("Positional Relationship (Cam.-Obj.)").path("metric").asText())
                .isEqualTo("accuracy");
    }
}
