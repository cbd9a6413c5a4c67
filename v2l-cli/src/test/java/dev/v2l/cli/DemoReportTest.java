package dev.v2l.cli;

import static dev.v2l.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.v2l.run.ResultStore;
import dev.v2l.testing.TestPaths;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo at reduced size, end to end, and the report it writes, read as a person's browser would read it. */
class DemoReportTest {

    static final ObjectMapper M = new ObjectMapper();

    @TempDir
    static Path dir;
    static CliTest.Run first;
    static Document doc;
    static String html;
    static JsonNode summary;
    static List<JsonNode> records;

    @BeforeAll
    static void runDemo() throws Exception {
        first = run("demo", "--scenes", "2", "--out", dir.toString());
        assertThat(first.code()).as(first.err()).isZero();
        html = Files.readString(dir.resolve("report.html"));
        doc = Jsoup.parse(html, "", Parser.htmlParser().setTrackErrors(100));
        summary = M.readTree(dir.resolve("results/summary.json").toFile());
        records = ResultStore.readAll(dir.resolve("results"));
    }

    @Test
    void theDemoSaysWhereTheReportIsAndSummarises() {
        String[] lines = first.out().strip().split("\n");
        assertThat(lines).hasSize(8);
        assertThat(lines[0]).startsWith("report: ").endsWith("report.html");
        assertThat(lines[1]).contains("benchmark items from 2 procedural rooms");
        assertThat(lines[2]).startsWith("oracle").contains("map F1 1.00");
        assertThat(lines[3]).startsWith("scene-oracle");
        assertThat(lines[4]).startsWith("blind");
        assertThat(lines[5]).startsWith("objectron").contains("map F1");
        assertThat(lines[6]).startsWith("realism: the detector finds").contains("in 12 rendered frames");
        assertThat(lines[7]).startsWith("done in");
        assertThat(dir.resolve("scenes")).isDirectoryContaining("glob:**.json");
        assertThat(dir.resolve("bench/bench.jsonl")).isRegularFile();
    }

    @Test
    void theOracleIsRightOnEveryType() {
        JsonNode oracle = summary.path("runs").get(0);
        assertThat(oracle.path("model").asText()).isEqualTo("oracle");
        assertThat(oracle.path("tasks").size()).isGreaterThanOrEqualTo(14);
        // 100 on every type but counting: benchmarks ask the room's count, the oracle counts what its frames show.
        java.util.Set<String> counting = java.util.Set.of("object_counting", "object_count");
        oracle.path("tasks").fields().forEachRemaining(e -> {
            if (!counting.contains(e.getKey())) {
                assertThat(e.getValue().path("mean").asDouble()).as(e.getKey()).isEqualTo(100.0);
            }
        });
        assertThat(records.stream().filter(r -> r.path("model").asText().equals("oracle")
                && !counting.contains(r.path("question_type").asText()))
                .allMatch(r -> r.path("score").asDouble() == 1.0)).isTrue();
        // The scene-oracle answers from the whole room's map: it counts the room.
        JsonNode sceneOracle = summary.path("runs").get(1);
        assertThat(sceneOracle.path("model").asText()).isEqualTo("scene-oracle");
        counting.forEach(t -> {
            if (sceneOracle.path("tasks").has(t)) {
                assertThat(sceneOracle.path("tasks").path(t).path("mean").asDouble()).as(t).isEqualTo(100.0);
            }
        });
    }

    @Test
    void theReportParsesAndItsTablesHoldTheSummarysNumbers() {
        assertThat(doc.title()).isEqualTo("video2layout report");
        Element table = doc.getElementById("headline");
        assertThat(table).isNotNull();
        List<Element> rows = table.select("tbody tr");
        assertThat(rows).hasSize(summary.path("runs").size());
        int checked = 0;
        for (Element td : table.select("td[data-value]")) {
            JsonNode run = summary.path("runs").get(Integer.parseInt(td.attr("data-run")));
            String task = td.attr("data-task");
            JsonNode v = switch (task) {
                case "overall" -> run.path("overall").path("mean");
                case "vsi_overall" -> run.path("vsi").path("overall");
                case "qvs_overall" -> run.path("qvs").path("overall");
                default -> run.path("tasks").path(task).path("mean");
            };
            assertThat(Double.parseDouble(td.attr("data-value"))).as(task).isEqualTo(v.asDouble());
            assertThat(td.ownText()).isEqualTo(String.format(Locale.ROOT, "%.1f", v.asDouble()));
            if (run.path("tasks").has(task) || task.equals("overall")) {
                JsonNode e = task.equals("overall") ? run.path("overall") : run.path("tasks").path(task);
                assertThat(td.selectFirst("small").text()).isEqualTo(String.format(Locale.ROOT, "[%.1f–%.1f]",
                        e.path("low").asDouble(), e.path("high").asDouble()));
            }
            checked++;
        }
        assertThat(checked).isGreaterThan(3 * 15);
        assertThat(doc.select("#parse tbody tr")).hasSize(4);
        assertThat(doc.select("svg.chart")).hasSizeGreaterThanOrEqualTo(2 + 3);
    }

    @Test
    void theDetectorBaselineIsScoredAndTheRealismFigureShown() throws Exception {
        JsonNode objectron = summary.path("runs").get(3);
        assertThat(objectron.path("model").asText()).isEqualTo("objectron");
        List<JsonNode> mine = records.stream().filter(r -> r.path("model").asText().equals("objectron")).toList();
        assertThat(mine).hasSize(records.size() / 4);
        for (JsonNode r : mine) {
            assertThat(r.path("format").asDouble()).as(r.path("response").asText()).isEqualTo(1.0);
            assertThat(r.path("response").asText()).contains("The detector found");
            assertThat(r.path("map_scores").path("stated").has("f1")).isTrue();
        }
        // answer score and map F1 per frame count, and the perception/reasoning split, for the detector too
        assertThat(objectron.path("frames").size()).isEqualTo(5);
        assertThat(objectron.path("frames").get(0).has("map_f1")).isTrue();
        assertThat(doc.select("#breakdown ~ *").text()).contains("objectron");
        JsonNode realism = M.readTree(dir.resolve("results/realism.json").toFile());
        assertThat(realism.path("frames").asInt()).isEqualTo(12);
        Element section = doc.getElementById("realism");
        assertThat(section).isNotNull();
        Element table = doc.selectFirst("table.realism");
        assertThat(table.select("tbody tr").last().selectFirst("th").text()).isEqualTo("overall");
        assertThat(table.select("tbody tr").last().select("td").get(0).text())
                .isEqualTo(Integer.toString(realism.at("/overall/truth").asInt()));
        assertThat(dir.resolve("frames")).isDirectoryRecursivelyContaining("glob:**/instances.json");
    }

    @Test
    void everyGallerySampleHasItsMapAndFrames() {
        List<Element> cards = doc.select(".gallery .card");
        assertThat(cards).hasSize(Math.min(400, records.size()));
        for (Element c : cards) {
            assertThat(c.select(".bev svg")).as(c.attr("data-task")).hasSize(1);
            assertThat(c.select(".frames img[data-f]").size()).isEqualTo(Integer.parseInt(c.attr("data-frames")));
            assertThat(c.attr("data-correct")).isIn("correct", "wrong");
        }
        // oracle cards show no misses and no false objects; blind ones only misses
        Element oracle = cards.stream().filter(c -> c.attr("data-run").equals("oracle")).findFirst().orElseThrow();
        assertThat(oracle.select("polygon.missed, polygon.false")).isEmpty();
        assertThat(oracle.select("line.link")).isNotEmpty();
        Element blind = cards.stream().filter(c -> c.attr("data-run").equals("blind")).findFirst().orElseThrow();
        assertThat(blind.select("polygon.missed")).isNotEmpty();
        // every thumbnail the gallery names is in the page
        JsonNode frames = readJson(doc.getElementById("v2l-frames").data());
        for (Element img : doc.select("img[data-f]")) {
            assertThat(frames.path(img.attr("data-f")).asText()).startsWith("data:image/jpeg;base64,");
        }
    }

    static JsonNode readJson(String s) {
        try {
            return M.readTree(s);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void noUrlOutsideTheFileIsReferenced() {
        for (Element e : doc.getAllElements()) {
            for (String attr : List.of("src", "href", "xlink:href", "srcset", "action", "poster", "data", "background",
                    "xmlns")) {
                if (e.hasAttr(attr)) {
                    String v = e.attr(attr);
                    assertThat(v.startsWith("#") || v.startsWith("data:")).as("%s=%s on <%s>", attr, v, e.tagName())
                            .isTrue();
                }
            }
        }
        assertThat(doc.select("link, iframe, object, embed")).isEmpty();
        assertThat(doc.select("script[src]")).isEmpty();
        for (Element style : doc.select("style")) {
            assertThat(style.data()).doesNotContain("url(").doesNotContain("@import");
        }
        assertThat(html).doesNotContainPattern("(?i)(src|href)\\s*=\\s*[\"']?(https?:)?//");
    }

    @Test
    void aSecondRunReusesEverything() {
        CliTest.Run again = run("demo", "--scenes", "2", "--out", dir.toString());
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(again.err()).contains("reusing the benchmark").doesNotContain("realism figure");
        assertThat(again.out()).containsPattern("\\(0 answers asked, [0-9]+ reused\\)");
    }

    @Test
    void theReportRendersInAHeadlessBrowserWithoutErrors() throws Exception {
        String browser = null;
        for (String b : List.of("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")) {
            for (String p : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
                if (Files.isExecutable(Path.of(p, b))) {
                    browser = Path.of(p, b).toString();
                    break;
                }
            }
            if (browser != null) {
                break;
            }
        }
        Assumptions.assumeTrue(browser != null, "no headless browser (chromium) on PATH: the report was checked as "
                + "HTML only; install Debian's chromium to render it");
        Path report = dir.resolve("report.html").toAbsolutePath();
        Path target = TestPaths.root().resolve("v2l-cli/target");
        Files.createDirectories(target);
        Path shot = target.resolve("report-screenshot.png");
        List<String> common = new ArrayList<>(List.of(browser, "--headless", "--no-sandbox", "--disable-gpu",
                "--hide-scrollbars", "--no-first-run", "--disable-extensions", "--user-data-dir="
                        + dir.resolve("chrome-profile")));
        List<String> dom = new ArrayList<>(common);
        dom.addAll(List.of("--virtual-time-budget=5000", "--dump-dom", report.toUri().toString()));
        String out = exec(dom);
        Document rendered = Jsoup.parse(out);
        assertThat(rendered.body().attr("data-errors")).as("JavaScript errors").isEmpty();
        assertThat(rendered.body().attr("data-ready")).as("the page's script ran to the end").isEqualTo("1");
        assertThat(rendered.select("img[data-f]").first().attr("src")).startsWith("data:image/jpeg;base64,");
        assertThat(rendered.getElementById("shown").text()).endsWith("samples");
        List<String> capture = new ArrayList<>(common);
        capture.addAll(List.of("--window-size=1400,2400", "--screenshot=" + shot, report.toUri().toString()));
        exec(capture);
        assertThat(shot).isRegularFile();
        assertThat(Files.size(shot)).isGreaterThan(20_000);
    }

    static String exec(List<String> cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new String(out, StandardCharsets.UTF_8);
    }
}
