package dev.v2l.video;

import static org.bytedeco.ffmpeg.global.avcodec.AVDISCARD_DEFAULT;
import static org.bytedeco.ffmpeg.global.avcodec.AVDISCARD_NONREF;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_decoder;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_flush_buffers;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_to_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_frame;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_packet;
import static org.bytedeco.ffmpeg.global.avformat.AVSEEK_FLAG_BACKWARD;
import static org.bytedeco.ffmpeg.global.avformat.av_find_best_stream;
import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avformat.av_seek_frame;
import static org.bytedeco.ffmpeg.global.avformat.avformat_close_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_find_stream_info;
import static org.bytedeco.ffmpeg.global.avformat.avformat_index_get_entries_count;
import static org.bytedeco.ffmpeg.global.avformat.avformat_index_get_entry;
import static org.bytedeco.ffmpeg.global.avformat.avformat_open_input;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EAGAIN;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGR24;
import static org.bytedeco.ffmpeg.global.avutil.AV_TIME_BASE;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_strerror;
import static org.bytedeco.ffmpeg.global.swscale.SWS_BILINEAR;
import static org.bytedeco.ffmpeg.global.swscale.sws_freeContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_getCachedContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_scale;

import dev.v2l.io.BadInputException;
import dev.v2l.io.Images;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIndexEntry;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * Reads frames from MP4, MOV, MKV, WebM (anything FFmpeg decodes), frame-accurately: each frame is identified by its
 * presentation time (frame n is at the first frame's time + n / fps). A missing, corrupt or unsupported file raises
 * {@link BadInputException} naming the file.
 *
 * <p>Only what the wanted frames need is decoded, with FFmpeg's libavcodec directly (frame- and slice-threaded):
 * between two wanted frames the reader decodes forward when no key frame lies between them and seeks to the key frame
 * before the next one otherwise; frames nothing refers to (most B-frames) are skipped unless wanted
 * ({@code skip_frame=nonref}, decided per packet); and only the wanted frames are converted to RGB.
 */
public final class VideoReader implements AutoCloseable {

    /** Without a key frame index, decode forward instead of seeking when the next wanted frame is this close. */
    static final int FORWARD_WINDOW = 48;
    /** Frames by which a container index's key frame time may differ from when it shows. */
    static final int INDEX_SLACK = 4;

    static {
        avutil.av_log_set_level(avutil.AV_LOG_QUIET);
    }

    private final Path file;
    private final VideoInfo info;
    private AVFormatContext fmt;
    private AVCodecContext dec;
    private AVPacket pkt;
    private AVFrame frame;
    private SwsContext sws;
    private final int stream;
    private final long tbNum;
    private final long tbDen;
    private long startMicros;
    private long[] keyFrames; // key frame times in stream time base (from the container's index), sorted; null: none
    private int next; // index of the frame the decoder returns next, or -1 when unknown (after a seek)
    private boolean eof; // the demuxer is at the end and the decoder was told so
    private int counted = -1; // countFrames(), once asked
    /** Frames (sorted) the current read still wants: packets of other frames nothing refers to are skipped. */
    private int[] wanted = new int[0];
    private boolean skipAllowed;
    private boolean skipWorks = true;
    /** Frames the decoder returned so far (for tests: what skipping and seeking saved). */
    int decoded;

    private VideoReader(Path file) {
        this.file = file;
        this.fmt = new AVFormatContext(null);
        int ret = avformat_open_input(fmt, file.toString(), null, null);
        if (ret < 0) {
            fmt = null;
            throw bad("not a video FFmpeg can read (" + err(ret) + ")");
        }
        try {
            if ((ret = avformat_find_stream_info(fmt, (PointerPointer<?>) null)) < 0) {
                throw bad("not a video FFmpeg can read (" + err(ret) + ")");
            }
            stream = av_find_best_stream(fmt, AVMEDIA_TYPE_VIDEO, -1, -1, (PointerPointer<?>) null, 0);
            if (stream < 0) {
                throw bad("has no video stream");
            }
            AVStream st = fmt.streams(stream);
            tbNum = st.time_base().num();
            tbDen = st.time_base().den();
            AVCodec codec = avcodec_find_decoder(st.codecpar().codec_id());
            if (codec == null) {
                throw bad("has a video codec this FFmpeg build cannot decode (id " + st.codecpar().codec_id() + ")");
            }
            if (st.codecpar().width() <= 0) {
                throw bad("has no video stream");
            }
            dec = avcodec_alloc_context3(codec);
            if ((ret = avcodec_parameters_to_context(dec, st.codecpar())) < 0) {
                throw bad("cannot decode: " + err(ret));
            }
            dec.thread_count(0); // one per core
            dec.thread_type(AVCodecContext.FF_THREAD_FRAME | AVCodecContext.FF_THREAD_SLICE);
            dec.pkt_timebase(st.time_base());
            if ((ret = avcodec_open2(dec, codec, (PointerPointer<?>) null)) < 0) {
                throw bad("cannot decode: " + err(ret));
            }
            pkt = av_packet_alloc();
            frame = av_frame_alloc();
            AVRational r = st.avg_frame_rate();
            if (r.num() == 0 && r.den() == 0) {
                r = st.r_frame_rate();
            }
            double fps = r.den() == 0 ? 0 : (double) r.num() / r.den();
            // FFmpeg's estimate (what JavaCV's getLengthInVideoFrames gives): container duration × frame rate.
            long lengthMicros = fmt.duration() == AV_NOPTS_VALUE ? 0 : fmt.duration() * 1000000L / AV_TIME_BASE;
            int frames = (int) Math.round(lengthMicros * fps / 1000000L);
            if (!(fps > 0) || frames <= 0) {
                throw bad("has no frame rate or length FFmpeg can tell");
            }
            keyFrames = keyFrameIndex(st);
            // The first frame's time: frame n is at start + n / fps.
            next = -1;
            if (!decodeNext()) {
                throw bad("has no decodable video frame");
            }
            startMicros = micros(frame.best_effort_timestamp());
            next = 1;
            String codecName = codec.name().getString();
            info = new VideoInfo(file, frames, fps, frames / fps, st.codecpar().width(), st.codecpar().height(),
                    codecName);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    public static VideoReader open(Path file) {
        if (Files.isDirectory(file)) {
            throw BadInputException.ofFile(file.toString(), "is a folder; expected a video file", null);
        }
        if (!Files.isRegularFile(file)) {
            throw BadInputException.ofFile(file.toString(), "no such video file", null);
        }
        return new VideoReader(file);
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
        if (counted >= 0) {
            return counted;
        }
        AVFormatContext f = new AVFormatContext(null);
        int ret = avformat_open_input(f, file.toString(), null, null);
        if (ret < 0) {
            throw bad("cannot demux: " + err(ret));
        }
        AVPacket p = av_packet_alloc();
        try {
            int n = 0;
            while ((ret = av_read_frame(f, p)) >= 0) {
                if (p.stream_index() == stream) {
                    n++;
                }
                av_packet_unref(p);
            }
            if (n == 0) {
                throw bad("has no video packets");
            }
            counted = n;
            return n;
        } finally {
            av_packet_free(p);
            avformat_close_input(f);
        }
    }

    /**
     * The frames at these indices (any order, repeats allowed), each scaled to at most {@code maxPixels} (0: as
     * decoded), in the order asked.
     */
    public List<DecodedFrame> read(int[] indices, long maxPixels) {
        Map<Integer, DecodedFrame> got = new HashMap<>();
        read(indices, maxPixels, f -> got.put(f.index(), f));
        List<DecodedFrame> out = new ArrayList<>(indices.length);
        for (int i : indices) {
            out.add(got.get(i));
        }
        return out;
    }

    /**
     * The frames at these indices, each once, handed to {@code each} as soon as it is decoded, in increasing index
     * order (so the caller can write one while the next is decoded).
     */
    public void read(int[] indices, long maxPixels, Consumer<DecodedFrame> each) {
        int[] sorted = Arrays.stream(indices).distinct().sorted().toArray();
        int limit = Math.max(info.frames(), counted);
        for (int i : sorted) {
            if (i < 0 || i >= limit) {
                throw bad("frame " + i + " does not exist (the video has " + limit + " frames)");
            }
        }
        wanted = sorted;
        try {
            for (int target : sorted) {
                each.accept(frame(target, maxPixels));
            }
        } finally {
            wanted = new int[0];
            skipAllowed = false;
        }
    }

    private DecodedFrame frame(int target, long maxPixels) {
        // 0: decode forward when seeking cannot save anything, else seek to the key frame before the target; frames
        // nothing refers to are skipped. If the target is passed: 1, the same with nothing skipped (when the skipping
        // lost it); when a seek landed after the target (a key frame's index time is its decoding time, which can
        // precede the target while the key frame shows after it; frames shown before a key frame but decoded after it
        // are dropped after a seek), 2, seek to before the key frame it landed on; 3, well before the target; 4,
        // from the first frame.
        int lastDecoded = -1;
        boolean reachedEnd = false;
        int landed = target; // where the last seek landed when that was after the target
        for (int attempt = 0; attempt < 5; attempt++) {
            skipAllowed = attempt == 0 && skipWorks;
            if (attempt == 0 && (next < 0 || target < next || seekHelps(target)) || attempt == 1) {
                seek(streamTime(target) + quarterFrame());
            } else if (attempt == 2) {
                seek(streamTime(Math.min(target, landed - INDEX_SLACK - 1)) - quarterFrame());
            } else if (attempt == 3) {
                seek(streamTime(Math.max(0, target - 2 * FORWARD_WINDOW)) - quarterFrame());
            } else if (attempt == 4) {
                seek(timeOfStart());
            }
            boolean first = next < 0; // the first frame after a seek: where it landed
            while (true) {
                if (!decodeNext()) {
                    next = -1;
                    reachedEnd = true;
                    break;
                }
                int index = indexOf(frame.best_effort_timestamp());
                lastDecoded = Math.max(lastDecoded, index);
                next = index + 1;
                if (index == target) {
                    BufferedImage img = toImage(frame);
                    return new DecodedFrame(index, (micros(frame.best_effort_timestamp()) - startMicros) / 1e6,
                            Images.limitPixels(img, maxPixels));
                }
                if (index > target) {
                    if (first) {
                        landed = index;
                        attempt = Math.max(attempt, 1); // the seek landed late: go further back
                    } else if (skipAllowed) {
                        // The decoder lost a wanted frame while skipping others (MPEG-4 Part 2 can, after a key
                        // frame): decode everything from now on.
                        skipWorks = false;
                    }
                    next = -1;
                    break;
                }
                first = false;
            }
        }
        if (reachedEnd && lastDecoded < target) {
            throw bad("cannot decode: the video data ends after frame " + lastDecoded + " although the header "
                    + "declares " + info.frames() + " frames: the file looks truncated (frame " + target
                    + " was asked for)");
        }
        throw bad("cannot decode: frame " + target + " could not be located exactly (the frame times do not "
                + "follow the declared " + info.fps() + " fps: variable frame rate?)");
    }

    /**
     * Whether a key frame lies after the decoder's position and before the target. The index's times can be
     * decoding times, a few frames before the key frame shows: key frames within {@value #INDEX_SLACK} frames of
     * either end do not count (decoding forward costs a few frames; a seek that lands after the target costs more).
     */
    private boolean seekHelps(int target) {
        if (keyFrames == null) {
            return target - next > FORWARD_WINDOW;
        }
        int i = Arrays.binarySearch(keyFrames, streamTime(next + INDEX_SLACK));
        i = i >= 0 ? i : -i - 1; // the first key frame after the position
        return i < keyFrames.length && keyFrames[i] <= streamTime(target - INDEX_SLACK);
    }

    private long quarterFrame() {
        return Math.round(0.25 * tbDen / (info.fps() * tbNum));
    }

    /** Seeks to the key frame at or before {@code ts} (stream time base). */
    private void seek(long ts) {
        av_seek_frame(fmt, stream, Math.max(ts, timeOfStart()), AVSEEK_FLAG_BACKWARD);
        avcodec_flush_buffers(dec);
        eof = false;
        next = -1;
    }

    private long timeOfStart() {
        return Math.floorDiv(startMicros * tbDen, 1000000L * tbNum);
    }

    /** The stream time (time base units) of frame {@code index}. */
    private long streamTime(int index) {
        double micros = startMicros + index * 1e6 / info.fps();
        return Math.round(micros * tbDen / (1e6 * tbNum));
    }

    private long micros(long pts) {
        return 1000000L * pts * tbNum / tbDen;
    }

    private int indexOf(long pts) {
        return (int) Math.round((micros(pts) - startMicros) * info.fps() / 1e6);
    }

    /** Decodes the next frame into {@link #frame}; false at the end of the stream. */
    private boolean decodeNext() {
        while (true) {
            int ret = avcodec_receive_frame(dec, frame);
            if (ret >= 0) {
                decoded++;
                return true;
            }
            if (ret == AVERROR_EOF()) {
                return false;
            }
            if (ret != AVERROR_EAGAIN()) {
                // a broken frame: FFmpeg's CLI goes on with the next one, so does this
                continue;
            }
            if (eof) {
                return false;
            }
            // The decoder wants input.
            while (true) {
                ret = av_read_frame(fmt, pkt);
                if (ret < 0) {
                    eof = true;
                    avcodec_send_packet(dec, (AVPacket) null); // drain
                    break;
                }
                if (pkt.stream_index() != stream) {
                    av_packet_unref(pkt);
                    continue;
                }
                dec.skip_frame(skippable(pkt.pts()) ? AVDISCARD_NONREF : AVDISCARD_DEFAULT);
                avcodec_send_packet(dec, pkt); // errors: corrupt data, skipped as FFmpeg's CLI does
                av_packet_unref(pkt);
                break;
            }
        }
    }

    /** Whether the frame of this packet may be skipped if nothing refers to it: it is not wanted. */
    private boolean skippable(long pts) {
        if (!skipAllowed || pts == AV_NOPTS_VALUE) {
            return false;
        }
        int index = indexOf(pts);
        return Arrays.binarySearch(wanted, index) < 0;
    }

    /**
     * Key frame times from the container's index (MP4/MOV, MKV with cues), or null when it has none. They only
     * decide between seeking and decoding forward; which frame is which is always read from the decoded frames.
     */
    private static long[] keyFrameIndex(AVStream st) {
        int n = avformat_index_get_entries_count(st);
        long[] k = new long[n];
        int m = 0;
        for (int i = 0; i < n; i++) {
            AVIndexEntry e = avformat_index_get_entry(st, i);
            if ((e.flags() & AVIndexEntry.AVINDEX_KEYFRAME) != 0) {
                k[m++] = e.timestamp();
            }
        }
        if (m == 0) {
            return null;
        }
        k = Arrays.copyOf(k, m);
        Arrays.sort(k);
        return k;
    }

    /** The decoded picture as a 24-bit BGR image (swscale, bilinear, the conversion JavaCV uses). */
    private BufferedImage toImage(AVFrame f) {
        int w = f.width();
        int h = f.height();
        sws = sws_getCachedContext(sws, w, h, f.format(), w, h, AV_PIX_FMT_BGR24, SWS_BILINEAR, null, null,
                (DoublePointer) null);
        if (sws == null) {
            throw bad("cannot convert frames of pixel format " + f.format() + " to RGB");
        }
        int stride = (w * 3 + 31) & ~31;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        byte[] dst = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
        try (BytePointer buf = new BytePointer((long) stride * h);
                PointerPointer<BytePointer> dstData = new PointerPointer<>(1L);
                IntPointer dstStride = new IntPointer(1L)) {
            dstData.put(0, buf);
            dstStride.put(0, stride);
            sws_scale(sws, f.data(), f.linesize(), 0, h, dstData, dstStride);
            if (stride == w * 3) {
                buf.get(dst, 0, w * 3 * h);
            } else {
                for (int y = 0; y < h; y++) {
                    buf.position((long) y * stride).get(dst, y * w * 3, w * 3);
                }
            }
        }
        return img;
    }

    private BadInputException bad(String what) {
        return BadInputException.ofFile(file.toString(), what, null);
    }

    private static String err(int code) {
        byte[] b = new byte[256];
        av_strerror(code, b, b.length);
        int n = 0;
        while (n < b.length && b[n] != 0) {
            n++;
        }
        return new String(b, 0, n, java.nio.charset.StandardCharsets.UTF_8) + ", error " + code;
    }

    @Override
    public void close() {
        if (sws != null) {
            sws_freeContext(sws);
            sws = null;
        }
        if (frame != null) {
            av_frame_free(frame);
            frame = null;
        }
        if (pkt != null) {
            av_packet_free(pkt);
            pkt = null;
        }
        if (dec != null) {
            avcodec_free_context(dec);
            dec = null;
        }
        if (fmt != null) {
            avformat_close_input(fmt);
            fmt = null;
        }
    }
}
