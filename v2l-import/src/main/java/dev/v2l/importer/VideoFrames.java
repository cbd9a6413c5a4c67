package dev.v2l.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.v2l.io.BadInputException;
import dev.v2l.io.Images;
import dev.v2l.scene.FrameSampling;
import dev.v2l.video.DecodedFrame;
import dev.v2l.video.VideoReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * The frames of one video for every frame count of an import: the video's length as decord counts it (what
 * lmms-eval's loaders see), the indices each count picks by the sampling rule, and one image per distinct index under
 * {@code images/DATASET/SCENE/NNNNNN.EXT} in the bench folder. {@code frames.json} beside the images is written last,
 * atomically: when it is there and matches, a rerun takes the video as done.
 */
final class VideoFrames {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** What the extraction gave: the video's frame count, and the indices per requested count. */
    record Result(int totalFrames, double fps, java.util.Map<Integer, int[]> indicesByCount, boolean reused) {
    }

    /** How frames are chosen and stored. */
    record Settings(List<Integer> counts, String sampling, String format, long maxPixels) {
    }

    private VideoFrames() {
    }

    static String folder(String dataset, String scene) {
        return "images/" + dataset + "/" + scene;
    }

    static String imagePath(String dataset, String scene, int index, String format) {
        return folder(dataset, scene) + String.format(Locale.ROOT, "/%06d.%s", index, format);
    }

    /**
     * Extracts (or finds already extracted) the frames of {@code video} into {@code bench}. A missing, unreadable or
     * corrupt video is a {@link BadInputException} naming it.
     */
    static Result extract(Path video, Path bench, String dataset, String scene, Settings s) throws IOException {
        Path dir = bench.resolve(folder(dataset, scene));
        Path marker = dir.resolve("frames.json");
        Result done = reuse(marker, dir, dataset, scene, s);
        if (done != null) {
            return done;
        }
        if (!Files.isRegularFile(video)) {
            throw BadInputException.ofFile(video.toString(), "no such video (expected DIR/" + dataset + "/" + scene
                    + ".mp4, the layout lmms-eval reads)", null);
        }
        try (VideoReader r = VideoReader.open(video)) {
            int total = r.countFrames();
            java.util.Map<Integer, int[]> byCount = new java.util.LinkedHashMap<>();
            TreeSet<Integer> all = new TreeSet<>();
            for (int n : s.counts()) {
                int[] idx = FrameSampling.uniformRule(s.sampling(), total, n);
                byCount.put(n, idx);
                for (int i : idx) {
                    all.add(i);
                }
            }
            int[] wanted = all.stream().mapToInt(Integer::intValue).toArray();
            List<DecodedFrame> frames;
            try {
                frames = r.read(wanted, s.maxPixels());
            } catch (IllegalArgumentException e) {
                throw BadInputException.ofFile(video.toString(), e.getMessage(), e);
            }
            Files.createDirectories(dir);
            for (DecodedFrame f : frames) {
                byte[] bytes = s.format().equals("png") ? Images.png(f.image()) : Images.jpeg(f.image(), 0.95f);
                AtomicFiles.write(bench.resolve(imagePath(dataset, scene, f.index(), s.format())), bytes);
            }
            ObjectNode m = MAPPER.createObjectNode();
            m.put("video", video.toString());
            m.put("total_frames", total);
            m.put("fps", r.info().fps());
            m.put("sampling", s.sampling());
            m.put("format", s.format());
            m.put("max_pixels", s.maxPixels());
            ObjectNode counts = m.putObject("indices");
            byCount.forEach((n, idx) -> {
                var arr = counts.putArray(Integer.toString(n));
                for (int i : idx) {
                    arr.add(i);
                }
            });
            AtomicFiles.write(marker, MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(m));
            return new Result(total, r.info().fps(), byCount, false);
        }
    }

    /** The marker's result when it covers these settings and every image is there; null otherwise. */
    private static Result reuse(Path marker, Path dir, String dataset, String scene, Settings s) {
        if (!Files.isRegularFile(marker)) {
            return null;
        }
        try {
            JsonNode m = MAPPER.readTree(marker.toFile());
            if (!s.sampling().equals(m.path("sampling").asText()) || !s.format().equals(m.path("format").asText())
                    || s.maxPixels() != m.path("max_pixels").asLong(-1)) {
                return null;
            }
            java.util.Map<Integer, int[]> byCount = new java.util.LinkedHashMap<>();
            for (int n : s.counts()) {
                JsonNode arr = m.path("indices").path(Integer.toString(n));
                if (!arr.isArray()) {
                    return null;
                }
                int[] idx = new int[arr.size()];
                for (int i = 0; i < idx.length; i++) {
                    idx[i] = arr.get(i).asInt();
                    if (!Files.isRegularFile(dir.getParent().getParent().getParent().resolve(imagePath(dataset, scene,
                            idx[i], s.format())))) {
                        return null;
                    }
                }
                byCount.put(n, idx);
            }
            return new Result(m.path("total_frames").asInt(), m.path("fps").asDouble(), byCount, true);
        } catch (IOException e) {
            return null; // a damaged marker: extract again
        }
    }

    static List<String> images(String dataset, String scene, int[] indices, String format) {
        List<String> out = new ArrayList<>(indices.length);
        for (int i : indices) {
            out.add(imagePath(dataset, scene, i, format));
        }
        return out;
    }
}
