package dev.v2l.qa;

import dev.v2l.geom.Vec2;
import dev.v2l.layout.LayoutObject;
import dev.v2l.reason.Derivation;
import dev.v2l.reason.Directions;
import dev.v2l.reason.Query;
import java.util.List;
import java.util.Map;

/**
 * The direction family, allocentric (Video2Layout's): the quadrant of c seen from d, in a frame set by a and b.
 * The a→b vector and d→c must be at least {@link Thresholds#minSeparationMetres} long, and the angle at least
 * {@link Thresholds#angleMarginDegrees} from every quadrant boundary.
 */
abstract class FrameDirectionType extends LetterType {

    static final List<String> QUADRANTS = List.of("Left-Front", "Right-Front", "Left-Back", "Right-Back");

    FrameDirectionType(String code, String description) {
        super(code, Family.QVS, description);
    }

    /** The frame rule of the next candidate (may draw from the type's random stream). */
    abstract Query.FrameRule chooseRule(Drafting d);

    /** The frame rule of a written question. */
    abstract Query.FrameRule ruleOf(Question q);

    abstract String wording(String a, String b, Query.FrameRule rule, String c, String d);

    @Override
    final void draft(Drafting d) {
        d.tuples(4, p -> direction(d, p));
    }

    private void direction(Drafting d, List<LayoutObject> p) {
        LayoutObject a = p.get(0);
        LayoutObject b = p.get(1);
        LayoutObject c = p.get(2);
        LayoutObject dd = p.get(3);
        Query.FrameRule rule = chooseRule(d);
        Vec2 ab = b.center().minus(a.center());
        Vec2 v = c.center().minus(dd.center());
        if (!d.clearDirection(Directions.frameForward(rule, ab), "forward-too-short", v, Drafting::quadrantMargin)) {
            return;
        }
        Derivation der = d.engine(new Query.FrameDirection(a.label(), b.label(), c.label(), dd.label(), rule));
        Map<String, String> params = rule == Query.FrameRule.VECTOR_FORWARD ? Map.of()
                : Map.of("side", rule == Query.FrameRule.B_LEFT_OF_A ? "left" : "right");
        d.accept(new Draft(this, wording(a.label(), b.label(), rule, c.label(), dd.label()), der.answer(),
                d.othersInRandomOrder(QUADRANTS, der.answer()), List.of(Drafting.obj(a, "a"), Drafting.obj(b, "b"),
                        Drafting.obj(c, "c"), Drafting.obj(dd, "d")), params, der.trace()));
    }

    @Override
    public final Query query(Question q) {
        return new Query.FrameDirection(q.label("a"), q.label("b"), q.label("c"), q.label("d"), ruleOf(q));
    }
}
