package dev.v2l.importer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.v2l.video.VideoEncoder;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;

/**
 * Official-schema rows (written from the dataset card and the lmms-eval task: {@code id} int64, {@code dataset},
 * {@code scene_name}, {@code question_type}, {@code question}, {@code options} list or null, {@code ground_truth},
 * {@code pruned}) about real ScanNet scenes of {@code ../shared/data/vsibench-meta}, and small generated videos laid
 * out as lmms-eval reads them ({@code DIR/scannet/SCENE.mp4}), each frame carrying its number as 10 black/white blocks.
 */
final class ImportFixtures {

    static final ObjectMapper M = new ObjectMapper();
    static final String SCENE = "scene0353_00"; // bed, sofa, closet, refrigerator… (single); chair ×3, pillow ×4
    static final String SCENE2 = "scene0277_02";
    static final String MISSING = "scene0304_00";
    static final String CORRUPT = "scene0328_00";
    static final int FRAMES = 90;
    static final int FRAMES2 = 45;
    static final String B = "If I am standing by the bed and facing the sofa, is the closet to ";

    private ImportFixtures() {
    }

    static ObjectNode row(long id, String scene, String type, String question, List<String> options, String gt,
            boolean pruned) {
        ObjectNode n = M.createObjectNode();
        n.put("id", id);
        n.put("dataset", "scannet");
        n.put("scene_name", scene);
        n.put("question_type", type);
        n.put("question", question);
        if (options == null) {
            n.putNull("options");
        } else {
            ArrayNode a = n.putArray("options");
            options.forEach(a::add);
        }
        n.put("ground_truth", gt);
        n.put("pruned", pruned);
        return n;
    }

    /** One row per VSI-Bench type, an unmatched object, an unknown type, a missing and a corrupt video. */
    static List<ObjectNode> rows() {
        List<ObjectNode> r = new ArrayList<>();
        r.add(row(0, SCENE, "object_counting", "How many chair(s) are in this room?", null, "3", false));
        r.add(row(1, SCENE, "object_abs_distance", "Measuring from the closest point of each object, what is the "
                + "direct distance between the bed and the sofa (in meters)?", null, "1.5", true));
        r.add(row(2, SCENE, "object_size_estimation", "What is the length of the longest dimension (length, width, or "
                + "height) of the refrigerator, measured in centimeters?", null, "180", false));
        r.add(row(3, SCENE, "room_size_estimation", "What is the size of this room (in square meters)? If multiple "
                + "rooms are shown, estimate the size of the combined space.", null, "16.7", true));
        r.add(row(4, SCENE, "object_rel_distance", "Measuring from the closest point of each object, which of these "
                + "objects (sofa, closet, window, door) is the closest to the bed?", List.of("A. sofa", "B. closet",
                "C. window", "D. door"), "A", false));
        r.add(row(5, SCENE, "object_rel_direction_easy", B + "the left or the right of the sofa?",
                List.of("A. left", "B. right"), "A", false));
        r.add(row(6, SCENE, "object_rel_direction_medium", B + "my left, right, or back?\nAn object is to my back if I "
                + "would have to turn at least 135 degrees in order to face it.", List.of("A. left", "B. right",
                "C. back"), "B", true));
        r.add(row(7, SCENE, "object_rel_direction_hard", B + "my front-left, front-right, back-left, or back-right?\n"
                + "The directions refer to the quadrants of a Cartesian plane (if I am standing at the origin and "
                + "facing along the positive y-axis).", List.of("A. front-left", "B. front-right", "C. back-left",
                "D. back-right"), "C", false));
        r.add(row(8, SCENE, "route_planning", "You are a robot beginning at the bed facing the sofa. You want to "
                + "navigate to the refrigerator. You will perform the following actions (Note: for each [please fill "
                + "in], choose either 'turn back,' 'turn left,' or 'turn right.'): 1. Go forward until the sofa. 2. "
                + "[please fill in] 3. Go forward until the refrigerator. You have reached the final destination.",
                List.of("A. Turn Left", "B. Turn Right", "C. Turn Back"), "A", false));
        r.add(row(9, SCENE, "obj_appearance_order", "What will be the first-time appearance order of the following "
                + "categories in the video: bed, sofa, closet, refrigerator?", List.of("A. bed, sofa, closet, "
                + "refrigerator", "B. sofa, bed, closet, refrigerator", "C. closet, refrigerator, bed, sofa",
                "D. refrigerator, closet, sofa, bed"), "A", false));
        r.add(row(10, SCENE, "object_counting", "How many piano(s) are in this room?", null, "1", false));
        r.add(row(11, SCENE, "object_height_estimation", "How tall is the sofa?", null, "80", false));
        r.add(row(12, SCENE2, "object_counting", "How many trash bin(s) are in this room?", null, "2", false));
        r.add(row(13, MISSING, "object_counting", "How many door(s) are in this room?", null, "1", false));
        r.add(row(14, CORRUPT, "object_counting", "How many window(s) are in this room?", null, "1", true));
        return r;
    }

    static Path writeJsonl(Path file, List<ObjectNode> rows, boolean withPruned) throws Exception {
        StringBuilder sb = new StringBuilder();
        for (ObjectNode n : rows) {
            ObjectNode c = n.deepCopy();
            if (!withPruned) {
                c.remove("pruned");
            }
            sb.append(M.writeValueAsString(c)).append('\n');
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
        return file;
    }

    /** The rows as Parquet, written by DuckDB with the dataset's column types (id BIGINT, options VARCHAR[]). */
    static Path writeParquet(Path file, List<ObjectNode> rows) throws Exception {
        Path json = writeJsonl(file.resolveSibling(file.getFileName() + ".src.jsonl"), rows, true);
        try (Connection c = SourceRows.DuckDb.connect(); PreparedStatement st = c.prepareStatement(
                "COPY (SELECT id::BIGINT AS id, dataset, scene_name, question_type, question, options::VARCHAR[] AS "
                + "options, ground_truth, pruned::BOOLEAN AS pruned FROM read_json('" + json.toAbsolutePath()
                + "', format = 'newline_delimited')) TO '" + file.toAbsolutePath() + "' (FORMAT PARQUET)")) {
            st.execute();
        }
        Files.delete(json);
        return file;
    }

    static BufferedImage numbered(int n) {
        BufferedImage img = new BufferedImage(176, 48, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(40, 60, 90));
        g.fillRect(0, 0, 176, 48);
        for (int bit = 0; bit < 10; bit++) {
            g.setColor(((n >> bit) & 1) == 1 ? Color.WHITE : Color.BLACK);
            g.fillRect(4 + bit * 17, 8, 14, 30);
        }
        g.dispose();
        return img;
    }

    static int readNumber(BufferedImage img) {
        int n = 0;
        for (int bit = 0; bit < 10; bit++) {
            int rgb = img.getRGB(4 + bit * 17 + 7, 23);
            int luma = ((rgb >> 16) & 255) + ((rgb >> 8) & 255) + (rgb & 255);
            if (luma > 3 * 128) {
                n |= 1 << bit;
            }
        }
        return n;
    }

    /** The videos: two good ones, a corrupt file, none for {@link #MISSING}. */
    static Path videos(Path dir) throws Exception {
        Path v = dir.resolve("videos");
        video(v.resolve("scannet").resolve(SCENE + ".mp4"), FRAMES);
        video(v.resolve("scannet").resolve(SCENE2 + ".mp4"), FRAMES2);
        Files.write(v.resolve("scannet").resolve(CORRUPT + ".mp4"), "not a video at all".getBytes(
                StandardCharsets.UTF_8));
        return v;
    }

    static void video(Path file, int frames) throws Exception {
        List<BufferedImage> imgs = new ArrayList<>();
        for (int i = 0; i < frames; i++) {
            imgs.add(numbered(i));
        }
        VideoEncoder.encode(imgs, 30, file, false);
    }
}
