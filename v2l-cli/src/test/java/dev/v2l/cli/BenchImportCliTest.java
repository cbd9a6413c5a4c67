package dev.v2l.cli;

import static dev.v2l.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.v2l.testing.TestPaths;
import dev.v2l.video.VideoEncoder;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole path on the command line: an official-schema VSI-Bench file (JSON Lines) with a generated video laid out
 * as lmms-eval reads it, imported at two frame counts; one count evaluated with VSI-Bench's prompt; the report.
 */
class BenchImportCliTest {

    static final ObjectMapper M = new ObjectMapper();

    static String row(long id, String scene, String type, String question, String options, String gt) {
        return "{\"id\": " + id + ", \"dataset\": \"scannet\", \"scene_name\": \"" + scene + "\", \"question_type\": \""
                + type + "\", \"question\": \"" + question + "\", \"options\": " + options + ", \"ground_truth\": \""
                + gt + "\"}\n";
    }

    @Test
    void importEvalWithTheVsiPromptAndReport(@TempDir Path dir) throws Exception {
        Path videos = dir.resolve("VSI-Bench");
        List<BufferedImage> frames = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            BufferedImage img = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = img.createGraphics();
            g.setColor(new Color(i * 6, 80, 120));
            g.fillRect(0, 0, 64, 48);
            g.dispose();
            frames.add(img);
        }
        VideoEncoder.encode(frames, 24, videos.resolve("scannet/scene0353_00.mp4"), false);
        Path questions = dir.resolve("test.jsonl");
        Files.writeString(questions, row(0, "scene0353_00", "object_counting", "How many chair(s) are in this room?",
                "null", "3")
                + row(1, "scene0353_00", "object_rel_distance", "Measuring from the closest point of each object, which"
                + " of these objects (sofa, closet, window, door) is the closest to the bed?",
                "[\"A. sofa\", \"B. closet\", \"C. window\", \"D. door\"]", "A")
                + row(2, "scene0304_00", "object_counting", "How many door(s) are in this room?", "null", "1")
                + row(3, "scene0353_00", "object_height", "How tall is the sofa?", "null", "80"));
        Path bench = dir.resolve("bench");
        CliTest.Run imp = run("bench", "import", "vsibench", "--questions", questions.toString(), "--videos",
                videos.toString(), "--frames", "4,8", "--meta", TestPaths.vsiMeta("").toString(), "--quiet", "--out",
                bench.toString());
        // a missing video and an unknown type: exit 2, named, and the rest imported
        assertThat(imp.code()).as(imp.err()).isEqualTo(2);
        assertThat(imp.err()).contains("missing_video", "scene0304_00.mp4", "unknown_question_type", "object_height",
                "import_problems.jsonl", "4 rows, 3 questions -> 4 items");
        assertThat(Files.readAllLines(bench.resolve("bench.jsonl"))).hasSize(4);
        JsonNode prov = M.readTree(bench.resolve("provenance.json").toFile());
        assertThat(prov.at("/import/items").asInt()).isEqualTo(4);

        Path results = dir.resolve("results");
        CliTest.Run ev = run("eval", bench.toString(), "--frames", "8", "--prompt", "vsi", "--model", "scene-oracle",
                "--quiet", "--out", results.toString());
        assertThat(ev.code()).as(ev.err()).isZero();
        Map<String, JsonNode> byId = new HashMap<>();
        for (String l : Files.readAllLines(results.resolve("samples.jsonl"))) {
            JsonNode n = M.readTree(l);
            byId.put(n.get("item_id").asText(), n);
        }
        assertThat(byId.keySet()).containsExactlyInAnyOrder("0", "1"); // official ids, the 8-frame items only
        assertThat(byId.get("0").get("frame_count").asInt()).isEqualTo(8);
        assertThat(byId.get("0").get("answer").asText()).isEqualTo("3");
        JsonNode evalProv = M.readTree(results.resolve("provenance.json").toFile());
        assertThat(evalProv.at("/settings/max_tokens").asInt()).isEqualTo(16);
        assertThat(evalProv.at("/settings/extra_body").asText()).contains("\"top_p\":1.0");

        CliTest.Run rep = run("report", results.toString(), "--out", dir.resolve("report.html").toString());
        assertThat(rep.code()).as(rep.err()).isZero();
        assertThat(Files.readString(dir.resolve("report.html"))).contains("scene-oracle");
    }
}
