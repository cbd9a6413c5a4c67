package dev.v2l.metrics;

import dev.v2l.geom.Rigid2;
import dev.v2l.geom.Vec2;
import dev.v2l.layout.Labels;
import dev.v2l.layout.Layout;
import dev.v2l.layout.LayoutObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How well a predicted cognitive map matches the true one. Per label (labels matched case-, separator- and
 * plural-blind), predicted and true footprint centres are paired by a minimum-cost assignment ({@link Hungarian})
 * with costs capped at τ; assigned pairs closer than τ are matches. From the matches: precision, recall, F1, mean
 * centre error, mean BEV IoU of the footprints, and the count error per label. Computed "as stated" and after the
 * best rigid 2D alignment (rotation + translation fitted on matched centres by least squares, iterated from eight
 * starting rotations), so a model that chose another origin or heading is not scored as blind.
 *
 * <p>Edge cases: two empty maps score precision = recall = F1 = 1; an empty prediction of a non-empty truth scores
 * 0 (precision is 0 by convention); means over no matches are NaN.
 */
public final class MapMetrics {

    public static final double DEFAULT_TAU = 1.0;

    private MapMetrics() {
    }

    /** Scores of one comparison. */
    public record Score(int predicted, int truth, int matched, double precision, double recall, double f1,
            double meanCentreError, double meanIou, double meanAbsCountError, Map<String, Integer> countErrorByLabel) {
    }

    /** Both views, and the alignment found. */
    public record Comparison(Score stated, Score aligned, Rigid2 alignment) {
    }

    /** A matched pair: indices into the predicted and the true layout. */
    public record Pair(int predicted, int truth, double distance) {
    }

    public static Comparison compare(Layout predicted, Layout truth, double tau) {
        if (!(tau > 0)) {
            throw new IllegalArgumentException("tau must be > 0, got " + tau);
        }
        Score stated = score(predicted, truth, match(predicted, truth, tau));
        Rigid2 best = Rigid2.IDENTITY;
        Score bestScore = stated;
        if (!predicted.isEmpty() && !truth.isEmpty()) {
            Vec2 cp = centroid(predicted);
            Vec2 ct = centroid(truth);
            for (int k = 0; k < 8; k++) {
                double theta = k * Math.PI / 4;
                Rigid2 t = new Rigid2(theta, ct.minus(cp.rotated(theta)));
                for (int it = 0; it < 20; it++) {
                    List<Pair> pairs = match(predicted.transformed(t, predicted.frame()), truth, tau);
                    if (pairs.isEmpty()) {
                        break;
                    }
                    Rigid2 next = fit(predicted, truth, pairs);
                    boolean same = Math.abs(next.angleRadians() - t.angleRadians()) < 1e-12
                            && next.translation().approximatelyEquals(t.translation(), 1e-12);
                    t = next;
                    if (same) {
                        break;
                    }
                }
                Layout moved = predicted.transformed(t, truth.frame());
                Score s = score(moved, truth, match(moved, truth, tau));
                if (better(s, bestScore)) {
                    bestScore = s;
                    best = t;
                }
            }
        }
        return new Comparison(stated, bestScore, best);
    }

    private static boolean better(Score a, Score b) {
        if (a.f1() != b.f1()) {
            return a.f1() > b.f1();
        }
        double ea = Double.isNaN(a.meanCentreError()) ? Double.MAX_VALUE : a.meanCentreError();
        double eb = Double.isNaN(b.meanCentreError()) ? Double.MAX_VALUE : b.meanCentreError();
        return ea < eb - 1e-12;
    }

    /** Matches per label by minimum-cost assignment of centres, costs capped at τ. */
    public static List<Pair> match(Layout predicted, Layout truth, double tau) {
        Map<String, List<Integer>> p = byLabel(predicted);
        Map<String, List<Integer>> t = byLabel(truth);
        List<Pair> out = new ArrayList<>();
        for (Map.Entry<String, List<Integer>> e : p.entrySet()) {
            List<Integer> ti = t.get(e.getKey());
            if (ti == null) {
                continue;
            }
            List<Integer> pi = e.getValue();
            double[][] cost = new double[pi.size()][ti.size()];
            double[][] dist = new double[pi.size()][ti.size()];
            for (int i = 0; i < pi.size(); i++) {
                Vec2 a = predicted.objects().get(pi.get(i)).center();
                for (int j = 0; j < ti.size(); j++) {
                    double d = a.distanceTo(truth.objects().get(ti.get(j)).center());
                    dist[i][j] = d;
                    cost[i][j] = Math.min(d, tau);
                }
            }
            int[] a = Hungarian.solve(cost);
            for (int i = 0; i < a.length; i++) {
                if (a[i] >= 0 && dist[i][a[i]] < tau) {
                    out.add(new Pair(pi.get(i), ti.get(a[i]), dist[i][a[i]]));
                }
            }
        }
        return out;
    }

    private static Map<String, List<Integer>> byLabel(Layout l) {
        Map<String, List<Integer>> m = new LinkedHashMap<>();
        for (int i = 0; i < l.objects().size(); i++) {
            m.computeIfAbsent(Labels.key(l.objects().get(i).label()), k -> new ArrayList<>()).add(i);
        }
        return m;
    }

    static Score score(Layout predicted, Layout truth, List<Pair> pairs) {
        int np = predicted.size();
        int nt = truth.size();
        int m = pairs.size();
        double precision = np == 0 ? (nt == 0 ? 1 : 0) : m / (double) np;
        double recall = nt == 0 ? 1 : m / (double) nt;
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        double err = 0;
        double iou = 0;
        for (Pair p : pairs) {
            err += p.distance();
            LayoutObject a = predicted.objects().get(p.predicted());
            LayoutObject b = truth.objects().get(p.truth());
            iou += a.footprint().iou(b.footprint());
        }
        Map<String, Integer> countError = new TreeMap<>();
        Map<String, List<Integer>> pl = byLabel(predicted);
        Map<String, List<Integer>> tl = byLabel(truth);
        for (String k : tl.keySet()) {
            countError.put(k, Math.abs(pl.getOrDefault(k, List.of()).size() - tl.get(k).size()));
        }
        for (String k : pl.keySet()) {
            countError.putIfAbsent(k, pl.get(k).size());
        }
        double meanCount = countError.isEmpty() ? 0
                : countError.values().stream().mapToInt(Integer::intValue).average().orElse(0);
        return new Score(np, nt, m, precision, recall, f1, m == 0 ? Double.NaN : err / m,
                m == 0 ? Double.NaN : iou / m, meanCount, countError);
    }

    private static Vec2 centroid(Layout l) {
        double x = 0;
        double y = 0;
        for (LayoutObject o : l.objects()) {
            x += o.center().x();
            y += o.center().y();
        }
        return new Vec2(x / l.size(), y / l.size());
    }

    /** Least-squares rigid motion taking the matched predicted centres onto the true ones (2D Kabsch). */
    static Rigid2 fit(Layout predicted, Layout truth, List<Pair> pairs) {
        double px = 0;
        double py = 0;
        double tx = 0;
        double ty = 0;
        for (Pair p : pairs) {
            Vec2 a = predicted.objects().get(p.predicted()).center();
            Vec2 b = truth.objects().get(p.truth()).center();
            px += a.x();
            py += a.y();
            tx += b.x();
            ty += b.y();
        }
        int n = pairs.size();
        Vec2 cp = new Vec2(px / n, py / n);
        Vec2 ct = new Vec2(tx / n, ty / n);
        if (n == 1) {
            return new Rigid2(0, ct.minus(cp));
        }
        double sin = 0;
        double cos = 0;
        for (Pair p : pairs) {
            Vec2 a = predicted.objects().get(p.predicted()).center().minus(cp);
            Vec2 b = truth.objects().get(p.truth()).center().minus(ct);
            cos += a.x() * b.x() + a.y() * b.y();
            sin += a.x() * b.y() - a.y() * b.x();
        }
        double theta = Math.atan2(sin, cos);
        return new Rigid2(theta, ct.minus(cp.rotated(theta)));
    }
}
