package dev.v2l.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.v2l.testing.TestPaths;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * A small ProcTHOR-10K-style file (gzipped JSON Lines, one house per line) made from the real house in
 * {@code ../shared/data/ai2thor/procthor_train_1.json}: five houses that differ (each leaves out another quarter of
 * the objects; one carries its own id), a blank line, and two bad lines (line 3 is cut off; line 6 names an asset the
 * database does not have).
 */
final class ProcThorFiles {

    static final Path ASSETS = TestPaths.sharedData().resolve("procthor/asset-database.json");

    private ProcThorFiles() {
    }

    /** The lines of the file; with {@code bad} false, the two bad lines are blank. */
    static List<String> lines(boolean bad) throws IOException {
        ObjectMapper m = new ObjectMapper();
        JsonNode base = m.readTree(TestPaths.sharedData().resolve("ai2thor/procthor_train_1.json").toFile());
        List<String> houses = new ArrayList<>();
        for (int k = 0; k < 6; k++) {
            ObjectNode h = base.deepCopy();
            ArrayNode objects = (ArrayNode) h.get("objects");
            ArrayNode kept = m.createArrayNode();
            for (int i = 0; i < objects.size(); i++) {
                if (i % 4 != k % 4) {
                    kept.add(objects.get(i));
                }
            }
            h.set("objects", kept);
            // The first house (with samples to show at 8 frames; the second's frames show no instance whole or
            // unique, so training data asks nothing of it) carries its own id.
            if (k == 0) {
                h.put("id", "house-with-own-id");
            }
            if (k == 4) {
                ((ObjectNode) kept.get(0)).put("assetId", "No_Such_Asset_7");
            }
            houses.add(m.writeValueAsString(h));
        }
        String cut = houses.get(2).substring(0, houses.get(2).length() / 3);
        return List.of(houses.get(0), houses.get(1), bad ? cut : "", houses.get(3), "", bad ? houses.get(4) : "",
                houses.get(5));
    }

    /** Writes {@code train.jsonl.gz} in {@code dir} and returns the source spec. */
    static String write(Path dir, boolean bad) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve("train.jsonl.gz");
        try (OutputStream os = new GZIPOutputStream(Files.newOutputStream(file));
             Writer w = new java.io.OutputStreamWriter(os, StandardCharsets.UTF_8)) {
            for (String l : lines(bad)) {
                w.write(l);
                w.write('\n');
            }
        }
        return "procthor:" + file + ",assets=" + ASSETS;
    }
}
