package dev.v2l.qa;

import dev.v2l.reason.Derivation;
import dev.v2l.reason.Query;
import java.util.List;

/**
 * The size family, rooms: the room's floor area, square metres, one decimal; asked once per scene, and only when the
 * frames show the room's extent ({@link QaInput#roomInView}: they face the foot of every wall, {@link
 * dev.v2l.scene.FloorCoverage#coversRoom}).
 */
abstract class RoomSizeType extends QuestionType {

    RoomSizeType(String code, Family family, String description) {
        super(code, family, AnswerKind.NUMBER, description);
    }

    abstract String wording();

    @Override
    final void draft(Drafting d) {
        Double area = d.facts.context.roomAreaSquareMetres();
        if (area == null || area <= 0) {
            d.reject("no-room-area");
            return;
        }
        if (!d.facts.in.roomInView()) {
            d.reject("frames-do-not-cover-the-room");
            return;
        }
        Derivation der = d.engine(new Query.RoomSize(1));
        d.acceptOpen(wording(), der, List.of());
    }

    @Override
    public final Query query(Question q) {
        return new Query.RoomSize(1);
    }

    @Override
    public double[] plausibleRange() {
        return new double[] {8, 60};
    }
}
