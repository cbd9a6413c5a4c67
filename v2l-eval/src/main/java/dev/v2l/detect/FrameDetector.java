package dev.v2l.detect;

import dev.v2l.io.BadInputException;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.imageio.ImageIO;

/**
 * Runs the detector over image files on a few threads and hands results back in the files' order, so output is the
 * same for any thread count. At most a few frames per thread are decoded ahead.
 */
public final class FrameDetector {

    /** A frame's image and detections. */
    public record Result(Path frame, BufferedImage image, List<Detection> detections) {
    }

    /** Receives results in frame order. */
    @FunctionalInterface
    public interface Sink {
        void accept(Result r) throws IOException;
    }

    private FrameDetector() {
    }

    public static void run(Detector detector, List<Path> frames, SsdDecoder.Settings settings, int threads,
            Sink sink) throws IOException {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, "detect");
            t.setDaemon(true);
            return t;
        });
        try {
            Deque<Future<Result>> ahead = new ArrayDeque<>();
            int next = 0;
            int window = 4 * Math.max(1, threads);
            while (next < frames.size() || !ahead.isEmpty()) {
                while (next < frames.size() && ahead.size() < window) {
                    Path f = frames.get(next++);
                    ahead.add(pool.submit(() -> {
                        BufferedImage img = read(f);
                        return new Result(f, img, detector.detect(img, settings));
                    }));
                }
                sink.accept(get(ahead.poll()));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Reads an image file, or bad input naming it. */
    public static BufferedImage read(Path f) throws IOException {
        return read(f, "an image this tool reads (PNG, JPEG, BMP, GIF)");
    }

    /** Reads an image file, or bad input naming it and what was {@code expected} there. */
    static BufferedImage read(Path f, String expected) throws IOException {
        BufferedImage img;
        try {
            img = ImageIO.read(f.toFile());
        } catch (javax.imageio.IIOException e) {
            throw BadInputException.ofFile(f.toString(), "cannot read " + expected + ": " + e.getMessage(), e);
        }
        if (img == null) {
            throw BadInputException.ofFile(f.toString(), "not " + expected, null);
        }
        return img;
    }

    private static Result get(Future<Result> f) throws IOException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof IOException io) {
                throw io;
            }
            if (c instanceof UncheckedIOException u) {
                throw u.getCause();
            }
            if (c instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(c);
        }
    }
}
