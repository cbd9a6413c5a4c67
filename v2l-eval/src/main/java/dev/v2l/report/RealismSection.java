package dev.v2l.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The report's realism section: for each results folder with a {@code realism.json} (written by
 * {@code v2l detect --truth} or the demo), recall and precision of the real detector on rendered frames, per label and
 * overall, and what the missed objects were taken for.
 */
final class RealismSection {

    private RealismSection() {
    }

    /** The section's HTML, or null when no folder has a realism figure. */
    static String html(List<ReportWriter.Results> results) {
        StringBuilder sb = new StringBuilder();
        for (ReportWriter.Results r : results) {
            JsonNode j = r.realism();
            if (j == null) {
                continue;
            }
            if (results.size() > 1) {
                sb.append("<h3>").append(Html.esc(r.dir().toString())).append("</h3>");
            }
            sb.append("<table class=\"realism\"><thead><tr><th>label</th><th>objects</th><th>found</th><th>recall</th>"
                    + "<th>detections</th><th>correct</th><th>precision</th></tr></thead><tbody>");
            j.path("labels").fields().forEachRemaining(e -> row(sb, e.getKey(), e.getValue()));
            row(sb, "overall", j.path("overall"));
            sb.append("</tbody></table>");
            List<String> missed = new ArrayList<>();
            List<Map.Entry<String, JsonNode>> m = new ArrayList<>();
            j.path("missed_as").fields().forEachRemaining(m::add);
            m.sort((a, b) -> Integer.compare(b.getValue().asInt(), a.getValue().asInt()));
            for (Map.Entry<String, JsonNode> e : m.subList(0, Math.min(8, m.size()))) {
                missed.add(Html.esc(e.getKey()) + " ×" + e.getValue().asInt());
            }
            sb.append("<p class=\"note\">The detector (").append(Html.esc(j.path("detector").asText()))
                    .append(", score ≥ ").append(Html.num(j.path("min_score").asDouble(), 2)).append(") on ")
                    .append(j.path("frames").asInt()).append(" rendered frames of ").append(Html.esc(j.path("truth")
                            .asText())).append(", scored against their instance masks: objects of labels it knows "
                            + "covering ≥ ").append(Html.num(100 * j.path("min_share").asDouble(), 0))
                    .append(" % of a frame, matched at IoU ≥ ").append(Html.num(j.path("min_iou").asDouble(), 1))
                    .append(". A detector trained on photographs finds in our frames what it would find in real "
                            + "rooms only as far as they look real.");
            if (!missed.isEmpty()) {
                sb.append(" Missed objects were taken for: ").append(String.join(", ", missed)).append('.');
            }
            sb.append("</p>");
        }
        return sb.length() == 0 ? null : sb.toString();
    }

    private static void row(StringBuilder sb, String name, JsonNode c) {
        sb.append("<tr><th>").append(Html.esc(name)).append("</th><td>").append(c.path("truth").asInt())
                .append("</td><td>").append(c.path("found").asInt()).append("</td><td data-value=\"")
                .append(c.path("recall").isNumber() ? c.path("recall").asDouble() : "").append("\">")
                .append(pct(c.path("recall"))).append("</td><td>").append(c.path("detections").asInt())
                .append("</td><td>").append(c.path("correct").asInt()).append("</td><td>")
                .append(pct(c.path("precision"))).append("</td></tr>");
    }

    private static String pct(JsonNode v) {
        return v.isNumber() ? Html.num(100 * v.asDouble(), 1) + " %" : "–";
    }
}
