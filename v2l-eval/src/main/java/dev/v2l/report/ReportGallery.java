package dev.v2l.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.v2l.io.Images;
import dev.v2l.layout.Layout;
import dev.v2l.layout.text.MapParser;
import dev.v2l.metrics.MapMetrics;
import dev.v2l.run.BenchItem;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.imageio.ImageIO;

/**
 * The report's gallery: which samples are shown (all when they fit, else evenly over tasks, frame counts and runs),
 * each as a card (frames, the model's map drawn over the true map, question, answer, scores, reasoning), the filter
 * menus, and the frame thumbnails as data URIs the page's script puts in place.
 */
final class ReportGallery {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final ReportWriter.Options o;
    /** Frame file → thumbnail id, in the order the cards name them. */
    private final Map<String, String> thumbs = new LinkedHashMap<>();

    ReportGallery(ReportWriter.Options options) {
        this.o = options;
    }

    /** The samples shown: all when they fit, else evenly over tasks and frame counts, runs taking turns. */
    private List<JsonNode> pick(List<ReportWriter.Run> runs) {
        int total = runs.stream().mapToInt(r -> r.records().size()).sum();
        List<JsonNode> out = new ArrayList<>();
        if (total <= o.gallery()) {
            runs.forEach(r -> out.addAll(r.records()));
            return out;
        }
        // groups in the order (task, frame count, run), so each round visits every run for each task and frames
        Map<String, List<JsonNode>> groups = new java.util.TreeMap<>();
        for (int i = 0; i < runs.size(); i++) {
            for (JsonNode n : runs.get(i).records()) {
                groups.computeIfAbsent(String.format(Locale.ROOT, "%s|%03d|%04d", n.path("question_type").asText(),
                        n.path("frame_count").asInt(), i), k -> new ArrayList<>()).add(n);
            }
        }
        for (int i = 0; out.size() < o.gallery(); i++) {
            boolean any = false;
            for (List<JsonNode> g : groups.values()) {
                if (i < g.size() && out.size() < o.gallery()) {
                    out.add(g.get(i));
                    any = true;
                }
            }
            if (!any) {
                break;
            }
        }
        return out;
    }

    /** The cards of the samples shown, in bench order, the runs of one item side by side. */
    ReportViews.Gallery cards(List<ReportWriter.Run> runs) {
        Map<String, String> labelOf = new LinkedHashMap<>();
        for (ReportWriter.Run r : runs) {
            for (JsonNode n : r.records()) {
                labelOf.put(key(n, r.from()), r.label());
            }
        }
        List<JsonNode> shown = new ArrayList<>();
        Map<JsonNode, ReportWriter.Results> owner = new java.util.IdentityHashMap<>();
        for (ReportWriter.Run r : runs) {
            r.records().forEach(n -> owner.put(n, r.from()));
        }
        shown.addAll(pick(runs));
        // the same item's answers side by side: bench order first, then run order
        Map<String, Integer> itemOrder = new LinkedHashMap<>();
        for (ReportWriter.Run r : runs) {
            r.from().items().keySet().forEach(id -> itemOrder.putIfAbsent(id, itemOrder.size()));
            r.records().forEach(n -> itemOrder.putIfAbsent(n.path("item_id").asText(), itemOrder.size()));
        }
        Map<JsonNode, Integer> runOrder = new java.util.IdentityHashMap<>();
        for (int i = 0; i < runs.size(); i++) {
            for (JsonNode n : runs.get(i).records()) {
                runOrder.put(n, i);
            }
        }
        shown.sort(java.util.Comparator.<JsonNode>comparingInt(n -> itemOrder.get(n.path("item_id").asText()))
                .thenComparingInt(runOrder::get));
        MapParser parser = MapParser.lenient();
        List<ReportViews.Card> cards = new ArrayList<>();
        for (JsonNode n : shown) {
            ReportWriter.Results from = owner.get(n);
            cards.add(card(n, from, from.items().get(n.path("item_id").asText()), labelOf.get(key(n, from)), parser));
        }
        boolean all = shown.size() >= runs.stream().mapToInt(r -> r.records().size()).sum();
        return new ReportViews.Gallery(shown.size(), shown.size() == 1 ? "" : "s",
                all ? "" : " (chosen evenly over runs, tasks and frame counts)", cards);
    }

    private ReportViews.Card card(JsonNode n, ReportWriter.Results from, BenchItem item, String run,
            MapParser parser) {
        boolean correct = n.path("correct").asBoolean();
        boolean failed = n.hasNonNull("error");
        String category = n.path("decomposition").path("category").asText("");
        int frames = n.path("frame_count").asInt();
        ReportViews.FrameStrip strip = null;
        if (item != null && !item.images().isEmpty() && from.benchDir() != null) {
            List<String> ids = new ArrayList<>();
            for (String rel : item.images()) {
                ids.add(thumbs.computeIfAbsent(from.benchDir().resolve(rel).toString(), p -> "f" + thumbs.size()));
            }
            strip = new ReportViews.FrameStrip(ids);
        }
        List<String> options = new ArrayList<>();
        n.path("options").forEach(o -> options.add(o.asText()));
        JsonNode ms = n.path("map_scores").path("stated");
        ReportViews.MapLine map = !ms.isObject() ? null : new ReportViews.MapLine(Html.num(ms.path("f1").asDouble(), 2),
                Html.num(n.path("map_scores").path("aligned").path("f1").asDouble(), 2), ms.path("matched").asInt(),
                ms.path("truth").asInt(), Html.num(ms.path("mean_centre_error_m").asDouble(Double.NaN), 2));
        return new ReportViews.Card(correct ? "ok" : "wrong", run, n.path("question_type").asText(), frames,
                correct ? "correct" : "wrong", n.path("decomposition").path("category").asText(failed ? "failed"
                        : "no-map"), frames == 1 ? "" : "s", correct ? "good" : "bad",
                correct ? "correct" : failed ? "request failed" : "wrong",
                correct || category.isEmpty() ? null : category, strip, overlay(n, item, parser),
                n.path("question").asText(), options,
                Html.abbreviate(n.path("answer").asText(failed ? "–" : ""), 80), n.path("ground_truth").asText(),
                Html.num(n.path("score").asDouble(), 2),
                n.path("decomposition").hasNonNull("map_answer") ? n.path("decomposition").path("map_answer").asText()
                        : null, map, failed ? n.path("error").path("message").asText() : null,
                failed ? null : Html.abbreviate(think(n.path("response").asText("")), 1500));
    }

    private static String key(JsonNode n, ReportWriter.Results from) {
        return from.dir() + "|" + n.path("model").asText() + "|" + n.path("prompt").asText();
    }

    /** The text inside {@code <think>…</think>}, else the whole response. */
    static String think(String response) {
        int a = response.indexOf("<think>");
        if (a < 0) {
            return response;
        }
        int b = response.indexOf("</think>", a);
        return response.substring(a + 7, b < 0 ? response.length() : b).strip();
    }

    private String overlay(JsonNode n, BenchItem item, MapParser parser) {
        Layout truth = item == null ? null : item.gtLayout();
        String text = n.path("map").path("layout").asText(null);
        Layout pred = text == null ? null : parser.parse(text).layout();
        if (pred == null) {
            pred = Layout.empty(truth == null ? dev.v2l.layout.MapFrame.FIRST_CAMERA : truth.frame());
        }
        List<int[]> pairs = new ArrayList<>();
        if (truth != null) {
            for (MapMetrics.Pair p : MapMetrics.match(pred, truth, o.tau())) {
                pairs.add(new int[] {p.predicted(), p.truth()});
            }
        }
        String title = text == null ? "no map" : null;
        String svg = LayoutSvg.draw(pred, truth, title, truth == null ? null : pairs, 300);
        return svg.replace(" xmlns=\"http://www.w3.org/2000/svg\"", "");
    }

    static ReportViews.Filters filters(List<ReportWriter.Run> runs) {
        Set<String> labels = new LinkedHashSet<>();
        Set<String> tasks = new LinkedHashSet<>(ReportWriter.tasks(runs));
        Set<Integer> frames = new TreeSet<>();
        for (ReportWriter.Run r : runs) {
            labels.add(r.label());
            r.records().forEach(n -> frames.add(n.path("frame_count").asInt()));
        }
        return new ReportViews.Filters(List.of(
                new ReportViews.Select("run", "all runs", List.copyOf(labels)),
                new ReportViews.Select("task", "all tasks", List.copyOf(tasks)),
                new ReportViews.Select("frames", "all frame counts", frames.stream().map(String::valueOf).toList()),
                new ReportViews.Select("correct", "correct and wrong", List.of("correct", "wrong")),
                new ReportViews.Select("category", "all outcomes", List.of("correct", "perception", "reasoning",
                        "no-map", "failed"))));
    }

    /** Frame thumbnails as data URIs, keyed as the gallery's {@code data-f} attributes name them. */
    String framesJson() {
        ObjectNode n = MAPPER.createObjectNode();
        for (Map.Entry<String, String> e : thumbs.entrySet()) {
            try {
                BufferedImage img = ImageIO.read(Path.of(e.getKey()).toFile());
                if (img == null) {
                    continue;
                }
                long px = (long) o.thumbWidth() * Math.round(o.thumbWidth() * img.getHeight()
                        / (double) img.getWidth());
                byte[] jpg = Images.jpeg(Images.limitPixels(img, px), 0.75f);
                n.put(e.getValue(), "data:image/jpeg;base64," + Base64.getEncoder().encodeToString(jpg));
            } catch (IOException ex) {
                // a missing frame shows as an empty box
            }
        }
        return n.toString().replace("</", "<\\/");
    }
}
