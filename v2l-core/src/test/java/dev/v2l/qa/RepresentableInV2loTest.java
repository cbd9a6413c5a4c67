package dev.v2l.qa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.v2l.geom.OrientedRect;
import dev.v2l.geom.Vec2;
import dev.v2l.layout.HeightRange;
import dev.v2l.layout.Layout;
import dev.v2l.layout.LayoutObject;
import dev.v2l.layout.MapFrame;
import dev.v2l.reason.EngineContext;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What Video2Layout's map (axis-aligned floor bounds, no heights) can carry: a bed's longest side is on the floor, a
 * fridge's is its height; a lamp standing on a nightstand is 0.6 m above it but touches it from above on the floor; a
 * chair turned 30° has inflated bounds.
 */
class RepresentableInV2loTest {

    static final Layout ROOM = new Layout(MapFrame.FIRST_CAMERA, List.of(
            new LayoutObject("bed", OrientedRect.fromBounds(0, 0, 1.6, 2.0), new HeightRange(0, 0.6), "bed_0"),
            new LayoutObject("fridge", OrientedRect.fromBounds(3, 0, 3.7, 0.7), new HeightRange(0, 1.8), "fridge_0"),
            new LayoutObject("nightstand", OrientedRect.fromBounds(1.7, 0, 2.2, 0.4), new HeightRange(0, 0.5),
                    "nightstand_0"),
            new LayoutObject("lamp", OrientedRect.fromBounds(1.8, 0.1, 2.1, 0.3), new HeightRange(1.1, 1.5), "lamp_0"),
            new LayoutObject("sofa", OrientedRect.fromBounds(0, 4, 2.0, 4.9), new HeightRange(0, 0.8), "sofa_0"),
            new LayoutObject("chair", new OrientedRect(new Vec2(3.5, 4.5), new Vec2(Math.cos(Math.toRadians(30)), Math.sin(Math.toRadians(30))), 0.25,
                    0.25), new HeightRange(0, 0.9), "chair_0")));

    static Question size(String label) {
        return question(QuestionTypes.OBJECT_SIZE_ESTIMATION, List.of(new QuestionObject(label, label + "_0",
                "target")));
    }

    static Question distance(String a, String b) {
        return question(QuestionTypes.OBJECT_ABS_DISTANCE, List.of(new QuestionObject(a, a + "_0", "a"),
                new QuestionObject(b, b + "_0", "b")));
    }

    static Question question(QuestionType t, List<QuestionObject> objects) {
        return new Question("q", "s", "test", t, "?", List.of(), "0", objects, Map.of(), "", Map.of());
    }

    @Test
    void sizesNeedingAHeightAreNotRepresentable() {
        assertThat(Questions.representableInV2lo(size("bed"), ROOM, EngineContext.NONE)).isTrue();
        assertThat(Questions.representableInV2lo(size("fridge"), ROOM, EngineContext.NONE)).isFalse();
    }

    @Test
    void distancesToSomethingAboveAnotherAreNotRepresentable() {
        assertThat(Questions.representableInV2lo(distance("bed", "sofa"), ROOM, EngineContext.NONE)).isTrue();
        assertThat(Questions.representableInV2lo(distance("nightstand", "lamp"), ROOM, EngineContext.NONE))
                .isFalse();
    }

    @Test
    void rotatedObjectsAreNotRepresentable() {
        assertThat(Questions.wallAligned(distance("bed", "chair"), ROOM)).isFalse();
        assertThat(Questions.representableInV2lo(distance("bed", "chair"), ROOM, EngineContext.NONE)).isFalse();
        assertThat(Questions.representableInV2lo(distance("chair", "bed"), ROOM, EngineContext.NONE)).isFalse();
    }
}
