package dev.v2l.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.v2l.reward.RewardFunction;
import dev.v2l.reward.RewardRecords;
import dev.v2l.reward.RewardServer;
import dev.v2l.reward.Rewards;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code v2l reward score|serve}: Video2Layout's RL reward, exact, as a CLI and an HTTP service. */
@Command(name = "reward", mixinStandardHelpOptions = true, description = "Video2Layout's RL rule reward (format + "
        + "accuracy), and our map-aware variant.", subcommands = {RewardCommand.Score.class, RewardCommand.Serve.class},
        footer = {"", "Example: v2l reward score --input rollouts.jsonl --out scores.jsonl"})
final class RewardCommand implements Runnable {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw Cli.missingSubcommand(spec);
    }

    /** Options shared by score and serve. */
    static final class Kind {
        @Option(names = "--kind", paramLabel = "KIND", defaultValue = "v2lo", converter = Converters.RewardKind.class,
                description = "v2lo (Video2Layout's qa.py, exactly) or v2l-map (adds map F1 and answer–map "
                        + "consistency). Default: ${DEFAULT-VALUE}.")
        String kind;

        @Option(names = "--format-weight", paramLabel = "W", defaultValue = "0.1",
                converter = Converters.UnitInterval.class, description = "Weight of the format term, in [0, 1]. "
                        + "Default: ${DEFAULT-VALUE}.")
        double formatWeight;

        @Option(names = "--map-weight", paramLabel = "W", defaultValue = "0", converter = Converters.UnitInterval.class,
                description = "v2l-map: weight of the map F1 term, in [0, 1].")
        double mapWeight;

        @Option(names = "--consistency-weight", paramLabel = "W", defaultValue = "0",
                converter = Converters.UnitInterval.class, description = "v2l-map: weight of the consistency term, "
                        + "in [0, 1].")
        double consistencyWeight;

        @Mixin
        Mixins.Tau tau;

        @Option(names = "--aligned", description = "v2l-map: score the map after the best rigid alignment.")
        boolean aligned;

        RewardFunction build() {
            if (kind.equals("v2lo") && (mapWeight != 0 || consistencyWeight != 0)) {
                throw new dev.v2l.io.BadInputException(null, null, null,
                        "--map-weight and --consistency-weight need --kind "
                        + "v2l-map");
            }
            return Rewards.byKind(kind, new Rewards.Weights(formatWeight, mapWeight, consistencyWeight, tau.tau,
                    aligned));
        }
    }

    @Command(name = "score", mixinStandardHelpOptions = true,
            description = "Score rollouts from JSON Lines: one output line per input line, in order; a malformed "
                    + "line gets {\"line\": N, \"error\": ...} instead of a crash.",
            footer = {"", "Input lines: {\"response\": \"<map>...</map><think>...</think><answer>B</answer>\", "
                + "\"ground_truth\": \"B\"} (+ question_type, options, objects, gt_layout for v2l-map).",
                "Example: v2l reward score --input rollouts.jsonl --out scores.jsonl"})
    static final class Score implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Option(names = "--input", required = true, description = "Rollouts, JSON Lines ('-' for standard input).")
        String input;

        @Option(names = {"--out", "--output"}, paramLabel = "FILE", description = "Scores, JSON Lines (default: "
                + "standard output). Written to a temporary file and renamed when done.")
        Path output;

        @Mixin
        Kind kind = new Kind();

        @Override
        public Integer call() throws IOException {
            RewardFunction fn = kind.build();
            ObjectMapper mapper = new ObjectMapper();
            Path tmp = null;
            long lines = 0;
            long errors = 0;
            try (BufferedReader in = open(input)) {
                Writer w;
                if (output != null) {
                    Path abs = output.toAbsolutePath();
                    Files.createDirectories(abs.getParent());
                    tmp = Files.createTempFile(abs.getParent(), "." + abs.getFileName(), ".tmp");
                    w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8);
                } else {
                    w = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16);
                }
                try {
                    String line;
                    while ((line = in.readLine()) != null) {
                        lines++;
                        String out;
                        try {
                            if (line.isBlank()) {
                                throw new IllegalArgumentException("empty line");
                            }
                            out = fn.score(RewardRecords.read(mapper.readTree(line))).toJson();
                        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                            errors++;
                            out = RewardRecords.errorJson(lines, "not valid JSON: " + e.getOriginalMessage());
                        } catch (IllegalArgumentException e) {
                            errors++;
                            out = RewardRecords.errorJson(lines, e.getMessage());
                        }
                        w.write(out);
                        w.write('\n');
                    }
                } finally {
                    w.flush();
                    if (output != null) {
                        w.close();
                    }
                }
                if (tmp != null) {
                    Files.move(tmp, output.toAbsolutePath(), StandardCopyOption.REPLACE_EXISTING,
                            StandardCopyOption.ATOMIC_MOVE);
                    tmp = null;
                }
            } finally {
                if (tmp != null) {
                    Files.deleteIfExists(tmp);
                }
            }
            spec.commandLine().getErr().printf("scored %d lines (%d errors) with %s%n", lines, errors, fn.kind());
            return Main.EXIT_OK;
        }

        private static BufferedReader open(String f) throws IOException {
            if (f.equals("-")) {
                return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8), 1 << 16);
            }
            try {
                return Files.newBufferedReader(Path.of(f), StandardCharsets.UTF_8);
            } catch (NoSuchFileException e) {
                throw dev.v2l.io.BadInputException.ofFile(f, "no such file", e);
            }
        }
    }

    @Command(name = "serve", mixinStandardHelpOptions = true,
            description = "Serve the reward over HTTP: POST /score with a JSON list of records returns their scores"
                    + " in order (?format_weight=W overrides the weight); GET /health. Stops gracefully on SIGTERM, "
                    + "finishing requests in flight.",
            footer = {"", "Example: v2l reward serve --port 8123 &  then point EasyR1 at "
                + "integrations/easyr1/v2l_reward.py (README)."})
    static final class Serve implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to bind. Default: "
                + "${DEFAULT-VALUE} (loopback only).")
        String host;

        @Option(names = "--port", defaultValue = "8123", converter = Converters.Port.class,
                description = "Port (0 picks a free one). Default: ${DEFAULT-VALUE}.")
        int port;

        @Option(names = "--threads", paramLabel = "N", defaultValue = "0", converter = Converters.NonNegativeInt.class,
                description = "Worker threads (0: 2 per processor).")
        int threads;

        @Option(names = "--max-body-mb", paramLabel = "MIB", defaultValue = "64", converter = BodyLimit.class,
                description = "Largest request body, MiB (1..2047). Default: ${DEFAULT-VALUE}.")
        int maxBodyMb;

        /** 1..2047 MiB: a body is read into one array. */
        static final class BodyLimit extends Converters.IntRange {
            BodyLimit() {
                super(1, 2047);
            }
        }

        @Mixin
        Kind kind = new Kind();

        @Override
        public Integer call() throws Exception {
            RewardFunction fn = kind.build();
            int n = threads > 0 ? threads : 2 * Runtime.getRuntime().availableProcessors();
            RewardServer server = new RewardServer(host, port, fn, maxBodyMb * 1024L * 1024L, n,
                    VersionProvider.version()).start();
            PrintWriter err = spec.commandLine().getErr();
            err.printf("v2l reward (%s) serving on http://%s:%d  (POST /score, GET /health; Ctrl-C or SIGTERM stops)%n",
                    fn.kind(), server.host(), server.port());
            err.flush();
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                server.stop(10);
                System.err.printf("v2l reward stopped after %d records%n", server.recordsScored());
                stopped.countDown();
            }, "reward-shutdown"));
            stopped.await();
            return Main.EXIT_OK;
        }
    }
}
