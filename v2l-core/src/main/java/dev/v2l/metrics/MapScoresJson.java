package dev.v2l.metrics;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Map scores as JSON, with the same field names wherever they are written ({@code score map}, eval records). */
public final class MapScoresJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private MapScoresJson() {
    }

    /**
     * {@code predicted, truth, matched, precision, recall, f1, mean_centre_error_m, mean_iou, mean_abs_count_error}
     * (means over no matches are null), and with {@code byLabel} the signed count error per label.
     */
    public static ObjectNode node(MapMetrics.Score s, boolean byLabel) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("predicted", s.predicted());
        n.put("truth", s.truth());
        n.put("matched", s.matched());
        n.put("precision", s.precision());
        n.put("recall", s.recall());
        n.put("f1", s.f1());
        putFinite(n, "mean_centre_error_m", s.meanCentreError());
        putFinite(n, "mean_iou", s.meanIou());
        putFinite(n, "mean_abs_count_error", s.meanAbsCountError());
        if (byLabel) {
            n.set("count_error_by_label", MAPPER.valueToTree(s.countErrorByLabel()));
        }
        return n;
    }

    /** {@code v}, or null when it is NaN or infinite (JSON has no such numbers). */
    public static void putFinite(ObjectNode n, String key, double v) {
        if (Double.isFinite(v)) {
            n.put(key, v);
        } else {
            n.putNull(key);
        }
    }
}
