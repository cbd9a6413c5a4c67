package dev.v2l.layout.text;

import dev.v2l.geom.OrientedRect;
import dev.v2l.layout.GridMap;
import dev.v2l.layout.HeightRange;
import dev.v2l.layout.Layout;
import dev.v2l.layout.LayoutObject;
import dev.v2l.layout.MapFrame;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a leniently read JSON value into map entries: a list of entry objects (Video2Layout's form), a dict of
 * label → box(es), the extended wrapper {@code {"frame", "unit", "objects"}}, or (through {@link GridInterpreter}) a
 * grid {@code {"label": [[x, y], ...]}}; the key names it understands are {@link MapKeys}, and {@link BoxReader}
 * reads the boxes. Boxes may be {@code [x_min, y_min, x_max, y_max]}, two corners, four corners,
 * separate {@code x_min…} keys, or centre + size (+ yaw in degrees). Every repair and every dropped entry is reported.
 */
final class MapInterpreter {

    private final Diagnostics diags;
    private final MapForm hint;
    private final GridInterpreter grid;
    private final BoxReader boxes;

    MapInterpreter(Diagnostics diags, MapForm hint, int gridSize) {
        this.diags = diags;
        this.hint = hint;
        this.grid = new GridInterpreter(diags, gridSize);
        this.boxes = new BoxReader(diags);
    }

    /** What came out of one candidate value. */
    record Interpretation(boolean recognized, MapForm form, Layout layout, GridMap grid) {
        static final Interpretation NONE = new Interpretation(false, null, null, null);
    }

    Interpretation interpret(LenientNode root) {
        if (root == null) {
            return Interpretation.NONE;
        }
        MapFrame frame = MapFrame.UNSPECIFIED;
        String axes = null;
        double scale = 1;
        LenientNode body = root;
        // Wrappers: {"frame": ..., "unit": ..., "objects": [...]} or {"map": [...]}.
        if (root instanceof LenientNode.Obj obj && !MapKeys.looksLikeEntry(obj)) {
            LenientNode.Member inner = wrapperMember(obj);
            if (inner != null) {
                for (LenientNode.Member m : obj.members()) {
                    String k = MapKeys.normalize(m.key());
                    if (k.equals("frame") && m.value() instanceof LenientNode.Str s) {
                        MapFrame f = MapFrame.fromCode(s.value().strip());
                        if (f == null) {
                            diags.note("unknown-frame", s.offset(), "frame '" + s.value() + "' is not one we know");
                        } else {
                            frame = f;
                        }
                    } else if (k.equals("axes") && m.value() instanceof LenientNode.Str s) {
                        axes = s.value().strip();
                    } else if (k.equals("unit") || k.equals("units")) {
                        scale = unitScale(m);
                    }
                }
                if (!MapKeys.normalize(inner.key()).equals("objects")) {
                    diags.repair("wrapper", inner.keyOffset(), "the map was wrapped in '" + inner.key() + "'");
                }
                body = inner.value();
            }
        }
        MapForm form = hint;
        if (form == null) {
            form = grid.looksLikeGrid(body) ? MapForm.GRID : MapForm.V2LO;
            if (form == MapForm.GRID) {
                diags.note("detected-grid", body.offset(), "read as a grid map: every position is a small integer pair");
            }
        }
        if (form == MapForm.GRID) {
            return grid.interpret(body);
        }
        List<LayoutObject> out = new ArrayList<>();
        boolean recognized = metricEntries(body, scale, out, 0);
        if (!recognized) {
            return Interpretation.NONE;
        }
        return new Interpretation(true, form == MapForm.EXTENDED || frame != MapFrame.UNSPECIFIED
                ? MapForm.EXTENDED : MapForm.V2LO, new Layout(frame, out, axes), null);
    }

    private LenientNode.Member wrapperMember(LenientNode.Obj obj) {
        LenientNode.Member only = null;
        int containers = 0;
        for (LenientNode.Member m : obj.members()) {
            if (m.value() instanceof LenientNode.Arr || m.value() instanceof LenientNode.Obj) {
                containers++;
                if (MapKeys.WRAPPER_KEYS.contains(MapKeys.normalize(m.key()))) {
                    return m;
                }
                only = m;
            }
        }
        // A single container value under an unknown key with only scalars beside it is a wrapper too, unless the
        // dict is itself label → box(es).
        if (containers == 1 && obj.members().size() > 1 && !(only.value() instanceof LenientNode.Arr a
                && BoxReader.boxLike(a))) {
            return only;
        }
        return null;
    }

    private double unitScale(LenientNode.Member m) {
        if (m.value() instanceof LenientNode.Str s) {
            String u = s.value().strip().toLowerCase(Locale.ROOT);
            switch (u) {
                case "m", "meter", "meters", "metre", "metres", "米" -> {
                    return 1;
                }
                case "cm", "centimeter", "centimeters", "centimetre", "centimetres", "厘米" -> {
                    diags.repair("unit", s.offset(), "unit '" + s.value() + "': numbers converted to metres");
                    return 0.01;
                }
                case "mm", "millimeter", "millimeters", "millimetre", "millimetres" -> {
                    diags.repair("unit", s.offset(), "unit '" + s.value() + "': numbers converted to metres");
                    return 0.001;
                }
                default -> diags.note("unknown-unit", s.offset(), "unit '" + s.value() + "' unknown; read as metres");
            }
        }
        return 1;
    }

    // ---- metric entries ---------------------------------------------------------------------------------------

    /** Adds entries found in {@code node}; returns whether it looked like a map at all. */
    private boolean metricEntries(LenientNode node, double scale, List<LayoutObject> out, int depth) {
        if (node instanceof LenientNode.Arr arr) {
            if (arr.items().isEmpty()) {
                if (arr.junk()) {
                    return false;
                }
                diags.note("empty-map", arr.offset(), "the map is an empty list");
                return true;
            }
            boolean any = false;
            for (LenientNode item : arr.items()) {
                if (item instanceof LenientNode.Obj o) {
                    any = true;
                    LayoutObject e = entry(o, null, scale);
                    if (e != null) {
                        out.add(e);
                    }
                } else if (item instanceof LenientNode.Arr inner && depth == 0 && !inner.items().isEmpty()
                        && inner.items().get(0) instanceof LenientNode.Obj) {
                    diags.repair("nested-list", inner.offset(), "a list nested in the map list was flattened");
                    any |= metricEntries(inner, scale, out, depth + 1);
                } else if (item instanceof LenientNode.Arr inner && positionalEntry(inner, scale, out)) {
                    any = true;
                } else {
                    diags.dropped("not-an-entry", item.offset(), "a list item that is not an object entry was dropped");
                }
            }
            return any;
        }
        if (node instanceof LenientNode.Obj obj) {
            if (obj.members().isEmpty()) {
                if (obj.junk()) {
                    return false;
                }
                diags.note("empty-map", obj.offset(), "the map is an empty object");
                return true;
            }
            if (MapKeys.looksLikeEntry(obj)) {
                diags.repair("single-entry", obj.offset(), "a single entry object was read as a one-entry map");
                LayoutObject e = entry(obj, null, scale);
                if (e != null) {
                    out.add(e);
                }
                return true;
            }
            boolean any = false;
            for (LenientNode.Member m : obj.members()) {
                if (m.value() == null) {
                    continue;
                }
                if (labelDictValue(m, scale, out)) {
                    any = true;
                }
            }
            if (any) {
                diags.repairOnce("label-dict", obj.offset(), "a dict of label → box(es) was read as map entries");
            }
            return any;
        }
        return false;
    }

    /** {@code ["sofa", x_min, y_min, x_max, y_max]}. */
    private boolean positionalEntry(LenientNode.Arr a, double scale, List<LayoutObject> out) {
        List<LenientNode> it = a.items();
        if (it.size() == 5 && it.get(0) instanceof LenientNode.Str label && LenientNode.numbers(it.subList(1, 5)) != null) {
            diags.repair("positional-entry", a.offset(), "an entry written as [label, x_min, y_min, x_max, y_max]");
            OrientedRect r = boxes.boundsRect(LenientNode.numbers(it.subList(1, 5)), scale, a.offset());
            if (r != null) {
                out.add(new LayoutObject(MapKeys.cleanLabel(label.value()), r));
            }
            return true;
        }
        return false;
    }

    /** One member of a label → geometry dict. Returns whether it was geometry-like. */
    private boolean labelDictValue(LenientNode.Member m, double scale, List<LayoutObject> out) {
        String label = MapKeys.cleanLabel(m.key());
        LenientNode v = m.value();
        if (label.isEmpty()) {
            diags.dropped("missing-label", m.keyOffset(), "an entry with an empty label was dropped");
            return true;
        }
        if (v instanceof LenientNode.Obj o) {
            LayoutObject e = entry(o, label, scale);
            if (e != null) {
                out.add(e);
            }
            return true;
        }
        if (v instanceof LenientNode.Arr raw) {
            LenientNode.Arr a = boxes.numericStrings(raw);
            if (BoxReader.boxLike(a)) {
                OrientedRect r = boxes.geometry(a, scale);
                if (r != null) {
                    out.add(new LayoutObject(label, r));
                }
                return true;
            }
            boolean any = false;
            for (LenientNode item : a.items()) {
                if (item instanceof LenientNode.Obj o) {
                    LayoutObject e = entry(o, label, scale);
                    if (e != null) {
                        out.add(e);
                    }
                    any = true;
                } else if (item instanceof LenientNode.Arr box) {
                    OrientedRect r = boxes.geometry(box, scale);
                    if (r != null) {
                        out.add(new LayoutObject(label, r));
                    }
                    any = true;
                } else {
                    diags.dropped("bad-geometry", item.offset(), "'" + label + "': a box must be a list of numbers");
                }
            }
            if (a.items().isEmpty()) {
                diags.note("empty-entry", a.offset(), "'" + label + "' has an empty list of boxes");
                any = true;
            }
            return any;
        }
        if (v instanceof LenientNode.Str s && s.value().contains("[")) {
            diags.dropped("quoted-geometry", s.offset(), "'" + label + "': the box is a string, not a list");
            return true;
        }
        return false;
    }

    /** An entry object: label (or the given one) + geometry (+ z). Null when dropped. */
    private LayoutObject entry(LenientNode.Obj o, String givenLabel, double scale) {
        String label = givenLabel;
        LenientNode bbox = null;
        LenientNode corners = null;
        LenientNode center = null;
        LenientNode size = null;
        LenientNode yaw = null;
        LenientNode z = null;
        Map<String, LenientNode> separate = new LinkedHashMap<>();
        for (LenientNode.Member m : o.members()) {
            String k = MapKeys.normalize(m.key());
            LenientNode v = m.value();
            if (MapKeys.LABEL_KEYS.contains(k) && label == null) {
                if (v instanceof LenientNode.Str s) {
                    label = MapKeys.cleanLabel(s.value());
                } else if (v instanceof LenientNode.Num n) {
                    label = n.integral() ? Long.toString((long) n.value()) : Double.toString(n.value());
                }
            } else if (MapKeys.BBOX_KEYS.contains(k)) {
                bbox = v;
            } else if (MapKeys.CORNER_KEYS.contains(k)) {
                corners = v;
            } else if (MapKeys.CENTER_KEYS.contains(k)) {
                center = v;
            } else if (MapKeys.SIZE_KEYS.contains(k)) {
                size = v;
            } else if (MapKeys.YAW_KEYS.contains(k)) {
                yaw = v;
            } else if (MapKeys.Z_KEYS.contains(k)) {
                z = v;
            } else {
                switch (k) {
                    case "xmin", "ymin", "xmax", "ymax", "x1", "y1", "x2", "y2", "minx", "miny", "maxx", "maxy",
                            "width", "length", "depth", "x", "y", "w", "h", "l" -> separate.put(k, v);
                    default -> {
                    }
                }
            }
        }
        if (label == null || label.isEmpty()) {
            diags.dropped("missing-label", o.offset(), "an entry without an object name was dropped");
            return null;
        }
        OrientedRect rect = null;
        if (corners != null) {
            // Corners carry the rotation a bbox loses (the extended form writes both).
            rect = boxes.cornersRect(corners, scale, label);
        } else if (bbox != null) {
            rect = bbox instanceof LenientNode.Obj bo ? boxes.separateBounds(bo, label, scale) : boxes.geometry(bbox, scale);
        } else if (BoxReader.hasBounds(separate)) {
            rect = boxes.boundsFromSeparate(separate, label, scale, o.offset());
        } else if (center != null || separate.containsKey("x")) {
            rect = boxes.centerSize(center, size, yaw, separate, scale, label, o.offset());
        } else {
            diags.dropped("missing-geometry", o.offset(), "'" + label + "' has no bbox, corners or centre; dropped");
            return null;
        }
        if (rect == null) {
            return null;
        }
        HeightRange h = null;
        if (z instanceof LenientNode.Arr za && za.items().size() == 2 && LenientNode.numbers(za.items()) != null) {
            double[] zz = LenientNode.numbers(za.items());
            if (Double.isFinite(zz[0]) && Double.isFinite(zz[1])) {
                if (zz[0] > zz[1]) {
                    diags.repair("swapped-bounds", za.offset(), "'" + label + "': z range was given max first");
                    h = new HeightRange(zz[1] * scale, zz[0] * scale);
                } else {
                    h = new HeightRange(zz[0] * scale, zz[1] * scale);
                }
            }
        } else if (z != null) {
            diags.note("ignored-z", z.offset(), "'" + label + "': z must be [z_min, z_max]; ignored");
        }
        return new LayoutObject(label, rect, h, null);
    }
}
