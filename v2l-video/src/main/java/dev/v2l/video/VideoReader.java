package dev.v2l.video;

import dev.v2l.io.BadInputException;
import dev.v2l.io.Images;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegLogCallback;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.javacv.Java2DFrameConverter;

/**
 * Reads frames from MP4, MOV, MKV, WebM (anything FFmpeg decodes), frame-accurately: each frame is identified by its
 * presentation time, so a seek that lands on a key frame before the target decodes forward to it. A missing,
 * corrupt or unsupported file raises {@link BadInputException} naming the file.
 */
public final class VideoReader implements AutoCloseable {

    /** Decode forward instead of seeking when the next wanted frame is at most this many frames ahead. */
    static final int FORWARD_WINDOW = 48;

    static {
        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
        FFmpegLogCallback.setLevel(avutil.AV_LOG_QUIET);
    }

    private final Path file;
    private final FFmpegFrameGrabber grabber;
    private final Java2DFrameConverter converter = new Java2DFrameConverter();
    private final VideoInfo info;
    private final long startMicros;
    private int next; // index of the frame the next grabImage() returns, or -1 when unknown
    private int packetCount = -1; // countFrames(), once asked

    private VideoReader(Path file, FFmpegFrameGrabber grabber, VideoInfo info, long startMicros) {
        this.file = file;
        this.grabber = grabber;
        this.info = info;
        this.startMicros = startMicros;
        this.next = 0;
    }

    public static VideoReader open(Path file) {
        if (!Files.isRegularFile(file)) {
            throw BadInputException.ofFile(file.toString(), "no such video file", null);
        }
        FFmpegFrameGrabber g = new FFmpegFrameGrabber(file.toFile());
        g.setVideoOption("threads", "auto"); // frame-parallel decoding: seeks decode up to a GOP
        try {
            g.start();
        } catch (FrameGrabber.Exception | RuntimeException e) {
            closeQuietly(g);
            throw BadInputException.ofFile(file.toString(), "not a video FFmpeg can read (" + e.getMessage() + ")",
                    e);
        }
        if (g.getVideoStream() < 0 || g.getImageWidth() <= 0) {
            closeQuietly(g);
            throw BadInputException.ofFile(file.toString(), "has no video stream", null);
        }
        try {
            double fps = g.getVideoFrameRate();
            int frames = g.getLengthInVideoFrames();
            if (!(fps > 0) || frames <= 0) {
                throw BadInputException.ofFile(file.toString(), "has no frame rate or length FFmpeg can tell", null);
            }
            // The first frame's time: frame n is at start + n / fps.
            Frame first = g.grabImage();
            if (first == null) {
                throw BadInputException.ofFile(file.toString(), "has no decodable video frame", null);
            }
            long start = first.timestamp;
            g.setVideoTimestamp(start);
            VideoInfo info = new VideoInfo(file, frames, fps, frames / fps, g.getImageWidth(), g.getImageHeight(),
                    g.getVideoCodecName());
            VideoReader r = new VideoReader(file, g, info, start);
            r.next = -1;
            return r;
        } catch (FrameGrabber.Exception e) {
            closeQuietly(g);
            throw BadInputException.ofFile(file.toString(), "cannot decode: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(g);
            throw e;
        }
    }

    public VideoInfo info() {
        return info;
    }

    /**
     * The number of frames decord's {@code len(VideoReader(path))} reports — what lmms-eval's loaders take as the
     * video's length: the packets of the video stream, counted by demuxing the whole file (no decoding). FFmpeg's
     * {@link VideoInfo#frames()} is the duration × frame rate, which can differ by a frame or more. After this call,
     * {@link #read} accepts indices up to this count.
     */
    public int countFrames() {
        if (packetCount >= 0) {
            return packetCount;
        }
        FFmpegFrameGrabber g = new FFmpegFrameGrabber(file.toFile());
        try {
            g.start();
            int stream = g.getVideoStream();
            int n = 0;
            org.bytedeco.ffmpeg.avcodec.AVPacket p;
            while ((p = g.grabPacket()) != null) {
                if (p.stream_index() == stream) {
                    n++;
                }
                org.bytedeco.ffmpeg.global.avcodec.av_packet_unref(p);
            }
            if (n == 0) {
                throw BadInputException.ofFile(file.toString(), "has no video packets", null);
            }
            packetCount = n;
            return n;
        } catch (FrameGrabber.Exception e) {
            throw BadInputException.ofFile(file.toString(), "cannot demux: " + e.getMessage(), e);
        } finally {
            closeQuietly(g);
        }
    }

    /**
     * The frames at these indices (any order, repeats allowed), each scaled to at most {@code maxPixels} (0: as
     * decoded), in the order asked.
     */
    public List<DecodedFrame> read(int[] indices, long maxPixels) {
        int[] sorted = Arrays.stream(indices).distinct().sorted().toArray();
        int limit = Math.max(info.frames(), packetCount);
        for (int i : sorted) {
            if (i < 0 || i >= limit) {
                throw BadInputException.ofFile(file.toString(), "frame " + i + " does not exist (the video has "
                        + limit + " frames)", null);
            }
        }
        java.util.Map<Integer, DecodedFrame> got = new java.util.HashMap<>();
        try {
            for (int target : sorted) {
                got.put(target, frame(target, maxPixels));
            }
        } catch (FrameGrabber.Exception e) {
            throw BadInputException.ofFile(file.toString(), "cannot decode: " + e.getMessage(), e);
        }
        List<DecodedFrame> out = new ArrayList<>(indices.length);
        for (int i : indices) {
            out.add(got.get(i));
        }
        return out;
    }

    private DecodedFrame frame(int target, long maxPixels) throws FrameGrabber.Exception {
        // Seek just before the target (FFmpeg lands on the key frame before and decodes forward); if that overshoots,
        // back off further; last, decode from the first frame.
        int[] backOff = {0, 2 * FORWARD_WINDOW, target};
        int lastDecoded = -1;
        boolean reachedEnd = false;
        for (int attempt = 0; attempt < backOff.length; attempt++) {
            if (next < 0 || target < next || target - next > FORWARD_WINDOW || attempt > 0) {
                double from = Math.max(0, target - backOff[attempt]) - 0.25;
                grabber.setVideoTimestamp(Math.max(startMicros, startMicros + Math.round(from * 1e6 / info.fps())));
                next = -1;
            }
            while (true) {
                Frame f = grabber.grabImage();
                if (f == null) {
                    next = -1;
                    reachedEnd = true;
                    break;
                }
                int index = (int) Math.round((f.timestamp - startMicros) * info.fps() / 1e6);
                lastDecoded = Math.max(lastDecoded, index);
                next = index + 1;
                if (index == target) {
                    BufferedImage img = deepCopy(converter.convert(f));
                    return new DecodedFrame(index, (f.timestamp - startMicros) / 1e6,
                            Images.limitPixels(img, maxPixels));
                }
                if (index > target) {
                    next = -1;
                    break;
                }
            }
        }
        if (reachedEnd && lastDecoded < target) {
            throw new FrameGrabber.Exception("the video data ends after frame " + lastDecoded + " although the header "
                    + "declares " + info.frames() + " frames: the file looks truncated (frame " + target
                    + " was asked for)");
        }
        throw new FrameGrabber.Exception("frame " + target + " could not be located exactly (the frame times do not "
                + "follow the declared " + info.fps() + " fps: variable frame rate?)");
    }

    /** The converter reuses its buffer: copy before the next frame overwrites it. */
    private static BufferedImage deepCopy(BufferedImage src) {
        BufferedImage out = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = out.createGraphics();
        g.drawImage(src, 0, 0, null);
        g.dispose();
        return out;
    }

    @Override
    public void close() {
        closeQuietly(grabber);
    }

    private static void closeQuietly(FFmpegFrameGrabber g) {
        try {
            g.close();
        } catch (FrameGrabber.Exception | RuntimeException ignored) {
            // closing a broken grabber
        }
    }
}
