package dev.v2l.cli;

import dev.v2l.io.AtomicFiles;
import dev.v2l.io.FileProblems;
import dev.v2l.reward.RewardFiles;
import dev.v2l.reward.RewardFunction;
import dev.v2l.reward.RewardServer;
import dev.v2l.reward.Rewards;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
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

        @Option(names = "--threads", defaultValue = "0", description = "Scoring threads (0: one per processor).")
        int threads;

        @Override
        public Integer call() throws IOException, InterruptedException {
            RewardFunction fn = kind.build();
            int n = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
            RewardFiles.Counts c;
            try (InputStream in = open(input)) {
                if (output == null) {
                    OutputStream out = new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16);
                    c = RewardFiles.score(in, out, fn, n);
                } else {
                    try (AtomicFiles.Output out = AtomicFiles.create(output)) {
                        c = RewardFiles.score(in, out.stream(), fn, n);
                        out.commit();
                    }
                }
            }
            PrintWriter err = spec.commandLine().getErr();
            err.printf("scored %d lines (%d errors) with %s%n", c.lines(), c.errors(), fn.kind());
            if (c.errors() > 0) {
                err.printf("v2l: error: %s: %d line(s) are not reward records (each has {\"line\", \"error\"} in the "
                        + "output); first: %s%n", input.equals("-") ? "standard input" : input, c.errors(),
                        c.firstError());
                return Main.EXIT_USAGE;
            }
            return Main.EXIT_OK;
        }

        private static InputStream open(String f) throws IOException {
            if (f.equals("-")) {
                return new FileInputStream(FileDescriptor.in);
            }
            Path p = FileProblems.readableFile(Path.of(f), "a JSON Lines file of rollouts");
            return Files.newInputStream(p);
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

        @Option(names = "--header-timeout", paramLabel = "SECONDS", defaultValue = "10", converter = Seconds.class,
                description = "A request's line and headers must arrive within this time once started, or the "
                        + "connection is closed. Default: ${DEFAULT-VALUE}.")
        int headerTimeout;

        @Option(names = "--body-timeout", paramLabel = "SECONDS", defaultValue = "60", converter = Seconds.class,
                description = "A request's body must arrive within this time after its headers, or 408. Default: "
                        + "${DEFAULT-VALUE}.")
        int bodyTimeout;

        @Option(names = "--idle-timeout", paramLabel = "SECONDS", defaultValue = "30", converter = Seconds.class,
                description = "Connections without traffic for this long are closed. Default: ${DEFAULT-VALUE}.")
        int idleTimeout;

        @Option(names = "--max-connections", paramLabel = "N", defaultValue = "1024", converter =
                Connections.class, description = "Connections open at once; more wait to be accepted. Default: "
                        + "${DEFAULT-VALUE}.")
        int maxConnections;

        /** 1..3600 s. */
        static final class Seconds extends Converters.IntRange {
            Seconds() {
                super(1, 3600);
            }
        }

        /** 1..100000 connections. */
        static final class Connections extends Converters.IntRange {
            Connections() {
                super(1, 100_000);
            }
        }

        @Mixin
        Kind kind = new Kind();

        @Override
        public Integer call() throws Exception {
            RewardFunction fn = kind.build();
            int n = threads > 0 ? threads : 2 * Runtime.getRuntime().availableProcessors();
            RewardServer.Limits limits = new RewardServer.Limits(maxBodyMb * 1024L * 1024L,
                    java.time.Duration.ofSeconds(headerTimeout), java.time.Duration.ofSeconds(bodyTimeout),
                    java.time.Duration.ofSeconds(idleTimeout), maxConnections);
            PrintWriter log = spec.commandLine().getErr();
            RewardServer server = new RewardServer(host, port, fn, limits, n, VersionProvider.version(), line -> {
                synchronized (log) {
                    log.println(line);
                    log.flush();
                }
            }).start();
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
