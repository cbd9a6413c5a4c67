package dev.v2l.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.v2l.io.AtomicFiles;
import dev.v2l.io.BadInputException;
import dev.v2l.io.JsonFields;
import dev.v2l.layout.Layouts;
import dev.v2l.qa.GenerationStats;
import dev.v2l.qa.QaInput;
import dev.v2l.qa.Question;
import dev.v2l.qa.QuestionGenerator;
import dev.v2l.qa.QuestionJson;
import dev.v2l.qa.QuestionRun;
import dev.v2l.qa.QuestionType;
import dev.v2l.qa.Questions;
import dev.v2l.qa.Thresholds;
import dev.v2l.reason.Derivation;
import dev.v2l.reason.EngineContext;
import dev.v2l.scene.Scene;
import dev.v2l.source.SceneSource;
import dev.v2l.source.SceneSources;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code v2l qa types|generate|answer}: spatial questions with computed answers and traces. */
@Command(name = "qa", mixinStandardHelpOptions = true, description = "Spatial questions (VSI-Bench and QVS-Bench "
        + "families) computed from scene maps.",
        subcommands = {QaCommand.Types.class, QaCommand.Generate.class, QaCommand.Answer.class},
        footer = {"", "Example: v2l qa generate ../shared/data/vsibench-meta/scannet_meta_info_val.json --out qa.jsonl"})
final class QaCommand implements Runnable {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw Cli.missingSubcommand(spec);
    }

    @Command(name = "types", mixinStandardHelpOptions = true, description = "List the question types: name, family "
            + "(VSI-Bench or QVS-Bench), answer kind (letter, integer, number) and what is asked.",
            footer = {"", "Example: v2l qa types"})
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

        @Option(names = "--types", paramLabel = "TYPES", defaultValue = "all", converter = Converters.Types.class,
                description = "all, vsi, qvs or type names separated by commas (see 'v2l qa types'). Default: "
                        + "${DEFAULT-VALUE}.")
        Converters.TypeList types;

        @Option(names = "--per-scene", paramLabel = "N", defaultValue = "10", converter = Converters.PositiveInt.class,
                description = "At most this many questions per type per scene. Default: ${DEFAULT-VALUE}.")
        int perScene;

        @Mixin
        Mixins.Seed seed;

        @Mixin
        Mixins.OutputFile out;

        @Mixin
        Mixins.Threads threads;

        @Option(names = "--min-distance", paramLabel = "METRES", converter = Converters.NonNegativeDouble.class,
                description = "Reject distance answers below this. Default: 0.2.")
        Double minDistance;

        @Option(names = "--angle-margin", paramLabel = "DEGREES", converter = Converters.AngleMargin.class,
                description = "Degrees a direction must keep from the boundaries between options, in [0, 45). "
                        + "Default: 10.")
        Double angleMargin;

        @Mixin
        Mixins.Quiet quiet;

        @Override
        public Integer call() throws Exception {
            List<QuestionType> typeList = types.types();
            Thresholds d = Thresholds.DEFAULT;
            Thresholds th = new Thresholds(minDistance == null ? d.minDistanceMetres() : minDistance,
                    d.relDistanceMarginMetres(), d.relDistanceMarginRatio(),
                    angleMargin == null ? d.angleMarginDegrees() : angleMargin, d.minSeparationMetres(),
                    d.appearanceGapSeconds(), d.minCountVsi(), d.minCountQvs(), d.maxTiltMetres());
            long start = System.nanoTime();
            List<SceneSource> srcs = sources.stream().map(SceneSources::open).toList();
            List<Callable<QaInput>> scenes = new ArrayList<>();
            Set<String> unique = new HashSet<>();
            for (SceneSource src : srcs) {
                for (String id : src.ids()) {
                    if (!unique.add(id)) {
                        throw new BadInputException(src.spec(), "scene " + id, null, "the scene id appears in more "
                                + "than one source; question ids would collide");
                    }
                    scenes.add(() -> QaInput.of(src.scene(id)));
                }
            }
            QuestionGenerator gen = new QuestionGenerator(typeList, perScene, seed.value(), th);
            GenerationStats stats = write(scenes, gen, out.file(), threads.resolved(), quiet.quiet);
            double secs = (System.nanoTime() - start) / 1e9;
            PrintWriter err = spec.commandLine().getErr();
            err.printf(Locale.ROOT, "%d questions from %d scenes in %.2f s including reading (%.0f questions/s) -> %s%n",
                    stats.total(), scenes.size(), secs, stats.total() / secs, out.file());
            printSummary(stats, typeList, err);
            return Main.EXIT_OK;
        }

        private static GenerationStats write(List<Callable<QaInput>> scenes, QuestionGenerator gen, Path out,
                int threads, boolean quiet) throws IOException, InterruptedException {
            GenerationStats stats;
            try (AtomicFiles.Output file = AtomicFiles.create(out);
                    ProgressBar bar = Progress.bar(quiet, "qa generate", scenes.size(), " scenes")) {
                stats = QuestionRun.write(scenes, gen, threads, file.writer(), done -> {
                    if (bar != null) {
                        bar.stepTo(done);
                    }
                });
                file.commit();
            }
            return stats;
        }

        private static void printSummary(GenerationStats stats, List<QuestionType> types, PrintWriter err) {
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

    @Command(name = "answer", mixinStandardHelpOptions = true,
            description = "Answer one question (a record as 'qa generate' writes it) from a scene's ground-truth map "
                    + "and print the trace.",
            footer = {"", "Example: head -1 qa.jsonl > q.json && v2l qa answer "
                + "../shared/data/vsibench-meta/scannet_meta_info_val.json --scene scene0645_00 --question-file q.json"})
    static final class Answer implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "SOURCE", description = "Scene source: [kind:]path[,options].")
        String source;

        @Option(names = "--scene", required = true, paramLabel = "ID", description = "Scene id (see 'scenes list').")
        String sceneId;

        @Option(names = "--question-file", required = true, paramLabel = "FILE",
                description = "A question record (JSON; the first line of a JSON Lines file is taken).")
        String questionFile;

        @Override
        public Integer call() throws IOException {
            Scene s = SceneSources.open(source).scene(sceneId);
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
}
