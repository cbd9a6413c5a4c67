package dev.v2l.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import dev.v2l.io.BadInputException;
import dev.v2l.io.Images;
import dev.v2l.layout.Layout;
import dev.v2l.layout.text.MapParser;
import dev.v2l.metrics.MapMetrics;
import dev.v2l.metrics.Statistics;
import dev.v2l.qa.QuestionType;
import dev.v2l.run.BenchItem;
import dev.v2l.run.BenchItems;
import dev.v2l.run.EvalSummary;
import dev.v2l.run.ResultStore;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
 * The report people look at: one self-contained HTML file (inline CSS, SVG, frames as data URIs, a few lines of
 * plain JavaScript for the gallery filters; no request leaves the file). Sections: the headline table (runs ×
 * tasks with 95 % intervals, from {@code summary.json}), the frame-count figure with interval bands and the
 * map–answer correlation, the map-then-compute breakdown, parse diagnostics, a gallery of samples (frames, question,
 * the model's map drawn over the true map with matches linked, misses and false objects marked, its reasoning, its
 * answer and the truth), and provenance.
 */
public final class ReportWriter {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String[] CATEGORY_COLORS = {"#2ca02c", "#d62728", "#ff7f0e", "#9e9e9e"};

    /**
     * @param gallery     at most this many samples in the gallery (chosen evenly over tasks and frame counts)
     * @param thumbWidth  width of the frame thumbnails, pixels
     * @param tau         map matching threshold for the overlays, metres
     * @param provenance  the report's own provenance (tool, version, command)
     */
    public record Options(int gallery, int thumbWidth, double tau, ObjectNode provenance) {
    }

    /** One results folder, read. */
    public record Results(Path dir, List<JsonNode> records, JsonNode summary, JsonNode provenance,
            Map<String, BenchItem> items, Path benchDir) {
    }

    private final Options o;

    public ReportWriter(Options options) {
        this.o = options;
    }

    /**
     * Reads a results folder: its samples, its summary (computed when missing or older than the samples), its
     * provenance, and the benchmark it was run on (from the provenance, or {@code bench} when given) for the true
     * maps and frames; without the benchmark the gallery shows no frames and no true maps.
     */
    public static Results load(Path dir, Path bench) throws IOException {
        Path samples = dir.resolve("samples.jsonl");
        if (!Files.isRegularFile(samples)) {
            throw BadInputException.ofFile(dir.toString(), "not a results folder: no samples.jsonl (expected the --out "
                    + "folder of 'v2l eval')", null);
        }
        List<JsonNode> records = ResultStore.readAll(dir);
        JsonNode prov = Files.isRegularFile(dir.resolve("provenance.json"))
                ? MAPPER.readTree(dir.resolve("provenance.json").toFile()) : null;
        JsonNode summary = null;
        Path sf = dir.resolve("summary.json");
        if (Files.isRegularFile(sf) && !Files.getLastModifiedTime(sf).toInstant().isBefore(
                Files.getLastModifiedTime(samples).toInstant())) {
            summary = MAPPER.readTree(sf.toFile());
            int n = 0;
            for (JsonNode r : summary.path("runs")) {
                n += r.path("samples").asInt();
            }
            if (n != records.size()) {
                summary = null;
            }
        }
        if (summary == null) {
            long seed = prov == null ? 0 : prov.path("settings").path("seed").asLong(0);
            summary = new EvalSummary(Statistics.DEFAULT_RESAMPLES, seed).summarize(records);
        }
        Path benchFile = bench;
        if (benchFile == null && prov != null && prov.path("inputs").size() > 0) {
            benchFile = Path.of(prov.path("inputs").get(0).path("spec").asText());
            if (!benchFile.isAbsolute()) {
                benchFile = dir.resolve(benchFile);
            }
        }
        Map<String, BenchItem> items = new LinkedHashMap<>();
        Path benchDir = null;
        if (benchFile != null && Files.exists(BenchItems.file(benchFile))) {
            Path f = BenchItems.file(benchFile);
            benchDir = f.toAbsolutePath().getParent();
            for (BenchItem it : BenchItems.read(f)) {
                items.put(it.id(), it);
            }
        } else if (bench != null) {
            throw BadInputException.ofFile(bench.toString(), "no bench.jsonl here", null);
        }
        return new Results(dir, records, summary, prov, items, benchDir);
    }

    /** A run: one (model, prompt) of one results folder. */
    private record Run(String label, String model, String prompt, JsonNode summary, List<JsonNode> records,
            Results from) {
    }

    private static List<Run> runs(List<Results> results) {
        Set<String> prompts = new TreeSet<>();
        results.forEach(r -> r.summary().path("runs").forEach(x -> prompts.add(x.path("prompt").asText())));
        List<Run> out = new ArrayList<>();
        for (Results r : results) {
            for (JsonNode s : r.summary().path("runs")) {
                String model = s.path("model").asText();
                String prompt = s.path("prompt").asText();
                String label = shortName(model) + (prompts.size() > 1 ? " [" + prompt + "]" : "")
                        + (results.size() > 1 ? " · " + r.dir().getFileName() : "");
                List<JsonNode> recs = r.records().stream().filter(x -> x.path("model").asText().equals(model)
                        && x.path("prompt").asText().equals(prompt)).toList();
                out.add(new Run(label, model, prompt, s, recs, r));
            }
        }
        return out;
    }

    /** {@code Qwen/Qwen2.5-VL-7B-Instruct@http://…} → {@code Qwen2.5-VL-7B-Instruct}. */
    public static String shortName(String model) {
        int at = model.indexOf('@');
        String m = at > 0 ? model.substring(0, at) : model;
        int slash = m.lastIndexOf('/');
        return slash >= 0 && slash < m.length() - 1 ? m.substring(slash + 1) : m;
    }

    public void write(List<Results> results, Path out) throws IOException {
        String html = render(results);
        Path abs = out.toAbsolutePath();
        Files.createDirectories(abs.getParent());
        Path tmp = abs.resolveSibling("." + abs.getFileName() + ".tmp");
        Files.writeString(tmp, html, StandardCharsets.UTF_8);
        Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    public String render(List<Results> results) {
        List<Run> runs = runs(results);
        Map<String, Object> ctx = new LinkedHashMap<>();
        int samples = results.stream().mapToInt(r -> r.records().size()).sum();
        ctx.put("title", "video2layout report");
        ctx.put("subtitle", String.format(Locale.ROOT, "%d samples, %d run%s, from %s", samples, runs.size(),
                runs.size() == 1 ? "" : "s", String.join(", ", results.stream().map(r -> r.dir().toString())
                        .toList())));
        ctx.put("headline", headline(runs));
        ctx.put("frames", frameFigure(runs));
        ctx.put("decomposition", decomposition(runs));
        ctx.put("parse", parse(runs));
        Map<String, String> thumbs = new LinkedHashMap<>();
        ctx.put("gallery", gallery(runs, thumbs));
        ctx.put("filters", filters(runs));
        ctx.put("framesJson", framesJson(thumbs));
        ctx.put("provenance", provenance(results));
        return template().execute(ctx);
    }

    private static Template template() {
        try (InputStream in = ReportWriter.class.getResourceAsStream("report.html.mustache");
                Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return Mustache.compiler().escapeHTML(true).compile(r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Task columns: the types present, VSI-Bench's first, in the registry's order. */
    private static List<String> tasks(List<Run> runs) {
        Set<String> present = new LinkedHashSet<>();
        runs.forEach(r -> r.summary().path("tasks").fieldNames().forEachRemaining(present::add));
        List<String> out = new ArrayList<>();
        for (QuestionType t : QuestionType.values()) {
            if (present.remove(t.code())) {
                out.add(t.code());
            }
        }
        out.addAll(present);
        return out;
    }

    private static String cell(JsonNode est, String run, String task) {
        if (est == null || est.isMissingNode() || !est.path("mean").isNumber()) {
            return "<td class=\"na\">–</td>";
        }
        double m = est.path("mean").asDouble();
        return String.format(Locale.ROOT, "<td data-run=\"%s\" data-task=\"%s\" data-value=\"%s\" title=\"n = %d\">%s"
                + "<small>[%s–%s]</small></td>", Html.esc(run), Html.esc(task), Double.toString(m),
                est.path("n").asInt(), Html.num(m, 1), Html.num(est.path("low").asDouble(Double.NaN), 1),
                Html.num(est.path("high").asDouble(Double.NaN), 1));
    }

    private static String headline(List<Run> runs) {
        List<String> tasks = tasks(runs);
        StringBuilder sb = new StringBuilder("<table class=\"headline\" id=\"headline\"><thead><tr><th>run</th>"
                + "<th title=\"answers scored / requests that failed (failures are not scored)\">answered / "
                + "failed</th><th>overall</th><th>VSI overall</th><th>QVS overall</th>");
        for (String t : tasks) {
            sb.append("<th title=\"").append(Html.esc(EvalSummary.metric(t))).append("\">")
                    .append(Html.esc(t.replace('_', ' '))).append("</th>");
        }
        sb.append("</tr></thead><tbody>");
        for (int i = 0; i < runs.size(); i++) {
            Run r = runs.get(i);
            String id = Integer.toString(i);
            sb.append("<tr><th title=\"").append(Html.esc(r.model())).append("\">").append(Html.esc(r.label()))
                    .append("</th>");
            JsonNode sm = r.summary();
            int failed = sm.path("failed").asInt(sm.path("errors").asInt());
            int answered = sm.path("answered").asInt(sm.path("samples").asInt() - failed);
            sb.append("<td data-run=\"").append(id).append("\" data-task=\"answered\"").append(failed > 0
                    ? " class=\"failed\"" : "").append(">").append(answered).append(" / ").append(failed)
                    .append("</td>");
            sb.append(cell(r.summary().path("overall"), id, "overall"));
            sb.append(plain(r.summary().path("vsi").path("overall"), id, "vsi_overall"));
            sb.append(plain(r.summary().path("qvs").path("overall"), id, "qvs_overall"));
            for (String t : tasks) {
                sb.append(cell(r.summary().path("tasks").path(t), id, t));
            }
            sb.append("</tr>");
        }
        sb.append("</tbody></table><p class=\"note\">Answer scores ×100 as VSI-Bench reports them: accuracy for "
                + "multiple choice, mean relative accuracy (MRA) for numbers. Brackets: 95 % bootstrap interval "
                + "(1,000 resamples). Overall is the mean of task means, the three relative-direction types counting "
                + "as one task; VSI and QVS overall as each benchmark's own summary computes them. Requests that "
                + "failed (no answer from the model) are counted apart and not scored.</p>");
        return sb.toString();
    }

    private static String plain(JsonNode v, String run, String task) {
        if (!v.isNumber()) {
            return "<td class=\"na\">–</td>";
        }
        return String.format(Locale.ROOT, "<td data-run=\"%s\" data-task=\"%s\" data-value=\"%s\">%s</td>",
                Html.esc(run), task, Double.toString(v.asDouble()), Html.num(v.asDouble(), 1));
    }

    private static String frameFigure(List<Run> runs) {
        Set<Integer> xs = new TreeSet<>();
        List<Charts.Series> answer = new ArrayList<>();
        List<Charts.Series> map = new ArrayList<>();
        for (Run r : runs) {
            List<Charts.Point> a = new ArrayList<>();
            List<Charts.Point> m = new ArrayList<>();
            for (JsonNode f : r.summary().path("frames")) {
                int x = f.path("frame_count").asInt();
                xs.add(x);
                a.add(point(x, f.path("answer")));
                if (f.has("map_f1")) {
                    m.add(point(x, f.path("map_f1")));
                }
            }
            answer.add(new Charts.Series(r.label(), a));
            if (!m.isEmpty()) {
                map.add(new Charts.Series(r.label(), m));
            }
        }
        List<Integer> xl = new ArrayList<>(xs);
        StringBuilder sb = new StringBuilder("<div class=\"figs\">");
        sb.append(Charts.lineChart("Answer accuracy vs frames", "answer score (×100)", xl, answer, 100, 560, 300));
        if (!map.isEmpty()) {
            sb.append(Charts.lineChart("Map accuracy vs frames", "map F1 (as stated)", xl, map, 1, 560, 300));
        }
        sb.append("</div><table class=\"small\"><thead><tr><th>run</th><th>samples with a map</th><th>Pearson r "
                + "(map F1, answer)</th><th>Spearman ρ</th><th>across frame counts: r</th><th>ρ</th></tr></thead><tbody>");
        for (Run r : runs) {
            JsonNode c = r.summary().path("correlation");
            sb.append("<tr><th>").append(Html.esc(r.label())).append("</th><td>").append(c.path("n").asInt())
                    .append("</td><td>").append(Html.num(c.path("pearson").asDouble(Double.NaN), 3)).append("</td><td>")
                    .append(Html.num(c.path("spearman").asDouble(Double.NaN), 3)).append("</td><td>")
                    .append(Html.num(c.path("by_frame_count").path("pearson").asDouble(Double.NaN), 3))
                    .append("</td><td>")
                    .append(Html.num(c.path("by_frame_count").path("spearman").asDouble(Double.NaN), 3))
                    .append("</td></tr>");
        }
        return sb.append("</tbody></table><p class=\"note\">Bands: 95 % bootstrap intervals. Map F1: the model's map "
                + "against the true map of the frames it was shown, per label, matched within 1 m (a sample without "
                + "a readable map counts 0). Correlations are per sample (map F1 against answer score) and across "
                + "frame counts (the points of the two figures).</p>").toString();
    }

    private static Charts.Point point(int x, JsonNode e) {
        return new Charts.Point(x, e.path("mean").asDouble(Double.NaN), e.path("low").asDouble(Double.NaN),
                e.path("high").asDouble(Double.NaN), e.path("n").asInt());
    }

    private static String decomposition(List<Run> runs) {
        StringBuilder sb = new StringBuilder("<p class=\"note\">For every response with a readable map the engine "
                + "answers the question again from the model's own map. <b>perception</b>: wrong, and the map "
                + "implies a wrong answer (the map is wrong); <b>reasoning</b>: wrong, though the map implies the right "
                + "answer (the computation is wrong); <b>no map</b>: wrong, and no map the engine could answer from "
                + "(none written, unreadable, or appearance order, which a map cannot answer). Room size from a map is the "
                + "area of the box around its objects, which a room rarely fills.</p>");
        List<String> tasks = tasks(runs);
        for (Run r : runs) {
            JsonNode d = r.summary().path("decomposition");
            List<String> rows = new ArrayList<>();
            List<int[]> counts = new ArrayList<>();
            rows.add("all tasks");
            counts.add(categoryCounts(d.path("all")));
            for (String t : tasks) {
                if (d.path("by_type").has(t)) {
                    rows.add(t.replace('_', ' '));
                    counts.add(categoryCounts(d.path("by_type").path(t)));
                }
            }
            sb.append(Charts.stackedBars(r.label(), rows, counts, List.of("correct", "perception", "reasoning",
                    "no map"), CATEGORY_COLORS, 760));
            int withMap = d.path("with_map_answer").asInt();
            sb.append(String.format(Locale.ROOT, "<p class=\"note\">%s: the answer agrees with what its own map "
                    + "implies in %d of %d responses with a usable map.</p>", Html.esc(r.label()),
                    d.path("consistent").asInt(), withMap));
        }
        return sb.toString();
    }

    private static int[] categoryCounts(JsonNode n) {
        int[] k = new int[EvalSummary.CATEGORIES.size()];
        for (int i = 0; i < k.length; i++) {
            k[i] = n.path(EvalSummary.CATEGORIES.get(i)).asInt();
        }
        return k;
    }

    private static String parse(List<Run> runs) {
        StringBuilder sb = new StringBuilder("<table class=\"small\" id=\"parse\"><thead><tr><th>run</th><th>samples"
                + "</th><th>failed requests</th><th>no map</th><th>unreadable map</th><th>repaired map</th><th>empty "
                + "map</th><th>no answer tag</th><th>unparseable answer</th><th>latency p50 / p95 (ms)</th>"
                + "<th>tokens in / out</th></tr></thead><tbody>");
        for (Run r : runs) {
            JsonNode s = r.summary();
            JsonNode p = s.path("parse");
            sb.append("<tr><th>").append(Html.esc(r.label())).append("</th>");
            for (String v : List.of(s.path("samples").asText(), s.path("errors").asText(), p.path("no_map").asText(),
                    p.path("map_unreadable").asText(), p.path("map_repaired").asText(), p.path("map_empty").asText(),
                    p.path("no_answer_tag").asText(), p.path("unparseable_answer").asText())) {
                sb.append("<td>").append(Html.esc(v)).append("</td>");
            }
            sb.append("<td>").append(Html.num(s.path("latency_ms").path("p50").asDouble(Double.NaN), 0)).append(" / ")
                    .append(Html.num(s.path("latency_ms").path("p95").asDouble(Double.NaN), 0)).append("</td><td>")
                    .append(s.path("tokens").path("prompt").asLong()).append(" / ")
                    .append(s.path("tokens").path("completion").asLong()).append("</td></tr>");
        }
        return sb.append("</tbody></table>").toString();
    }

    /** The samples shown: all when they fit, else evenly over tasks and frame counts, runs taking turns. */
    private List<JsonNode> pick(List<Run> runs) {
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

    private String gallery(List<Run> runs, Map<String, String> thumbs) {
        Map<String, String> labelOf = new LinkedHashMap<>();
        for (Run r : runs) {
            for (JsonNode n : r.records()) {
                labelOf.put(key(n, r.from()), r.label());
            }
        }
        List<JsonNode> shown = new ArrayList<>();
        Map<JsonNode, Results> owner = new java.util.IdentityHashMap<>();
        for (Run r : runs) {
            r.records().forEach(n -> owner.put(n, r.from()));
        }
        shown.addAll(pick(runs));
        // the same item's answers side by side: bench order first, then run order
        Map<String, Integer> itemOrder = new LinkedHashMap<>();
        for (Run r : runs) {
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
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "<p class=\"note\">%d sample%s shown%s. Maps: the model's map (colour) "
                + "over the true map of its frames (grey, dashed); green lines link matched objects, red outlines are "
                + "true objects it missed, orange ones are objects it placed that match nothing (within 1 m); the dot "
                + "is the first frame's camera, +y its viewing direction.</p>", shown.size(), shown.size() == 1 ? "" : "s",
                shown.size() < runs.stream().mapToInt(r -> r.records().size()).sum() ? " (chosen evenly over runs, "
                        + "tasks and frame counts)" : ""));
        sb.append("<div class=\"gallery\">");
        MapParser parser = MapParser.lenient();
        for (JsonNode n : shown) {
            Results from = owner.get(n);
            BenchItem item = from.items().get(n.path("item_id").asText());
            boolean correct = n.path("correct").asBoolean();
            boolean failed = n.hasNonNull("error");
            sb.append(String.format(Locale.ROOT, "<div class=\"card %s\" data-run=\"%s\" data-task=\"%s\" "
                    + "data-frames=\"%d\" data-correct=\"%s\" data-category=\"%s\">", correct ? "ok" : "wrong",
                    Html.esc(labelOf.get(key(n, from))), Html.esc(n.path("question_type").asText()),
                    n.path("frame_count").asInt(), correct ? "correct" : "wrong",
                    Html.esc(n.path("decomposition").path("category").asText(failed ? "failed" : "no-map"))));
            String category = n.path("decomposition").path("category").asText("");
            sb.append(String.format(Locale.ROOT, "<div class=\"head\"><b>%s</b> · %s · %d frame%s · <span class=\"%s\">"
                    + "%s</span>%s</div>", Html.esc(labelOf.get(key(n, from))),
                    Html.esc(n.path("question_type").asText()), n.path("frame_count").asInt(),
                    n.path("frame_count").asInt() == 1 ? "" : "s", correct ? "good" : "bad",
                    correct ? "correct" : failed ? "request failed" : "wrong",
                    correct || category.isEmpty() ? "" : " (" + Html.esc(category) + " error)"));
            if (item != null && !item.images().isEmpty() && from.benchDir() != null) {
                sb.append("<div class=\"frames\">");
                for (String rel : item.images()) {
                    String id = thumbs.computeIfAbsent(from.benchDir().resolve(rel).toString(), p -> "f" + thumbs.size());
                    sb.append("<img alt=\"frame\" data-f=\"").append(id).append("\">");
                }
                sb.append("</div>");
            }
            sb.append("<div class=\"body\"><div class=\"bev\">").append(overlay(n, item, parser)).append("</div>");
            sb.append("<div class=\"text\"><p class=\"q\">").append(Html.esc(n.path("question").asText()));
            for (JsonNode opt : n.path("options")) {
                sb.append("<br>").append(Html.esc(opt.asText()));
            }
            sb.append("</p>");
            sb.append(String.format(Locale.ROOT, "<p><b>answer</b> %s · <b>truth</b> %s · <b>score</b> %s%s</p>",
                    Html.esc(Html.abbreviate(n.path("answer").asText(failed ? "–" : ""), 80)),
                    Html.esc(n.path("ground_truth").asText()), Html.num(n.path("score").asDouble(), 2),
                    n.path("decomposition").hasNonNull("map_answer") ? " · <b>from its map</b> "
                            + Html.esc(n.path("decomposition").path("map_answer").asText()) : ""));
            JsonNode ms = n.path("map_scores").path("stated");
            if (ms.isObject()) {
                sb.append(String.format(Locale.ROOT, "<p class=\"note\">map: F1 %s (aligned %s), %d of %d true "
                        + "objects matched, centre error %s m</p>", Html.num(ms.path("f1").asDouble(), 2),
                        Html.num(n.path("map_scores").path("aligned").path("f1").asDouble(), 2),
                        ms.path("matched").asInt(), ms.path("truth").asInt(),
                        Html.num(ms.path("mean_centre_error_m").asDouble(Double.NaN), 2)));
            }
            if (failed) {
                sb.append("<p class=\"bad\">").append(Html.esc(n.path("error").path("message").asText()))
                        .append("</p>");
            } else {
                String think = think(n.path("response").asText(""));
                sb.append("<details><summary>reasoning</summary><pre>").append(Html.esc(Html.abbreviate(think,
                        1500))).append("</pre></details>");
            }
            sb.append("</div></div></div>");
        }
        return sb.append("</div>").toString();
    }

    private static String key(JsonNode n, Results from) {
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

    private String filters(List<Run> runs) {
        Set<String> labels = new LinkedHashSet<>();
        Set<String> tasks = new LinkedHashSet<>(tasks(runs));
        Set<Integer> frames = new TreeSet<>();
        for (Run r : runs) {
            labels.add(r.label());
            r.records().forEach(n -> frames.add(n.path("frame_count").asInt()));
        }
        StringBuilder sb = new StringBuilder("<div class=\"filters\">");
        select(sb, "run", "all runs", labels);
        select(sb, "task", "all tasks", tasks);
        select(sb, "frames", "all frame counts", frames.stream().map(String::valueOf).toList());
        select(sb, "correct", "correct and wrong", List.of("correct", "wrong"));
        select(sb, "category", "all outcomes", List.of("correct", "perception", "reasoning", "no-map", "failed"));
        return sb.append(" <span id=\"shown\"></span></div>").toString();
    }

    private static void select(StringBuilder sb, String attr, String all, java.util.Collection<String> values) {
        sb.append("<select data-filter=\"").append(attr).append("\"><option value=\"\">").append(Html.esc(all))
                .append("</option>");
        for (String v : values) {
            sb.append("<option>").append(Html.esc(v)).append("</option>");
        }
        sb.append("</select>");
    }

    /** Frame thumbnails as data URIs, keyed as the gallery's {@code data-f} attributes name them. */
    private String framesJson(Map<String, String> thumbs) {
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

    private String provenance(List<Results> results) {
        StringBuilder sb = new StringBuilder();
        if (o.provenance() != null) {
            sb.append("<h3>this report</h3><pre>").append(Html.esc(o.provenance().toPrettyString())).append("</pre>");
        }
        for (Results r : results) {
            sb.append("<h3>").append(Html.esc(r.dir().toString())).append("</h3>");
            if (r.provenance() == null) {
                sb.append("<p class=\"note\">no provenance.json</p>");
                continue;
            }
            sb.append("<pre>").append(Html.esc(r.provenance().toPrettyString())).append("</pre>");
        }
        return sb.toString();
    }
}
