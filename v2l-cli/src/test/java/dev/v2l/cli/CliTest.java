package dev.v2l.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.v2l.layout.text.MapParseResult;
import dev.v2l.layout.text.MapParser;
import dev.v2l.testing.TestPaths;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    static final String VSI = TestPaths.vsiMeta("arkitscenes_meta_info_val.json").toString();
    static final String THOR = TestPaths.sharedData().resolve("ai2thor/instance_segmentation_metadata.json").toString();

    @Test
    void helpAndVersion() {
        Run help = run("--help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("demo", "scenes", "map", "bench", "Exit codes");
        Run version = run("--version");
        assertThat(version.code()).isZero();
        assertThat(version.out()).startsWith("v2l ").contains("commit");
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertThat(run().code()).isEqualTo(2);
        assertThat(run("frobnicate").code()).isEqualTo(2);
        assertThat(run("scenes").code()).isEqualTo(2);
        assertThat(run("scenes", "list").code()).isEqualTo(2);
        Run badOption = run("map", "parse", "--form", "hexagons", "-");
        assertThat(badOption.code()).isEqualTo(2);
        assertThat(badOption.err()).contains("unknown map form 'hexagons'; available: v2lo, extended, grid");
    }

    @Test
    void scenesListAndShow() {
        Run list = run("scenes", "list", VSI);
        assertThat(list.code()).isZero();
        assertThat(list.out()).contains("150 scenes in vsi:").contains("41069025");
        Run show = run("scenes", "show", VSI, "41069025");
        assertThat(show.code()).isZero();
        assertThat(show.out()).contains("scene 41069025 (arkitscenes)").contains("labels:");
        Run missing = run("scenes", "show", VSI, "nope");
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("no scene 'nope'");
        Run badFile = run("scenes", "list", "/no/such/file.json");
        assertThat(badFile.code()).isEqualTo(2);
        assertThat(badFile.err()).contains("/no/such/file.json: no such file");
    }

    @Test
    void theGroundTruthMapOfAScenePrintsAndParsesBack() {
        Run map = run("scenes", "show", THOR, "iTHOR_Kitchen_Val_09", "--map", "v2lo", "--frame", "first-camera");
        assertThat(map.code()).isZero();
        assertThat(map.out()).startsWith("Establish a bird's-eye view : [{\"object_name\": ");
        MapParseResult r = MapParser.lenient().parse(map.out());
        assertThat(r.layout().size()).isEqualTo(66);
        assertThat(r.diagnostics()).isEmpty();
        Run json = run("scenes", "show", THOR, "iTHOR_Kitchen_Val_09", "--json");
        assertThat(json.out()).contains("\"format\": \"v2l-scene/1\"");
    }

    @Test
    void mapParseExitCodes(@TempDir Path dir) throws IOException {
        Path good = dir.resolve("good.txt");
        Files.writeString(good, "<map>[{'object_name': 'sofa', 'bbox': [0, 0, 2, 1],}]</map><answer>A</answer>");
        Run ok = run("map", "parse", good.toString());
        assertThat(ok.code()).isZero();
        assertThat(ok.out()).contains("\"recovered\" : true").contains("\"label\" : \"sofa\"")
                .contains("\"code\" : \"trailing-comma\"").contains("\"code\" : \"single-quotes\"");
        Path none = dir.resolve("none.txt");
        Files.writeString(none, "The answer is 3.");
        Run no = run("map", "parse", none.toString());
        assertThat(no.code()).isEqualTo(1);
        assertThat(no.out()).contains("\"recovered\" : false").contains("no-map");
        assertThat(run("map", "parse", dir.resolve("missing.txt").toString()).code()).isEqualTo(2);
        // binary input is bad input, not a map recovered from noise
        Path png = dir.resolve("frame.png");
        Files.write(png, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, '[', '{', '}', ']'});
        Run binary = run("map", "parse", png.toString());
        assertThat(binary.code()).isEqualTo(2);
        assertThat(binary.err()).contains("frame.png: not UTF-8 text");
        Path nul = dir.resolve("nul.txt");
        Files.write(nul, "<map>[{\"object_name\": \"sofa\", \"bbox\": [0, 0, 2, 1]}]</map>\0\0".getBytes());
        Run withNul = run("map", "parse", nul.toString());
        assertThat(withNul.code()).isEqualTo(2);
        assertThat(withNul.err()).contains("nul.txt: binary data, not text");
        java.io.InputStream stdin = System.in;
        try {
            System.setIn(new java.io.ByteArrayInputStream(new byte[] {(byte) 0xff, (byte) 0xfe, '[', ']'}));
            Run piped = run("map", "parse", "-");
            assertThat(piped.code()).isEqualTo(2);
            assertThat(piped.err()).contains("standard input: not UTF-8 text");
        } finally {
            System.setIn(stdin);
        }
    }

    @Test
    void mapDrawWritesAnSvgWithBothMaps(@TempDir Path dir) throws IOException {
        Path pred = dir.resolve("pred.txt");
        Path gt = dir.resolve("gt.txt");
        Files.writeString(pred, "[{\"object_name\": \"sofa\", \"bbox\": [0, 0, 2, 1]}, "
                + "{\"object_name\": \"tv\", \"bbox\": [0, 3, 1, 3.2]}]");
        Files.writeString(gt, "[{\"object_name\": \"sofa\", \"bbox\": [0.2, 0, 2.2, 1]}]");
        Path svg = dir.resolve("out/map.svg");
        Run r = run("map", "draw", pred.toString(), "--gt", gt.toString(), "--out", svg.toString(), "--title", "t");
        assertThat(r.code()).isZero();
        String s = Files.readString(svg);
        assertThat(s).startsWith("<svg").contains("class=\"ground-truth\"").contains(">sofa<").contains(">tv<")
                .contains("1 m");
        assertThat(s.split("<polygon", -1)).hasSize(4); // 2 predicted + 1 true
        Files.writeString(gt, "nothing here");
        assertThat(run("map", "draw", pred.toString(), "--gt", gt.toString(), "--out", svg.toString()).code())
                .isEqualTo(2);
    }

    @Test
    void benchmarksOfTheToolkitAreNotACommand() {
        Run help = run("bench", "--help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("build");
        assertThat(run("bench", "parse").code()).isEqualTo(2); // throughput figures live in v2l-bench (JMH)
        assertThat(run("bench").err()).contains("Missing required subcommand");
    }
}
