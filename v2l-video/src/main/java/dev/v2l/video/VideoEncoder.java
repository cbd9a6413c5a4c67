package dev.v2l.video;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.FrameRecorder;
import org.bytedeco.javacv.Java2DFrameConverter;

/**
 * Writes frames as an MP4 video: H.264 when this FFmpeg build has an encoder for it, MPEG-4 Part 2 otherwise,
 * every frame a key frame optional (for exact tests). Written to a temporary file and renamed.
 */
public final class VideoEncoder {

    static {
        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
    }

    private VideoEncoder() {
    }

    /** Encodes {@code images} at {@code fps} into {@code out}. */
    public static void encode(List<BufferedImage> images, double fps, Path out, boolean allKeyFrames)
            throws IOException {
        if (images.isEmpty()) {
            throw new IllegalArgumentException("no frames to encode");
        }
        int w = images.get(0).getWidth() & ~1;
        int h = images.get(0).getHeight() & ~1;
        Path abs = out.toAbsolutePath();
        Files.createDirectories(abs.getParent());
        Path tmp = abs.resolveSibling("." + abs.getFileName() + ".tmp.mp4");
        FFmpegFrameRecorder rec = new FFmpegFrameRecorder(tmp.toFile(), w, h, 0);
        rec.setFormat("mp4");
        rec.setOption("movflags", "+faststart"); // the index first, as web and phone videos have it
        rec.setFrameRate(fps);
        rec.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
        boolean h264 = avcodec.avcodec_find_encoder(avcodec.AV_CODEC_ID_H264) != null;
        rec.setVideoCodec(h264 ? avcodec.AV_CODEC_ID_H264 : avcodec.AV_CODEC_ID_MPEG4);
        rec.setVideoQuality(h264 ? 18 : 2);
        rec.setGopSize(allKeyFrames ? 1 : Math.max(1, (int) Math.round(fps * 2)));
        try (Java2DFrameConverter conv = new Java2DFrameConverter()) {
            rec.start();
            for (BufferedImage img : images) {
                BufferedImage even = img.getWidth() == w && img.getHeight() == h ? img : img.getSubimage(0, 0, w, h);
                rec.record(conv.convert(toBgr(even)));
            }
            rec.stop();
        } catch (FrameRecorder.Exception e) {
            Files.deleteIfExists(tmp);
            throw new IOException("cannot encode " + out + ": " + e.getMessage(), e);
        } finally {
            rec.release();
        }
        Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static BufferedImage toBgr(BufferedImage img) {
        if (img.getType() == BufferedImage.TYPE_3BYTE_BGR) {
            return img;
        }
        BufferedImage out = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
        java.awt.Graphics2D g = out.createGraphics();
        g.drawImage(img, 0, 0, null);
        g.dispose();
        return out;
    }

    /** Encodes {@code rgbDir/000000.png …} (as {@code v2l render} writes them) into {@code out}. */
    public static void encodeFolder(Path rgbDir, int frames, double fps, Path out) throws IOException {
        List<BufferedImage> imgs = new java.util.ArrayList<>(frames);
        for (int i = 0; i < frames; i++) {
            imgs.add(ImageIO.read(rgbDir.resolve(String.format(Locale.ROOT, "%06d.png", i)).toFile()));
        }
        encode(imgs, fps, out, false);
    }
}
