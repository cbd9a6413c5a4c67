package dev.v2l.reason;

import dev.v2l.geom.OrientedRect;
import dev.v2l.layout.text.Decimals;
import dev.v2l.layout.Labels;
import dev.v2l.layout.Layout;
import dev.v2l.layout.LayoutObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Computes the answer to a spatial {@link Query} from a metric cognitive map, and writes the derivation out as a
 * short trace. The same engine answers from a ground-truth layout (to make data) and from a model's own parsed map
 * (to check a model's reasoning against its perception). It never throws for a map that lacks an object: the
 * {@link Derivation} fails with the reason.
 */
public final class SpatialEngine {

    private SpatialEngine() {
    }

    public static Derivation answer(Query query, Layout layout) {
        return answer(query, layout, EngineContext.NONE);
    }

    public static Derivation answer(Query query, Layout layout, EngineContext context) {
        StringBuilder trace = new StringBuilder();
        try {
            if (query instanceof Query.Count q) {
                return count(q, layout, trace);
            } else if (query instanceof Query.AbsDistance q) {
                return Distances.absolute(q, layout, trace);
            } else if (query instanceof Query.RelDistance q) {
                return Distances.relative(q, layout, trace);
            } else if (query instanceof Query.ObjectSize q) {
                return size(q, layout, trace);
            } else if (query instanceof Query.RoomSize q) {
                return roomSize(q, layout, context, trace);
            } else if (query instanceof Query.RelDirection q) {
                return Directions.relative(q, layout, trace);
            } else if (query instanceof Query.FrameDirection q) {
                return Directions.frame(q, layout, trace);
            } else if (query instanceof Query.Route q) {
                return Directions.route(q, layout, trace);
            } else if (query instanceof Query.AppearanceOrder q) {
                return appearanceOrder(q, context, trace);
            }
            throw new IllegalArgumentException("unknown query " + query);
        } catch (MapObjects.Missing m) {
            return Derivation.failed(m.getMessage(), trace.toString().strip());
        }
    }

    private static Derivation count(Query.Count q, Layout layout, StringBuilder trace) {
        List<LayoutObject> found = MapObjects.all(layout, q.label());
        trace.append("Objects labelled '").append(q.label()).append("' in the map: ").append(found.size());
        if (!found.isEmpty()) {
            trace.append(", at ");
            for (int i = 0; i < found.size(); i++) {
                trace.append(i == 0 ? "" : ", ").append(MapObjects.point(found.get(i).center()));
            }
        }
        trace.append(". So there are ").append(found.size()).append('.');
        return Derivation.of(Integer.toString(found.size()), (double) found.size(), trace.toString());
    }

    private static Derivation size(Query.ObjectSize q, Layout layout, StringBuilder trace) {
        LayoutObject o = MapObjects.one(layout, q.label(), trace);
        OrientedRect f = o.footprint();
        double longSide = f.longSide();
        double shortSide = f.shortSide();
        String sides = f.isAxisAligned(1e-6)
                ? "its footprint is " + MapObjects.num(f.bounds()[2] - f.bounds()[0]) + " m along x and "
                        + MapObjects.num(f.bounds()[3] - f.bounds()[1]) + " m along y"
                : "its footprint is " + MapObjects.num(longSide) + " × " + MapObjects.num(shortSide) + " m";
        if (q.mode() == Query.SizeMode.HEIGHT_METRES) {
            if (!o.hasHeight()) {
                throw new MapObjects.Missing("the map gives no height for the " + o.label());
            }
            double h = o.height().height();
            String a = Decimals.format(h, q.decimals());
            trace.append("The ").append(o.label()).append(" spans heights ").append(MapObjects.num(o.height().min()))
                    .append("–").append(MapObjects.num(o.height().max())).append(" m, so it is ")
                    .append(MapObjects.num(h)).append(" m tall ≈ ").append(a).append(" m.");
            return Derivation.of(a, h, trace.toString());
        }
        trace.append(capitalize(MapObjects.describe(o))).append("; ").append(sides);
        if (q.mode() == Query.SizeMode.FLOOR_MAX_METRES) {
            String a = Decimals.format(longSide, q.decimals());
            trace.append(". The larger floor dimension is ").append(MapObjects.num(longSide)).append(" m ≈ ")
                    .append(a).append(" m.");
            return Derivation.of(a, longSide, trace.toString());
        }
        double longest = longSide;
        if (o.hasHeight()) {
            double h = o.height().height();
            trace.append(" and it is ").append(MapObjects.num(h)).append(" m tall");
            longest = Math.max(longest, h);
        } else {
            trace.append(" (no height in the map)");
        }
        long cm = Math.round(Decimals.round(longest * 100, 0));
        trace.append(". The longest dimension is ").append(MapObjects.num(longest)).append(" m = ").append(cm)
                .append(" cm.");
        return Derivation.of(Long.toString(cm), longest * 100, trace.toString());
    }

    private static Derivation roomSize(Query.RoomSize q, Layout layout, EngineContext ctx, StringBuilder trace) {
        double area;
        double[] b = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        for (LayoutObject o : layout.objects()) {
            double[] ob = o.footprint().bounds();
            b[0] = Math.min(b[0], ob[0]);
            b[1] = Math.min(b[1], ob[1]);
            b[2] = Math.max(b[2], ob[2]);
            b[3] = Math.max(b[3], ob[3]);
        }
        String span = layout.isEmpty() ? "" : "The map's objects span x [" + MapObjects.num(b[0]) + ", "
                + MapObjects.num(b[2]) + "] and y [" + MapObjects.num(b[1]) + ", " + MapObjects.num(b[3]) + "]";
        if (ctx.roomAreaSquareMetres() != null) {
            // The room's floor, seen around the objects, is known: the same rule for the truth and for a model's map.
            area = ctx.roomAreaSquareMetres();
            trace.append(span.isEmpty() ? "The" : span + "; the").append(" room's floor around them measures ")
                    .append(MapObjects.num(area)).append(" m²");
        } else {
            if (layout.isEmpty()) {
                throw new MapObjects.Missing("the map is empty and no room outline is known");
            }
            area = (b[2] - b[0]) * (b[3] - b[1]);
            trace.append("The map has no room outline; ").append(Character.toLowerCase(span.charAt(0)))
                    .append(span.substring(1)).append(", so the floor is at least ")
                    .append(MapObjects.num(b[2] - b[0])).append(" × ").append(MapObjects.num(b[3] - b[1]))
                    .append(" = ").append(MapObjects.num(area)).append(" m²");
        }
        String a = Decimals.format(area, q.decimals());
        trace.append(" ≈ ").append(a).append(" m².");
        return Derivation.of(a, area, trace.toString());
    }

    private static Derivation appearanceOrder(Query.AppearanceOrder q, EngineContext ctx, StringBuilder trace) {
        record Seen(String label, double t) {
        }
        List<Seen> seen = new ArrayList<>();
        for (String label : q.labels()) {
            Double t = null;
            for (Map.Entry<String, Double> e : ctx.firstAppearanceSeconds().entrySet()) {
                if (Labels.matches(e.getKey(), label)) {
                    t = t == null ? e.getValue() : Math.min(t, e.getValue());
                }
            }
            if (t == null) {
                throw new MapObjects.Missing("no first appearance is known for '" + label + "'");
            }
            seen.add(new Seen(label, t));
        }
        trace.append("First appearances: ");
        for (int i = 0; i < seen.size(); i++) {
            trace.append(i == 0 ? "" : ", ").append(seen.get(i).label()).append(' ')
                    .append(Decimals.format(seen.get(i).t(), 1)).append(" s");
        }
        seen.sort(Comparator.comparingDouble(Seen::t));
        String order = String.join(", ", seen.stream().map(Seen::label).toList());
        trace.append(". In order: ").append(order).append('.');
        return Derivation.of(order, null, trace.toString());
    }

    /**
     * The closest-point distance the engine uses for distance questions: between the oriented 3D boxes when one is
     * tilted, else between prisms when {@code allowHeights} and both heights are known, else between footprints.
     */
    public static double closestDistance(LayoutObject a, LayoutObject b, boolean allowHeights) {
        return Distances.distance(a, b, allowHeights);
    }

    static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
