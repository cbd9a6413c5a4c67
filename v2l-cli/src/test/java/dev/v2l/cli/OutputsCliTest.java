package dev.v2l.cli;

import static dev.v2l.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.v2l.io.FolderNames;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What commands leave on disk and on standard output: complete, with normal permissions, nothing half-written. */
class OutputsCliTest {

    @Test
    void scenesShowJsonIsCompleteOnTheRealStandardOutput() throws Exception {
        PrintStream saved = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int code;
        try {
            System.setOut(new PrintStream(buf, false, StandardCharsets.UTF_8));
            code = Main.execute("scenes", "show", CliTest.THOR, "iTHOR_Kitchen_Val_09", "--json");
        } finally {
            System.setOut(saved);
        }
        assertThat(code).isZero();
        JsonNode scene = new ObjectMapper().readTree(buf.toByteArray());
        assertThat(buf.size()).isGreaterThan(16_384);
        assertThat(scene.path("id").asText()).isEqualTo("iTHOR_Kitchen_Val_09");
        assertThat(scene.path("objects").size()).isGreaterThan(20);
    }

    @Test
    void writtenFilesHaveTheUmasksPermissions(@TempDir Path dir) throws Exception {
        Set<PosixFilePermission> normal = Files.getPosixFilePermissions(Files.createFile(dir.resolve("plain")));
        assertThat(run("qa", "generate", CliTest.THOR, "--per-scene", "2", "--quiet", "--out",
                dir.resolve("qa.jsonl").toString()).code()).isZero();
        assertThat(run("scenes", "generate", "--count", "1", "--seed", "3", "--out", dir.resolve("scenes")
                .toString()).code()).isZero();
        Path map = Files.writeString(dir.resolve("map.txt"), "<map>[{\"object_name\": \"sofa\", \"bbox\": [0, 0, 2, "
                + "1]}]</map>");
        assertThat(run("map", "draw", map.toString(), "--out", dir.resolve("map.svg").toString()).code()).isZero();
        Path rollouts = Files.writeString(dir.resolve("r.jsonl"), "{\"response\": \"<answer>A</answer>\", "
                + "\"ground_truth\": \"A\"}\n");
        assertThat(run("reward", "score", "--input", rollouts.toString(), "--out", dir.resolve("scores.jsonl")
                .toString()).code()).isZero();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                assertThat(Files.getPosixFilePermissions(p)).as("permissions of %s", p).isEqualTo(normal);
                assertThat(p.getFileName().toString()).doesNotEndWith(".tmp");
            }
        }
    }

    @Test
    void framesOfManyVideosInOneRunGoToOneFolderEach(@TempDir Path dir) throws Exception {
        Path render = dir.resolve("render");
        assertThat(run("render", "procedural:seed=5,count=2", "--scene", "proc-5-0001", "--frames", "6", "--size",
                "160x120", "--out", render.toString()).code()).isZero();
        Path video = render.resolve("video.mp4");
        Path a = Files.copy(video, Files.createDirectories(dir.resolve("a")).resolve("walk.mp4"));
        Path b = Files.copy(video, Files.createDirectories(dir.resolve("b")).resolve("walk.mp4"));
        Path c = Files.copy(video, dir.resolve("Kitchen 1.mp4"));
        Path out = dir.resolve("frames");
        CliTest.Run r = run("frames", a.toString(), b.toString(), c.toString(), "--count", "3", "--out",
                out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        List<Path> folders;
        try (Stream<Path> s = Files.list(out)) {
            folders = s.sorted().toList();
        }
        assertThat(folders).hasSize(3);
        assertThat(out.resolve(FolderNames.of("Kitchen 1"))).isDirectory();
        for (Path f : folders) {
            assertThat(Files.readAllLines(f.resolve("frames.jsonl"))).hasSize(3);
            assertThat(f.resolve("frame_000000.png")).exists();
        }
        assertThat(r.err()).contains("wrote 3 frames to").contains(a.toString()).contains(b.toString());
        // a bad video anywhere in the list stops the run before any frame is written
        Path text = Files.writeString(dir.resolve("notes.mp4"), "not a video");
        Path out2 = dir.resolve("frames2");
        CliTest.Run bad = run("frames", c.toString(), text.toString(), "--count", "3", "--out", out2.toString());
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("notes.mp4: not a video FFmpeg can read");
        assertThat(out2).doesNotExist();
    }
}
