package dev.v2l.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.v2l.io.BadInputException;
import dev.v2l.io.JsonFields;
import dev.v2l.layout.Layouts;
import dev.v2l.qa.GenerationStats;
import dev.v2l.qa.QaInput;
import dev.v2l.qa.Question;
import dev.v2l.qa.QuestionGenerator;
import dev.v2l.qa.QuestionJson;
import dev.v2l.qa.QuestionType;
import dev.v2l.qa.Questions;
import dev.v2l.qa.Thresholds;
import dev.v2l.reason.Derivation;
import dev.v2l.reason.EngineContext;
import dev.v2l.scene.Scene;
import dev.v2l.source.SceneSource;
import dev.v2l.source.SceneSources;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code v2l qa types|generate|answer}: spatial questions with computed answers and traces. */
@Command(name = "qa", description = "Spatial questions (VSI-Bench and QVS-Bench families) computed from scene maps.",
        subcommands = {QaCommand.Types.class, QaCommand.Generate.class, QaCommand.Answer.class})
final class QaCommand implements Runnable {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Missing required subcommand");
    }

    @Command(name = "types", mixinStandardHelpOptions = true, description = "List the question types.")
    static final class Types implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            for (QuestionType t : QuestionType.values()) {
                out.printf("%-28s %-4s %-7s %s%n", t.code(), t.family(), t.answerKind().name().toLowerCase(Locale.ROOT),
                        t.description());
            }
            return Main.EXIT_OK;
        }
    }

    @Command(name = "generate", mixinStandardHelpOptions = true,
            description = "Generate questions with computed answers and traces from every scene of a source, and "
                    + "write them as JSON Lines. Same seed, same bytes.",
            footer = {"", "Example: v2l qa generate ../shared/data/vsibench-meta/scannet_meta_info_val.json --types all "
                + "--per-scene 10 --seed 1 --out qa.jsonl"})
    static final class Generate implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Parameters(arity = "1..*", paramLabel = "SOURCE", description = "Scene sources: [kind:]path[,options]; "
                + "several are read one after the other.")
        List<String> sources;

        @Option(names = "--types", defaultValue = "all", description = "all, vsi, qvs, or type names separated by "
                + "commas (see 'qa types'). Default: ${DEFAULT-VALUE}.")
        String types;

        @Option(names = "--per-scene", defaultValue = "10", description = "At most this many questions per type per "
                + "scene. Default: ${DEFAULT-VALUE}.")
        int perScene;

        @Option(names = "--seed", defaultValue = "0", description = "Random seed. Default: ${DEFAULT-VALUE}.")
        long seed;

        @Option(names = "--out", required = true, description = "Output JSON Lines file.")
        Path out;

        @Option(names = "--threads", defaultValue = "0", description = "Worker threads (0: one per processor).")
        int threads;

        @Option(names = "--min-distance", description = "Reject distance answers below this (metres). Default 0.2.")
        Double minDistance;

        @Option(names = "--angle-margin", description = "Degrees a direction must keep from option boundaries. "
                + "Default 10.")
        Double angleMargin;

        @Option(names = "--quiet", description = "No progress bar.")
        boolean quiet;

        @Override
        public Integer call() throws Exception {
            List<QuestionType> typeList = QuestionType.parseList(types);
            Thresholds d = Thresholds.DEFAULT;
            Thresholds th = new Thresholds(minDistance == null ? d.minDistanceMetres() : minDistance,
                    d.relDistanceMarginMetres(), d.relDistanceMarginRatio(),
                    angleMargin == null ? d.angleMarginDegrees() : angleMargin, d.minSeparationMetres(),
                    d.appearanceGapSeconds(), d.minCountVsi(), d.minCountQvs(), d.maxTiltMetres());
            long start = System.nanoTime();
            List<SceneSource> srcs = sources.stream().map(SceneSources::open).toList();
            QuestionGenerator gen = new QuestionGenerator(typeList, perScene, seed, th);
            GenerationStats stats = QaRun.generate(srcs, gen, out, threads, quiet, spec.commandLine().getErr());
            double secs = (System.nanoTime() - start) / 1e9;
            PrintWriter err = spec.commandLine().getErr();
            int scenes = srcs.stream().mapToInt(s -> s.ids().size()).sum();
            err.printf(Locale.ROOT, "%d questions from %d scenes in %.2f s including reading (%.0f questions/s) -> %s%n",
                    stats.total(), scenes, secs, stats.total() / secs, out);
            QaRun.printSummary(stats, typeList, err);
            return Main.EXIT_OK;
        }
    }

    @Command(name = "answer", mixinStandardHelpOptions = true,
            description = "Answer one question (a record as 'qa generate' writes it) from a scene's ground-truth map "
                    + "and print the trace.",
            footer = {"", "Example: head -1 qa.jsonl > q.json && v2l qa answer --scene "
                + "../shared/data/vsibench-meta/scannet_meta_info_val.json:scene0645_00 --question-file q.json"})
    static final class Answer implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Option(names = "--scene", required = true, paramLabel = "SOURCE:SCENE_ID",
                description = "The scene: a source spec and a scene id after the last ':'.")
        String scene;

        @Option(names = "--question-file", required = true, paramLabel = "FILE",
                description = "A question record (JSON; the first line of a JSON Lines file is taken).")
        String questionFile;

        @Override
        public Integer call() throws IOException {
            int colon = scene.lastIndexOf(':');
            if (colon <= 0 || colon == scene.length() - 1) {
                throw new IllegalArgumentException("--scene must be SOURCE:SCENE_ID, got '" + scene + "'");
            }
            Scene s = SceneSources.open(scene.substring(0, colon)).scene(scene.substring(colon + 1));
            String text = Inputs.readText(questionFile).strip();
            String first = text.lines().findFirst().orElse("");
            JsonNode node;
            try {
                node = new ObjectMapper().readTree(first);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new BadInputException(questionFile, "line 1", null, "not valid JSON: " + e.getOriginalMessage());
            }
            Question q = QuestionJson.read(node, new JsonFields(questionFile, "line 1"));
            EngineContext ctx = new EngineContext(s.room().area().isPresent() ? s.room().area().getAsDouble() : null,
                    Map.of());
            Derivation d = Questions.derive(q, Layouts.fromScene(s), ctx);
            PrintWriter out = spec.commandLine().getOut();
            out.println(q.question());
            q.options().forEach(out::println);
            out.println();
            out.println(d.trace());
            if (!d.ok()) {
                out.println("cannot answer: " + d.failure());
                return Main.EXIT_FAILURE;
            }
            String answer = Questions.answerOf(q, d);
            out.println("answer: " + answer + (q.type().isMultipleChoice() ? " (" + d.answer() + ")" : "")
                    + (q.groundTruth().equals(answer) ? "  = ground truth" : "  (ground truth in the file: "
                            + q.groundTruth() + ")"));
            return Main.EXIT_OK;
        }
    }

    /** The generation loop: scenes drafted in parallel, finished and written in order. */
    static final class QaRun {
        private QaRun() {
        }

        static GenerationStats generate(List<SceneSource> srcs, QuestionGenerator gen, Path out, int threads,
                boolean quiet, PrintWriter err) throws IOException, InterruptedException, ExecutionException {
            int n = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
            record Ref(SceneSource src, String id) {
            }
            List<Ref> ids = new java.util.ArrayList<>();
            java.util.Set<String> unique = new java.util.HashSet<>();
            for (SceneSource src : srcs) {
                for (String id : src.ids()) {
                    if (!unique.add(id)) {
                        throw new IllegalArgumentException("scene id '" + id + "' appears in more than one source; "
                                + "question ids would collide");
                    }
                    ids.add(new Ref(src, id));
                }
            }
            GenerationStats stats = new GenerationStats();
            QuestionGenerator.Finisher finisher = new QuestionGenerator.Finisher(gen.settings());
            Path abs = out.toAbsolutePath();
            Files.createDirectories(abs.getParent());
            Path tmp = Files.createTempFile(abs.getParent(), "." + abs.getFileName(), ".tmp");
            ExecutorService pool = Executors.newFixedThreadPool(n, r -> {
                Thread t = new Thread(r, "qa-generate");
                t.setDaemon(true);
                return t;
            });
            try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8);
                    ProgressBar bar = quiet ? null : new ProgressBarBuilder().setTaskName("qa generate")
                            .setInitialMax(ids.size()).setUnit(" scenes", 1).setStyle(ProgressBarStyle.ASCII)
                            .setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(System.err))
                            .build()) {
                Deque<Future<QuestionGenerator.SceneDrafts>> window = new ArrayDeque<>();
                int next = 0;
                while (next < ids.size() || !window.isEmpty()) {
                    while (next < ids.size() && window.size() < 4 * n) {
                        Ref ref = ids.get(next++);
                        window.add(pool.submit(() -> gen.draft(QaInput.of(ref.src().scene(ref.id())))));
                    }
                    QuestionGenerator.SceneDrafts sd = unwrap(window.poll());
                    stats.merge(sd.stats());
                    for (Question q : finisher.finish(sd)) {
                        w.write(QuestionJson.toLine(q));
                        w.write('\n');
                    }
                    if (bar != null) {
                        bar.step();
                    }
                }
            } catch (RuntimeException | IOException | InterruptedException | ExecutionException e) {
                Files.deleteIfExists(tmp);
                throw e;
            } finally {
                pool.shutdownNow();
            }
            Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return stats;
        }

        private static QuestionGenerator.SceneDrafts unwrap(Future<QuestionGenerator.SceneDrafts> f)
                throws InterruptedException, ExecutionException {
            try {
                return f.get();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException re) {
                    throw re;
                }
                throw e;
            }
        }

        static void printSummary(GenerationStats stats, List<QuestionType> types, PrintWriter err) {
            err.printf("%-28s %9s  %s%n", "type", "questions", "rejected candidates (reason: count)");
            for (QuestionType t : types) {
                Map<String, Long> rej = stats.rejected().getOrDefault(t.code(), Map.of());
                StringBuilder sb = new StringBuilder();
                rej.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ", ").append(k).append(": ").append(v));
                err.printf("%-28s %9d  %s%n", t.code(), stats.accepted().getOrDefault(t.code(), 0L),
                        sb.length() == 0 ? "-" : sb);
            }
            err.flush();
        }
    }
}
