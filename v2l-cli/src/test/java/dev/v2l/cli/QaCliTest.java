package dev.v2l.cli;

import static dev.v2l.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.v2l.testing.TestPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QaCliTest {

    static final String VSI = TestPaths.vsiMeta("arkitscenes_meta_info_val.json").toString();

    @Test
    void typesAreListed() {
        CliTest.Run r = run("qa", "types");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("object_rel_direction_hard").contains("nearest_center").contains("QVS");
    }

    @Test
    void generateIsDeterministicAndSummarises(@TempDir Path dir) throws IOException {
        Path a = dir.resolve("a.jsonl");
        Path b = dir.resolve("b.jsonl");
        Path c = dir.resolve("c.jsonl");
        CliTest.Run ra = run("qa", "generate", VSI, "--types", "all", "--per-scene", "3", "--seed", "5", "--out",
                a.toString(), "--quiet");
        assertThat(ra.code()).as(ra.err()).isZero();
        assertThat(ra.err()).contains("questions from 150 scenes").contains("object_rel_direction_medium")
                .contains("rejected candidates");
        run("qa", "generate", VSI, "--types", "all", "--per-scene", "3", "--seed", "5", "--out", b.toString(),
                "--quiet", "--threads", "1");
        run("qa", "generate", VSI, "--types", "all", "--per-scene", "3", "--seed", "6", "--out", c.toString(),
                "--quiet");
        assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
        assertThat(Files.readAllBytes(a)).isNotEqualTo(Files.readAllBytes(c));
        List<String> lines = Files.readAllLines(a);
        assertThat(lines).hasSizeGreaterThan(500);
        assertThat(lines.get(0)).startsWith("{\"id\":\"").contains("\"question_type\":").contains("\"trace\":");
    }

    @Test
    void answerOneQuestion(@TempDir Path dir) throws IOException {
        Path qa = dir.resolve("qa.jsonl");
        run("qa", "generate", VSI, "--types", "object_rel_direction_hard", "--per-scene", "1", "--seed", "1",
                "--out", qa.toString(), "--quiet");
        String first = Files.readAllLines(qa).get(0);
        String scene = first.replaceAll(".*\"scene_id\":\"([^\"]+)\".*", "$1");
        Path q = dir.resolve("q.json");
        Files.writeString(q, first);
        CliTest.Run r = run("qa", "answer", VSI, "--scene", scene, "--question-file", q.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("If I am standing by the").contains("f × v =").contains("= ground truth");
        CliTest.Run bad = run("qa", "answer", VSI, "--scene", "no-such-scene", "--question-file", q.toString());
        assertThat(bad.code()).isEqualTo(2);
    }

    @Test
    void badTypesAndSourcesAreUsageErrors(@TempDir Path dir) {
        CliTest.Run r = run("qa", "generate", VSI, "--types", "nope", "--out", dir.resolve("x.jsonl").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("unknown question type 'nope'; available:");
        assertThat(Files.exists(dir.resolve("x.jsonl"))).isFalse();
    }
}
