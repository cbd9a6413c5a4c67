package dev.v2l.qa;

import dev.v2l.layout.LayoutObject;
import dev.v2l.reason.Derivation;
import dev.v2l.reason.Query;
import java.util.ArrayList;
import java.util.List;

/**
 * The counting family: "how many {label}s". Labels are visited in a random order; a label is asked about when the
 * map has at least {@link #minCount} instances of it. The answer is the number of instances in the map.
 */
abstract class CountingType extends QuestionType {

    CountingType(String code, Family family, String description) {
        super(code, family, AnswerKind.INTEGER, description);
    }

    /** The fewest instances a label needs to be asked about. */
    abstract int minCount(Thresholds th);

    /** The question for a label. */
    abstract String wording(String label);

    @Override
    final void draft(Drafting d) {
        int minCount = minCount(d.th);
        List<List<LayoutObject>> groups = new ArrayList<>(d.facts.byKey.values());
        d.shuffle(groups);
        for (List<LayoutObject> g : groups) {
            if (d.full()) {
                break;
            }
            if (g.size() < minCount) {
                d.reject("fewer-than-" + minCount + "-instances");
                continue;
            }
            String label = g.get(0).label();
            Derivation der = d.engine(new Query.Count(label));
            List<QuestionObject> objs = new ArrayList<>();
            for (LayoutObject o : g) {
                objs.add(Drafting.obj(o, "target"));
            }
            d.acceptOpen(wording(label), der, objs);
        }
    }

    @Override
    public final Query query(Question q) {
        return new Query.Count(q.labels("target").get(0));
    }

    @Override
    public String blindAnswer(Question q, LabelPriors priors) {
        return "2";
    }

    @Override
    public double[] plausibleRange() {
        return new double[] {1, 6};
    }
}
