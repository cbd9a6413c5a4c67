package dev.v2l.video;

import dev.v2l.scene.FrameSampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.v2l.io.BadInputException;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A video made in the test with each frame's number drawn in (as digits and as 10 black/white blocks). */
class VideoReaderTest {

    static final int FRAMES = 150;
    static final double FPS = 30;
    @TempDir
    static Path dir;
    static Path video;

    static BufferedImage numbered(int n) {
        BufferedImage img = new BufferedImage(352, 240, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(40, 60, 90));
        g.fillRect(0, 0, 352, 240);
        for (int bit = 0; bit < 10; bit++) {
            g.setColor(((n >> bit) & 1) == 1 ? Color.WHITE : Color.BLACK);
            g.fillRect(8 + bit * 33, 8, 30, 30);
        }
        g.setColor(Color.WHITE);
        g.setFont(new Font(Font.MONOSPACED, Font.BOLD, 64));
        g.drawString(Integer.toString(n), 40, 150);
        g.dispose();
        return img;
    }

    static int readNumber(BufferedImage img) {
        int n = 0;
        for (int bit = 0; bit < 10; bit++) {
            int rgb = img.getRGB(8 + bit * 33 + 15, 8 + 15);
            int luma = ((rgb >> 16) & 255) + ((rgb >> 8) & 255) + (rgb & 255);
            if (luma > 3 * 128) {
                n |= 1 << bit;
            }
        }
        return n;
    }

    @BeforeAll
    static void makeVideo() throws Exception {
        List<BufferedImage> imgs = new ArrayList<>();
        for (int i = 0; i < FRAMES; i++) {
            imgs.add(numbered(i));
        }
        video = dir.resolve("numbered.mp4");
        VideoEncoder.encode(imgs, FPS, video, false); // key frames only every 2 s: seeking must decode forward
    }

    @Test
    void infoMatchesWhatWasWritten() {
        try (VideoReader r = VideoReader.open(video)) {
            assertThat(r.info().frames()).isEqualTo(FRAMES);
            assertThat(r.info().fps()).isEqualTo(FPS);
            assertThat(r.info().width()).isEqualTo(352);
        }
    }

    @Test
    void countsFramesAsDecordDoesAndReadsLmmsEvalsIndices() {
        try (VideoReader r = VideoReader.open(video)) {
            assertThat(r.countFrames()).isEqualTo(FRAMES);
            int[] want = FrameSampling.uniformFloor(r.countFrames(), 32);
            List<DecodedFrame> got = r.read(want, 0);
            for (int i = 0; i < want.length; i++) {
                assertThat(readNumber(got.get(i).image())).as("frame %d", want[i]).isEqualTo(want[i]);
            }
        }
    }

    @Test
    void uniformSamplingReturnsExactlyTheRequestedFrames() {
        int[] want = FrameSampling.uniform(FRAMES, 16);
        assertThat(want[0]).isZero();
        assertThat(want[15]).isEqualTo(FRAMES - 1);
        try (VideoReader r = VideoReader.open(video)) {
            List<DecodedFrame> got = r.read(want, 0);
            for (int i = 0; i < want.length; i++) {
                assertThat(got.get(i).index()).isEqualTo(want[i]);
                assertThat(readNumber(got.get(i).image())).as("frame %d", want[i]).isEqualTo(want[i]);
                assertThat(got.get(i).timeSeconds()).isCloseTo(want[i] / FPS, org.assertj.core.api.Assertions.within(1e-3));
            }
        }
    }

    @Test
    void randomOrderRepeatsAndBackwardSeeksAreExact() {
        int[] want = {149, 3, 77, 76, 0, 149, 61, 59, 120, 1};
        try (VideoReader r = VideoReader.open(video)) {
            List<DecodedFrame> got = r.read(want, 0);
            for (int i = 0; i < want.length; i++) {
                assertThat(readNumber(got.get(i).image())).as("request %d", i).isEqualTo(want[i]);
            }
            // Every 7th frame and frames at given times.
            for (DecodedFrame f : r.read(FrameSampling.every(FRAMES, 7), 0)) {
                assertThat(readNumber(f.image())).isEqualTo(f.index());
            }
            int[] t = FrameSampling.atTimes(new double[] {0.5, 2.0, 4.9}, FPS, FRAMES);
            assertThat(t).containsExactly(15, 60, 147);
            assertThat(r.read(t, 0)).extracting(f -> readNumber(f.image())).containsExactly(15, 60, 147);
        }
    }

    @Test
    void framesAreScaledToTheMaximumPixelCount() {
        try (VideoReader r = VideoReader.open(video)) {
            BufferedImage img = r.read(new int[] {10}, 20_000).get(0).image();
            assertThat((long) img.getWidth() * img.getHeight()).isLessThanOrEqualTo(20_000);
            assertThat((double) img.getWidth() / img.getHeight()).isCloseTo(352 / 240.0,
                    org.assertj.core.api.Assertions.within(0.02));
        }
    }

    @Test
    void missingCorruptAndNonVideoFilesAreClearErrors() throws Exception {
        assertThatThrownBy(() -> VideoReader.open(dir.resolve("nope.mp4"))).isInstanceOf(BadInputException.class)
                .hasMessageContaining("nope.mp4: no such video file");
        assertThatThrownBy(() -> VideoReader.open(dir)).isInstanceOf(BadInputException.class)
                .hasMessageContaining(dir + ": is a folder; expected a video file");
        Path corrupt = dir.resolve("corrupt.mp4");
        byte[] head = Files.readAllBytes(video);
        Files.write(corrupt, java.util.Arrays.copyOf(head, 600));
        assertThatThrownBy(() -> VideoReader.open(corrupt)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("corrupt.mp4");
        Path text = dir.resolve("notes.mkv");
        Files.writeString(text, "this is not a video");
        assertThatThrownBy(() -> VideoReader.open(text)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("notes.mkv: not a video FFmpeg can read");
        try (VideoReader r = VideoReader.open(video)) {
            assertThatThrownBy(() -> r.read(new int[] {FRAMES}, 0)).hasMessageContaining("frame 150 does not exist");
        }
        // The header survives, the data does not: say so rather than blame the frame rate.
        Path truncated = dir.resolve("truncated.mp4");
        Files.write(truncated, java.util.Arrays.copyOf(head, head.length / 2));
        try (VideoReader r = VideoReader.open(truncated)) {
            assertThat(r.info().frames()).isEqualTo(FRAMES);
            assertThatThrownBy(() -> r.read(new int[] {FRAMES - 1}, 0)).isInstanceOf(BadInputException.class)
                    .hasMessageContaining("truncated.mp4: cannot decode: the video data ends after frame")
                    .hasMessageContaining("the file looks truncated").hasMessageNotContaining("variable frame rate");
        }
    }

    @Test
    void samplingSpecs() {
        assertThat(FrameSampling.uniform(10, 4)).containsExactly(0, 3, 6, 9);
        // linspace(0, 9, 5) = 0, 2.25, 4.5, 6.75, 9: rounded half to even 0, 2, 4, 7, 9; truncated 0, 2, 4, 6, 9.
        assertThat(FrameSampling.uniform(10, 5)).containsExactly(0, 2, 4, 7, 9);
        assertThat(FrameSampling.uniformFloor(10, 5)).containsExactly(0, 2, 4, 6, 9);
        assertThat(FrameSampling.parse("every:4", 10, 30)).containsExactly(0, 4, 8);
        assertThatThrownBy(() -> FrameSampling.parse("some:3", 10, 30)).hasMessageContaining("uniform:N");
    }
}
