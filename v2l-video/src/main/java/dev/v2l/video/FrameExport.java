package dev.v2l.video;

import dev.v2l.io.AtomicFiles;
import dev.v2l.io.BadInputException;
import dev.v2l.io.FolderNames;
import dev.v2l.io.Images;
import dev.v2l.scene.FrameSampling;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;

/**
 * Frames from many videos in one run (one process start, FFmpeg loaded once): each video's frames go to their own
 * folder, {@code OUT/NAME/frame_NNNNNN.png} with {@code frames.jsonl}, NAME the video's file name without its
 * extension made a safe, collision-free folder name ({@link FolderNames}); a single video writes into {@code OUT}
 * itself. Every video is opened and its sampling checked before any frame is written, so a bad one stops the run
 * before work is done. Images are encoded and written on every core while the video goes on decoding; PNG with
 * {@link FramePng}.
 */
public final class FrameExport {

    /**
     * @param count     N uniform frames, or null
     * @param sampling  a {@link FrameSampling#parse} spec when {@code count} is null
     * @param maxPixels scale frames to at most this many pixels (0: as decoded)
     * @param format    {@code png} or {@code jpg}
     */
    public record Settings(Integer count, String sampling, long maxPixels, String format) {
    }

    /** One video's export. */
    public record Result(Path video, Path dir, VideoInfo info, int written) {
    }

    /** Threads encoding and writing images while the video decodes (FFmpeg's own threads decode). */
    static final int WRITERS = Math.max(1, Runtime.getRuntime().availableProcessors());

    private FrameExport() {
    }

    /** The output folder of each video: {@code out} for one video, else a folder per video. */
    public static Map<Path, Path> folders(List<Path> videos, Path out) {
        Map<Path, Path> dirs = new LinkedHashMap<>();
        if (videos.size() == 1) {
            dirs.put(videos.get(0), out);
            return dirs;
        }
        Map<String, Integer> uses = new HashMap<>();
        for (Path v : videos) {
            uses.merge(stem(v), 1, Integer::sum);
        }
        for (Path v : videos) {
            if (dirs.containsKey(v)) {
                throw BadInputException.ofFile(v.toString(), "is named twice", null);
            }
            // two videos of the same name (a/x.mp4, b/x.mp4): named by their whole path instead
            String name = uses.get(stem(v)) == 1 ? FolderNames.of(stem(v)) : FolderNames.of(v.toString());
            dirs.put(v, out.resolve(name));
        }
        return dirs;
    }

    private static String stem(Path v) {
        String n = v.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }

    public static List<Result> export(List<Path> videos, Settings s, Path out, Consumer<Result> done) {
        Map<Path, Path> dirs = folders(videos, out);
        List<int[]> picks = new ArrayList<>();
        VideoReader first = null;
        try {
            for (Path v : videos) { // check everything first
                VideoReader r = VideoReader.open(v);
                try {
                    picks.add(indices(v, r.info(), s));
                } catch (RuntimeException e) {
                    r.close();
                    throw e;
                }
                if (first == null) {
                    first = r; // kept open: its decoder is where the frames start
                } else {
                    r.close();
                }
            }
            List<Result> results = new ArrayList<>();
            ExecutorService pool = Executors.newFixedThreadPool(WRITERS, r -> {
                Thread t = new Thread(r, "frame-writer");
                t.setDaemon(true);
                return t;
            });
            try {
                for (int i = 0; i < videos.size(); i++) {
                    Path v = videos.get(i);
                    VideoReader r = i == 0 ? first : VideoReader.open(v);
                    try {
                        Result res = write(r, picks.get(i), s, dirs.get(v), pool);
                        results.add(res);
                        done.accept(res);
                    } finally {
                        r.close();
                        first = null;
                    }
                }
            } finally {
                // after a failure, writers still running must stop before the caller sees it (and may remove the
                // folder): nothing is written behind its back
                pool.shutdownNow();
                try {
                    pool.awaitTermination(1, TimeUnit.MINUTES);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return results;
        } finally {
            if (first != null) {
                first.close();
            }
        }
    }

    static int[] indices(Path video, VideoInfo info, Settings s) {
        if (s.count() != null) {
            if (s.count() > info.frames()) {
                throw BadInputException.ofFile(video.toString(), String.format(Locale.ROOT, "--count %d: the video "
                        + "has only %d frames", s.count(), info.frames()), null);
            }
            return FrameSampling.uniform(info.frames(), s.count());
        }
        try {
            return FrameSampling.parse(s.sampling(), info.frames(), info.fps());
        } catch (IllegalArgumentException e) {
            throw BadInputException.ofFile(video.toString(), e.getMessage(), e);
        }
    }

    private static Result write(VideoReader r, int[] idx, Settings s, Path dir, ExecutorService pool) {
        boolean png = s.format().equals("png");
        Map<Integer, Written> got = new HashMap<>();
        List<Future<?>> writing = new ArrayList<>();
        // Each frame is encoded and written on the pool as soon as it is decoded, while the next one is decoded; at
        // most two per writer wait, so a long every:K run does not hold all its pictures in memory.
        Semaphore waiting = new Semaphore(2 * WRITERS);
        try {
            r.read(idx, s.maxPixels(), f -> {
                got.put(f.index(), new Written(f.index(), f.timeSeconds(), f.image().getWidth(),
                        f.image().getHeight()));
                waiting.acquireUninterruptibly();
                writing.add(pool.submit(() -> {
                    try {
                        AtomicFiles.write(dir.resolve(name(f.index(), s.format())), png ? FramePng.encode(f.image())
                                : Images.jpeg(f.image(), 0.92f));
                    } finally {
                        waiting.release();
                    }
                    return null;
                }));
            });
            for (Future<?> w : writing) {
                w.get();
            }
        } catch (ExecutionException e) {
            writing.forEach(w -> w.cancel(true));
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            writing.forEach(w -> w.cancel(true));
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing frames", e);
        } catch (RuntimeException e) {
            writing.forEach(w -> w.cancel(true));
            throw e;
        }
        StringBuilder index = new StringBuilder();
        for (int i : idx) {
            Written f = got.get(i);
            index.append(String.format(Locale.ROOT, "{\"frame\": %d, \"time_s\": %.6f, \"file\": \"%s\", "
                    + "\"width\": %d, \"height\": %d}%n", f.index(), f.timeSeconds(), name(f.index(), s.format()),
                    f.width(), f.height()));
        }
        AtomicFiles.writeString(dir.resolve("frames.jsonl"), index.toString());
        return new Result(r.info().file(), dir, r.info(), idx.length);
    }

    /** What frames.jsonl says of a written frame. */
    private record Written(int index, double timeSeconds, int width, int height) {
    }

    private static String name(int index, String format) {
        return String.format(Locale.ROOT, "frame_%06d.%s", index, format);
    }
}
