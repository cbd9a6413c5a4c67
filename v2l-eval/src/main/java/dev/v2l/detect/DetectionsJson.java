package dev.v2l.detect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.v2l.io.JsonFields;
import java.util.ArrayList;
import java.util.List;

/**
 * One JSON line per frame: {@code {"frame": PATH, "width": W, "height": H, "detections": [{"label", "score",
 * "box": [x0, y0, x1, y1]}]}}, boxes in the frame's pixels (top-left origin, one decimal), best first.
 */
public final class DetectionsJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private DetectionsJson() {
    }

    public static String line(String frame, int width, int height, List<Detection> detections) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("frame", frame);
        n.put("width", width);
        n.put("height", height);
        ArrayNode a = n.putArray("detections");
        for (Detection d : detections) {
            ObjectNode o = a.addObject();
            o.put("label", d.label());
            o.put("score", Math.round(d.score() * 10000) / 10000.0);
            o.putArray("box").add(r1(d.box().x0())).add(r1(d.box().y0())).add(r1(d.box().x1())).add(r1(d.box().y1()));
        }
        return n.toString();
    }

    private static double r1(double v) {
        return Math.round(v * 10) / 10.0;
    }

    /** The detections of one line, with their class indices looked up in {@code labels}. */
    public static List<Detection> read(JsonNode line, JsonFields f, List<String> labels) {
        List<Detection> out = new ArrayList<>();
        JsonNode a = f.array(line, "detections", "detections");
        for (int i = 0; i < a.size(); i++) {
            JsonNode d = a.get(i);
            String path = "detections[" + i + "]";
            String label = f.string(d, "label", path + ".label");
            double[] b = f.numbers(f.required(d, "box", path + ".box"), 4, path + ".box");
            out.add(new Detection(label, labels.indexOf(label), f.number(d, "score", path + ".score"),
                    new PixelBox(b[0], b[1], b[2], b[3])));
        }
        return out;
    }
}
