package dev.v2l.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.v2l.metrics.MapScoresJson;
import dev.v2l.metrics.Statistics;
import dev.v2l.metrics.VsiMetrics;
import dev.v2l.qa.QuestionType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code summary.json} from sample records: per (model, prompt) run, VSI-Bench's summary with the reference's keys
 * (×100, over VSI-family types), the same for QVS types, per-type means and an overall (mean of task means, the
 * three relative-direction types counting as one task) with seeded 95 % bootstrap intervals, the frame-count
 * analysis (answer score, map F1 as stated and aligned, centre error, each with intervals), the correlation between
 * map F1 and answer score (per sample, and across frame counts), the map-then-compute breakdown, parse
 * diagnostics, latency and tokens. Answer figures are ×100 (as VSI-Bench reports), F1 in [0, 1], errors in metres.
 */
public final class EvalSummary {

    public static final String FORMAT = "v2l-eval-summary/1";
    static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    public static final List<String> CATEGORIES = List.of("correct", "perception", "reasoning", "no-map");

    private final int resamples;
    private final long seed;

    public EvalSummary(int resamples, long seed) {
        this.resamples = resamples;
        this.seed = seed;
    }

    /** Runs in order of model name and prompt. */
    public ObjectNode summarize(List<JsonNode> records) {
        return summarize(records, List.of());
    }

    /** Runs ordered by {@code modelOrder} (models not in it last, by name and prompt). */
    public ObjectNode summarize(List<JsonNode> records, List<String> modelOrder) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.putObject("bootstrap").put("resamples", resamples).put("seed", seed).put("interval", 0.95);
        Map<String, List<JsonNode>> runs = new LinkedHashMap<>();
        for (JsonNode r : records) {
            runs.computeIfAbsent(r.path("model").asText() + "\u0000" + r.path("prompt").asText(),
                    k -> new ArrayList<>()).add(r);
        }
        ArrayNode out = root.putArray("runs");
        List<List<JsonNode>> ordered = new ArrayList<>(runs.values());
        ordered.sort(java.util.Comparator.<List<JsonNode>>comparingInt(rs -> {
            int i = modelOrder.indexOf(rs.get(0).path("model").asText());
            return i < 0 ? Integer.MAX_VALUE : i;
        }).thenComparing(rs -> rs.get(0).path("model").asText() + "\u0000" + rs.get(0).path("prompt").asText()));
        for (List<JsonNode> rs : ordered) {
            // records arrive in completion order; resampling must not depend on it
            List<JsonNode> sorted = new ArrayList<>(rs);
            sorted.sort(java.util.Comparator.comparing(r -> r.path("item_id").asText()));
            out.add(run(sorted));
        }
        return root;
    }

    /**
     * One run's summary. Failed requests are not answers: they are counted ({@code failed}, by error kind) and left
     * out of every score, so a model that could not be reached shows no score rather than 0.
     */
    private ObjectNode run(List<JsonNode> all) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("model", all.get(0).path("model").asText());
        n.put("prompt", all.get(0).path("prompt").asText());
        n.put("samples", all.size());
        List<JsonNode> rs = new ArrayList<>();
        Map<String, Integer> failedKinds = new TreeMap<>();
        for (JsonNode r : all) {
            if (r.hasNonNull("error")) {
                failedKinds.merge(r.path("error").path("kind").asText("unknown"), 1, Integer::sum);
            } else {
                rs.add(r);
            }
        }
        int errors = all.size() - rs.size();
        n.put("answered", rs.size());
        n.put("failed", errors);
        n.put("errors", errors);
        n.set("failed_by_kind", MAPPER.valueToTree(failedKinds));
        Map<String, List<Double>> byType = new TreeMap<>();
        Map<String, String> otherMetric = new TreeMap<>(); // types of other benchmarks (bench import generic)
        for (JsonNode r : rs) {
            byType.computeIfAbsent(r.path("question_type").asText(), k -> new ArrayList<>())
                    .add(r.path("score").asDouble());
            if ("other".equals(r.path("family").asText()) && r.hasNonNull("metric")) {
                otherMetric.put(r.path("question_type").asText(), r.path("metric").asText());
            }
        }
        Map<String, List<Double>> vsi = new TreeMap<>();
        Map<String, List<Double>> qvs = new TreeMap<>();
        Map<String, List<Double>> other = new TreeMap<>();
        byType.forEach((t, v) -> (otherMetric.containsKey(t) ? other : VsiMetrics.vsiType(t).isPresent() ? vsi
                : qvs).put(t, v));
        java.util.function.Function<String, String> metricOf = t -> otherMetric.getOrDefault(t, metric(t));
        if (!vsi.isEmpty()) {
            VsiMetrics.Summary s = VsiMetrics.summarize(vsi);
            n.set("vsi", MAPPER.valueToTree(s.reported()));
            if (!s.warnings().isEmpty()) {
                n.set("vsi_warnings", MAPPER.valueToTree(s.warnings()));
            }
        }
        if (!qvs.isEmpty()) {
            ObjectNode q = n.putObject("qvs");
            VsiMetrics.qvsSummary(qvs, EvalSummary::metric).forEach(q::put);
        }
        if (!other.isEmpty()) { // the same form as QVS's: per-type means ×100 and their mean
            ObjectNode q = n.putObject("other");
            VsiMetrics.qvsSummary(other, metricOf).forEach(q::put);
        }
        ObjectNode tasks = n.putObject("tasks");
        List<double[]> groups = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        int t = 0;
        for (Map.Entry<String, List<Double>> e : byType.entrySet()) {
            double[] x = toArray(e.getValue());
            ObjectNode tn = tasks.putObject(e.getKey());
            tn.put("metric", metricOf.apply(e.getKey()));
            estimate(tn, Statistics.bootstrapMean(x, resamples, seed + 31L * ++t), 100);
            groups.add(x);
            weights.add(e.getKey().startsWith("object_rel_direction_") ? 1.0 / directionTypes(byType) : 1.0);
        }
        double[] w = weights.stream().mapToDouble(Double::doubleValue).toArray();
        if (groups.isEmpty()) {
            n.putObject("overall").put("n", 0); // nothing answered: no score at all, not 0
        } else {
            estimate(n.putObject("overall"), Statistics.bootstrapWeightedMeanOfGroups(groups, w, resamples, seed),
                    100);
        }
        frames(n, rs);
        decomposition(n, rs);
        parse(n, rs);
        timing(n, rs);
        return n;
    }

    private static int directionTypes(Map<String, List<Double>> byType) {
        return (int) byType.keySet().stream().filter(k -> k.startsWith("object_rel_direction_")).count();
    }

    /** The metric a type is scored by: {@code accuracy} or {@code MRA:.5:.95:.05}. */
    public static String metric(String type) {
        return VsiMetrics.vsiType(type).or(() -> QuestionType.find(type)).map(QuestionType::metric)
                .orElse(VsiMetrics.ACCURACY);
    }

    private void frames(ObjectNode n, List<JsonNode> rs) {
        boolean anyMap = rs.stream().anyMatch(r -> r.path("map").path("present").asBoolean(false));
        Map<Integer, List<JsonNode>> byFrames = new TreeMap<>();
        rs.forEach(r -> byFrames.computeIfAbsent(r.path("frame_count").asInt(), k -> new ArrayList<>()).add(r));
        ArrayNode arr = n.putArray("frames");
        List<Double> fa = new ArrayList<>();
        List<Double> ff = new ArrayList<>();
        int k = 0;
        for (Map.Entry<Integer, List<JsonNode>> e : byFrames.entrySet()) {
            ObjectNode f = arr.addObject();
            f.put("frame_count", e.getKey());
            f.put("n", e.getValue().size());
            double[] scores = e.getValue().stream().mapToDouble(r -> r.path("score").asDouble()).toArray();
            Statistics.Estimate a = Statistics.bootstrapMean(scores, resamples, seed + 1000L + ++k);
            estimate(f.putObject("answer"), a, 100);
            if (anyMap) {
                double[] f1 = e.getValue().stream().mapToDouble(r -> f1(r, "stated")).toArray();
                double[] f1a = e.getValue().stream().mapToDouble(r -> f1(r, "aligned")).toArray();
                double[] ce = e.getValue().stream().map(r -> r.path("map_scores").path("stated")
                        .path("mean_centre_error_m")).filter(JsonNode::isNumber).mapToDouble(JsonNode::asDouble).toArray();
                Statistics.Estimate mf = Statistics.bootstrapMean(f1, resamples, seed + 2000L + k);
                estimate(f.putObject("map_f1"), mf, 1);
                estimate(f.putObject("map_f1_aligned"), Statistics.bootstrapMean(f1a, resamples, seed + 3000L + k), 1);
                estimate(f.putObject("centre_error"), Statistics.bootstrapMean(ce, resamples, seed + 4000L + k), 1);
                fa.add(a.mean());
                ff.add(mf.mean());
            }
        }
        ObjectNode c = n.putObject("correlation");
        List<JsonNode> mapped = rs.stream().filter(r -> r.path("map_scores").has("stated")).toList();
        c.put("n", mapped.size());
        double[] x = mapped.stream().mapToDouble(r -> f1(r, "stated")).toArray();
        double[] y = mapped.stream().mapToDouble(r -> r.path("score").asDouble()).toArray();
        MapScoresJson.putFinite(c, "pearson", Statistics.pearson(x, y));
        MapScoresJson.putFinite(c, "spearman", Statistics.spearman(x, y));
        ObjectNode bf = c.putObject("by_frame_count");
        bf.put("n", ff.size());
        MapScoresJson.putFinite(bf, "pearson", Statistics.pearson(toArray(ff), toArray(fa)));
        MapScoresJson.putFinite(bf, "spearman", Statistics.spearman(toArray(ff), toArray(fa)));
    }

    /** A sample's map F1 (0 when it wrote no readable map). */
    static double f1(JsonNode r, String view) {
        return r.path("map_scores").path(view).path("f1").asDouble(0);
    }

    private static void decomposition(ObjectNode n, List<JsonNode> rs) {
        ObjectNode d = n.putObject("decomposition");
        ObjectNode all = d.putObject("all");
        ObjectNode byType = d.putObject("by_type");
        CATEGORIES.forEach(c -> all.put(c, 0));
        int consistent = 0;
        int withMapAnswer = 0;
        for (JsonNode r : rs) {
            String c = r.path("decomposition").path("category").asText("no-map");
            all.put(c, all.path(c).asInt() + 1);
            ObjectNode t = (ObjectNode) byType.get(r.path("question_type").asText());
            if (t == null) {
                t = byType.putObject(r.path("question_type").asText());
                for (String k : CATEGORIES) {
                    t.put(k, 0);
                }
            }
            t.put(c, t.path(c).asInt() + 1);
            if (r.path("decomposition").hasNonNull("map_answer")) {
                withMapAnswer++;
                if (r.path("decomposition").path("consistent").asBoolean()) {
                    consistent++;
                }
            }
        }
        d.put("with_map_answer", withMapAnswer);
        d.put("consistent", consistent);
    }

    private static void parse(ObjectNode n, List<JsonNode> rs) {
        int responses = 0;
        int noTag = 0;
        int unreadable = 0;
        int repaired = 0;
        int empty = 0;
        int noAnswer = 0;
        int unparseable = 0;
        for (JsonNode r : rs) {
            if (r.hasNonNull("error")) {
                continue;
            }
            responses++;
            JsonNode m = r.path("map");
            if (m.has("objects") || m.path("present").asBoolean()) {
                if (!m.path("present").asBoolean()) {
                    unreadable++;
                } else if (m.path("objects").asInt() == 0) {
                    empty++;
                }
                if (m.path("repaired").asBoolean()) {
                    repaired++;
                }
            } else {
                noTag++;
            }
            String resp = r.path("response").asText("");
            if (!resp.contains("answer>") && !r.path("prompt").asText().equals("vsi")
                    && !r.path("prompt").asText().equals("direct")) {
                noAnswer++;
            }
            if (r.path("unparseable").asBoolean()) {
                unparseable++;
            }
        }
        ObjectNode p = n.putObject("parse");
        p.put("responses", responses);
        p.put("no_map", noTag);
        p.put("map_unreadable", unreadable);
        p.put("map_repaired", repaired);
        p.put("map_empty", empty);
        p.put("no_answer_tag", noAnswer);
        p.put("unparseable_answer", unparseable);
    }

    private static void timing(ObjectNode n, List<JsonNode> rs) {
        double[] lat = rs.stream().filter(r -> r.has("latency_ms") && !r.path("cached").asBoolean())
                .mapToDouble(r -> r.path("latency_ms").asDouble()).toArray();
        ObjectNode l = n.putObject("latency_ms");
        MapScoresJson.putFinite(l, "p50", Statistics.percentile(lat, 50));
        MapScoresJson.putFinite(l, "p95", Statistics.percentile(lat, 95));
        long pt = 0;
        long ct = 0;
        int cached = 0;
        for (JsonNode r : rs) {
            pt += Math.max(0, r.path("prompt_tokens").asLong(0));
            ct += Math.max(0, r.path("completion_tokens").asLong(0));
            cached += r.path("cached").asBoolean() ? 1 : 0;
        }
        n.putObject("tokens").put("prompt", pt).put("completion", ct);
        n.put("cached", cached);
    }

    private static void estimate(ObjectNode n, Statistics.Estimate e, double scale) {
        MapScoresJson.putFinite(n, "mean", e.mean() * scale);
        MapScoresJson.putFinite(n, "low", e.low() * scale);
        MapScoresJson.putFinite(n, "high", e.high() * scale);
        n.put("n", e.n());
    }

    private static double[] toArray(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Writes {@code summary.json} into {@code dir} atomically. */
    public static void write(Path dir, ObjectNode summary) throws IOException {
        Path tmp = dir.resolve(".summary.json.tmp");
        Files.writeString(tmp, MAPPER.writeValueAsString(summary));
        Files.move(tmp, dir.resolve("summary.json"), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
    }
}
