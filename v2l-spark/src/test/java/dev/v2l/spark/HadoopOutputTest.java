package dev.v2l.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.v2l.dataset.OutputFiles;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files on a Hadoop file system appear whole when committed, replace older copies, and leave nothing otherwise. */
class HadoopOutputTest {

    @TempDir
    Path tmp;

    @Test
    void aCommittedFileReplacesTheOldOneAndAnUncommittedOneLeavesNothing() throws Exception {
        HadoopOutput out = new HadoopOutput(tmp.toString(), new Configuration());
        out.write("a/b/one.txt", "first".getBytes(StandardCharsets.UTF_8));
        out.write("a/b/one.txt", "second".getBytes(StandardCharsets.UTF_8));
        try (OutputFiles.Pending p = out.create("a/b/two.txt")) {
            p.stream().write("never committed".getBytes(StandardCharsets.UTF_8));
        }
        assertThat(Files.readString(tmp.resolve("a/b/one.txt"))).isEqualTo("second");
        // Only the file itself: no temporary names, no Hadoop .crc checksum files beside it.
        assertThat(Outputs.files(tmp)).containsExactly("a/b/one.txt");
        assertThat(out.location("a/b/one.txt")).isEqualTo(tmp.resolve("a/b/one.txt").toString());
        assertThat(out.list("a/b")).containsExactly("one.txt");
        assertThat(out.delete("a")).isTrue();
        assertThat(Files.exists(tmp.resolve("a"))).isFalse();
    }

    @Test
    void travelsWithATaskWithItsConfiguration() throws Exception {
        Configuration conf = new Configuration(false);
        conf.set("fs.example.setting", "kept");
        HadoopOutput out = new HadoopOutput("file://" + tmp, conf);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream o = new ObjectOutputStream(bytes)) {
            o.writeObject(out);
        }
        HadoopOutput back;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            back = (HadoopOutput) in.readObject();
        }
        back.write("x.txt", new byte[] {1, 2, 3});
        assertThat(Files.readAllBytes(tmp.resolve("x.txt"))).containsExactly(1, 2, 3);
        assertThat(back.location("x.txt")).isEqualTo(tmp.resolve("x.txt").toString());
    }
}
