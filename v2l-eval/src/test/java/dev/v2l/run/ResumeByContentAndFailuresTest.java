package dev.v2l.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.v2l.dataset.BenchBuilder;
import dev.v2l.dataset.DatasetOptions;
import dev.v2l.dataset.Exporter;
import dev.v2l.io.JsonLines;
import dev.v2l.io.Provenance;
import dev.v2l.layout.text.MapForm;
import dev.v2l.model.Models;
import dev.v2l.model.VisionLanguageModel;
import dev.v2l.qa.QuestionType;
import dev.v2l.source.SceneSources;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stored results belong to an item's content, not its id; failed requests are not scores. */
class ResumeByContentAndFailuresTest {

    @TempDir
    static Path shared;
    static Path bench;

    @BeforeAll
    static void buildBench() throws Exception {
        bench = shared.resolve("bench");
        DatasetOptions o = new DatasetOptions(List.of(8), QuestionType.parseList("qvs"), 1, List.of(Exporter.JSONL),
                MapForm.V2LO, new double[] {0, 0, 1}, 5, "uniform", 16, 4, 160, 120, 60, 0, false, 1);
        new BenchBuilder(o, 12, BenchBuilder.mixFor(QuestionType.parseList("qvs"))).build(
                SceneSources.open("procedural:seed=5,count=20"), bench, new Provenance("t", "t", "t", List.of()),
                i -> { });
    }

    static EvalRunner runner() {
        return new EvalRunner(new EvalRunner.Settings(PromptKind.V2LO, 2, 0,
                dev.v2l.model.ModelRequest.Settings.DEFAULT, 1.0), bench);
    }

    static EvalRunner.Outcome run(Path benchFile, Path out, ResultStore[] kept) throws Exception {
        List<BenchItem> items = BenchItems.read(benchFile);
        try (ResultStore store = ResultStore.open(out, BenchItems.hashes(items))) {
            kept[0] = store;
            return runner().run(items, List.of(Models.open("oracle", Models.Options.defaults())), store,
                    (d, e, c) -> { });
        }
    }

    @Test
    void changedItemsAreAskedAgainAndTheirOldResultsKeptApart(@TempDir Path out) throws Exception {
        Path first = bench.resolve("bench.jsonl");
        ResultStore[] store = new ResultStore[1];
        int n = BenchItems.read(first).size();
        assertThat(run(first, out, store).asked()).isEqualTo(n);
        // the same ids, three ground truths changed and the last item gone
        List<String> lines = Files.readAllLines(first, StandardCharsets.UTF_8);
        List<String> edited = new ArrayList<>();
        Map<String, String> changedTruth = new HashMap<>();
        for (int i = 0; i < lines.size() - 1; i++) {
            ObjectNode item = (ObjectNode) JsonLines.STRICT.readTree(lines.get(i));
            if (i < 3) {
                String wrong = item.path("options").isEmpty() ? "999" : item.path("ground_truth").asText().equals("A")
                        ? "B" : "A";
                item.put("ground_truth", wrong);
                changedTruth.put(item.path("id").asText(), wrong);
            }
            edited.add(JsonLines.STRICT.writeValueAsString(item));
        }
        Path second = shared.resolve("bench2.jsonl");
        Files.write(second, edited, StandardCharsets.UTF_8);
        Files.createDirectories(shared.resolve("images")); // text-only items; the runner reads no images
        EvalRunner.Outcome o = run(second, out, store);
        assertThat(store[0].changedDropped()).isEqualTo(3);
        assertThat(store[0].removedDropped()).isEqualTo(1);
        assertThat(o.asked()).isEqualTo(3);
        assertThat(o.skipped()).isEqualTo(n - 4);
        List<JsonNode> recs = ResultStore.readAll(out);
        assertThat(recs).hasSize(n - 1);
        Map<String, String> hashes = BenchItems.hashes(BenchItems.read(second));
        for (JsonNode r : recs) {
            assertThat(r.path("item_hash").asText()).isEqualTo(hashes.get(r.path("item_id").asText()));
            if (changedTruth.containsKey(r.path("item_id").asText())) {
                // scored against the new truth: the oracle answers from the map, which still gives the old one
                assertThat(r.path("ground_truth").asText()).isEqualTo(changedTruth.get(r.path("item_id").asText()));
                assertThat(r.path("score").asDouble()).isEqualTo(0.0);
            }
        }
        assertThat(Files.readAllLines(out.resolve(ResultStore.STALE))).hasSize(4);
        // and a third run asks nothing
        assertThat(run(second, out, store).asked()).isZero();
    }

    @Test
    void anUnreachableEndpointStopsTheRunAndFailuresAreNotScores(@TempDir Path out) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort(); // closed again: nothing listens there
        }
        List<BenchItem> items = BenchItems.read(bench);
        VisionLanguageModel down = Models.open("openai:http://127.0.0.1:" + port + "/v1#m", new Models.Options(null,
                Duration.ofSeconds(5), 1, Duration.ofMillis(10), 0, System::getenv));
        long t0 = System.nanoTime();
        try (ResultStore store = ResultStore.open(out, BenchItems.hashes(items))) {
            assertThatThrownBy(() -> new EvalRunner(new EvalRunner.Settings(PromptKind.V2LO, 1, 0,
                    dev.v2l.model.ModelRequest.Settings.DEFAULT, 1.0), bench).run(items, List.of(down), store,
                    (d, e, c) -> { })).isInstanceOf(EvalRunner.Unreachable.class)
                    .hasMessageContaining("the first 3 requests to m@http://127.0.0.1:" + port)
                    .hasMessageContaining("connection refused")
                    .hasMessageContaining("failed to connect");
        }
        assertThat((System.nanoTime() - t0) / 1e9).isLessThan(10);
        List<JsonNode> recs = ResultStore.readAll(out);
        assertThat(recs.size()).isBetween(3, items.size() - 1);
        // failures next to answers: the summary scores the answers only and counts the failures
        List<JsonNode> mixed = new ArrayList<>(recs);
        try (ResultStore store = ResultStore.open(shared.resolve("oracle-" + System.nanoTime()))) {
            runner().run(items.subList(0, 4), List.of(Models.open("oracle", Models.Options.defaults())), store,
                    (d, e, c) -> { });
            for (JsonNode r : ResultStore.readAll(store.file())) {
                ((ObjectNode) r).put("model", recs.get(0).path("model").asText());
                mixed.add(r);
            }
        }
        ObjectNode failedOnly = new EvalSummary(50, 0).summarize(recs);
        JsonNode run = failedOnly.path("runs").get(0);
        assertThat(run.path("answered").asInt()).isZero();
        assertThat(run.path("failed").asInt()).isEqualTo(recs.size());
        assertThat(run.path("failed_by_kind").path("connection").asInt()).isEqualTo(recs.size());
        assertThat(run.path("overall").has("mean")).as("no score without answers").isFalse();
        JsonNode both = new EvalSummary(50, 0).summarize(mixed).path("runs").get(0);
        assertThat(both.path("answered").asInt()).isEqualTo(4);
        assertThat(both.path("failed").asInt()).isEqualTo(recs.size());
        assertThat(both.path("overall").path("mean").asDouble()).as("the oracle's answers, failures left out")
                .isEqualTo(100.0);
    }
}
