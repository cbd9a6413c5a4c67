package dev.v2l.cli;

import static dev.v2l.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.v2l.testing.TestPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DetectCliTest {

    static final Path PHOTOS = TestPaths.root().resolve("v2l-eval/src/test/resources/dev/v2l/detect/photos");
    static final ObjectMapper M = new ObjectMapper();

    @Test
    void detectsOnPhotosOneLinePerFrameAndDrawsTheBoxes(@TempDir Path dir) throws Exception {
        CliTest.Run r = run("detect", PHOTOS.toString(), "--min-score", "0.5", "--draw", dir.toString());
        assertThat(r.code()).as(r.err()).isZero();
        List<String> lines = r.out().strip().lines().toList();
        assertThat(lines).hasSize(3); // astronaut, chelsea, coffee: a folder's images in name order
        JsonNode coffee = M.readTree(lines.get(2));
        assertThat(coffee.get("frame").asText()).endsWith("coffee.png");
        assertThat(coffee.get("width").asInt()).isEqualTo(600);
        assertThat(coffee.at("/detections/0/label").asText()).isIn("Coffee cup", "Mug");
        assertThat(coffee.at("/detections/0/box").size()).isEqualTo(4);
        for (JsonNode d : coffee.get("detections")) {
            assertThat(d.get("score").asDouble()).isGreaterThanOrEqualTo(0.5);
        }
        assertThat(M.readTree(lines.get(0)).at("/detections/0/label").asText()).isEqualTo("Person");
        assertThat(ImageIO.read(dir.resolve("coffee.png").toFile()).getWidth()).isEqualTo(600);
        assertThat(r.err()).contains("3 frames");
    }

    @Test
    void scoresARenderAgainstItsMasks(@TempDir Path dir) throws Exception {
        Path render = dir.resolve("r");
        assertThat(run("render", "procedural:seed=4,count=1", "--scene", "proc-4-0000", "--frames", "3", "--size",
                "320x240", "--no-video", "--out", render.toString()).code()).isZero();
        Path out = dir.resolve("d/detections.jsonl");
        Path realism = dir.resolve("realism.json");
        CliTest.Run r = run("detect", "--truth", render.toString(), "--out", out.toString(), "--realism",
                realism.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(Files.readAllLines(out)).hasSize(3);
        JsonNode j = M.readTree(realism.toFile());
        assertThat(j.get("frames").asInt()).isEqualTo(3);
        assertThat(j.get("min_share").asDouble()).isEqualTo(0.02);
        assertThat(j.get("min_iou").asDouble()).isEqualTo(0.5);
        assertThat(j.get("min_score").asDouble()).isEqualTo(0.3);
        assertThat(j.at("/overall/truth").asInt()).isGreaterThanOrEqualTo(j.at("/overall/found").asInt());
        assertThat(j.has("labels")).isTrue();
        assertThat(r.out()).contains("overall").contains("recall");
    }

    @Test
    void badInputIsExitTwoNamingTheProblem(@TempDir Path dir) {
        CliTest.Run missing = run("detect", dir.resolve("nope.jpg").toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("nope.jpg").contains("no such file");
        CliTest.Run none = run("detect");
        assertThat(none.code()).isEqualTo(2);
        assertThat(none.err()).contains("--truth");
        CliTest.Run realismAlone = run("detect", PHOTOS.toString(), "--realism", "x.json");
        assertThat(realismAlone.code()).isEqualTo(2);
        CliTest.Run notRender = run("detect", "--truth", dir.toString());
        assertThat(notRender.code()).isEqualTo(2);
        assertThat(notRender.err()).contains("instances.json");
        CliTest.Run score = run("detect", PHOTOS.toString(), "--min-score", "2");
        assertThat(score.code()).isEqualTo(2);
        assertThat(score.err()).contains("--min-score").contains("in [0, 1]");
    }
}
