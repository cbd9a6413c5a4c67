package dev.v2l.video;

import static dev.v2l.video.VideoReaderTest.numbered;
import static dev.v2l.video.VideoReaderTest.readNumber;
import static org.assertj.core.api.Assertions.assertThat;

import dev.v2l.scene.FrameSampling;
import java.nio.file.Path;
import java.util.List;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Java2DFrameConverter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reader decodes only what the wanted frames need — frames nothing refers to are skipped unless wanted, a key
 * frame between two wanted frames is seeked to — and still returns exactly the frames asked for.
 */
class DecodeWorkTest {

    static final int FRAMES = 150;
    @TempDir
    static Path dir;
    static Path bFrames;
    static Path gop60;

    @BeforeAll
    static void makeVideos() throws Exception {
        // MPEG-4 Part 2 with two B-frames between references (which nothing refers to), a key frame every 60.
        bFrames = dir.resolve("bframes.mp4");
        FFmpegFrameRecorder rec = new FFmpegFrameRecorder(bFrames.toFile(), 352, 240, 0);
        rec.setFormat("mp4");
        rec.setFrameRate(30);
        rec.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
        rec.setVideoCodec(avcodec.AV_CODEC_ID_MPEG4);
        rec.setVideoQuality(2);
        rec.setGopSize(60);
        rec.setMaxBFrames(2);
        try (Java2DFrameConverter conv = new Java2DFrameConverter()) {
            rec.start();
            for (int i = 0; i < FRAMES; i++) {
                java.awt.image.BufferedImage bgr = new java.awt.image.BufferedImage(352, 240,
                        java.awt.image.BufferedImage.TYPE_3BYTE_BGR);
                bgr.getGraphics().drawImage(numbered(i), 0, 0, null);
                rec.record(conv.convert(bgr));
            }
            rec.stop();
        } finally {
            rec.release();
        }
        gop60 = dir.resolve("gop60.mp4");
        List<java.awt.image.BufferedImage> imgs = new java.util.ArrayList<>();
        for (int i = 0; i < FRAMES; i++) {
            imgs.add(numbered(i));
        }
        VideoEncoder.encode(imgs, 30, gop60, false); // a key frame every 60 frames
    }

    @Test
    void framesNothingRefersToAreSkippedUnlessWanted() {
        int[] want = FrameSampling.uniform(FRAMES, 16);
        try (VideoReader r = VideoReader.open(bFrames)) {
            int before = r.decoded;
            List<DecodedFrame> got = r.read(want, 0);
            for (int i = 0; i < want.length; i++) {
                assertThat(readNumber(got.get(i).image())).as("frame %d", want[i]).isEqualTo(want[i]);
            }
            // a third of the frames are B-frames; the 16 wanted ones are decoded, most others are not
            assertThat(r.decoded - before).isLessThan(FRAMES * 3 / 4);
            // wanted B-frames next to each other, and every frame
            int[] run = {30, 31, 32, 33, 34, 35, 36};
            assertThat(r.read(run, 0)).extracting(f -> readNumber(f.image())).containsExactly(30, 31, 32, 33, 34, 35,
                    36);
            // backwards, next to a key frame (120) whose index time is before frame 119 while it shows after it:
            // the seek lands on 120, the reader goes back to the key frame before (60), not further
            assertThat(readNumber(r.read(new int[] {140}, 0).get(0).image())).isEqualTo(140);
            before = r.decoded;
            assertThat(readNumber(r.read(new int[] {119}, 0).get(0).image())).isEqualTo(119);
            assertThat(r.decoded - before).isBetween(55, 75);
            assertThat(r.read(new int[] {140, 119, 118, 121}, 0)).extracting(f -> readNumber(f.image()))
                    .containsExactly(140, 119, 118, 121);
            int[] all = FrameSampling.every(FRAMES, 1);
            List<DecodedFrame> every = r.read(all, 0);
            for (DecodedFrame f : every) {
                assertThat(readNumber(f.image())).isEqualTo(f.index());
            }
        }
    }

    @Test
    void aKeyFrameBetweenWantedFramesIsSeekedTo() {
        try (VideoReader r = VideoReader.open(gop60)) {
            int before = r.decoded;
            // 5, then 125: the key frame at 120 saves decoding 6..119
            assertThat(r.read(new int[] {5, 125}, 0)).extracting(f -> readNumber(f.image())).containsExactly(5, 125);
            assertThat(r.decoded - before).isLessThan(40);
            // a wanted key frame is landed on, not the key frame before it
            before = r.decoded;
            assertThat(readNumber(r.read(new int[] {60}, 0).get(0).image())).isEqualTo(60);
            assertThat(r.decoded - before).isLessThan(10);
            // and nearby frames are decoded forward (no seek back to the key frame)
            before = r.decoded;
            assertThat(r.read(new int[] {62, 64}, 0)).extracting(f -> readNumber(f.image())).containsExactly(62, 64);
            assertThat(r.decoded - before).isLessThan(10);
        }
    }
}
