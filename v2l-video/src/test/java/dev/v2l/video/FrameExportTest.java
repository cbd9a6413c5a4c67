package dev.v2l.video;

import static dev.v2l.video.VideoReaderTest.numbered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.v2l.io.BadInputException;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link FrameExport}: images written while decoding are exactly the decoded frames, listed as asked. */
class FrameExportTest {

    @TempDir
    static Path dir;
    static Path video;

    @BeforeAll
    static void makeVideo() throws Exception {
        List<BufferedImage> imgs = new ArrayList<>();
        for (int i = 0; i < 90; i++) {
            imgs.add(numbered(i));
        }
        video = dir.resolve("numbered.mp4");
        VideoEncoder.encode(imgs, 30, video, false);
    }

    @Test
    void pngFilesHoldExactlyTheDecodedPixelsAndTheIndexListsFramesAsAsked() throws Exception {
        Path out = dir.resolve("out");
        // times out of order and repeated: frames.jsonl lists them as asked, each file written once
        FrameExport.Settings s = new FrameExport.Settings(null, "times:2.5,0.5,2.5,1", 0, "png");
        List<FrameExport.Result> res = FrameExport.export(List.of(video), s, out, r -> { });
        assertThat(res).hasSize(1);
        assertThat(res.get(0).written()).isEqualTo(4);
        List<String> lines = Files.readAllLines(out.resolve("frames.jsonl"));
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).isEqualTo("{\"frame\": 75, \"time_s\": 2.500000, \"file\": \"frame_000075.png\", "
                + "\"width\": 352, \"height\": 240}");
        assertThat(lines.get(1)).startsWith("{\"frame\": 15, \"time_s\": 0.500000");
        assertThat(lines.get(2)).isEqualTo(lines.get(0));
        assertThat(lines.get(3)).startsWith("{\"frame\": 30,");
        try (var files = Files.list(out)) {
            assertThat(files.filter(f -> f.toString().endsWith(".png")).count()).isEqualTo(3);
        }
        try (VideoReader r = VideoReader.open(video)) {
            for (DecodedFrame f : r.read(new int[] {15, 30, 75}, 0)) {
                BufferedImage png = ImageIO.read(out.resolve(String.format("frame_%06d.png", f.index())).toFile());
                for (int y = 0; y < 240; y++) {
                    for (int x = 0; x < 352; x++) {
                        assertThat(png.getRGB(x, y)).isEqualTo(f.image().getRGB(x, y));
                    }
                }
            }
        }
    }

    @Test
    void scaledJpegFramesAndAnUnwritableTargetIsAClearError() throws Exception {
        Path out = dir.resolve("jpg");
        FrameExport.export(List.of(video), new FrameExport.Settings(5, null, 20_000, "jpg"), out, r -> { });
        BufferedImage img = ImageIO.read(out.resolve("frame_000089.jpg").toFile());
        assertThat((long) img.getWidth() * img.getHeight()).isLessThanOrEqualTo(20_000);
        assertThat(Files.readAllLines(out.resolve("frames.jsonl"))).hasSize(5).last().asString()
                .contains("\"frame\": 89,").contains("\"width\": " + img.getWidth());
        // a frame's file name taken by a folder: the writer's error comes out, naming the file
        Path blocked = dir.resolve("blocked");
        Files.createDirectories(blocked.resolve("frame_000044.png"));
        assertThatThrownBy(() -> FrameExport.export(List.of(video), new FrameExport.Settings(3, null, 0, "png"),
                blocked, r -> { })).isInstanceOf(BadInputException.class).hasMessageContaining("frame_000044.png");
        // every writer has stopped when the error comes out: nothing appears later, no temporary file is left
        List<String> after;
        try (var files = Files.list(blocked)) {
            after = files.map(p -> p.getFileName().toString()).sorted().toList();
        }
        Thread.sleep(300);
        try (var files = Files.list(blocked)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList()).isEqualTo(after);
        }
        assertThat(after).noneMatch(n -> n.endsWith(".tmp"));
    }
}
