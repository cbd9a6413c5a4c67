package dev.v2l.reason;

import dev.v2l.geom.OrientedRect;
import dev.v2l.geom.Vec2;
import dev.v2l.layout.text.Decimals;
import dev.v2l.layout.Labels;
import dev.v2l.layout.Layout;
import dev.v2l.layout.LayoutObject;
import java.util.ArrayList;
import java.util.List;

/** Finding a question's objects in a map, and describing them and numbers in traces. */
final class MapObjects {

    private MapObjects() {
    }

    /** Thrown inside the engine when the map lacks an object; becomes a failed {@link Derivation}. */
    static final class Missing extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Missing(String message) {
            super(message, null, false, false);
        }
    }

    static List<LayoutObject> all(Layout layout, String label) {
        List<LayoutObject> out = new ArrayList<>();
        for (LayoutObject o : layout.objects()) {
            if (Labels.matches(o.label(), label)) {
                out.add(o);
            }
        }
        return out;
    }

    /** The object with this label; the first when the map has several (the trace says so). */
    static LayoutObject one(Layout layout, String label, StringBuilder trace) {
        List<LayoutObject> found = all(layout, label);
        if (found.isEmpty()) {
            throw new Missing("the map has no '" + label + "'");
        }
        if (found.size() > 1) {
            trace.append("The map has ").append(found.size()).append(" '").append(label)
                    .append("' objects; I use the first. ");
        }
        return found.get(0);
    }

    static String num(double v) {
        return Decimals.format(v, 2);
    }

    static String point(Vec2 p) {
        return "(" + num(p.x()) + ", " + num(p.y()) + ")";
    }

    /** "the sofa spans x [a, b], y [c, d]" or, for a turned footprint, centre, size and angle. */
    static String describe(LayoutObject o) {
        OrientedRect f = o.footprint();
        StringBuilder sb = new StringBuilder("the ").append(o.label());
        if (f.isAxisAligned(1e-6)) {
            double[] b = f.bounds();
            sb.append(" spans x [").append(num(b[0])).append(", ").append(num(b[2])).append("], y [")
                    .append(num(b[1])).append(", ").append(num(b[3])).append(']');
        } else {
            sb.append(" has centre ").append(point(f.center())).append(", size ").append(num(f.longSide()))
                    .append(" × ").append(num(f.shortSide())).append(" m, turned ")
                    .append(Decimals.format(Math.toDegrees(longAxisAngle(f)), 0)).append("°");
        }
        if (o.hasHeight()) {
            sb.append(", height ").append(num(o.height().min())).append("–").append(num(o.height().max()))
                    .append(" m");
        }
        return sb.toString();
    }

    /** Angle of the long side from +x, in [0, π). */
    private static double longAxisAngle(OrientedRect f) {
        double a = f.angleRadians() + (f.halfAlongU() >= f.halfAlongV() ? 0 : Math.PI / 2);
        a = a % Math.PI;
        return a < 0 ? a + Math.PI : a;
    }
}
