package dev.v2l.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.v2l.testing.TestPaths;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every reader on malformed input (src/test/resources/malformed/cases.tsv): the command exits with the stated code,
 * names the file, says what is wrong, prints no Java exception, and leaves no output or temporary file behind.
 */
class MalformedInputCorpusTest {

    static final Path DIR = TestPaths.root().resolve("v2l-cli/src/test/resources/malformed");

    record Case(String file, String command, int exit, String fragment) {
        @Override
        public String toString() {
            return command.split(" ")[0] + " " + command.split(" ")[1] + " <- " + file;
        }
    }

    static Stream<Case> cases() throws Exception {
        List<Case> out = new ArrayList<>();
        for (String line : Files.readAllLines(DIR.resolve("cases.tsv"), StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t");
            out.add(new Case(f[0], f[1], Integer.parseInt(f[2]), f[3]));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void answeredWithTheFileAndWhatIsWrong(Case c, @TempDir Path tmp) throws Exception {
        Path in = tmp.resolve("in");
        Files.createDirectories(in);
        Path file = c.file().equals("-") ? null : Files.copy(DIR.resolve(c.file()), in.resolve(
                c.command().contains("{fdir}") ? "samples.jsonl" : c.file()));
        Path dir = Files.createDirectories(tmp.resolve("folder"));
        Path out = tmp.resolve("out").resolve("result.out");
        String shared = TestPaths.sharedData().toString();
        String[] args = c.command().replace("../shared/data", shared).split(" ");
        for (int i = 0; i < args.length; i++) {
            args[i] = args[i].replace("{fdir}", in.toString()).replace("{f}", file == null ? "" : file.toString()).replace("{dir}", dir.toString())
                    .replace("{out}", out.toString());
        }
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int code = Main.execute(new PrintWriter(o), new PrintWriter(e), args);
        String err = e.toString();
        assertThat(code).as("exit code; stderr: %s", err).isEqualTo(c.exit());
        assertThat(err).contains(c.fragment());
        assertThat(err).contains(file == null ? dir.toString() : file.toString());
        assertThat(err).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("sun.nio");
        if (Files.exists(out.getParent())) {
            try (Stream<Path> left = Files.walk(out.getParent())) {
                assertThat(left.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList())
                        .as("temporary files left behind").isEmpty();
            }
        }
    }
}
