package dev.v2l.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.v2l.dataset.BenchBuilder;
import dev.v2l.dataset.DatasetOptions;
import dev.v2l.dataset.Exporter;
import dev.v2l.io.Provenance;
import dev.v2l.layout.Labels;
import dev.v2l.layout.text.MapForm;
import dev.v2l.model.FakeOpenAiServer;
import dev.v2l.model.ModelRequest;
import dev.v2l.model.Models;
import dev.v2l.model.VisionLanguageModel;
import dev.v2l.qa.QuestionType;
import dev.v2l.source.SceneSources;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalRunnerTest {

    @TempDir
    static Path shared;
    static Path bench;
    static List<BenchItem> items;

    /** A benchmark with every question type, text-only (the built-in models and the fake server need no images). */
    @BeforeAll
    static void buildBench() throws IOException {
        bench = shared.resolve("bench");
        DatasetOptions o = new DatasetOptions(List.of(8, 16), QuestionType.parseList("all"), 1,
                List.of(Exporter.JSONL), MapForm.V2LO, new double[] {0, 0, 1}, 11, "uniform", 32, 4, 160, 120, 60, 0,
                false, 1);
        new BenchBuilder(o, 16 * 2 * 3, BenchBuilder.mixFor(QuestionType.parseList("all"))).build(
                SceneSources.open("procedural:seed=11,count=60"), bench, new Provenance("t", "t", "t", List.of()),
                i -> { });
        items = BenchItems.read(bench);
    }

    static EvalRunner runner(int concurrency) {
        return new EvalRunner(new EvalRunner.Settings(PromptKind.V2LO, concurrency, 0, ModelRequest.Settings.DEFAULT,
                1.0), bench);
    }

    @Test
    void theOracleIsRightOnEveryTypeAndItsMapsMatch(@TempDir Path out) throws Exception {
        try (ResultStore store = ResultStore.open(out)) {
            runner(2).run(items, List.of(Models.open("oracle", Models.Options.defaults())), store,
                    (d, e, c) -> { });
        }
        List<JsonNode> recs = ResultStore.readAll(out);
        assertThat(recs).hasSize(items.size());
        Set<String> types = new HashSet<>();
        for (JsonNode r : recs) {
            types.add(r.path("question_type").asText());
            BenchItem item = items.stream().filter(i -> i.id().equals(r.path("item_id").asText())).findFirst()
                    .orElseThrow();
            if ("room".equals(item.question().params().get("scope"))) {
                // A benchmark counts the room, whatever the frames show: the oracle counts what its frames show, so it
                // is right exactly when they show every instance (its accuracy rises with the frames).
                String label = item.question().objects().get(0).label();
                long onMap = item.gtLayout().objects().stream()
                        .filter(o -> Labels.key(o.label()).equals(Labels.key(label))).count();
                assertThat(r.path("answer").asText()).isEqualTo(Long.toString(onMap));
                assertThat(r.path("score").asDouble() == 1.0).isEqualTo(Long.toString(onMap).equals(
                        item.question().groundTruth()));
            } else {
                assertThat(r.path("score").asDouble()).as("%s: %s vs %s", r.path("item_id"), r.path("answer"),
                        r.path("ground_truth")).isEqualTo(1.0);
            }
            assertThat(r.path("format").asDouble()).isEqualTo(1.0);
            assertThat(r.path("map_scores").path("stated").path("f1").asDouble()).isEqualTo(1.0);
            String type = r.path("question_type").asText();
            if (!type.equals("room_size_estimation") && !type.equals("obj_appearance_order")) {
                // the engine answers again from the map the oracle wrote (v2lo, 1 decimal): mostly the truth
                assertThat(r.path("decomposition").path("map_answer").isNull()).as("%s", r.path("item_id")).isFalse();
            }
        }
        assertThat(types).as("every type is in the bench").hasSize(QuestionType.values().size());
        ObjectNode summary = new EvalSummary(200, 0).summarize(recs);
        JsonNode run = summary.path("runs").get(0);
        // 100 on every type but counting, whose room counts the frames do not always show.
        Set<String> counting = Set.of("object_counting", "object_count");
        run.path("tasks").fields().forEachRemaining(t -> {
            if (!counting.contains(t.getKey())) {
                assertThat(t.getValue().path("mean").asDouble()).as(t.getKey()).isEqualTo(100.0);
            }
        });
        assertThat(run.path("overall").path("mean").asDouble()).isGreaterThan(90.0);
    }

    @Test
    void blindAndRandomAreWorseAndRandomIsSeeded(@TempDir Path out) throws Exception {
        List<VisionLanguageModel> ms = List.of(Models.open("blind", Models.Options.defaults()),
                Models.open("random:3", Models.Options.defaults()));
        try (ResultStore store = ResultStore.open(out.resolve("a"))) {
            runner(2).run(items, ms, store, (d, e, c) -> { });
        }
        try (ResultStore store = ResultStore.open(out.resolve("b"))) {
            runner(1).run(items, List.of(Models.open("random:3", Models.Options.defaults())), store,
                    (d, e, c) -> { });
        }
        List<JsonNode> recs = ResultStore.readAll(out.resolve("a"));
        ObjectNode s = new EvalSummary(200, 0).summarize(recs);
        // records arrive in completion order: the summary (intervals included) must not depend on it
        List<JsonNode> shuffled = new ArrayList<>(recs);
        java.util.Collections.shuffle(shuffled, new java.util.Random(5));
        assertThat(new EvalSummary(200, 0).summarize(shuffled)).isEqualTo(s);
        for (JsonNode run : s.path("runs")) {
            assertThat(run.path("overall").path("mean").asDouble()).isLessThan(80);
            assertThat(run.path("decomposition").path("all").path("correct").asInt()).isLessThan(items.size());
        }
        Map<String, String> a = answers(out.resolve("a"), "random:3");
        assertThat(a).isEqualTo(answers(out.resolve("b"), "random:3"));
    }

    static Map<String, String> answers(Path dir, String model) throws IOException {
        Map<String, String> m = new TreeMap<>();
        for (JsonNode r : ResultStore.readAll(dir)) {
            if (r.path("model").asText().equals(model)) {
                m.put(r.path("item_id").asText(), r.path("answer").asText());
            }
        }
        return m;
    }

    @Test
    void killedMidRunThenResumedGivesExactlyOneRecordPerSample(@TempDir Path out) throws Exception {
        try (FakeOpenAiServer s = new FakeOpenAiServer(r -> FakeOpenAiServer.Reply.text(
                "<map>[]</map><think>t</think><answer>A</answer>").delayed(15))) {
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                    System.getProperty("java.class.path"), EvalChild.class.getName(), bench.toString(),
                    out.toString(), s.baseUrl().toString()).redirectErrorStream(true)
                    .redirectOutput(out.resolveSibling(out.getFileName() + "-child.log").toFile()).start();
            Path samples = out.resolve("samples.jsonl");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (lines(samples) < items.size() / 3 && System.nanoTime() < deadline && p.isAlive()) {
                Thread.sleep(5);
            }
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS); // SIGKILL: no shutdown hooks, no flushing
            int before = lines(samples);
            assertThat(before).as("killed mid-run").isBetween(1, items.size() - 1);
            // a write cut in half by the kill is simulated too: the next run must drop it
            Files.writeString(samples, "{\"item_id\": \"half", StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.APPEND);
            VisionLanguageModel m = Models.open("openai:" + s.baseUrl() + "#" + FakeOpenAiServer.MODEL,
                    Models.Options.defaults());
            EvalRunner.Outcome o;
            try (ResultStore store = ResultStore.open(out)) {
                assertThat(store.partialDropped()).isEqualTo(1);
                assertThat(store.done()).hasSize(before);
                o = runner(4).run(items, List.of(m), store, (d, e, c) -> { });
            }
            assertThat(o.skipped()).isEqualTo(before);
            assertThat(o.asked()).isEqualTo(items.size() - before);
            List<JsonNode> recs = ResultStore.readAll(out);
            List<String> ids = new ArrayList<>();
            recs.forEach(r -> ids.add(r.path("item_id").asText()));
            assertThat(ids).doesNotHaveDuplicates().hasSize(items.size());
            assertThat(new HashSet<>(ids)).isEqualTo(new HashSet<>(items.stream().map(BenchItem::id).toList()));
            // a third run asks nothing
            try (ResultStore store = ResultStore.open(out)) {
                assertThat(runner(4).run(items, List.of(m), store, (d, e, c) -> { }).asked()).isZero();
            }
        }
    }

    static int lines(Path f) throws IOException {
        if (!Files.exists(f)) {
            return 0;
        }
        byte[] b = Files.readAllBytes(f);
        int n = 0;
        for (byte x : b) {
            n += x == '\n' ? 1 : 0;
        }
        return n;
    }

    @Test
    void failedRequestsAreRecordedAndAskedAgainOnTheNextRun(@TempDir Path out) throws Exception {
        List<BenchItem> few = items.subList(0, 6);
        try (FakeOpenAiServer s = new FakeOpenAiServer(r -> FakeOpenAiServer.Reply.status(400, "{}"))) {
            VisionLanguageModel m = Models.open("openai:" + s.baseUrl() + "#m", Models.Options.defaults());
            try (ResultStore store = ResultStore.open(out)) {
                EvalRunner.Outcome o = runner(2).run(few, List.of(m), store, (d, e, c) -> { });
                assertThat(o.errors()).isEqualTo(6);
            }
            assertThat(ResultStore.readAll(out)).allSatisfy(r -> assertThat(r.path("error").path("status").asInt())
                    .isEqualTo(400));
        }
        try (FakeOpenAiServer s = new FakeOpenAiServer(r -> FakeOpenAiServer.Reply.text("<answer>A</answer>"))) {
            VisionLanguageModel m = Models.open("openai:" + s.baseUrl() + "#m", Models.Options.defaults());
            try (ResultStore store = ResultStore.open(out)) {
                assertThat(store.failuresDropped()).isEqualTo(6);
                assertThat(runner(2).run(few, List.of(m), store, (d, e, c) -> { }).asked()).isEqualTo(6);
            }
        }
        assertThat(ResultStore.readAll(out)).hasSize(6).noneSatisfy(r -> assertThat(r.has("error")).isTrue());
    }
}
