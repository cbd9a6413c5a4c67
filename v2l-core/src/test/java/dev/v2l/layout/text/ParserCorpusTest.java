package dev.v2l.layout.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.v2l.geom.OrientedRect;
import dev.v2l.layout.LayoutObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The corpus of messy model outputs in {@code parser-corpus.txt}: each case gives an input, the objects the parser
 * must recover and the exact multiset of diagnostics (kind + code, optionally @offset) it must report.
 *
 * <pre>
 * ### name
 * >>> form grid            (optional: parse with this form instead of detecting)
 * >>> input
 * the text, any number of lines
 * >>> objects              (or ">>> none" when no map must be recovered)
 * label | x_min y_min x_max y_max [| z_min z_max]
 * label ~ cx cy area       (rotated footprints: centre and area)
 * >>> grid
 * label | x y
 * >>> frame first-camera   (optional)
 * >>> diagnostics
 * repair trailing-comma [@offset]
 * </pre>
 */
class ParserCorpusTest {

    record Case(String name, String form, String input, boolean none, List<String> objects, List<String> grid,
            String frame, List<String> diagnostics) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Case> cases() throws IOException {
        String text;
        try (InputStream in = ParserCorpusTest.class.getResourceAsStream("/parser-corpus.txt")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<Case> out = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        int i = 0;
        while (i < lines.length) {
            if (!lines[i].startsWith("### ")) {
                i++;
                continue;
            }
            String name = lines[i].substring(4).strip();
            i++;
            String form = null;
            String frame = null;
            StringBuilder input = null;
            boolean none = false;
            List<String> objects = new ArrayList<>();
            List<String> grid = new ArrayList<>();
            List<String> diags = new ArrayList<>();
            String section = "";
            while (i < lines.length && !lines[i].startsWith("### ")) {
                String l = lines[i];
                if (l.startsWith("=== ")) {
                    section = "";
                } else if (l.startsWith(">>> ")) {
                    String[] parts = l.substring(4).strip().split(" ", 2);
                    section = parts[0];
                    switch (section) {
                        case "form" -> form = parts[1];
                        case "frame" -> frame = parts[1];
                        case "none" -> none = true;
                        case "input" -> input = new StringBuilder();
                        default -> {
                        }
                    }
                } else {
                    switch (section) {
                        case "input" -> input.append(input.length() == 0 && input.isEmpty() ? "" : "\n").append(l);
                        case "objects" -> addIfNotBlank(objects, l);
                        case "grid" -> addIfNotBlank(grid, l);
                        case "diagnostics" -> addIfNotBlank(diags, l);
                        default -> {
                        }
                    }
                }
                i++;
            }
            out.add(new Case(name, form, input == null ? null : stripFirstNewline(input.toString()), none, objects,
                    grid, frame, diags));
        }
        return out;
    }

    private static String stripFirstNewline(String s) {
        return s.startsWith("\n") ? s.substring(1) : s;
    }

    private static void addIfNotBlank(List<String> l, String s) {
        if (!s.isBlank() && !s.startsWith("//")) {
            l.add(s.strip());
        }
    }

    @Test
    void theCorpusHasAtLeastAHundredCases() throws IOException {
        List<Case> all = cases();
        assertThat(all).hasSizeGreaterThanOrEqualTo(100);
        assertThat(all.stream().map(Case::name).distinct().count()).isEqualTo(all.size());
    }

    static Stream<Case> corpus() throws IOException {
        return cases().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void parsesAsExpected(Case c) {
        MapParser parser = c.form() == null ? MapParser.lenient()
                : MapParser.builder().form(MapForm.fromCode(c.form())).build();
        MapParseResult r = parser.parse(c.input());
        String got = LayoutJson.toJson(r);
        if (c.none()) {
            assertThat(r.recovered()).as(got).isFalse();
        } else {
            assertThat(r.recovered()).as(got).isTrue();
        }
        if (!c.objects().isEmpty() || (!c.none() && c.grid().isEmpty())) {
            List<LayoutObject> objs = r.layout() == null ? List.of() : r.layout().objects();
            assertThat(objs).as("objects of\n" + got).hasSize(c.objects().size());
            for (int k = 0; k < objs.size(); k++) {
                checkObject(c.objects().get(k), objs.get(k), got);
            }
        }
        if (!c.grid().isEmpty()) {
            assertThat(r.grid()).as(got).isNotNull();
            List<String> cells = new ArrayList<>();
            r.grid().cells().forEach((label, list) -> list.forEach(cell -> cells.add(label + " | " + cell.x() + " "
                    + cell.y())));
            assertThat(cells).as(got).containsExactlyElementsOf(c.grid());
        }
        if (c.frame() != null) {
            assertThat(r.layout().frame().code()).isEqualTo(c.frame());
        }
        List<String> actual = new ArrayList<>();
        for (MapDiagnostic d : r.diagnostics()) {
            actual.add(d.kind().code() + " " + d.code());
        }
        List<String> expectedCodes = new ArrayList<>();
        for (String d : c.diagnostics()) {
            String[] p = d.split("\\s+");
            expectedCodes.add(p[0] + " " + p[1]);
            if (p.length > 2 && p[2].startsWith("@")) {
                int offset = Integer.parseInt(p[2].substring(1));
                assertThat(r.diagnostics()).as("offset of %s in\n%s", d, got)
                        .anyMatch(x -> (x.kind().code() + " " + x.code()).equals(p[0] + " " + p[1])
                                && x.offset() == offset);
            }
        }
        assertThat(actual).as("diagnostics of\n" + got).containsExactlyInAnyOrderElementsOf(expectedCodes);
    }

    private static void checkObject(String spec, LayoutObject o, String got) {
        if (spec.contains("~")) {
            String[] p = spec.split("~");
            assertThat(o.label()).isEqualTo(p[0].strip());
            double[] v = nums(p[1]);
            assertThat(o.center().x()).as(got).isCloseTo(v[0], org.assertj.core.api.Assertions.within(1e-6));
            assertThat(o.center().y()).as(got).isCloseTo(v[1], org.assertj.core.api.Assertions.within(1e-6));
            assertThat(o.footprint().area()).as(got).isCloseTo(v[2], org.assertj.core.api.Assertions.within(1e-6));
            return;
        }
        String[] p = spec.split("\\|");
        if (p.length < 2) {
            fail("bad expectation line: " + spec);
        }
        assertThat(o.label()).as(got).isEqualTo(p[0].strip());
        double[] b = nums(p[1]);
        OrientedRect f = o.footprint();
        assertThat(f.bounds()).as("bounds of %s in\n%s", o.label(), got)
                .containsExactly(b, org.assertj.core.api.Assertions.within(1e-6));
        if (p.length > 2) {
            double[] z = nums(p[2]);
            assertThat(o.hasHeight()).as(got).isTrue();
            assertThat(o.height().min()).isCloseTo(z[0], org.assertj.core.api.Assertions.within(1e-6));
            assertThat(o.height().max()).isCloseTo(z[1], org.assertj.core.api.Assertions.within(1e-6));
        } else {
            assertThat(o.hasHeight()).as(got).isFalse();
        }
    }

    private static double[] nums(String s) {
        return Arrays.stream(s.strip().split("\\s+")).mapToDouble(Double::parseDouble).toArray();
    }
}
