package dev.v2l.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import dev.v2l.io.BadInputException;
import dev.v2l.metrics.Statistics;
import dev.v2l.qa.QuestionType;
import dev.v2l.run.BenchItem;
import dev.v2l.run.BenchItems;
import dev.v2l.run.EvalSummary;
import dev.v2l.run.ResultStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The report people look at: one self-contained HTML file (inline CSS, SVG, frames as data URIs, a few lines of
 * plain JavaScript for the gallery filters; no request leaves the file). Sections: the headline table (runs ×
 * tasks with 95 % intervals, from {@code summary.json}), the frame-count figure with interval bands and the
 * map–answer correlation, the map-then-compute breakdown, parse diagnostics, a gallery of samples (frames, question,
 * the model's map drawn over the true map with matches linked, misses and false objects marked, its reasoning, its
 * answer and the truth), and provenance. The markup is in Mustache partials ({@code headline}, {@code frames},
 * {@code decomposition}, {@code parse}, {@code gallery}, {@code card}, {@code filters}, {@code provenance}) fed by the
 * view records of {@link ReportViews}; JMustache escapes every value. Only the SVG figures are drawn in code
 * ({@link Charts}, {@link LayoutSvg}).
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

    /** One results folder, read; {@code realism} is its {@code realism.json} (the detector on rendered frames), or null. */
    public record Results(Path dir, List<JsonNode> records, JsonNode summary, JsonNode provenance,
            Map<String, BenchItem> items, Path benchDir, JsonNode realism) {
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
        JsonNode realism = Files.isRegularFile(dir.resolve("realism.json"))
                ? MAPPER.readTree(dir.resolve("realism.json").toFile()) : null;
        return new Results(dir, records, summary, prov, items, benchDir, realism);
    }

    /** A run: one (model, prompt) of one results folder. */
    record Run(String label, String model, String prompt, JsonNode summary, List<JsonNode> records,
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
        String realism = RealismSection.html(results);
        ctx.put("hasRealism", realism != null);
        ctx.put("realism", realism == null ? "" : realism);
        ReportGallery gallery = new ReportGallery(o);
        ctx.put("gallery", gallery.cards(runs));
        ctx.put("filters", ReportGallery.filters(runs));
        ctx.put("framesJson", gallery.framesJson());
        ctx.put("provenance", provenance(results));
        return TEMPLATE.execute(ctx);
    }

    /**
     * The page ({@code report.html.mustache}) and its partials ({@code NAME.mustache}). A partial is markup without
     * layout: its line breaks and the indentation after them are dropped, so it can be written readably.
     */
    private static final Template TEMPLATE = Mustache.compiler().withEscaper(Html::esc)
            .withLoader(name -> new StringReader(resource(name + ".mustache").stripTrailing()
                    .replaceAll("\n[ \t]*", "")))
            .compile(resource("report.html.mustache"));

    private static String resource(String name) {
        try (InputStream in = ReportWriter.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing report template " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Task columns: the types present, VSI-Bench's first, in the registry's order. */
    static List<String> tasks(List<Run> runs) {
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

    private static ReportViews.Headline headline(List<Run> runs) {
        List<String> tasks = tasks(runs);
        List<ReportViews.TaskColumn> columns = tasks.stream().map(t -> new ReportViews.TaskColumn(t.replace('_', ' '),
                EvalSummary.metric(t))).toList();
        List<ReportViews.HeadlineRow> rows = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            Run r = runs.get(i);
            String id = Integer.toString(i);
            JsonNode sm = r.summary();
            int failed = sm.path("failed").asInt(sm.path("errors").asInt());
            int answered = sm.path("answered").asInt(sm.path("samples").asInt() - failed);
            List<ReportViews.Cell> cells = new ArrayList<>();
            cells.add(estimate(r.summary().path("overall"), id, "overall"));
            cells.add(plain(r.summary().path("vsi").path("overall"), id, "vsi_overall"));
            cells.add(plain(r.summary().path("qvs").path("overall"), id, "qvs_overall"));
            for (String t : tasks) {
                cells.add(estimate(r.summary().path("tasks").path(t), id, t));
            }
            rows.add(new ReportViews.HeadlineRow(r.label(), r.model(), id, answered, failed, failed > 0, cells));
        }
        return new ReportViews.Headline(columns, rows);
    }

    /** A mean with its 95 % interval and n, or a dash. */
    private static ReportViews.Cell estimate(JsonNode est, String run, String task) {
        if (est == null || est.isMissingNode() || !est.path("mean").isNumber()) {
            return ReportViews.Cell.NA;
        }
        double m = est.path("mean").asDouble();
        return new ReportViews.Cell(false, run, task, Double.toString(m), Html.num(m, 1), true, est.path("n").asInt(),
                Html.num(est.path("low").asDouble(Double.NaN), 1), Html.num(est.path("high").asDouble(Double.NaN), 1));
    }

    /** A figure without an interval, or a dash. */
    private static ReportViews.Cell plain(JsonNode v, String run, String task) {
        if (!v.isNumber()) {
            return ReportViews.Cell.NA;
        }
        return new ReportViews.Cell(false, run, task, Double.toString(v.asDouble()), Html.num(v.asDouble(), 1), false,
                0, null, null);
    }

    private static ReportViews.Frames frameFigure(List<Run> runs) {
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
        List<ReportViews.Correlation> rows = new ArrayList<>();
        for (Run r : runs) {
            JsonNode c = r.summary().path("correlation");
            rows.add(new ReportViews.Correlation(r.label(), c.path("n").asInt(),
                    Html.num(c.path("pearson").asDouble(Double.NaN), 3), Html.num(c.path("spearman").asDouble(Double.NaN), 3),
                    Html.num(c.path("by_frame_count").path("pearson").asDouble(Double.NaN), 3),
                    Html.num(c.path("by_frame_count").path("spearman").asDouble(Double.NaN), 3)));
        }
        return new ReportViews.Frames(
                Charts.lineChart("Answer accuracy vs frames", "answer score (×100)", xl, answer, 100, 560, 300),
                map.isEmpty() ? "" : Charts.lineChart("Map accuracy vs frames", "map F1 (as stated)", xl, map, 1, 560,
                        300), rows);
    }

    private static Charts.Point point(int x, JsonNode e) {
        return new Charts.Point(x, e.path("mean").asDouble(Double.NaN), e.path("low").asDouble(Double.NaN),
                e.path("high").asDouble(Double.NaN), e.path("n").asInt());
    }

    private static ReportViews.Decomposition decomposition(List<Run> runs) {
        List<String> tasks = tasks(runs);
        List<ReportViews.DecompositionRun> out = new ArrayList<>();
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
            out.add(new ReportViews.DecompositionRun(r.label(), Charts.stackedBars(r.label(), rows, counts,
                    List.of("correct", "perception", "reasoning", "no map"), CATEGORY_COLORS, 760),
                    d.path("consistent").asInt(), d.path("with_map_answer").asInt()));
        }
        return new ReportViews.Decomposition(out);
    }

    private static int[] categoryCounts(JsonNode n) {
        int[] k = new int[EvalSummary.CATEGORIES.size()];
        for (int i = 0; i < k.length; i++) {
            k[i] = n.path(EvalSummary.CATEGORIES.get(i)).asInt();
        }
        return k;
    }

    private static ReportViews.Parse parse(List<Run> runs) {
        List<ReportViews.ParseRow> rows = new ArrayList<>();
        for (Run r : runs) {
            JsonNode s = r.summary();
            JsonNode p = s.path("parse");
            rows.add(new ReportViews.ParseRow(r.label(), List.of(s.path("samples").asText(), s.path("errors").asText(),
                    p.path("no_map").asText(), p.path("map_unreadable").asText(), p.path("map_repaired").asText(),
                    p.path("map_empty").asText(), p.path("no_answer_tag").asText(),
                    p.path("unparseable_answer").asText()),
                    Html.num(s.path("latency_ms").path("p50").asDouble(Double.NaN), 0),
                    Html.num(s.path("latency_ms").path("p95").asDouble(Double.NaN), 0),
                    s.path("tokens").path("prompt").asLong(), s.path("tokens").path("completion").asLong()));
        }
        return new ReportViews.Parse(rows);
    }

    private ReportViews.Provenance provenance(List<Results> results) {
        List<ReportViews.Folder> folders = new ArrayList<>();
        for (Results r : results) {
            folders.add(new ReportViews.Folder(r.dir().toString(), r.provenance() == null ? null
                    : r.provenance().toPrettyString()));
        }
        return new ReportViews.Provenance(o.provenance() == null ? null : o.provenance().toPrettyString(), folders);
    }
}
