package dev.v2l.qa;

import dev.v2l.geom.Vec2;
import dev.v2l.layout.LayoutObject;
import dev.v2l.reason.Derivation;
import dev.v2l.reason.Query;
import java.util.List;

/**
 * The direction family, egocentric: "if I am standing by A and facing B, where is C". Facing and queried objects
 * must be at least {@link Thresholds#minSeparationMetres} from the observer, and the angle of C at least
 * {@link Thresholds#angleMarginDegrees} from every boundary between the options. Reported as one VSI-Bench task.
 */
abstract class RelDirectionType extends LetterType {

    private final Query.DirectionGranularity granularity;
    private final List<String> options;

    RelDirectionType(String code, String description, Query.DirectionGranularity granularity, List<String> options) {
        super(code, Family.VSI, description);
        this.granularity = granularity;
        this.options = List.copyOf(options);
    }

    abstract String wording(String standing, String facing, String query);

    /** How far (degrees) an absolute angle right of forward, in [0, 180], is from the nearest option boundary. */
    abstract double boundaryMargin(double absAngle);

    @Override
    final void draft(Drafting d) {
        d.tuples(3, p -> direction(d, p));
    }

    private void direction(Drafting d, List<LayoutObject> p) {
        LayoutObject s = p.get(0);
        LayoutObject fc = p.get(1);
        LayoutObject q = p.get(2);
        Vec2 forward = fc.center().minus(s.center());
        Vec2 v = q.center().minus(s.center());
        if (!d.clearDirection(forward, "facing-too-close", v, this::boundaryMargin)) {
            return;
        }
        Derivation der = d.engine(new Query.RelDirection(s.label(), fc.label(), q.label(), granularity));
        d.accept(new Draft(this, wording(s.label(), fc.label(), q.label()), der.answer(),
                d.othersInRandomOrder(options, der.answer()), List.of(Drafting.obj(s, "standing"),
                        Drafting.obj(fc, "facing"), Drafting.obj(q, "query")), java.util.Map.of(), der.trace()));
    }

    @Override
    public final Query query(Question q) {
        return new Query.RelDirection(q.label("standing"), q.label("facing"), q.label("query"), granularity);
    }

    @Override
    public final String task() {
        return "object_rel_direction";
    }

    @Override
    public double mixWeight() {
        return 1;
    }

    static String prefix(String standing, String facing, String query) {
        return "If I am standing by the " + standing + " and facing the " + facing + ", is the " + query;
    }
}
