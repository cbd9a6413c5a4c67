package dev.v2l.layout.text;

import dev.v2l.geom.MinimumAreaRectangles;
import dev.v2l.geom.OrientedRect;
import dev.v2l.geom.Vec2;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one box the many ways models write it — {@code [x_min, y_min, x_max, y_max]}, two opposite corners, three or
 * four corner points (any rotation: the minimum-area rectangle), separate {@code x_min…} keys, centre + size (+ yaw in
 * degrees), numbers quoted as strings — into a footprint, reporting each repair and dropping (with a reason) what is
 * missing, not finite or beyond {@link #MAX_ABS_METRES}.
 */
final class BoxReader {

    /** Coordinates beyond this many metres are not an indoor map. */
    static final double MAX_ABS_METRES = 1000;

    private final Diagnostics diags;

    BoxReader(Diagnostics diags) {
        this.diags = diags;
    }

    static OrientedRect rectFromCorners(List<Vec2> corners) {
        return MinimumAreaRectangles.of(corners);
    }

    /** A list that is one box: 4 numbers, or 2–4 points, or a single nested box. */
    static boolean boxLike(LenientNode.Arr a) {
        List<LenientNode> it = a.items();
        if (it.size() == 4 && allNumbers(it)) {
            return true;
        }
        if ((it.size() == 2 || it.size() == 4) && allPoints(it)) {
            return true;
        }
        return false;
    }

    static boolean allNumbers(List<LenientNode> items) {
        for (LenientNode n : items) {
            if (!(n instanceof LenientNode.Num)) {
                return false;
            }
        }
        return !items.isEmpty();
    }

    static boolean allPoints(List<LenientNode> items) {
        for (LenientNode n : items) {
            if (!(n instanceof LenientNode.Arr p) || p.items().size() != 2 || !allNumbers(p.items())) {
                return false;
            }
        }
        return !items.isEmpty();
    }

    static boolean hasBounds(Map<String, LenientNode> s) {
        return (s.containsKey("xmin") || s.containsKey("minx") || s.containsKey("x1"))
                && (s.containsKey("xmax") || s.containsKey("maxx") || s.containsKey("x2"));
    }

    OrientedRect boundsFromSeparate(Map<String, LenientNode> s, String label, double scale, int offset) {
        double[] b = {
            num(first(s, "xmin", "minx", "x1")), num(first(s, "ymin", "miny", "y1")),
            num(first(s, "xmax", "maxx", "x2")), num(first(s, "ymax", "maxy", "y2"))
        };
        diags.repair("separate-bounds", offset, "'" + label + "': bounds given as separate keys");
        return boundsRect(b, scale, offset);
    }

    OrientedRect separateBounds(LenientNode.Obj bo, String label, double scale) {
        Map<String, LenientNode> s = new LinkedHashMap<>();
        for (LenientNode.Member m : bo.members()) {
            s.put(MapKeys.normalize(m.key()), m.value());
        }
        if (!hasBounds(s)) {
            diags.dropped("bad-geometry", bo.offset(), "'" + label + "': bbox object lacks x_min/x_max keys");
            return null;
        }
        return boundsFromSeparate(s, label, scale, bo.offset());
    }

    private static LenientNode first(Map<String, LenientNode> s, String... keys) {
        for (String k : keys) {
            if (s.containsKey(k)) {
                return s.get(k);
            }
        }
        return null;
    }

    private static double num(LenientNode n) {
        return n instanceof LenientNode.Num v ? v.value() : Double.NaN;
    }

    /**
     * Numbers written as strings ({@code "1.2"}, {@code "1.2m"}) inside a list become numbers, with a repair; the
     * list is returned unchanged when it has none.
     */
    LenientNode.Arr numericStrings(LenientNode.Arr a) {
        List<LenientNode> items = null;
        for (int i = 0; i < a.items().size(); i++) {
            LenientNode n = a.items().get(i);
            LenientNode replacement = null;
            if (n instanceof LenientNode.Str s) {
                LenientNode.Num v = quotedNumber(s);
                if (v != null) {
                    diags.repairOnce("quoted-number", s.offset(), "a number written as a string was read as a number");
                    replacement = v;
                }
            } else if (n instanceof LenientNode.Arr inner) {
                LenientNode.Arr fixed = numericStrings(inner);
                if (fixed != inner) {
                    replacement = fixed;
                }
            }
            if (replacement != null) {
                if (items == null) {
                    items = new ArrayList<>(a.items());
                }
                items.set(i, replacement);
            }
        }
        return items == null ? a : new LenientNode.Arr(a.offset(), items, a.junk());
    }

    private static LenientNode.Num quotedNumber(LenientNode.Str s) {
        String t = s.value().strip();
        if (t.isEmpty() || t.length() > 40) {
            return null;
        }
        Diagnostics scratch = new Diagnostics();
        LenientJson j = new LenientJson(t, 0, t.length(), scratch);
        char c = t.charAt(0);
        if (!(c == '-' || c == '+' || c == '.' || Character.isDigit(c))) {
            return null;
        }
        LenientNode n = j.readValue();
        return n instanceof LenientNode.Num num && j.position() == t.length()
                ? new LenientNode.Num(s.offset(), num.value(), num.integral()) : null;
    }

    /** A box given as a list: 4 numbers, two corners, four corners, or one of those nested once. */
    OrientedRect geometry(LenientNode node, double scale) {
        if (node instanceof LenientNode.Str s) {
            diags.dropped("quoted-geometry", s.offset(), "a box written as a string was dropped");
            return null;
        }
        if (node instanceof LenientNode.Arr raw) {
            node = numericStrings(raw);
        }
        if (!(node instanceof LenientNode.Arr a)) {
            diags.dropped("bad-geometry", node == null ? 0 : node.offset(), "a box must be a list of numbers");
            return null;
        }
        List<LenientNode> it = a.items();
        if (it.size() == 1 && it.get(0) instanceof LenientNode.Arr inner) {
            diags.repair("nested-list", a.offset(), "a box nested in an extra list was unwrapped");
            return geometry(inner, scale);
        }
        if (it.size() == 4 && allNumbers(it)) {
            return boundsRect(LenientNode.numbers(it), scale, a.offset());
        }
        if (it.size() == 2 && allPoints(it)) {
            double[] p = LenientNode.numbers(((LenientNode.Arr) it.get(0)).items());
            double[] q = LenientNode.numbers(((LenientNode.Arr) it.get(1)).items());
            diags.repair("two-corners", a.offset(), "a box given as two opposite corners");
            return boundsRect(new double[] {Math.min(p[0], q[0]), Math.min(p[1], q[1]), Math.max(p[0], q[0]),
                Math.max(p[1], q[1])}, scale, a.offset());
        }
        if (it.size() >= 3 && allPoints(it)) {
            diags.repair("corners-as-bbox", a.offset(), "a box given as " + it.size() + " corner points");
            return cornersRect(a, scale, null);
        }
        diags.dropped("wrong-arity", a.offset(), "a box needs [x_min, y_min, x_max, y_max]; got " + it.size()
                + " items");
        return null;
    }

    OrientedRect boundsRect(double[] b, double scale, int offset) {
        for (int i = 0; i < 4; i++) {
            b[i] *= scale;
        }
        if (!finiteAndInRange(b, offset)) {
            return null;
        }
        if (b[0] > b[2] || b[1] > b[3]) {
            diags.repair("swapped-bounds", offset, "a box had a minimum above its maximum; the two were swapped");
            return OrientedRect.fromBounds(Math.min(b[0], b[2]), Math.min(b[1], b[3]), Math.max(b[0], b[2]),
                    Math.max(b[1], b[3]));
        }
        return OrientedRect.fromBounds(b[0], b[1], b[2], b[3]);
    }

    private boolean finiteAndInRange(double[] v, int offset) {
        for (double x : v) {
            if (!Double.isFinite(x)) {
                diags.dropped("non-finite", offset, "a box with a missing or non-finite number was dropped");
                return false;
            }
            if (Math.abs(x) > MAX_ABS_METRES) {
                diags.dropped("out-of-range", offset, "a box beyond " + (int) MAX_ABS_METRES + " m was dropped");
                return false;
            }
        }
        return true;
    }

    OrientedRect cornersRect(LenientNode node, double scale, String label) {
        if (node instanceof LenientNode.Arr raw) {
            node = numericStrings(raw);
        }
        if (!(node instanceof LenientNode.Arr a) || a.items().size() < 3 || !allPoints(a.items())) {
            diags.dropped("bad-geometry", node == null ? 0 : node.offset(),
                    (label == null ? "" : "'" + label + "': ") + "corners must be a list of [x, y] points");
            return null;
        }
        List<Vec2> pts = new ArrayList<>(a.items().size());
        for (LenientNode p : a.items()) {
            double[] xy = LenientNode.numbers(((LenientNode.Arr) p).items());
            double[] s = {xy[0] * scale, xy[1] * scale};
            if (!finiteAndInRange(s, p.offset())) {
                return null;
            }
            pts.add(new Vec2(s[0], s[1]));
        }
        return rectFromCorners(pts);
    }

    OrientedRect centerSize(LenientNode center, LenientNode size, LenientNode yaw,
            Map<String, LenientNode> separate, double scale, String label, int offset) {
        double cx;
        double cy;
        if (center instanceof LenientNode.Arr ca && ca.items().size() >= 2
                && LenientNode.numbers(ca.items().subList(0, 2)) != null) {
            double[] c = LenientNode.numbers(ca.items().subList(0, 2));
            cx = c[0];
            cy = c[1];
            if (ca.items().size() > 2) {
                diags.note("extra-coordinates", ca.offset(), "'" + label + "': only the first two centre numbers used");
            }
        } else if (separate.containsKey("x") && separate.containsKey("y")) {
            cx = num(separate.get("x"));
            cy = num(separate.get("y"));
        } else {
            diags.dropped("bad-geometry", offset, "'" + label + "': the centre must be [x, y]");
            return null;
        }
        double sx;
        double sy;
        if (size instanceof LenientNode.Arr sa && sa.items().size() >= 2 && LenientNode.numbers(sa.items().subList(0, 2)) != null) {
            double[] s = LenientNode.numbers(sa.items().subList(0, 2));
            sx = s[0];
            sy = s[1];
        } else if (size instanceof LenientNode.Num n) {
            sx = n.value();
            sy = n.value();
        } else if (first(separate, "width", "w") != null && first(separate, "length", "depth", "l", "h") != null) {
            sx = num(first(separate, "width", "w"));
            sy = num(first(separate, "length", "depth", "l", "h"));
        } else {
            diags.note("centre-only", offset, "'" + label + "': only a centre was given; read as a point");
            sx = 0;
            sy = 0;
        }
        double yawDeg = yaw instanceof LenientNode.Num y ? y.value() : 0;
        double[] all = {cx * scale, cy * scale, Math.abs(sx) * scale, Math.abs(sy) * scale, yawDeg};
        if (!finiteAndInRange(all, offset)) {
            return null;
        }
        diags.repair("centre-size", offset, "'" + label + "': box given as centre and size");
        return OrientedRect.fromCenterSize(new Vec2(all[0], all[1]), all[2], all[3], Math.toRadians(yawDeg));
    }
}
