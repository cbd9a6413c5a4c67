package dev.v2l.qa;

import dev.v2l.layout.Labels;
import dev.v2l.layout.Layout;
import dev.v2l.layout.LayoutObject;
import dev.v2l.reason.Derivation;
import dev.v2l.reason.EngineContext;
import dev.v2l.reason.Query;
import dev.v2l.reason.SpatialEngine;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The distance family, choices: which of four unique objects is closest to a target (by closest points, or by
 * centres). The runner-up must be at least max({@link Thresholds#relDistanceMarginMetres},
 * {@link Thresholds#relDistanceMarginRatio} × the closest) farther. The options are the four labels; the choices
 * in the question text follow the final option order.
 */
abstract class ClosestChoiceType extends LetterType {

    private final boolean centres;

    ClosestChoiceType(String code, Family family, String description, boolean centres) {
        super(code, family, description);
        this.centres = centres;
    }

    /** The question; {@code choices} is {@code [Draft.CHOICES]} until the options are lettered. */
    abstract String wording(List<String> choices, String target);

    @Override
    final void draft(Drafting d) {
        d.tuples(5, Drafting::firstThenUnordered, p -> closestOfFour(d, p)); // options are shuffled
    }

    private void closestOfFour(Drafting d, List<LayoutObject> p) {
        LayoutObject target = p.get(0);
        List<String> choices = p.subList(1, 5).stream().map(LayoutObject::label).toList();
        double[] dist = new double[4];
        for (int i = 0; i < 4; i++) {
            LayoutObject c = p.get(i + 1);
            dist[i] = centres ? target.center().distanceTo(c.center())
                    : SpatialEngine.closestDistance(target, c, true);
        }
        if (tooClose(dist, d.th)) {
            d.reject("runner-up-too-close");
            return;
        }
        Derivation der = d.engine(new Query.RelDistance(target.label(), choices, centres, true));
        List<String> others = new ArrayList<>(choices);
        others.remove(der.answer());
        List<QuestionObject> objs = new ArrayList<>();
        objs.add(Drafting.obj(target, "target"));
        for (int i = 1; i < 5; i++) {
            objs.add(Drafting.obj(p.get(i), "choice"));
        }
        Layout layout = d.facts.in.layout();
        EngineContext ctx = d.facts.context;
        String targetLabel = target.label();
        d.accept(new Draft(this, wording(List.of(Draft.CHOICES), target.label()), der.answer(), others, objs,
                java.util.Map.of(), der.trace(), order -> SpatialEngine.answer(new Query.RelDistance(targetLabel,
                        order, centres, true), layout, ctx).trace()));
    }

    /** The runner-up is within max(margin, ratio × closest) of the closest. */
    private static boolean tooClose(double[] dist, Thresholds th) {
        double[] sorted = dist.clone();
        Arrays.sort(sorted);
        return sorted[1] - sorted[0] < Math.max(th.relDistanceMarginMetres(), th.relDistanceMarginRatio() * sorted[0]);
    }

    /** Ties (or near-ties) in the given map make the answer depend on the option order: ambiguous. */
    @Override
    public String ambiguity(Question q, Layout map, EngineContext context, Thresholds th) {
        LayoutObject target = find(map, q.label("target"));
        List<String> choices = q.optionContents();
        double[] dist = new double[choices.size()];
        for (int i = 0; i < dist.length; i++) {
            LayoutObject c = find(map, choices.get(i));
            if (target == null || c == null) {
                return null; // the engine says what is missing
            }
            dist[i] = centres ? target.center().distanceTo(c.center()) : SpatialEngine.closestDistance(target, c,
                    true);
        }
        return dist.length >= 2 && tooClose(dist, th) ? "runner-up-too-close-at-map-precision" : null;
    }

    private static LayoutObject find(Layout map, String label) {
        for (LayoutObject o : map.objects()) {
            if (Labels.matches(o.label(), label)) {
                return o;
            }
        }
        return null;
    }

    @Override
    public final Query query(Question q) {
        return new Query.RelDistance(q.label("target"), q.optionContents(), centres, true);
    }

    /** The option whose object is largest on the floor (large objects are near more things). */
    @Override
    public String blindAnswer(Question q, LabelPriors priors) {
        List<String> contents = q.optionContents();
        int best = 0;
        for (int i = 1; i < contents.size(); i++) {
            if (priors.of(contents.get(i)).floorArea() > priors.of(contents.get(best)).floorArea()) {
                best = i;
            }
        }
        return Draft.letter(best);
    }
}
