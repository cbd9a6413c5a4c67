package dev.v2l.reason;

import static org.assertj.core.api.Assertions.assertThat;

import dev.v2l.geom.OrientedRect;
import dev.v2l.geom.Vec2;
import dev.v2l.layout.HeightRange;
import dev.v2l.layout.Layout;
import dev.v2l.layout.LayoutObject;
import dev.v2l.layout.MapFrame;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every query type on hand-built maps, each answer worked out by hand in the comment beside it. */
class SpatialEngineTest {

    static LayoutObject box(String label, double x0, double y0, double x1, double y1, double z0, double z1) {
        return new LayoutObject(label, OrientedRect.fromBounds(x0, y0, x1, y1), new HeightRange(z0, z1), null);
    }

    static LayoutObject flat(String label, double x0, double y0, double x1, double y1) {
        return new LayoutObject(label, OrientedRect.fromBounds(x0, y0, x1, y1));
    }

    /** Centred at (x, y), 0.4 m square, on the floor. */
    static LayoutObject at(String label, double x, double y) {
        return box(label, x - 0.2, y - 0.2, x + 0.2, y + 0.2, 0, 0.8);
    }

    static Layout map(LayoutObject... objects) {
        return new Layout(MapFrame.FIRST_CAMERA, List.of(objects));
    }

    @Test
    void counting() {
        Layout m = map(at("chair", 0, 0), at("chair", 1, 0), at("Chairs", 2, 0), at("table", 0, 2));
        Derivation d = SpatialEngine.answer(new Query.Count("chair"), m);
        assertThat(d.answer()).isEqualTo("3"); // "Chairs" is the same category
        assertThat(d.trace()).contains("(0.00, 0.00)").endsWith("So there are 3.");
        assertThat(SpatialEngine.answer(new Query.Count("sofa"), m).answer()).isEqualTo("0");
    }

    @Test
    void absoluteDistanceBetweenPrisms() {
        // Footprint gaps dx = 3 - 2 = 1, dy = 2 - 1 = 1 → √2; heights 0–0.85 and 0.55–1.25 overlap → 1.414 → 1.4.
        Layout m = map(box("sofa", 0, 0, 2, 1, 0, 0.85), box("tv", 3, 2, 4, 2.2, 0.55, 1.25));
        Derivation d = SpatialEngine.answer(new Query.AbsDistance("sofa", "tv", true, 1), m);
        assertThat(d.answer()).isEqualTo("1.4");
        assertThat(d.number()).isCloseTo(Math.sqrt(2), org.assertj.core.api.Assertions.within(1e-12));
        assertThat(d.trace()).contains("dx = 1.00, dy = 1.00").contains("vertical gap is 0.00 m");
        // A lamp above the sofa: same footprint, 0.85 → 1.15: vertical gap 0.3.
        Layout m2 = map(box("sofa", 0, 0, 2, 1, 0, 0.85), box("lamp", 0.5, 0.2, 0.8, 0.5, 1.15, 1.6));
        assertThat(SpatialEngine.answer(new Query.AbsDistance("sofa", "lamp", true, 1), m2).answer()).isEqualTo("0.3");
        // Without heights (QVS min_distance) the footprints overlap: 0.0.
        assertThat(SpatialEngine.answer(new Query.AbsDistance("sofa", "lamp", false, 1), m2).answer())
                .isEqualTo("0.0");
        // A map without heights says so.
        Layout m3 = map(flat("sofa", 0, 0, 2, 1), flat("tv", 5, 0, 6, 1));
        Derivation d3 = SpatialEngine.answer(new Query.AbsDistance("sofa", "tv", true, 1), m3);
        assertThat(d3.answer()).isEqualTo("3.0");
        assertThat(d3.trace()).contains("heights unknown");
    }

    @Test
    void distanceBetweenTurnedFootprints() {
        // A unit square turned 45° with centre (3, 0.5) points a corner at x = 3 - √2/2 toward a box ending at x = 1.
        LayoutObject diamond = new LayoutObject("plant", new OrientedRect(new Vec2(3, 0.5), new Vec2(1, 1), 0.5, 0.5));
        Layout m = map(flat("desk", 0, 0, 1, 1), diamond);
        Derivation d = SpatialEngine.answer(new Query.AbsDistance("desk", "plant", false, 1), m);
        assertThat(d.number()).isCloseTo(2 - Math.sqrt(0.5), org.assertj.core.api.Assertions.within(1e-12));
        assertThat(d.answer()).isEqualTo("1.3");
        assertThat(d.trace()).contains("closest points of the two footprints are 1.29 m apart").contains("turned 45°");
    }

    @Test
    void objectSizes() {
        Layout m = map(box("sofa", 0, 0, 2, 0.9, 0, 0.85), box("wardrobe", 3, 0, 4, 0.6, 0, 2.1));
        // Longest of 2.0 × 0.9 × 0.85 is 2.0 m = 200 cm; the wardrobe's height 2.1 m wins: 210 cm.
        assertThat(SpatialEngine.answer(new Query.ObjectSize("sofa", Query.SizeMode.LONGEST_3D_CENTIMETRES, 0), m)
                .answer()).isEqualTo("200");
        assertThat(SpatialEngine.answer(new Query.ObjectSize("wardrobe", Query.SizeMode.LONGEST_3D_CENTIMETRES, 0), m)
                .answer()).isEqualTo("210");
        // Floor dimension of the wardrobe: max(1.0, 0.6) = 1.0 m.
        Derivation d = SpatialEngine.answer(new Query.ObjectSize("wardrobe", Query.SizeMode.FLOOR_MAX_METRES, 1), m);
        assertThat(d.answer()).isEqualTo("1.0");
        assertThat(d.trace()).contains("1.00 m along x and 0.60 m along y");
    }

    @Test
    void roomSize() {
        Layout m = map(flat("sofa", 0, 0, 2, 1), flat("tv", 3, 4, 4, 4.5));
        assertThat(SpatialEngine.answer(new Query.RoomSize(1), m, EngineContext.ofRoomArea(35.86)).answer())
                .isEqualTo("35.9");
        // Without a room outline: the objects' extent, 4 × 4.5 = 18.
        Derivation d = SpatialEngine.answer(new Query.RoomSize(1), m);
        assertThat(d.answer()).isEqualTo("18.0");
        assertThat(d.trace()).contains("no room outline");
    }

    @Test
    void closestOfFourAndNearestCentre() {
        // Table [0,1]×[0,1]. Chair starts at x = 1.5 (0.5 m), sofa at y = 3 (2 m), tv at x = -4 (3 m away:
        // -3 to 0), lamp at (2, 2)..: gaps 1, 1 → 1.41 m.
        Layout m = map(flat("table", 0, 0, 1, 1), flat("chair", 1.5, 0, 2, 0.5), flat("sofa", -1, 3, 2, 4),
                flat("tv", -4, 0, -3, 1), flat("lamp", 2, 2, 2.2, 2.2));
        Derivation d = SpatialEngine.answer(new Query.RelDistance("table", List.of("sofa", "chair", "tv", "lamp"),
                false, true), m);
        assertThat(d.answer()).isEqualTo("chair");
        assertThat(d.trace()).contains("chair 0.50 m").contains("sofa 2.00 m").contains("tv 3.00 m")
                .contains("lamp 1.41 m");
        // Centres: table (0.5, 0.5); chair (1.75, 0.25) 1.27; sofa (0.5, 3.5) 3.0; tv (-3.5, 0.5) 4.0;
        // lamp (2.1, 2.1) 2.26.
        Derivation c = SpatialEngine.answer(new Query.RelDistance("table", List.of("sofa", "chair", "tv", "lamp"),
                true, true), m);
        assertThat(c.answer()).isEqualTo("chair");
        assertThat(c.number()).isCloseTo(Math.hypot(1.25, 0.25), org.assertj.core.api.Assertions.within(1e-12));
    }

    @Test
    void relativeDirectionAtEveryGranularity() {
        // Standing by the sofa (0, 0) facing the tv (0, 5): forward +y, right +x.
        Layout m = map(at("sofa", 0, 0), at("tv", 0, 5), at("lamp", -2, 1), at("plant", 0.5, -3), at("desk", 3, -1));
        // lamp: v = (-2, 1): left, 63.4° → front-left.
        assertThat(dir(m, "lamp", Query.DirectionGranularity.EASY)).isEqualTo("left");
        assertThat(dir(m, "lamp", Query.DirectionGranularity.MEDIUM)).isEqualTo("left");
        assertThat(dir(m, "lamp", Query.DirectionGranularity.HARD)).isEqualTo("front-left");
        // plant: v = (0.5, -3): right of the line, 170.5° from forward → medium "back", hard back-right.
        assertThat(dir(m, "plant", Query.DirectionGranularity.EASY)).isEqualTo("right");
        assertThat(dir(m, "plant", Query.DirectionGranularity.MEDIUM)).isEqualTo("back");
        assertThat(dir(m, "plant", Query.DirectionGranularity.HARD)).isEqualTo("back-right");
        // desk: v = (3, -1): 108.4° to the right → medium right (less than 135°), hard back-right.
        assertThat(dir(m, "desk", Query.DirectionGranularity.MEDIUM)).isEqualTo("right");
        assertThat(dir(m, "desk", Query.DirectionGranularity.HARD)).isEqualTo("back-right");
        Derivation d = SpatialEngine.answer(new Query.RelDirection("sofa", "tv", "desk",
                Query.DirectionGranularity.MEDIUM), m);
        assertThat(d.number()).isCloseTo(Math.toDegrees(Math.atan2(3, -1)), org.assertj.core.api.Assertions.within(1e-9));
        assertThat(d.trace()).contains("108.4° to the right").contains("less than 135°");
    }

    private static String dir(Layout m, String query, Query.DirectionGranularity g) {
        return SpatialEngine.answer(new Query.RelDirection("sofa", "tv", query, g), m).answer();
    }

    @Test
    void frameDirections() {
        Layout m = map(at("a", 0, 0), at("b", 1, 0), at("c", 6, 6), at("d", 5, 5), at("e", 6, 4));
        // Forward a→b = +x; from d, c is at (1, 1): ahead and to the left.
        assertThat(frame(m, "c", Query.FrameRule.VECTOR_FORWARD)).isEqualTo("Left-Front");
        // e from d is (1, -1): ahead, to the right.
        assertThat(frame(m, "e", Query.FrameRule.VECTOR_FORWARD)).isEqualTo("Right-Front");
        // "b is directly left of a": left = +x, so forward = -y; c at (1, 1) from d is behind and, facing -y, its
        // +x is to the left → Left-Back.
        assertThat(frame(m, "c", Query.FrameRule.B_LEFT_OF_A)).isEqualTo("Left-Back");
        // "b is directly right of a": right = +x, forward = +y: c (1, 1) is ahead, right → Right-Front.
        assertThat(frame(m, "c", Query.FrameRule.B_RIGHT_OF_A)).isEqualTo("Right-Front");
        assertThat(frame(m, "e", Query.FrameRule.B_RIGHT_OF_A)).isEqualTo("Right-Back");
    }

    private static String frame(Layout m, String c, Query.FrameRule rule) {
        return SpatialEngine.answer(new Query.FrameDirection("a", "b", c, "d", rule), m).answer();
    }

    @Test
    void routeTurns() {
        // Start (0,0) facing the door (0,3): heading +y. Door → bed (3,3): heading +x, a right turn of 90°.
        // Bed → sink (-2, 3.5): heading (-5, 0.5), 174° from +x: turn back. Sink → desk (-2.5, 6): heading (-0.5, 2.5),
        // from (-5, 0.5) that is 84.6° clockwise: turn right.
        Layout m = map(at("start", 0, 0), at("door", 0, 3), at("bed", 3, 3), at("sink", -2, 3.5), at("desk", -2.5, 6));
        Derivation d = SpatialEngine.answer(new Query.Route("start", List.of("door", "bed", "sink", "desk")), m);
        assertThat(d.answer()).isEqualTo("Turn Right, Turn Back, Turn Right");
        assertThat(d.trace()).contains("a turn of 90° to the right → turn right");
        Derivation left = SpatialEngine.answer(new Query.Route("start", List.of("door", "sink")), m);
        // heading +y, then (-2, 0.5): 76° to the left.
        assertThat(left.answer()).isEqualTo("Turn Left");
    }

    @Test
    void appearanceOrder() {
        EngineContext ctx = new EngineContext(null, Map.of("tv", 0.5, "chair", 2.0, "sofa", 5.5, "lamp", 9.0));
        Derivation d = SpatialEngine.answer(new Query.AppearanceOrder(List.of("sofa", "lamp", "chair", "tv")),
                Layout.empty(MapFrame.SCENE), ctx);
        assertThat(d.answer()).isEqualTo("tv, chair, sofa, lamp");
        Derivation none = SpatialEngine.answer(new Query.AppearanceOrder(List.of("sofa", "bed")),
                Layout.empty(MapFrame.SCENE), ctx);
        assertThat(none.ok()).isFalse();
        assertThat(none.failure()).contains("'bed'");
    }

    @Test
    void missingAndDuplicateObjects() {
        Layout m = map(at("chair", 0, 0), at("chair", 2, 0), at("tv", 0, 4));
        Derivation missing = SpatialEngine.answer(new Query.AbsDistance("sofa", "tv", true, 1), m);
        assertThat(missing.ok()).isFalse();
        assertThat(missing.failure()).isEqualTo("the map has no 'sofa'");
        Derivation dup = SpatialEngine.answer(new Query.AbsDistance("chair", "tv", true, 1), m);
        assertThat(dup.ok()).isTrue();
        assertThat(dup.trace()).startsWith("The map has 2 'chair' objects; I use the first.");
        Derivation same = SpatialEngine.answer(new Query.RelDirection("chair", "chair", "tv",
                Query.DirectionGranularity.EASY), map(at("chair", 0, 0), at("tv", 1, 1)));
        assertThat(same.ok()).isFalse();
    }
}
