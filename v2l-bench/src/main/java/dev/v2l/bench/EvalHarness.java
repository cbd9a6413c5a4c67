package dev.v2l.bench;

import dev.v2l.dataset.BenchBuilder;
import dev.v2l.dataset.DatasetOptions;
import dev.v2l.dataset.Exporter;
import dev.v2l.io.Provenance;
import dev.v2l.layout.text.MapForm;
import dev.v2l.model.FakeOpenAiServer;
import dev.v2l.model.ModelRequest;
import dev.v2l.model.Models;
import dev.v2l.model.VisionLanguageModel;
import dev.v2l.qa.QuestionType;
import dev.v2l.run.BenchItem;
import dev.v2l.run.BenchItems;
import dev.v2l.run.EvalRunner;
import dev.v2l.run.PromptKind;
import dev.v2l.run.ResultStore;
import dev.v2l.source.SceneSources;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * The evaluation runner against a fake OpenAI-compatible server on loopback that answers every request after a
 * fixed latency with a typical v2lo response: the whole path (request building, HTTP/1.1 client, parsing, VSI and
 * map scoring, the decomposition, appending to samples.jsonl) at a given concurrency. The ideal is concurrency /
 * latency requests per second.
 */
final class EvalHarness {

    private EvalHarness() {
    }

    static double run(PrintWriter out, int concurrency, long latencyMillis, int requests, int iterations, long seed)
            throws Exception {
        return run(out, concurrency, latencyMillis, requests, iterations, seed, 60);
    }

    /** @param scenes procedural rooms the benchmark items come from (two items each) */
    static double run(PrintWriter out, int concurrency, long latencyMillis, int requests, int iterations, long seed,
            int scenes) throws Exception {
        Path tmp = Files.createTempDirectory("v2l-eval-bench");
        try {
            DatasetOptions o = new DatasetOptions(List.of(4, 8, 16), QuestionType.parseList("qvs"), 1,
                    List.of(Exporter.JSONL), MapForm.V2LO, new double[] {0, 0, 1}, seed, "uniform", 32, 4, 160, 120,
                    60, 0, false, 1);
            new BenchBuilder(o, 2 * scenes, BenchBuilder.QVS_MIX).build(SceneSources.open("procedural:seed=" + seed
                    + ",count=" + scenes), tmp.resolve("bench"), new Provenance("bench", "", "", List.of()), i -> { });
            List<BenchItem> base = BenchItems.read(tmp.resolve("bench"));
            List<BenchItem> items = new ArrayList<>(requests);
            for (int i = 0; items.size() < requests; i++) {
                BenchItem b = base.get(i % base.size());
                items.add(b.withId(b.id() + "/" + i));
            }
            List<FakeOpenAiServer.Reply> replies = Workloads.typicalResponses(seed, 256).stream().map(t ->
                    FakeOpenAiServer.Reply.text(t).delayed(latencyMillis)).toList();
            AtomicInteger k = new AtomicInteger();
            try (FakeOpenAiServer server = new FakeOpenAiServer(r -> replies.get(Math.floorMod(k.getAndIncrement(),
                    replies.size())), false)) {
                EvalRunner runner = new EvalRunner(new EvalRunner.Settings(PromptKind.V2LO, concurrency, 0,
                        ModelRequest.Settings.DEFAULT, 1.0), tmp.resolve("bench"));
                Models.Options mo = new Models.Options(null, Duration.ofSeconds(30), 0, Duration.ofMillis(100), 0,
                        System::getenv);
                double ideal = concurrency * 1000.0 / latencyMillis;
                double[] rates = new double[iterations];
                for (int it = -2; it < iterations; it++) { // two rounds warm up (JIT) and are not counted
                    VisionLanguageModel m = Models.open("openai:" + server.baseUrl() + "#run" + it, mo);
                    EvalRunner.Outcome r;
                    try (ResultStore store = ResultStore.open(tmp.resolve("out" + it))) {
                        r = runner.run(items, List.of(m), store, (d, e, c) -> { });
                    }
                    if (r.errors() > 0) {
                        throw new IllegalStateException(r.errors() + " requests failed");
                    }
                    if (it >= 0) {
                        rates[it] = r.asked() / r.seconds();
                    }
                }
                double[] sorted = rates.clone();
                Arrays.sort(sorted);
                double median = sorted[sorted.length / 2];
                out.printf(Locale.ROOT, "%-9s %,14.0f requests/s  (median of %d rounds of %d requests, range %,.0f-%,.0f;"
                        + " concurrency %d, server latency %d ms: ideal %,.0f/s, reached %.1f %%) — requests built, "
                        + "sent over HTTP/1.1, parsed, scored and appended to samples.jsonl%n", "eval", median,
                        iterations, requests, sorted[0], sorted[sorted.length - 1], concurrency, latencyMillis, ideal,
                        100 * median / ideal);
                out.flush();
                return median;
            }
        } finally {
            deleteTree(tmp);
        }
    }

    static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
