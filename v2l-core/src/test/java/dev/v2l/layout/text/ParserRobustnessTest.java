package dev.v2l.layout.text;

import static org.assertj.core.api.Assertions.assertThat;

import dev.v2l.layout.Layout;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The parser never throws on model text, whatever it is, and its offsets stay inside the text. */
class ParserRobustnessTest {

    private static final String ALPHABET = "[]{}(),:;\"'`.-+0123456789eE mxyz_\n\t\\/#*…，：“”【】－０<>map";

    @Test
    void mutatedMapsNeverThrowAndOffsetsStayInBounds() {
        SplittableRandom r = new SplittableRandom(99);
        MapParser lenient = MapParser.lenient();
        MapParser grid = MapParser.builder().form(MapForm.GRID).build();
        for (int c = 0; c < 20_000; c++) {
            Layout l = MapWriterTest.randomLayout(r, r.nextInt(0, 8));
            String text = switch (r.nextInt(3)) {
                case 0 -> MapWriter.writeV2lo(l);
                case 1 -> MapWriter.writeExtended(l);
                default -> MapWriter.write(l, MapForm.GRID);
            };
            StringBuilder sb = new StringBuilder(text);
            int edits = r.nextInt(1, 6);
            for (int e = 0; e < edits && sb.length() > 0; e++) {
                int at = r.nextInt(sb.length());
                switch (r.nextInt(4)) {
                    case 0 -> sb.deleteCharAt(at);
                    case 1 -> sb.insert(at, ALPHABET.charAt(r.nextInt(ALPHABET.length())));
                    case 2 -> sb.setCharAt(at, ALPHABET.charAt(r.nextInt(ALPHABET.length())));
                    default -> sb.setLength(at); // truncation
                }
            }
            String mutated = sb.toString();
            for (MapParser p : new MapParser[] {lenient, grid}) {
                MapParseResult res = p.parse(mutated);
                for (MapDiagnostic d : res.diagnostics()) {
                    assertThat(d.offset()).as(mutated).isBetween(0, Math.max(0, mutated.length()));
                }
                if (res.layout() != null) {
                    res.layout().objects().forEach(o -> assertThat(o.footprint().center().isFinite()).isTrue());
                }
                assertThat(res.recovered() || res.has("no-map") || res.has("no-text")).isTrue();
            }
        }
    }

    @Test
    void pathologicalInputsAreHandled() {
        MapParser p = MapParser.lenient();
        assertThat(p.parse(null).recovered()).isFalse();
        assertThat(p.parse("[".repeat(10_000)).recovered()).isFalse(); // nesting is cut at 64 levels, no stack overflow
        String deepMap = "[".repeat(60) + "{\"object_name\": \"a\", \"bbox\": [0, 0, 1, 1]}" + "]".repeat(60);
        assertThat(p.parse(deepMap).recovered()).isFalse(); // lists of lists of lists are not a map
        assertThat(p.parse("{".repeat(5_000)).recovered()).isFalse();
        assertThat(p.parse("\"".repeat(3)).recovered()).isFalse();
        assertThat(p.parse("<map>".repeat(100)).recovered()).isFalse();
        String huge = "[" + "{\"object_name\": \"a\", \"bbox\": [0, 0, 1, 1]},".repeat(20_000) + "]";
        assertThat(p.parse(huge).layout().size()).isEqualTo(20_000);
    }
}
