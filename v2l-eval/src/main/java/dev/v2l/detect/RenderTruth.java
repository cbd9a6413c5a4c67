package dev.v2l.detect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.v2l.io.BadInputException;
import dev.v2l.io.JsonFields;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The truth of a {@code v2l render} folder for scoring a detector: {@code instances.json} (mask value → object id and
 * label) and, per frame, {@code instance/NNNNNN.png} (16-bit, object index + 1, 0 for structure) beside
 * {@code rgb/NNNNNN.png}. Each object of a frame becomes its visible pixels' bounding box and its share of the image.
 */
public final class RenderTruth {

    /** One object as a frame shows it. */
    public record Visible(String id, String label, PixelBox box, double share) {
    }

    /** An instance of {@code instances.json}. */
    record Instance(String id, String label) {
    }

    private final Path dir;
    private final Map<Integer, Instance> instances;

    private RenderTruth(Path dir, Map<Integer, Instance> instances) {
        this.dir = dir;
        this.instances = instances;
    }

    /** @throws BadInputException when the folder is not a render folder (naming what is missing) */
    public static RenderTruth open(Path dir) throws IOException {
        Path f = dir.resolve("instances.json");
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(f.toFile());
        } catch (NoSuchFileException | java.io.FileNotFoundException e) {
            throw BadInputException.ofFile(f.toString(), "no such file: --truth expects a folder written by 'v2l "
                    + "render' (instances.json, rgb/, instance/)", e);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw BadInputException.ofFile(f.toString(), "not JSON: " + e.getOriginalMessage(), e);
        }
        JsonFields jf = new JsonFields(f.toString(), "instances.json");
        JsonNode inst = root.get("instances");
        if (inst == null || !inst.isObject()) {
            throw jf.error("instances", "expected an object of mask value → {id, label}");
        }
        Map<Integer, Instance> m = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = inst.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            int value;
            try {
                value = Integer.parseInt(e.getKey());
            } catch (NumberFormatException x) {
                throw jf.error("instances." + e.getKey(), "expected a mask value (a whole number)");
            }
            m.put(value, new Instance(jf.string(e.getValue(), "id", "instances." + e.getKey() + ".id"),
                    jf.string(e.getValue(), "label", "instances." + e.getKey() + ".label")));
        }
        if (!Files.isDirectory(dir.resolve("rgb")) || !Files.isDirectory(dir.resolve("instance"))) {
            throw BadInputException.ofFile(dir.toString(), "expected rgb/ and instance/ folders (a 'v2l render' "
                    + "output)", null);
        }
        return new RenderTruth(dir, m);
    }

    /** The RGB frames, in name order. */
    public List<Path> frames() throws IOException {
        try (var s = Files.list(dir.resolve("rgb"))) {
            return s.filter(p -> p.getFileName().toString().endsWith(".png")).sorted().toList();
        }
    }

    /** The objects a frame shows (by its RGB file's name), largest first. */
    public List<Visible> visible(Path rgbFrame) throws IOException {
        Path mask = dir.resolve("instance").resolve(rgbFrame.getFileName().toString());
        if (!Files.isRegularFile(mask)) {
            throw BadInputException.ofFile(mask.toString(), "no instance mask for frame " + rgbFrame.getFileName()
                    + " (expected a 16-bit PNG of the same name under instance/)", null);
        }
        BufferedImage img = FrameDetector.read(mask, "an instance mask (a 16-bit PNG)");
        return visible(img.getRaster(), instances);
    }

    static List<Visible> visible(Raster r, Map<Integer, Instance> instances) {
        int w = r.getWidth();
        int h = r.getHeight();
        int[] px = r.getPixels(0, 0, w, h, (int[]) null);
        Map<Integer, int[]> acc = new LinkedHashMap<>(); // value → minX, minY, maxX, maxY, count
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int v = px[y * w + x];
                if (v == 0) {
                    continue;
                }
                int[] a = acc.computeIfAbsent(v, k -> new int[] {Integer.MAX_VALUE, Integer.MAX_VALUE, -1, -1, 0});
                a[0] = Math.min(a[0], x);
                a[1] = Math.min(a[1], y);
                a[2] = Math.max(a[2], x);
                a[3] = Math.max(a[3], y);
                a[4]++;
            }
        }
        List<Visible> out = new ArrayList<>();
        for (Map.Entry<Integer, int[]> e : acc.entrySet()) {
            Instance in = instances.get(e.getKey());
            if (in == null) {
                continue;
            }
            int[] a = e.getValue();
            out.add(new Visible(in.id(), in.label(), new PixelBox(a[0], a[1], a[2] + 1, a[3] + 1),
                    a[4] / (double) (w * h)));
        }
        out.sort((a, b) -> Double.compare(b.share(), a.share()));
        return out;
    }
}
