package dev.v2l.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

/** Runs the CLI in this JVM and compares output folders file by file. */
final class Outputs {

    private Outputs() {
    }

    /** Runs {@code v2l ARGS} and returns its standard error; fails unless it exits 0. */
    static String cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = dev.v2l.cli.Main.execute(new PrintWriter(out), new PrintWriter(err), args);
        assertThat(code).as("v2l %s: %s", String.join(" ", args), err).isZero();
        return err.toString();
    }

    /** Runs {@code v2l spark ARGS} on the shared Spark and returns its standard error and exit code. */
    static Run spark(int partitions, String... build) {
        StringWriter err = new StringWriter();
        int code = SparkMain.run(SharedSpark.get(), build, partitions, List.of(build), new PrintWriter(err));
        return new Run(code, err.toString());
    }

    record Run(int code, String err) {
    }

    static TreeSet<String> files(Path dir) throws IOException {
        TreeSet<String> out = new TreeSet<>();
        try (Stream<Path> s = Files.walk(dir)) {
            s.filter(Files::isRegularFile).forEach(p -> out.add(dir.relativize(p).toString()));
        }
        return out;
    }

    /**
     * The same files with the same bytes, except what says how and when a folder was made: provenance (its own
     * file and its copy in stats.json) and absolute paths naming the folder itself.
     */
    static void assertSameOutput(Path cli, Path spark) throws IOException {
        TreeSet<String> names = files(cli);
        assertThat(files(spark)).as("files of the Spark build").isEqualTo(names);
        ObjectMapper m = new ObjectMapper();
        for (String f : names) {
            if (f.equals("provenance.json")) {
                continue;
            }
            byte[] a = Files.readAllBytes(cli.resolve(f));
            byte[] b = Files.readAllBytes(spark.resolve(f));
            if (f.equals("stats.json")) {
                ObjectNode x = (ObjectNode) m.readTree(a);
                ObjectNode y = (ObjectNode) m.readTree(b);
                x.remove("provenance");
                y.remove("provenance");
                assertThat(y).as(f).isEqualTo(x);
            } else if (f.endsWith(".yaml")) {
                assertThat(new String(b, StandardCharsets.UTF_8).replace(spark.toAbsolutePath().toString(), "OUT"))
                        .as(f).isEqualTo(new String(a, StandardCharsets.UTF_8)
                                .replace(cli.toAbsolutePath().toString(), "OUT"));
            } else {
                assertThat(b).as(f).isEqualTo(a);
            }
        }
    }
}
