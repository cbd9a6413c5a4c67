package dev.v2l.reason;

import dev.v2l.geom.OrientedRect;
import dev.v2l.layout.text.Decimals;
import dev.v2l.layout.Layout;
import dev.v2l.layout.LayoutObject;
import java.util.ArrayList;
import java.util.List;

/** Distance questions: absolute closest-point distance, closest of four, nearest centre. */
final class Distances {

    private Distances() {
    }

    /** Whether the two solids are measured as 3D boxes: heights wanted and known, and one box tilted. */
    private static boolean boxes(LayoutObject a, LayoutObject b, boolean allowHeights) {
        return allowHeights && a.hasHeight() && b.hasHeight() && (a.box() != null || b.box() != null);
    }

    /**
     * Closest-point distance, with the arithmetic written out (the trace continues a sentence begun with "The "):
     * between the oriented 3D boxes when one is tilted (real scans), else between prisms (footprint and height
     * range) when heights are wanted and known, else between footprints.
     */
    static double closest(LayoutObject a, LayoutObject b, boolean allowHeights, StringBuilder trace) {
        if (boxes(a, b, allowHeights)) {
            double d = a.solid().distanceTo(b.solid());
            trace.append("closest points of the two oriented boxes (one is tilted) are ").append(MapObjects.num(d))
                    .append(" m apart");
            return d;
        }
        OrientedRect fa = a.footprint();
        OrientedRect fb = b.footprint();
        double gxy;
        if (fa.isAxisAligned(1e-6) && fb.isAxisAligned(1e-6)) {
            double[] p = fa.bounds();
            double[] q = fb.bounds();
            double dx = Math.max(0, Math.max(q[0] - p[2], p[0] - q[2]));
            double dy = Math.max(0, Math.max(q[1] - p[3], p[1] - q[3]));
            gxy = Math.sqrt(dx * dx + dy * dy);
            trace.append("floor gaps dx = ").append(MapObjects.num(dx)).append(", dy = ").append(MapObjects.num(dy))
                    .append(", so the floor distance is sqrt(").append(MapObjects.num(dx)).append("² + ")
                    .append(MapObjects.num(dy)).append("²) = ").append(MapObjects.num(gxy)).append(" m");
        } else {
            gxy = fa.distanceTo(fb);
            trace.append("closest points of the two footprints are ").append(MapObjects.num(gxy))
                    .append(" m apart");
        }
        if (allowHeights && a.hasHeight() && b.hasHeight()) {
            double gz = a.prism().verticalGap(b.prism());
            double d = Math.sqrt(gxy * gxy + gz * gz);
            trace.append("; the vertical gap is ").append(MapObjects.num(gz)).append(" m, so the distance is sqrt(")
                    .append(MapObjects.num(gxy)).append("² + ").append(MapObjects.num(gz)).append("²) = ")
                    .append(MapObjects.num(d)).append(" m");
            return d;
        }
        if (allowHeights) {
            trace.append(" (heights unknown: floor distance only)");
        }
        return gxy;
    }

    static Derivation absolute(Query.AbsDistance q, Layout layout, StringBuilder trace) {
        LayoutObject a = MapObjects.one(layout, q.a(), trace);
        LayoutObject b = MapObjects.one(layout, q.b(), trace);
        trace.append(SpatialEngine.capitalize(MapObjects.describe(a))).append("; ").append(MapObjects.describe(b))
                .append(". The ");
        double d = closest(a, b, q.allowHeights(), trace);
        String ans = Decimals.format(d, q.decimals());
        trace.append(" ≈ ").append(ans).append(" m.");
        return Derivation.of(ans, d, trace.toString());
    }

    static Derivation relative(Query.RelDistance q, Layout layout, StringBuilder trace) {
        LayoutObject t = MapObjects.one(layout, q.target(), trace);
        List<double[]> dist = new ArrayList<>();
        if (q.byCentres()) {
            trace.append("The centre of the ").append(t.label()).append(" is ").append(MapObjects.point(t.center()))
                    .append(". Centre distances: ");
        } else {
            trace.append(SpatialEngine.capitalize(MapObjects.describe(t))).append(". Closest-point distances: ");
        }
        int best = -1;
        double bestD = Double.POSITIVE_INFINITY;
        for (int i = 0; i < q.choices().size(); i++) {
            String c = q.choices().get(i);
            LayoutObject o = MapObjects.one(layout, c, trace);
            double d;
            if (q.byCentres()) {
                d = t.center().distanceTo(o.center());
                trace.append(i == 0 ? "" : "; ").append(c).append(' ').append(MapObjects.point(o.center()))
                        .append(" → ").append(MapObjects.num(d)).append(" m");
            } else {
                d = closestQuiet(t, o, q.allowHeights());
                trace.append(i == 0 ? "" : "; ").append(c).append(' ').append(MapObjects.num(d)).append(" m");
            }
            dist.add(new double[] {d});
            if (d < bestD) {
                bestD = d;
                best = i;
            }
        }
        String ans = q.choices().get(best);
        trace.append(". The closest is the ").append(ans).append('.');
        return Derivation.of(ans, bestD, trace.toString());
    }

    private static double closestQuiet(LayoutObject a, LayoutObject b, boolean allowHeights) {
        if (boxes(a, b, allowHeights)) {
            return a.solid().distanceTo(b.solid());
        }
        if (allowHeights && a.hasHeight() && b.hasHeight()) {
            return a.prism().distanceTo(b.prism());
        }
        return a.footprint().distanceTo(b.footprint());
    }

    /** The distance used by {@link #relative} and {@link #absolute}, without a trace (for generators and tests). */
    static double distance(LayoutObject a, LayoutObject b, boolean allowHeights) {
        return closestQuiet(a, b, allowHeights);
    }
}
