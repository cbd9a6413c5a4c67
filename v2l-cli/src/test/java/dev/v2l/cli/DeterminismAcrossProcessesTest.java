package dev.v2l.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Same seed, same bytes — across JVMs, where the iteration order of Java's immutable sets and maps changes with a
 * per-process salt (a source of nondeterminism that a single-JVM test cannot see).
 */
class DeterminismAcrossProcessesTest {

    static void v2l(Path out, String... args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new java.util.ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                "dev.v2l.cli.Main"));
        cmd.addAll(List.of(args));
        cmd.addAll(List.of("--out", out.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
    }

    @Test
    void datasetAndQuestionsAreByteIdenticalInTwoProcesses(@TempDir Path dir) throws Exception {
        for (String run : List.of("a", "b")) {
            v2l(dir.resolve(run), "dataset", "build", "procedural:seed=2,count=6", "--frames", "1,4", "--per-scene",
                    "6", "--no-images", "--quiet", "--seed", "2", "--format", "jsonl");
            v2l(dir.resolve(run + "-qa.jsonl"), "qa", "generate", "procedural:seed=2,count=6", "--per-scene", "3",
                    "--seed", "2", "--quiet");
        }
        for (String f : List.of("jsonl/train.jsonl", "jsonl/val.jsonl", "jsonl/test.jsonl", "stats.json")) {
            String a = Files.readString(dir.resolve("a").resolve(f));
            String b = Files.readString(dir.resolve("b").resolve(f));
            if (f.equals("stats.json")) { // the provenance names the two output folders
                var m = new com.fasterxml.jackson.databind.ObjectMapper();
                var ja = (com.fasterxml.jackson.databind.node.ObjectNode) m.readTree(a);
                var jb = (com.fasterxml.jackson.databind.node.ObjectNode) m.readTree(b);
                ja.remove("provenance");
                jb.remove("provenance");
                a = ja.toString();
                b = jb.toString();
            }
            assertThat(a).as(f).isEqualTo(b);
        }
        assertThat(Files.readAllBytes(dir.resolve("a-qa.jsonl"))).isEqualTo(Files.readAllBytes(dir.resolve("b-qa.jsonl")));
        assertThat(Files.readAllLines(dir.resolve("a").resolve("jsonl/train.jsonl"))).isNotEmpty();
    }
}
