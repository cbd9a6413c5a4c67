package dev.v2l.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.v2l.io.Provenance;
import dev.v2l.model.ModelRequest;
import dev.v2l.model.Models;
import dev.v2l.model.ResponseCache;
import dev.v2l.model.VisionLanguageModel;
import dev.v2l.run.BenchItem;
import dev.v2l.run.BenchItems;
import dev.v2l.run.EvalRunner;
import dev.v2l.run.Evaluation;
import dev.v2l.run.PromptKind;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import me.tongfei.progressbar.ProgressBar;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code v2l eval}: benchmark items through models, scored as they arrive, resumable. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Evaluate models on a benchmark (bench.jsonl from 'v2l bench build'): each answer is scored "
                + "as VSI-Bench scores it, each <map> against the true map of the item's frames, and the answer "
                + "recomputed from the model's own map (perception vs reasoning errors). Results go to "
                + "OUT/samples.jsonl as they arrive; a rerun with the same arguments asks only what is missing. "
                + "OUT/summary.json holds the per-task scores with 95%% bootstrap intervals and the frame-count "
                + "analysis; OUT/provenance.json how it was made.",
            "Models: oracle, scene-oracle, blind, random[:SEED], openai:http://HOST:PORT/v1#MODEL (see v2l models)."
                + " The API key is read from the environment variable named by --api-key-env, never from the "
                + "command line."},
        footer = {"", "Examples:",
            "  v2l eval qvs-bench/ --model oracle --model blind --out results/",
            "  OPENAI_API_KEY=... v2l eval qvs-bench/ --model openai:http://127.0.0.1:8000/v1#Qwen/Qwen2.5-VL-7B-Instruct"
                + " --api-key-env OPENAI_API_KEY --prompt v2lo --concurrency 16 --out results/"})
final class EvalCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** How environment variables are read (tests replace it). */
    static UnaryOperator<String> env = System::getenv;

    @Parameters(index = "0", paramLabel = "BENCH", description = "bench.jsonl or the folder holding it.")
    Path bench;

    @Mixin
    Mixins.ModelSpecs models;

    @Option(names = "--prompt", paramLabel = "KIND", defaultValue = "v2lo", converter = Converters.Prompt.class,
            description = "v2lo (map, think, answer tags), vsi (VSI-Bench's prompt, exactly), direct (answer only). "
                    + "Default: ${DEFAULT-VALUE}.")
    PromptKind prompt;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "0", converter = Converters.NonNegativeInt.class,
            description = "Only the first N items (0: all).")
    int limit;

    @Option(names = "--frames", paramLabel = "N", converter = Converters.FrameCount.class, description = "Only the "
            + "items with N frames: one frame count of a multi-count 'bench import' (the items get their official "
            + "ids back) or of 'bench build'.")
    Integer frames;

    @Mixin
    Mixins.OutputFolder out;

    @Mixin
    Mixins.MaxPixels maxPixels;

    @Option(names = "--max-tokens", paramLabel = "N", defaultValue = "0", converter = Converters.NonNegativeInt.class,
            description = "max_tokens (0: 2048 for v2lo, 16 for vsi as the reference, 32 for direct).")
    int maxTokens;

    @Option(names = "--temperature", paramLabel = "T", defaultValue = "0",
            converter = Converters.NonNegativeDouble.class, description = "Temperature. Default: ${DEFAULT-VALUE}.")
    double temperature;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0", description = "Generation seed sent to servers, "
            + "the random model's seed, and the bootstrap's. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--extra-body", paramLabel = "JSON", description = "Extra fields for the request body, e.g. "
            + "'{\"top_k\": 1}'.")
    String extraBody;

    @Option(names = "--cache", paramLabel = "DIR", description = "Response cache folder. Default: OUT/cache.")
    Path cache;

    @Option(names = "--no-cache", description = "Do not read or write the response cache.")
    boolean noCache;

    @Mixin
    Mixins.Tau tau;

    @Mixin
    Mixins.Quiet quiet;

    @Override
    public Integer call() throws Exception {
        Path results = out.dir();
        Path benchFile = BenchItems.file(bench);
        List<BenchItem> items = BenchItems.read(bench);
        if (frames != null) {
            items = BenchItems.withFrameCount(items, frames);
        }
        String body = prompt.extraBody(extraBody);
        Models.Options mo = models.options(maxPixels.maxPixels, env);
        List<VisionLanguageModel> ms = Models.openAll(models.required(), mo, noCache ? null
                : new ResponseCache(cache != null ? cache : results.resolve("cache")), seed);
        ModelRequest.Settings gen = new ModelRequest.Settings(temperature, maxTokens > 0 ? maxTokens
                : prompt.defaultMaxTokens(), seed, body);
        EvalRunner runner = new EvalRunner(new EvalRunner.Settings(prompt, models.concurrency, limit, gen, tau.tau),
                benchFile.toAbsolutePath().getParent());
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("prompt", prompt.code());
        settings.put("limit", limit);
        settings.put("concurrency", models.concurrency);
        settings.put("temperature", temperature);
        settings.put("max_tokens", gen.maxTokens());
        settings.put("seed", seed);
        settings.put("extra_body", body);
        settings.put("frames", frames);
        settings.put("max_pixels", maxPixels.maxPixels);
        settings.put("timeout_s", models.timeout);
        settings.put("retries", models.retries);
        settings.put("tau", tau.tau);
        Evaluation.Finished f = evaluate(spec, runner, items, ms, benchFile, results, seed, settings,
                models.apiKeyEnv, quiet.quiet);
        EvalRunner.Outcome o = f.outcome();
        spec.commandLine().getErr().printf(Locale.ROOT, "%d asked (%d already done, %d from cache, %d failed) in "
                + "%.1f s -> %s%n", o.asked(), o.skipped(), o.cached(), o.errors(), o.seconds(),
                results.resolve("samples.jsonl"));
        printTable(spec.commandLine().getOut(), f.summary());
        return o.errors() > 0 ? Main.EXIT_FAILURE : Main.EXIT_OK;
    }

    /**
     * Runs the items through the models into {@code out} (resuming) with the progress bar, and writes the summary
     * and the provenance (settings, models, the key's variable name only).
     */
    static Evaluation.Finished evaluate(picocli.CommandLine.Model.CommandSpec spec, EvalRunner runner,
            List<BenchItem> items, List<VisionLanguageModel> ms, Path benchFile, Path out, long seed,
            Map<String, Object> settings, String apiKeyEnv, boolean quiet) throws java.io.IOException,
            InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        Provenance prov = Cli.provenance(spec).input(benchFile.toAbsolutePath().toString(), benchFile);
        prov.put("settings", settings);
        if (apiKeyEnv != null) {
            prov.put("api_key", "<redacted; read from $" + apiKeyEnv + ">");
        }
        try (Bar bar = new Bar(err, quiet)) {
            return Evaluation.run(runner, items, ms, out, seed, prov, bar, line -> {
                err.println(line);
                err.flush();
            });
        }
    }

    /** model, prompt, samples, overall with CI, map F1 over all frame counts. */
    static void printTable(PrintWriter w, ObjectNode summary) {
        w.printf(Locale.ROOT, "%-40s %-7s %7s %22s%n", "model", "prompt", "samples", "overall (95% CI)");
        for (JsonNode r : summary.path("runs")) {
            JsonNode ov = r.path("overall");
            w.printf(Locale.ROOT, "%-40s %-7s %7d %8.1f [%5.1f, %5.1f]%n", abbreviate(r.path("model").asText(), 40),
                    r.path("prompt").asText(), r.path("samples").asInt(), ov.path("mean").asDouble(Double.NaN),
                    ov.path("low").asDouble(Double.NaN), ov.path("high").asDouble(Double.NaN));
        }
        w.flush();
    }

    static String abbreviate(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "…";
    }

    /** The progress bar on stderr (done/total, rate, ETA), with failures and cache hits. */
    static final class Bar implements EvalRunner.Listener, AutoCloseable {
        private final PrintWriter err;
        private final boolean quiet;
        private ProgressBar bar;

        Bar(PrintWriter err, boolean quiet) {
            this.err = err;
            this.quiet = quiet;
        }

        @Override
        public synchronized void start(int total, int skipped) {
            if (quiet) {
                return;
            }
            if (skipped > 0) {
                err.printf(Locale.ROOT, "%d sample(s) already done; asking %d%n", skipped, total);
                err.flush();
            }
            if (total > 0) {
                bar = Progress.bar(false, "eval", total, " req", true);
            }
        }

        @Override
        public synchronized void progress(int finished, int errors, int cached) {
            if (bar != null) {
                bar.stepTo(Math.max(bar.getCurrent(), finished));
                bar.setExtraMessage(String.format(Locale.ROOT, " errors %d, cached %d", errors, cached));
            }
        }

        @Override
        public synchronized void close() {
            if (bar != null) {
                bar.close();
            }
        }
    }
}
