package dev.v2l.bench;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Figures JMH cannot give because a server, the network stack or a separate process is part of what is measured:
 * the reward service on loopback, the evaluation client against a server with a fixed latency, and frame extraction
 * as a fresh {@code v2l frames} process against ffmpeg.
 */
@Command(name = "harness", mixinStandardHelpOptions = true,
        description = "Service, evaluation-client and video figures (the micro-benchmarks run on JMH: java -jar "
                + "v2l-bench/target/benchmarks.jar).",
        subcommands = {Harness.Service.class, Harness.Eval.class, Harness.Video.class, Harness.VsiImport.class},
        footer = {"", "Examples:",
            "  java -cp v2l-bench/target/benchmarks.jar dev.v2l.bench.Harness service --seconds 2",
            "  java -cp v2l-bench/target/benchmarks.jar dev.v2l.bench.Harness eval --iterations 3",
            "  java -cp v2l-bench/target/benchmarks.jar dev.v2l.bench.Harness video --video v720.mp4",
            "  java -cp v2l-bench/target/benchmarks.jar dev.v2l.bench.Harness vsi-import --video v480.mp4"})
public final class Harness implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(new CommandLine(new Harness()).execute(args));
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing required subcommand: service, eval, "
                + "video or vsi-import");
    }

    static PrintWriter out(CommandLine.Model.CommandSpec spec) {
        PrintWriter out = spec.commandLine().getOut();
        out.printf("v2l bench harness: Java %s, %d available processors%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors());
        return out;
    }

    @Command(name = "service", mixinStandardHelpOptions = true, description = "The reward service on loopback: "
            + "64-record batches of typical rollouts at 1 and 64 connections; records/s and latency per batch.")
    static final class Service implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--seconds", defaultValue = "2", description = "Timed seconds per concurrency.")
        double seconds;

        @Override
        public Integer call() throws Exception {
            ServiceHarness.run(out(spec), seconds, Workloads.SEED);
            return 0;
        }
    }

    @Command(name = "eval", mixinStandardHelpOptions = true, description = "The evaluation runner against a fake "
            + "OpenAI-compatible server answering after 50 ms at concurrency 64 (ideal: 1,280 requests/s).")
    static final class Eval implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--requests", defaultValue = "2560", description = "Requests per round.")
        int requests;

        @Option(names = "--iterations", defaultValue = "3", description = "Timed rounds (after two warm-up rounds).")
        int iterations;

        @Option(names = "--concurrency", defaultValue = "64", description = "Requests in flight.")
        int concurrency;

        @Option(names = "--latency-ms", defaultValue = "50", description = "The server's answer time.")
        long latency;

        @Override
        public Integer call() throws Exception {
            EvalHarness.run(out(spec), concurrency, latency, requests, iterations, Workloads.SEED);
            return 0;
        }
    }

    @Command(name = "video", mixinStandardHelpOptions = true, description = "16 uniform PNG frames from a video: "
            + "v2l frames as a fresh process, the same in this warm JVM, and ffmpeg's select filter when it is on "
            + "the PATH.")
    static final class Video implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--video", required = true, description = "The video, e.g. a 60 s 720p clip: ffmpeg -f lavfi"
                + " -i testsrc2=size=1280x720:rate=30 -t 60 -c:v libx264 -g 60 -pix_fmt yuv420p v720.mp4")
        Path video;

        @Option(names = "--v2l", defaultValue = "v2l-cli/target/v2l.jar", description = "The v2l jar to run. "
                + "Default: ${DEFAULT-VALUE}.")
        Path jar;

        @Option(names = "--iterations", defaultValue = "5", description = "Timed rounds (after one warm-up).")
        int iterations;

        @Override
        public Integer call() throws Exception {
            VideoHarness.run(out(spec), video, jar, iterations);
            return 0;
        }
    }

    @Command(name = "vsi-import", mixinStandardHelpOptions = true, description = "A VSI-Bench-sized import: 5,000 "
            + "questions over the 288 scenes of VSI-Bench's meta_info, each scene's video a link to --video, imported "
            + "at 8, 16 and 32 frames, then again (the resume path); wall time, questions and videos per second.")
    static final class VsiImport implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--video", required = true, description = "The video every scene links to, e.g. a 60 s "
                + "640x480 clip: ffmpeg -f lavfi -i testsrc2=size=640x480:rate=24 -t 60 -c:v libx264 -pix_fmt yuv420p "
                + "v480.mp4")
        Path video;

        @Option(names = "--meta", defaultValue = "../shared/data/vsibench-meta", description = "VSI-Bench's meta_info "
                + "folder. Default: ${DEFAULT-VALUE}.")
        Path meta;

        @Option(names = "--questions", defaultValue = "5000", description = "Questions. Default: ${DEFAULT-VALUE}.")
        int questions;

        @Option(names = "--threads", defaultValue = "0", description = "Videos extracted in parallel (0: one per "
                + "processor).")
        int threads;

        @Override
        public Integer call() throws Exception {
            ImportHarness.run(out(spec), video, meta, questions, threads > 0 ? threads
                    : Runtime.getRuntime().availableProcessors(), Workloads.SEED);
            return 0;
        }
    }
}
