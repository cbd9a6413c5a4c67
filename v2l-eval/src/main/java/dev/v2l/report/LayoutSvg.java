package dev.v2l.report;

import dev.v2l.geom.Vec2;
import dev.v2l.layout.Layout;
import dev.v2l.layout.LayoutObject;
import java.util.List;
import java.util.Locale;

/**
 * Draws cognitive maps as standalone SVG: a metre grid, each footprint as a labelled polygon, a scale bar, and
 * optionally a ground-truth map underneath (dashed grey) so a prediction can be read against it. +y points up the
 * page, as on a floor plan seen from above.
 */
public final class LayoutSvg {

    private static final int WIDTH = 720;
    private static final double MARGIN_METRES = 0.5;
    /** Label colours; no red or orange, which mark missed and false objects. */
    private static final String[] PALETTE = {"#1f77b4", "#2ca02c", "#9467bd", "#8c564b", "#e377c2", "#17becf",
        "#bcbd22", "#7f7f7f", "#393b79", "#637939"};

    private LayoutSvg() {
    }

    public static String draw(Layout layout) {
        return draw(layout, null, null);
    }

    /**
     * @param layout      the map to draw
     * @param groundTruth drawn underneath in grey, or null
     * @param title       a caption, or null
     */
    public static String draw(Layout layout, Layout groundTruth, String title) {
        return draw(layout, groundTruth, title, null, WIDTH);
    }

    /**
     * A map over the truth with its matching shown: matched pairs linked by a green line between centres, true
     * objects without a match outlined in red (missed), predicted objects without one drawn in orange (false).
     *
     * @param matches pairs {predicted index, true index}, or null to draw without matching
     * @param width   the drawing's width in pixels (the height follows the map's extent)
     */
    public static String draw(Layout layout, Layout groundTruth, String title, List<int[]> matches, int width) {
        double[] b = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
            Double.NEGATIVE_INFINITY};
        extend(b, layout);
        if (groundTruth != null) {
            extend(b, groundTruth);
        }
        if (!Double.isFinite(b[0])) {
            b = new double[] {-1, -1, 1, 1};
        }
        double minX = b[0] - MARGIN_METRES;
        double minY = b[1] - MARGIN_METRES;
        double spanX = Math.max(1, b[2] - b[0] + 2 * MARGIN_METRES);
        double spanY = Math.max(1, b[3] - b[1] + 2 * MARGIN_METRES);
        double scale = width / Math.max(spanX, spanY);
        int w = (int) Math.ceil(spanX * scale);
        int top = title == null ? 0 : 24;
        int h = (int) Math.ceil(spanY * scale) + top + 30;
        Frame fr = new Frame(minX, minY + spanY, scale, top);
        StringBuilder sb = new StringBuilder(4096);
        sb.append(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
                        + "font-family=\"sans-serif\" font-size=\"11\">%n", w, h, w, h));
        sb.append(String.format(Locale.ROOT, "<rect x=\"0\" y=\"0\" width=\"%d\" height=\"%d\" fill=\"#ffffff\"/>%n",
                w, h));
        if (title != null) {
            sb.append("<text x=\"6\" y=\"16\" font-size=\"13\" font-weight=\"bold\">").append(Html.esc(title))
                    .append("</text>\n");
        }
        grid(sb, fr, minX, minY, spanX, spanY);
        java.util.Set<Integer> matchedPred = new java.util.HashSet<>();
        java.util.Set<Integer> matchedTruth = new java.util.HashSet<>();
        if (matches != null) {
            for (int[] m : matches) {
                matchedPred.add(m[0]);
                matchedTruth.add(m[1]);
            }
        }
        int small = width < 400 ? 9 : 10;
        if (groundTruth != null) {
            sb.append("<g class=\"ground-truth\">\n");
            for (int i = 0; i < groundTruth.objects().size(); i++) {
                LayoutObject o = groundTruth.objects().get(i);
                boolean missed = matches != null && !matchedTruth.contains(i);
                polygon(sb, fr, o.footprint().corners(), missed ? "#d62728" : "#9e9e9e", "#eeeeee", true,
                        missed ? "missed" : null);
                label(sb, fr, o.center(), o.label(), missed ? "#d62728" : "#757575", small);
            }
            sb.append("</g>\n");
        }
        sb.append("<g class=\"map\">\n");
        List<String> labels = layout.labelCounts().keySet().stream().toList();
        for (int i = 0; i < layout.objects().size(); i++) {
            LayoutObject o = layout.objects().get(i);
            boolean falsePositive = matches != null && !matchedPred.contains(i);
            String color = falsePositive ? "#ff7f0e" : PALETTE[Math.floorMod(labels.indexOf(o.label()),
                    PALETTE.length)];
            polygon(sb, fr, o.footprint().corners(), color, color, false, falsePositive ? "false" : null);
            label(sb, fr, o.center(), o.label(), "#111111", small + 1);
        }
        sb.append("</g>\n");
        if (matches != null && groundTruth != null) {
            sb.append("<g class=\"links\" stroke=\"#2ca02c\" stroke-width=\"2\">\n");
            for (int[] m : matches) {
                Vec2 p = layout.objects().get(m[0]).center();
                Vec2 t = groundTruth.objects().get(m[1]).center();
                sb.append(String.format(Locale.ROOT, "<line class=\"link\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" "
                        + "y2=\"%.1f\"/>%n", fr.px(p.x()), fr.py(p.y()), fr.px(t.x()), fr.py(t.y())));
            }
            sb.append("</g>\n");
        }
        scaleBar(sb, fr, h - 12);
        return sb.append("</svg>\n").toString();
    }

    private record Frame(double minX, double maxY, double scale, int top) {
        double px(double x) {
            return (x - minX) * scale;
        }

        double py(double y) {
            return (maxY - y) * scale + top;
        }
    }

    private static void extend(double[] b, Layout l) {
        for (LayoutObject o : l.objects()) {
            double[] ob = o.footprint().bounds();
            b[0] = Math.min(b[0], ob[0]);
            b[1] = Math.min(b[1], ob[1]);
            b[2] = Math.max(b[2], ob[2]);
            b[3] = Math.max(b[3], ob[3]);
        }
    }

    private static void grid(StringBuilder sb, Frame fr, double minX, double minY, double spanX, double spanY) {
        sb.append("<g class=\"grid\" stroke=\"#e6e6e6\" stroke-width=\"1\">\n");
        for (double x = Math.ceil(minX); x <= minX + spanX; x += 1) {
            sb.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>%n",
                    fr.px(x), fr.py(minY), fr.px(x), fr.py(minY + spanY)));
        }
        for (double y = Math.ceil(minY); y <= minY + spanY; y += 1) {
            sb.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>%n",
                    fr.px(minX), fr.py(y), fr.px(minX + spanX), fr.py(y)));
        }
        sb.append("</g>\n");
        if (minX <= 0 && 0 <= minX + spanX && minY <= 0 && 0 <= minY + spanY) {
            sb.append(String.format(Locale.ROOT, "<circle class=\"origin\" cx=\"%.1f\" cy=\"%.1f\" r=\"3\" "
                    + "fill=\"#000\"/>%n", fr.px(0), fr.py(0)));
        }
    }

    private static void polygon(StringBuilder sb, Frame fr, List<Vec2> corners, String stroke, String fill,
            boolean dashed, String cssClass) {
        sb.append(cssClass == null ? "<polygon points=\"" : "<polygon class=\"" + cssClass + "\" points=\"");
        for (int i = 0; i < corners.size(); i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(String.format(Locale.ROOT, "%.1f,%.1f", fr.px(corners.get(i).x()), fr.py(corners.get(i).y())));
        }
        sb.append(String.format(Locale.ROOT, "\" fill=\"%s\" fill-opacity=\"%s\" stroke=\"%s\" stroke-width=\"1.5\"%s/>%n",
                fill, dashed ? "0.6" : "0.25", stroke, dashed ? " stroke-dasharray=\"4 3\"" : ""));
    }

    private static void label(StringBuilder sb, Frame fr, Vec2 at, String text, String color, int size) {
        sb.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" fill=\"%s\" font-size=\"%d\" "
                + "text-anchor=\"middle\">", fr.px(at.x()), fr.py(at.y()) + 4, color, size));
        sb.append(Html.esc(text)).append("</text>\n");
    }

    private static void scaleBar(StringBuilder sb, Frame fr, int y) {
        double px = fr.scale();
        sb.append(String.format(Locale.ROOT, "<g class=\"scale-bar\"><line x1=\"10\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" "
                + "stroke=\"#000\" stroke-width=\"2\"/><text x=\"%.1f\" y=\"%d\">1 m</text></g>%n",
                y, 10 + px, y, 14 + px, y + 4));
    }
}
