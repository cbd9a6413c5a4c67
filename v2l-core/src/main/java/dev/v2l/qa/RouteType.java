package dev.v2l.qa;

import dev.v2l.geom.Angles;
import dev.v2l.geom.Vec2;
import dev.v2l.layout.LayoutObject;
import dev.v2l.reason.Derivation;
import dev.v2l.reason.Directions;
import dev.v2l.reason.Query;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The route family: start at one landmark facing the next, go forward to each in turn; the answer is the turns
 * between legs. Routes have 3 to 5 stops; every leg is at least {@link Thresholds#minSeparationMetres} long, every
 * turn at least 30° + {@link Thresholds#angleMarginDegrees} and that margin away from the turn-back boundary. The
 * wrong options are other random turn sequences.
 */
abstract class RouteType extends LetterType {

    static final List<String> TURNS = List.of("Turn Left", "Turn Right", "Turn Back");

    RouteType(String code, Family family, String description) {
        super(code, family, description);
    }

    abstract String wording(String start, List<String> waypoints);

    @Override
    final void draft(Drafting d) {
        d.tuples(-1, p -> route(d, p));
    }

    private void route(Drafting d, List<LayoutObject> p) {
        for (int i = 1; i < p.size(); i++) {
            if (p.get(i).center().distanceTo(p.get(i - 1).center()) < d.th.minSeparationMetres()) {
                d.reject("leg-too-short");
                return;
            }
        }
        for (int i = 1; i + 1 < p.size(); i++) {
            Vec2 in = p.get(i).center().minus(p.get(i - 1).center());
            Vec2 outv = p.get(i + 1).center().minus(p.get(i).center());
            double a = Math.abs(Angles.signedDegrees(in, outv));
            if (a < 30 + d.th.angleMarginDegrees()) {
                d.reject("turn-too-small");
                return;
            }
            if (Math.abs(a - Directions.TURN_BACK_DEGREES) < d.th.angleMarginDegrees()) {
                d.reject("near-boundary");
                return;
            }
        }
        List<String> waypoints = p.subList(1, p.size()).stream().map(LayoutObject::label).toList();
        Derivation der = d.engine(new Query.Route(p.get(0).label(), waypoints));
        int turns = p.size() - 2;
        List<String> others = new ArrayList<>();
        int possible = (int) Math.pow(3, turns) - 1;
        int want = Math.min(3, possible);
        Set<String> used = new HashSet<>();
        used.add(der.answer());
        while (others.size() < want) {
            List<String> seq = new ArrayList<>();
            for (int i = 0; i < turns; i++) {
                seq.add(TURNS.get(d.rnd.nextInt(3)));
            }
            String s = String.join(", ", seq);
            if (used.add(s)) {
                others.add(s);
            }
        }
        List<QuestionObject> objs = new ArrayList<>();
        objs.add(Drafting.obj(p.get(0), "start"));
        for (int i = 1; i < p.size(); i++) {
            objs.add(Drafting.obj(p.get(i), "waypoint"));
        }
        d.accept(new Draft(this, wording(p.get(0).label(), waypoints), der.answer(), others, objs,
                java.util.Map.of(), der.trace()));
    }

    @Override
    public final Query query(Question q) {
        return new Query.Route(q.label("start"), q.labels("waypoint"));
    }
}
