package dev.v2l.cli;

import static dev.v2l.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.v2l.render.FrameFiles;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RenderAndFramesCliTest {

    @Test
    void generateWritesSceneFilesThatLoadAgain(@TempDir Path dir) throws Exception {
        CliTest.Run r = run("scenes", "generate", "--count", "3", "--seed", "5", "--out", dir.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(Files.list(dir).filter(p -> p.toString().endsWith(".json")).count()).isEqualTo(3);
        CliTest.Run list = run("scenes", "list", dir.toString());
        assertThat(list.out()).contains("proc-5-0000").contains("3 scenes in v2l:");
        // The files hold the same scenes as the procedural source.
        assertThat(Files.readString(dir.resolve("proc-5-0001.json"))).isEqualTo(
                run("scenes", "show", "procedural:seed=5,count=3", "proc-5-0001", "--json").out());
    }

    @Test
    void renderWritesFramesDepthMasksPosesAndAVideoThatFramesCanRead(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("frames");
        CliTest.Run r = run("render", "procedural:seed=5,count=3", "--scene", "proc-5-0002", "--frames", "8", "--size",
                "320x240", "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        for (String sub : List.of("rgb", "depth", "instance")) {
            assertThat(Files.list(out.resolve(sub)).count()).as(sub).isEqualTo(8);
        }
        BufferedImage rgb = ImageIO.read(out.resolve("rgb/000003.png").toFile());
        assertThat(rgb.getWidth()).isEqualTo(320);
        BufferedImage depth = ImageIO.read(out.resolve("depth/000003.png").toFile());
        assertThat(depth.getSampleModel().getSampleSize(0)).isEqualTo(16);
        float[] metres = FrameFiles.readDepth(out.resolve("depth/000003.png"));
        double mean = 0;
        int n = 0;
        for (float m : metres) {
            if (!Float.isNaN(m)) {
                mean += m;
                n++;
            }
        }
        assertThat(mean / n).as("indoor depths").isBetween(0.3, 12.0);
        List<String> poses = Files.readAllLines(out.resolve("poses.jsonl"));
        assertThat(poses).hasSize(8);
        JsonNode p = new ObjectMapper().readTree(poses.get(2));
        assertThat(p.get("time_s").asDouble()).isEqualTo(0.5);
        assertThat(p.get("intrinsics").get("width").asInt()).isEqualTo(320);
        JsonNode inst = new ObjectMapper().readTree(out.resolve("instances.json").toFile());
        assertThat(inst.get("instances").get("1").get("id").asText()).isNotBlank();
        assertThat(Files.readAllLines(out.resolve("observation.jsonl"))).hasSize(8);
        assertThat(Files.size(out.resolve("video.mp4"))).isPositive();
        // The video decodes to the same number of frames; frame 3 looks like rgb/000003.png.
        Path sampled = dir.resolve("sampled");
        CliTest.Run f = run("frames", out.resolve("video.mp4").toString(), "--sampling", "every:1", "--out",
                sampled.toString());
        assertThat(f.code()).as(f.err()).isZero();
        assertThat(Files.readAllLines(sampled.resolve("frames.jsonl"))).hasSize(8);
        CliTest.Run tooMany = run("frames", out.resolve("video.mp4").toString(), "--count", "9", "--out",
                dir.resolve("nine").toString());
        assertThat(tooMany.code()).isEqualTo(2);
        assertThat(tooMany.err()).contains("--count 9:").contains("has only 8 frames");
        BufferedImage decoded = ImageIO.read(sampled.resolve("frame_000003.png").toFile());
        assertThat(meanAbsDiff(decoded, rgb)).isLessThan(12);
        assertThat(meanAbsDiff(decoded, ImageIO.read(out.resolve("rgb/000006.png").toFile())))
                .isGreaterThan(meanAbsDiff(decoded, rgb));
    }

    static double meanAbsDiff(BufferedImage a, BufferedImage b) {
        double s = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                int p = a.getRGB(x, y);
                int q = b.getRGB(x, y);
                s += Math.abs(((p >> 16) & 255) - ((q >> 16) & 255)) + Math.abs(((p >> 8) & 255) - ((q >> 8) & 255))
                        + Math.abs((p & 255) - (q & 255));
            }
        }
        return s / (3.0 * a.getWidth() * a.getHeight());
    }

    @Test
    void badArgumentsAreUsageErrors(@TempDir Path dir) throws Exception {
        assertThat(run("render", "procedural:seed=5,count=3", "--scene", "proc-5-0002", "--size", "big", "--out",
                dir.toString()).err()).contains("Invalid value for option '--size': 'big' is not WIDTHxHEIGHT");
        assertThat(run("render", "procedural:seed=5,count=3", "--scene", "nope", "--out", dir.toString()).code())
                .isEqualTo(2);
        assertThat(run("render", "procedural:seed=5,speed=3", "--scene", "x", "--out", dir.toString()).err())
                .contains("unknown procedural parameter 'speed'");
        Path notVideo = dir.resolve("x.mp4");
        Files.writeString(notVideo, "hello");
        CliTest.Run f = run("frames", notVideo.toString(), "--count", "4", "--out", dir.resolve("o").toString());
        assertThat(f.code()).isEqualTo(2);
        assertThat(f.err()).contains("x.mp4: not a video FFmpeg can read");
        assertThat(run("frames", notVideo.toString(), "--out", dir.toString()).err())
                .contains("Missing required argument (specify one of these): (--count=N | --sampling=SPEC)");
    }
}
