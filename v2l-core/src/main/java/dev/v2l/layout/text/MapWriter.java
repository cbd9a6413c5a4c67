package dev.v2l.layout.text;

import dev.v2l.geom.OrientedRect;
import dev.v2l.geom.Vec2;
import dev.v2l.layout.GridMap;
import dev.v2l.layout.HeightRange;
import dev.v2l.io.JsonStrings;
import dev.v2l.layout.Layout;
import dev.v2l.layout.LayoutObject;
import dev.v2l.layout.MapFrame;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes cognitive maps as text. The {@link MapForm#V2LO} form is byte-for-byte Video2Layout's: the lead-in
 * {@value #LEAD_IN} and a JSON list in Python's {@code json.dumps} spacing, one decimal, of axis-aligned bounds
 * (a rotated footprint is written as its axis-aligned bounds). Rounding is Python's (ties to even on the exact value), with each
 * side's written length its true length rounded ({@link Decimals#roundInterval}).
 */
public final class MapWriter {

    /** Video2Layout's lead-in, including the space before and after the colon. */
    public static final String LEAD_IN = "Establish a bird's-eye view : ";

    /** Decimals in the v2lo form. */
    public static final int V2LO_DECIMALS = 1;
    /** Decimals in the extended form. */
    public static final int EXTENDED_DECIMALS = 2;
    /** Footprints rotated less than this from the axes are written without corners in the extended form. */
    static final double AXIS_ALIGNED_RADIANS = 1e-6;

    private MapWriter() {
    }

    public static String write(Layout layout, MapForm form) {
        return switch (form) {
            case V2LO -> writeV2lo(layout);
            case EXTENDED -> writeExtended(layout);
            case GRID -> writeGrid(GridMap.of(layout));
        };
    }

    /** Video2Layout's form. */
    public static String writeV2lo(Layout layout) {
        StringBuilder sb = new StringBuilder(LEAD_IN.length() + 64 * layout.size());
        sb.append(LEAD_IN).append('[');
        boolean first = true;
        for (LayoutObject o : layout.objects()) {
            if (!first) {
                sb.append(", ");
            }
            first = false;
            sb.append("{\"object_name\": ");
            JsonStrings.append(sb, o.label(), true);
            sb.append(", \"bbox\": ");
            appendBounds(sb, roundedBounds(o.footprint().bounds(), V2LO_DECIMALS), V2LO_DECIMALS);
            sb.append('}');
        }
        return sb.append(']').toString();
    }

    /**
     * Our richer form: frame (and, for room-aligned frames, where the room's axes came from) and unit, bounds,
     * corners for rotated footprints, height range when known.
     */
    public static String writeExtended(Layout layout) {
        int d = EXTENDED_DECIMALS;
        StringBuilder sb = new StringBuilder(LEAD_IN.length() + 128 * layout.size());
        sb.append(LEAD_IN).append("{\"frame\": ");
        JsonStrings.append(sb, layout.frame().code(), true);
        if (layout.axes() != null) {
            sb.append(", \"axes\": ");
            JsonStrings.append(sb, layout.axes(), true);
        }
        sb.append(", \"unit\": \"m\", \"objects\": [");
        boolean first = true;
        for (LayoutObject o : layout.objects()) {
            if (!first) {
                sb.append(", ");
            }
            first = false;
            sb.append("{\"object_name\": ");
            JsonStrings.append(sb, o.label(), true);
            sb.append(", \"bbox\": ");
            // a rotated footprint's bounds are those of its written corners; an axis-aligned one keeps its sizes
            boolean aligned = o.footprint().isAxisAligned(AXIS_ALIGNED_RADIANS);
            appendBounds(sb, aligned ? roundedBounds(o.footprint().bounds(), d) : o.footprint().bounds(), d);
            if (!aligned) {
                sb.append(", \"corners\": [");
                List<Vec2> corners = o.footprint().corners();
                for (int i = 0; i < 4; i++) {
                    if (i > 0) {
                        sb.append(", ");
                    }
                    sb.append('[').append(Decimals.format(corners.get(i).x(), d)).append(", ")
                            .append(Decimals.format(corners.get(i).y(), d)).append(']');
                }
                sb.append(']');
            }
            if (o.hasHeight()) {
                sb.append(", \"z\": [").append(Decimals.format(o.height().min(), d)).append(", ")
                        .append(Decimals.format(o.height().max(), d)).append(']');
            }
            sb.append('}');
        }
        return sb.append("]}").toString();
    }

    /** The grid form, in Python's {@code json.dumps} spacing. */
    public static String writeGrid(GridMap grid) {
        StringBuilder sb = new StringBuilder("{");
        boolean first = true;
        for (Map.Entry<String, List<GridMap.Cell>> e : grid.cells().entrySet()) {
            if (!first) {
                sb.append(", ");
            }
            first = false;
            JsonStrings.append(sb, e.getKey(), true);
            sb.append(": [");
            boolean firstCell = true;
            for (GridMap.Cell c : e.getValue()) {
                if (!firstCell) {
                    sb.append(", ");
                }
                firstCell = false;
                sb.append('[').append(c.x()).append(", ").append(c.y()).append(']');
            }
            sb.append(']');
        }
        return sb.append('}').toString();
    }

    /**
     * The layout exactly as {@link #write} represents it: what a perfect parse of the written text gives back
     * (v2lo: rounded axis-aligned bounds, no heights; extended: rounded bounds or corners and heights).
     */
    public static Layout asWritten(Layout layout, MapForm form) {
        List<LayoutObject> out = new ArrayList<>(layout.size());
        for (LayoutObject o : layout.objects()) {
            switch (form) {
                case V2LO -> out.add(new LayoutObject(o.label(), roundedBounds(o.footprint(), V2LO_DECIMALS)));
                case EXTENDED -> {
                    OrientedRect f = o.footprint().isAxisAligned(AXIS_ALIGNED_RADIANS)
                            ? roundedBounds(o.footprint(), EXTENDED_DECIMALS)
                            : BoxReader.rectFromCorners(roundedCorners(o.footprint(), EXTENDED_DECIMALS));
                    HeightRange h = o.hasHeight()
                            ? new HeightRange(Decimals.round(o.height().min(), EXTENDED_DECIMALS),
                                    Decimals.round(o.height().max(), EXTENDED_DECIMALS))
                            : null;
                    out.add(new LayoutObject(o.label(), f, h, null));
                }
                case GRID -> throw new IllegalArgumentException("a grid map is not a metric layout; use GridMap.of");
            }
        }
        return form == MapForm.EXTENDED ? new Layout(layout.frame(), out, layout.axes())
                : new Layout(MapFrame.UNSPECIFIED, out);
    }

    /**
     * {@code written} (a parse of a map written from {@code truth}, object for object) with the true heights, to two
     * decimals, where {@code written} has none: what a training target's reasoning states besides a v2lo map, which
     * carries no heights (the longest side of a tall object, a distance to something above another).
     */
    public static Layout withHeights(Layout written, Layout truth) {
        if (written.size() != truth.size()) {
            throw new IllegalArgumentException("the written map has " + written.size() + " objects, the truth "
                    + truth.size());
        }
        List<LayoutObject> out = new ArrayList<>(written.size());
        for (int i = 0; i < written.size(); i++) {
            LayoutObject w = written.objects().get(i);
            LayoutObject t = truth.objects().get(i);
            HeightRange h = w.hasHeight() || !t.hasHeight() ? w.height()
                    : new HeightRange(Decimals.round(t.height().min(), EXTENDED_DECIMALS),
                            Decimals.round(t.height().max(), EXTENDED_DECIMALS));
            out.add(new LayoutObject(w.label(), w.footprint(), h, w.instanceId()));
        }
        return new Layout(written.frame(), out, written.axes());
    }

    private static OrientedRect roundedBounds(OrientedRect r, int places) {
        double[] b = roundedBounds(r.bounds(), places);
        return OrientedRect.fromBounds(b[0], b[1], b[2], b[3]);
    }

    /**
     * Bounds {@code [x1, y1, x2, y2]} as written: each side's extent kept (its rounded true length), see
     * {@link Decimals#roundInterval}.
     */
    static double[] roundedBounds(double[] b, int places) {
        double[] x = Decimals.roundInterval(b[0], b[2], places);
        double[] y = Decimals.roundInterval(b[1], b[3], places);
        return new double[] {x[0], y[0], x[1], y[1]};
    }

    private static List<Vec2> roundedCorners(OrientedRect r, int places) {
        List<Vec2> out = new ArrayList<>(4);
        for (Vec2 c : r.corners()) {
            out.add(new Vec2(Decimals.round(c.x(), places), Decimals.round(c.y(), places)));
        }
        return out;
    }

    private static void appendBounds(StringBuilder sb, double[] b, int places) {
        sb.append('[');
        for (int i = 0; i < 4; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(Decimals.format(b[i], places));
        }
        sb.append(']');
    }

}
