package dev.v2l.qa;

import dev.v2l.layout.LayoutObject;
import dev.v2l.reason.Derivation;
import dev.v2l.reason.Query;
import java.util.List;

/**
 * The distance family, pairs: the closest-point distance between two unique objects, metres, one decimal. Pairs
 * closer than {@link Thresholds#minDistanceMetres} are rejected (too small to estimate).
 */
abstract class PairDistanceType extends QuestionType {

    private final boolean heights;

    /** @param heights between prisms when both heights are known (VSI); between floor footprints otherwise */
    PairDistanceType(String code, Family family, String description, boolean heights) {
        super(code, family, AnswerKind.NUMBER, description);
        this.heights = heights;
    }

    abstract String wording(String a, String b);

    @Override
    final void draft(Drafting d) {
        d.tuples(2, Drafting::unordered, p -> pair(d, p)); // A–B is B–A
    }

    private void pair(Drafting d, List<LayoutObject> p) {
        Derivation der = d.engine(new Query.AbsDistance(p.get(0).label(), p.get(1).label(), heights, 1));
        if (der.number() < d.th.minDistanceMetres()) {
            d.reject("distance-below-" + d.th.minDistanceMetres() + "m");
            return;
        }
        d.acceptOpen(wording(p.get(0).label(), p.get(1).label()), der,
                List.of(Drafting.obj(p.get(0), "a"), Drafting.obj(p.get(1), "b")));
    }

    @Override
    public final Query query(Question q) {
        return new Query.AbsDistance(q.label("a"), q.label("b"), heights, 1);
    }

    @Override
    public double[] plausibleRange() {
        return new double[] {0.2, 5};
    }
}
