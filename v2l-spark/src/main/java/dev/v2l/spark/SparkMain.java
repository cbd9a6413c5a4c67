package dev.v2l.spark;

import dev.v2l.cli.BuildArguments;
import dev.v2l.cli.Main;
import dev.v2l.cli.VersionProvider;
import dev.v2l.io.BadInputException;
import dev.v2l.io.Provenance;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * {@code v2l spark [--master M] [--partitions N] [--conf K=V …] dataset build …|bench build …}: the CLI's builds on
 * Spark, with exactly the CLI's arguments after the Spark options. The entry point of {@code v2l-spark.jar} for
 * {@code spark-submit} and of {@code ./v2l spark} (local mode). Exit codes as the CLI's: 0 ok, 1 failure, 2 usage
 * error or bad input.
 */
public final class SparkMain {

    static final String USAGE = String.join("\n",
            "Usage: v2l spark [--master MASTER] [--partitions N] [--conf KEY=VALUE]... dataset build ARGS...",
            "       v2l spark [--master MASTER] [--partitions N] [--conf KEY=VALUE]... bench build ARGS...",
            "Runs 'v2l dataset build' or 'v2l bench build' as a Spark job: the same arguments, the same records.",
            "      --master MASTER   Spark master: local[N] (N cores of this machine), spark://HOST:7077, yarn, k8s://…",
            "                        (default: spark-submit's, else local[*]).",
            "      --partitions N    dataset build: tasks per stage (default 4 per core); bench build: scenes",
            "                        rendered per wave (default 4 per core).",
            "      --conf KEY=VALUE  any Spark setting, e.g. spark.executor.memory=4g.",
            "--out may be a local folder or any Hadoop file system URI (hdfs://…, s3a://…); so may be the images.",
            "Example: v2l spark --master local[2] dataset build procedural:seed=1,count=200 --format swift --out data/");

    private SparkMain() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        System.exit(run(out, err, args));
    }

    /** Parses, starts Spark, runs the build, stops Spark; returns the exit code. */
    static int run(PrintWriter out, PrintWriter err, String... args) {
        String master = null;
        int partitions = 0;
        Map<String, String> confs = new LinkedHashMap<>();
        int i = 0;
        try {
            for (; i < args.length && args[i].startsWith("-"); i++) {
                switch (args[i]) {
                    case "-h", "--help" -> {
                        out.println(USAGE);
                        return Main.EXIT_OK;
                    }
                    case "--master" -> master = value(args, ++i, "--master");
                    case "--partitions" -> {
                        String v = value(args, ++i, "--partitions");
                        try {
                            partitions = Integer.parseInt(v);
                        } catch (NumberFormatException e) {
                            partitions = -1;
                        }
                        if (partitions < 1) {
                            throw new IllegalArgumentException("--partitions must be a whole number >= 1, got '"
                                    + v + "'");
                        }
                    }
                    case "--conf" -> {
                        String kv = value(args, ++i, "--conf");
                        int eq = kv.indexOf('=');
                        if (eq < 1) {
                            throw new IllegalArgumentException("--conf needs KEY=VALUE, got '" + kv + "'");
                        }
                        confs.put(kv.substring(0, eq), kv.substring(eq + 1));
                    }
                    default -> throw new IllegalArgumentException("unknown option '" + args[i] + "' (Spark options "
                            + "come first: --master, --partitions, --conf; then the CLI's 'dataset build …' or "
                            + "'bench build …')");
                }
            }
        } catch (IllegalArgumentException e) {
            err.println("v2l spark: error: " + e.getMessage());
            err.println(USAGE);
            err.flush();
            return Main.EXIT_USAGE;
        }
        String[] build = Arrays.copyOfRange(args, i, args.length);
        if (build.length == 0) {
            err.println(USAGE);
            err.flush();
            return Main.EXIT_USAGE;
        }
        BuildArguments.Parsed parsed = BuildArguments.parse(out, err, build);
        if (parsed.request() == null) {
            return parsed.exitCode();
        }
        SparkConf conf = new SparkConf().setAppName("v2l " + build[0] + " build");
        if (master != null) {
            conf.setMaster(master);
        } else if (!conf.contains("spark.master")) {
            conf.setMaster("local[*]");
        }
        if (conf.get("spark.master").startsWith("local") && !confs.containsKey("spark.ui.enabled")) {
            conf.set("spark.ui.enabled", "false");
        }
        confs.forEach(conf::set);
        List<String> command = new ArrayList<>(List.of("v2l", "spark"));
        command.addAll(Arrays.asList(args));
        try (JavaSparkContext sc = new JavaSparkContext(conf)) {
            return run(sc, build, partitions, command, err);
        }
    }

    /**
     * Runs a build on a running Spark context (the tests share one).
     *
     * @param build   the CLI's arguments, {@code dataset build …} or {@code bench build …}
     * @param command the whole command line, for provenance
     */
    static int run(JavaSparkContext sc, String[] build, int partitions, List<String> command, PrintWriter err) {
        long start = System.nanoTime();
        try {
            BuildArguments.Request request = Tasks.request(build);
            HadoopOutput out = new HadoopOutput(request.out(), sc.hadoopConfiguration());
            Provenance prov = new Provenance("video2layout", VersionProvider.version(), VersionProvider.commit(),
                    command).input(Tasks.source(request.source()).spec(), null)
                    .put("seed", request.options().seed());
            Map<String, Object> spark = new LinkedHashMap<>();
            spark.put("version", sc.version());
            spark.put("master", sc.master());
            spark.put("default_parallelism", sc.defaultParallelism());
            prov.put("spark", spark);
            if (request.kind() == BuildArguments.Kind.DATASET) {
                DatasetJob.Result r = new DatasetJob(sc, build, out, partitions).run(prov);
                err.printf(Locale.ROOT, "%d samples from %d scenes in %.1f s on Spark %s -> %s (per split %s; "
                        + "dropped %s)%n", r.stats().samples(), r.scenes(), seconds(start), sc.master(),
                        out.location(""), r.stats().perSplit(), r.stats().dropped());
                return skipped(err, r.skipped());
            }
            BenchJob.Result r = new BenchJob(sc, build, out, partitions).run(prov);
            err.printf(Locale.ROOT, "%d of %d items from %d scenes (%d rendered) in %.1f s on Spark %s -> %s%s%n",
                    r.items(), request.items(), r.scenesUsed(), r.scenesRendered(), seconds(start), sc.master(),
                    out.location("bench.jsonl"), r.items() < request.items()
                            ? " (the source ran out of scenes; see bench_card.md)" : "");
            return skipped(err, r.skipped());
        } catch (BadInputException | NoSuchElementException | IllegalArgumentException e) {
            err.println("v2l: error: " + e.getMessage());
            err.flush();
            return Main.EXIT_USAGE;
        } catch (Exception e) {
            err.println("v2l: failed: " + e);
            if (System.getenv("V2L_DEBUG") != null) {
                e.printStackTrace(err);
            } else {
                err.println("(set V2L_DEBUG=1 for the stack trace)");
            }
            err.flush();
            return Main.EXIT_FAILURE;
        }
    }

    private static int skipped(PrintWriter err, List<DatasetJob.Skipped> skipped) {
        if (!skipped.isEmpty()) {
            err.printf(Locale.ROOT, "%d scene(s) skipped for bad input (listed in provenance.json):%n",
                    skipped.size());
            for (DatasetJob.Skipped s : skipped) {
                err.println("  " + s.problem());
            }
        }
        err.flush();
        return Main.EXIT_OK;
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }
}
