package dev.v2l.layout.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.v2l.geom.OrientedRect;
import dev.v2l.geom.Vec2;
import dev.v2l.layout.GridMap;
import dev.v2l.layout.HeightRange;
import dev.v2l.layout.Layout;
import dev.v2l.layout.LayoutObject;
import dev.v2l.layout.MapFrame;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class MapWriterTest {

    /** Four objects: plain, bounds that round, a 45° rotated one with heights, and an awkward label near 0. */
    static Layout fixture() {
        return new Layout(MapFrame.FIRST_CAMERA, List.of(
                new LayoutObject("sofa", OrientedRect.fromBounds(-2.0, 1.6, -1.1, 3.7), new HeightRange(0, 0.85),
                        "sofa_0"),
                new LayoutObject("fridge", OrientedRect.fromBounds(-10.24, 0.3, -9.36, 1.16)),
                new LayoutObject("chair", new OrientedRect(new Vec2(1, 1), new Vec2(1, 1), 0.5, 0.5),
                        new HeightRange(0, 0.9), null),
                new LayoutObject("Mom's \"chair\" été", OrientedRect.fromBounds(-0.04, -0.04, 0.04, 0.04))));
    }

    static String golden(String name) throws IOException {
        try (InputStream in = MapWriterTest.class.getResourceAsStream("/golden/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void v2loIsByteForByteThePapersForm() throws IOException {
        assertThat(MapWriter.writeV2lo(fixture())).isEqualTo(golden("map-v2lo.txt"));
    }

    @Test
    void writtenBoundsKeepEachSidesRoundedLengthAndStayNearTheTrueBounds() {
        // Rounding each bound alone writes a 0.88 m wide fridge at -10.24..-9.36 as -10.2..-9.4 (0.8 m): a perfect
        // map would then give the wrong size. The written sides are the true sides rounded; ends move at most 0.075.
        SplittableRandom rnd = new SplittableRandom(7);
        int moved = 0;
        for (int k = 0; k < 200_000; k++) {
            double lo = rnd.nextDouble(-12, 12);
            double hi = lo + rnd.nextDouble(0, 4);
            for (int places : new int[] {1, 2}) {
                double[] r = Decimals.roundInterval(lo, hi, places);
                double step = Math.pow(10, -places);
                assertThat(Decimals.round(r[1] - r[0], places)).as("[%s, %s] at %d", lo, hi, places)
                        .isEqualTo(Decimals.round(hi - lo, places));
                assertThat(Math.abs(r[0] - lo)).isLessThanOrEqualTo(0.75 * step + 1e-9);
                assertThat(Math.abs(r[1] - hi)).isLessThanOrEqualTo(0.75 * step + 1e-9);
                boolean plain = Decimals.round(Decimals.round(hi, places) - Decimals.round(lo, places), places)
                        == Decimals.round(hi - lo, places);
                if (plain) { // nothing to fix: exactly Python's round of each end
                    assertThat(r).containsExactly(Decimals.round(lo, places), Decimals.round(hi, places));
                } else {
                    moved++;
                }
            }
        }
        assertThat(moved).as("cases where plain rounding gets the length wrong").isGreaterThan(50_000);
        Layout fridge = new Layout(MapFrame.FIRST_CAMERA, List.of(new LayoutObject("fridge",
                OrientedRect.fromBounds(-10.24, 0.3, -9.36, 1.16))));
        assertThat(MapWriter.writeV2lo(fridge)).endsWith("[-10.3, 0.3, -9.4, 1.2]}]");
        OrientedRect written = MapWriter.asWritten(fridge, MapForm.V2LO).objects().get(0).footprint();
        assertThat(Decimals.format(written.bounds()[2] - written.bounds()[0], 1)).isEqualTo("0.9");
    }

    @Test
    void negativeZeroIsWrittenAsZeroInEveryForm() {
        // Python's json.dumps(round(-0.04, 1)) gives "-0.0"; we write "0.0" on purpose (the same number to every
        // parser, one spelling for a model to learn), in v2lo, extended, answers and traces alike (Decimals).
        Layout l = new Layout(MapFrame.FIRST_CAMERA, List.of(new LayoutObject("cup",
                OrientedRect.fromBounds(-0.04, -0.001, 0.3, 0.2), new HeightRange(-0.0, 0.1), null)));
        assertThat(MapWriter.writeV2lo(l)).contains("[0.0, 0.0, 0.3, 0.2]").doesNotContain("-0.0");
        assertThat(MapWriter.writeExtended(l)).contains("[-0.04, 0.00, 0.30, 0.20]").doesNotContain("-0.00");
        assertThat(Decimals.format(-0.0, 1)).isEqualTo("0.0");
        assertThat(Decimals.format(-0.04, 0)).isEqualTo("0");
        assertThat(Decimals.round(-0.04, 1)).isEqualTo(0.0).matches(d -> Double.doubleToRawLongBits(d) == 0L);
    }

    @Test
    void extendedFormGolden() throws IOException {
        assertThat(MapWriter.writeExtended(fixture())).isEqualTo(golden("map-extended.txt"));
    }

    @Test
    void gridFormGolden() throws IOException {
        assertThat(MapWriter.write(fixture(), MapForm.GRID)).isEqualTo(golden("map-grid.txt"));
    }

    @Test
    void emptyLayoutInEveryForm() {
        Layout empty = Layout.empty(MapFrame.SCENE);
        assertThat(MapWriter.writeV2lo(empty)).isEqualTo("Establish a bird's-eye view : []");
        assertThat(MapWriter.writeExtended(empty))
                .isEqualTo("Establish a bird's-eye view : {\"frame\": \"scene\", \"unit\": \"m\", \"objects\": []}");
        assertThat(MapWriter.write(empty, MapForm.GRID)).isEqualTo("{}");
    }

    @ParameterizedTest(name = "round({0}, {1}) = {2}")
    @CsvSource({
        "0.25, 1, 0.2", "0.35, 1, 0.3", "0.45, 1, 0.5", "0.15, 1, 0.1", "2.675, 2, 2.67", "-0.04, 1, 0.0",
        "-0.05, 1, -0.1", "1.0, 1, 1.0", "-3.0, 2, -3.00", "12345.678, 1, 12345.7", "0.05, 1, 0.1"
    })
    void roundingIsPythonsRoundTiesToEvenOnTheExactValue(double value, int places, String expected) {
        assertThat(Decimals.format(value, places)).isEqualTo(expected);
    }

    @Test
    void nonFiniteNumbersCannotBeWritten() {
        assertThatThrownBy(() -> Decimals.format(Double.NaN, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    static Layout randomLayout(SplittableRandom r, int n) {
        String[] labels = {"sofa", "chair", "table", "tv", "coffee table", "lamp"};
        List<LayoutObject> objs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double a = r.nextInt(3) == 0 ? 0 : r.nextDouble(0, Math.PI);
            OrientedRect f = new OrientedRect(new Vec2(r.nextDouble(-6, 6), r.nextDouble(-1, 9)),
                    new Vec2(Math.cos(a), Math.sin(a)), r.nextDouble(0.05, 1.5), r.nextDouble(0.05, 1.0));
            double z = r.nextDouble(0, 1);
            objs.add(new LayoutObject(labels[r.nextInt(labels.length)], f,
                    r.nextBoolean() ? new HeightRange(z, z + r.nextDouble(0.1, 1.5)) : null, "o" + i));
        }
        return new Layout(MapFrame.FIRST_CAMERA, objs);
    }

    @ParameterizedTest
    @EnumSource(value = MapForm.class, names = {"V2LO", "EXTENDED"})
    void parsingWhatWasWrittenGivesTheLayoutAtTheWrittenPrecision(MapForm form) {
        SplittableRandom r = new SplittableRandom(42);
        for (int c = 0; c < 300; c++) {
            Layout l = randomLayout(r, r.nextInt(0, 20));
            String text = MapWriter.write(l, form);
            MapParseResult back = MapParser.builder().form(form).build().parse(text);
            assertThat(back.recovered()).isTrue();
            assertThat(back.dropped()).isZero();
            assertThat(back.repaired()).as(text).isFalse();
            assertThat(back.layout().approximatelyEquals(MapWriter.asWritten(l, form), 1e-9)).as(text).isTrue();
            // ...and the lenient default (form detected) reads it the same.
            assertThat(MapParser.lenient().parse(text).layout().approximatelyEquals(back.layout(), 0)).isTrue();
            if (form == MapForm.V2LO) {
                assertThat(MapWriter.writeV2lo(back.layout())).isEqualTo(text);
            }
        }
    }

    @Test
    void gridRoundTripIsByteIdentical() {
        SplittableRandom r = new SplittableRandom(43);
        for (int c = 0; c < 200; c++) {
            Layout l = randomLayout(r, r.nextInt(1, 20));
            GridMap g = GridMap.of(l);
            String text = MapWriter.writeGrid(g);
            MapParseResult back = MapParser.builder().form(MapForm.GRID).build().parse(text);
            assertThat(back.grid().cells()).isEqualTo(g.cells());
            assertThat(MapWriter.writeGrid(back.grid())).isEqualTo(text);
            for (GridMap.Cell cell : g.cells().values().stream().flatMap(List::stream).toList()) {
                assertThat(cell.x()).isBetween(0, 9);
                assertThat(cell.y()).isBetween(0, 9);
            }
        }
    }

    @Test
    void gridCellsMapBackToTheirCentresWithinHalfACell() {
        Layout l = fixture();
        GridMap g = GridMap.of(l);
        for (LayoutObject o : l.objects()) {
            Vec2 c = g.cellCenter(g.cells().get(o.label()).get(0));
            assertThat(Math.abs(c.x() - o.center().x())).isLessThanOrEqualTo(g.cellMetres() / 2 + 1e-9);
            assertThat(Math.abs(c.y() - o.center().y())).isLessThanOrEqualTo(g.cellMetres() / 2 + 1e-9);
        }
    }
}
