package dev.v2l.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The command line's contract: every command and subcommand answers {@code --help} with exit 0, no picocli
 * warning and an example; every numeric option rejects non-finite and out-of-range values when the command line is
 * parsed (exit 2, the option named), before anything runs.
 */
class CommandLineContractTest {

    /** Every command path: [], [scenes], [scenes, list], ... */
    static List<List<String>> commandPaths() {
        List<List<String>> out = new ArrayList<>();
        collect(Main.commandLine(), new ArrayList<>(), out);
        return out;
    }

    private static void collect(CommandLine cl, List<String> path, List<List<String>> out) {
        out.add(List.copyOf(path));
        for (Map.Entry<String, CommandLine> e : cl.getSubcommands().entrySet()) {
            if (e.getKey().equals("help")) {
                continue;
            }
            List<String> p = new ArrayList<>(path);
            p.add(e.getKey());
            collect(e.getValue(), p, out);
        }
    }

    @Test
    void everyCommandHasHelpWithAnExampleAndNoWarning() {
        List<List<String>> paths = commandPaths();
        assertThat(paths.size()).isGreaterThan(20);
        // picocli's own warnings (an unescaped '%' in a description) go to System.err, not the command's writer
        java.io.PrintStream systemErr = System.err;
        java.io.ByteArrayOutputStream warnings = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(warnings, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            for (List<String> path : paths) {
                List<String> args = new ArrayList<>(path);
                args.add("--help");
                CliTest.Run r = CliTest.run(args.toArray(String[]::new));
                assertThat(r.code()).as("exit code of %s", args).isZero();
                assertThat(r.out()).as("help of %s", args).contains("Usage: v2l").containsPattern("Examples?:");
                assertThat(r.out() + r.err()).as("output of %s", args).doesNotContain("WARN").doesNotContain("%n");
                assertThat(warnings.toString(java.nio.charset.StandardCharsets.UTF_8)).as("System.err of %s", args)
                        .doesNotContain("WARN");
            }
        } finally {
            System.setErr(systemErr);
        }
        // usage errors print the usage without warnings too
        for (String[] bad : new String[][] {{"eval"}, {"report"}, {"bench", "build"}, {"scenes"}, {"qa"}}) {
            CliTest.Run r = CliTest.run(bad);
            assertThat(r.code()).as(String.join(" ", bad)).isEqualTo(2);
            assertThat(r.err()).doesNotContain("WARN").contains("Usage: v2l");
        }
    }

    @Test
    void numericOptionsAreCheckedWhenParsed(@TempDir Path dir) throws Exception {
        String out = dir.resolve("o").toString();
        Path bench = dir.resolve("bench.jsonl");
        Files.writeString(bench, "");
        String[][] cases = {
            {"--angle-margin", "qa", "generate", "procedural:seed=1,count=1", "--out", out + ".jsonl", "--angle-margin",
                "NaN"},
            {"--angle-margin", "qa", "generate", "procedural:seed=1,count=1", "--out", out + ".jsonl", "--angle-margin",
                "-1"},
            {"--min-distance", "qa", "generate", "procedural:seed=1,count=1", "--out", out + ".jsonl",
                "--min-distance", "-0.5"},
            {"--threads", "qa", "generate", "procedural:seed=1,count=1", "--out", out + ".jsonl", "--threads", "-2"},
            {"--per-scene", "qa", "generate", "procedural:seed=1,count=1", "--out", out + ".jsonl", "--per-scene",
                "0"},
            {"--split", "dataset", "build", "procedural:seed=1,count=1", "--out", out, "--split", "NaN,0,0"},
            {"--split", "dataset", "build", "procedural:seed=1,count=1", "--out", out, "--split", "0.5,0.5"},
            {"--frames", "dataset", "build", "procedural:seed=1,count=1", "--out", out, "--frames", "1,0"},
            {"--size", "dataset", "build", "procedural:seed=1,count=1", "--out", out, "--size", "2000"},
            {"--max-pixels", "dataset", "build", "procedural:seed=1,count=1", "--out", out, "--max-pixels", "-1"},
            {"--items", "bench", "build", "procedural:seed=1,count=1", "--out", out, "--items", "0"},
            {"--temperature", "eval", bench.toString(), "--model", "oracle", "--out", out, "--temperature", "NaN"},
            {"--max-tokens", "eval", bench.toString(), "--model", "oracle", "--out", out, "--max-tokens", "-1"},
            {"--concurrency", "eval", bench.toString(), "--model", "oracle", "--out", out, "--concurrency", "0"},
            {"--timeout", "eval", bench.toString(), "--model", "oracle", "--out", out, "--timeout", "Infinity"},
            {"--tau", "eval", bench.toString(), "--model", "oracle", "--out", out, "--tau", "0"},
            {"--retries", "eval", bench.toString(), "--model", "oracle", "--out", out, "--retries", "-1"},
            {"--max-body-mb", "reward", "serve", "--max-body-mb", "0"},
            {"--port", "reward", "serve", "--port", "70000"},
            {"--format-weight", "reward", "score", "--input", "-", "--format-weight", "1.5"},
            {"--fov", "render", "procedural:seed=1,count=1", "--scene", "x", "--out", out, "--fov", "180"},
            {"--fps", "render", "procedural:seed=1,count=1", "--scene", "x", "--out", out, "--fps", "nan"},
            {"--count", "scenes", "generate", "--count", "0", "--out", out},
            {"--scenes", "demo", "--scenes", "0", "--out", out},
            {"--gallery", "report", out, "--out", out + ".html", "--gallery", "-1"},
            {"--tau", "score", "map", "--pred", "p", "--gt", "g", "--tau", "-Infinity"},
        };
        for (String[] c : cases) {
            String option = c[0];
            String[] args = java.util.Arrays.copyOfRange(c, 1, c.length);
            CliTest.Run r = CliTest.run(args);
            assertThat(r.code()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(r.err()).as(String.join(" ", args)).contains("Invalid value for option '" + option + "'");
        }
        assertThat(Files.exists(dir.resolve("o"))).isFalse();
    }

    @Test
    void provenanceNamesTheSubcommandOnce(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("scenes");
        CliTest.Run r = CliTest.run("scenes", "generate", "--count", "1", "--out", out.toString());
        assertThat(r.code()).isZero();
        CommandLine cl = Main.commandLine();
        cl.parseArgs("dataset", "build", "procedural:seed=1,count=1", "--out", out.toString());
        CommandLine build = cl.getSubcommands().get("dataset").getSubcommands().get("build");
        assertThat(Cli.provenance(build.getCommandSpec()).toJson().path("command").toString())
                .isEqualTo("[\"v2l\",\"dataset\",\"build\",\"procedural:seed=1,count=1\",\"--out\",\""
                        + out.toString().replace("\\", "\\\\") + "\"]");
    }

    @Test
    void onlyBadInputExitsTwoABugExitsOne() throws Exception {
        CommandLine cl = Main.commandLine();
        CommandLine.IExecutionExceptionHandler h = cl.getExecutionExceptionHandler();
        java.io.StringWriter err = new java.io.StringWriter();
        cl.setErr(new java.io.PrintWriter(err));
        assertThat(h.handleExecutionException(new dev.v2l.io.BadInputException("f.jsonl", "line 3", "score",
                "expected a number"), cl, null)).isEqualTo(Main.EXIT_USAGE);
        assertThat(err.toString()).contains("v2l: error: f.jsonl: line 3: field 'score': expected a number");
        assertThat(h.handleExecutionException(new IllegalArgumentException("a bug"), cl, null))
                .isEqualTo(Main.EXIT_FAILURE);
        assertThat(h.handleExecutionException(new java.util.NoSuchElementException("a bug"), cl, null))
                .isEqualTo(Main.EXIT_FAILURE);
        assertThat(err.toString()).contains("v2l: failed: java.lang.IllegalArgumentException: a bug");
    }

    @Test
    void inputTheLibraryRejectsIsStillAUsageError(@TempDir Path dir) throws Exception {
        Path bench = dir.resolve("bench.jsonl");
        Files.writeString(bench, "");
        String[][] cases = {
            {"--video-frames (4) must be at least the largest frame count", "dataset", "build",
                "procedural:seed=1,count=1", "--frames", "8", "--video-frames", "4", "--out", dir.resolve("d")
                .toString()},
            {"--map-weight and --consistency-weight need --kind v2l-map", "reward", "score", "--input", "-",
                "--map-weight", "0.2"},
            {"no scene 'nope'", "render", "procedural:seed=1,count=1", "--scene", "nope", "--out",
                dir.resolve("x").toString()},
            {"--frame first-camera needs a recorded camera", "scenes", "show", "procedural:seed=1,count=1",
                "proc-1-0000", "--map", "v2lo", "--frame", "first-camera"},
        };
        for (String[] c : cases) {
            String[] args = java.util.Arrays.copyOfRange(c, 1, c.length);
            CliTest.Run r = CliTest.run(args);
            assertThat(r.code()).as(String.join(" ", args) + "\n" + r.err()).isEqualTo(2);
            assertThat(r.err()).as(String.join(" ", args)).contains(c[0]);
        }
    }
}
