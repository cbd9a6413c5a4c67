package dev.v2l.report;

import java.util.List;
import java.util.Locale;

/**
 * The report's figures as inline SVG (no namespace URL: inline SVG in HTML needs none): a line chart with 95 %
 * interval bands (answer and map accuracy against the number of frames) and horizontal 100 % stacked bars (the
 * map-then-compute breakdown). Every mark carries a {@code <title>} with its exact numbers.
 */
final class Charts {

    static final String[] COLORS = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2",
        "#17becf", "#bcbd22", "#7f7f7f"};

    private Charts() {
    }

    /** A point with its interval (NaN bounds: no band). */
    record Point(double x, double y, double low, double high, int n) {
    }

    record Series(String name, List<Point> points) {
    }

    /**
     * @param xs   the x values to tick (frame counts)
     * @param yMax the top of the y axis
     */
    static String lineChart(String title, String yLabel, List<Integer> xs, List<Series> series, double yMax,
            int width, int height) {
        int left = 48;
        int right = 170;
        int top = 28;
        int bottom = 40;
        double pw = width - left - right;
        double ph = height - top - bottom;
        double x0 = xs.isEmpty() ? 0 : xs.get(0);
        double x1 = xs.isEmpty() ? 1 : xs.get(xs.size() - 1);
        double span = x1 > x0 ? x1 - x0 : 1;
        java.util.function.DoubleUnaryOperator px = x -> left + (xs.size() <= 1 ? pw / 2 : (x - x0) / span * pw);
        java.util.function.DoubleUnaryOperator py = y -> top + ph - Math.max(0, Math.min(yMax, y)) / yMax * ph;
        StringBuilder sb = new StringBuilder(4096);
        sb.append(String.format(Locale.ROOT, "<svg class=\"chart\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
                + "role=\"img\" font-family=\"sans-serif\" font-size=\"11\">", width, height, width, height));
        sb.append("<title>").append(Html.esc(title)).append("</title>");
        sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"16\" font-size=\"13\" font-weight=\"bold\">%s"
                + "</text>", left, Html.esc(title)));
        for (int i = 0; i <= 5; i++) {
            double v = yMax * i / 5;
            double y = py.applyAsDouble(v);
            sb.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#e3e3e3\"/>"
                    + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>", left, y, left + pw, y, left - 6, y + 4,
                    yMax >= 10 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.1f", v)));
        }
        for (int x : xs) {
            double X = px.applyAsDouble(x);
            sb.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#999\"/>"
                    + "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%d</text>", X, top + ph, X, top + ph + 4, X,
                    top + ph + 16, x));
        }
        sb.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#999\"/>",
                left, top + ph, left + pw, top + ph));
        sb.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">frames shown</text>",
                left + pw / 2, height - 6));
        sb.append(String.format(Locale.ROOT, "<text transform=\"translate(12 %.1f) rotate(-90)\" text-anchor=\"middle\">"
                + "%s</text>", top + ph / 2, Html.esc(yLabel)));
        for (int s = 0; s < series.size(); s++) {
            Series se = series.get(s);
            String c = COLORS[s % COLORS.length];
            List<Point> pts = se.points().stream().filter(p -> Double.isFinite(p.y())).toList();
            List<Point> band = pts.stream().filter(p -> Double.isFinite(p.low()) && Double.isFinite(p.high()))
                    .toList();
            if (band.size() >= 2) {
                StringBuilder poly = new StringBuilder();
                for (Point p : band) {
                    poly.append(String.format(Locale.ROOT, "%.1f,%.1f ", px.applyAsDouble(p.x()),
                            py.applyAsDouble(p.high())));
                }
                for (int i = band.size() - 1; i >= 0; i--) {
                    Point p = band.get(i);
                    poly.append(String.format(Locale.ROOT, "%.1f,%.1f ", px.applyAsDouble(p.x()),
                            py.applyAsDouble(p.low())));
                }
                sb.append(String.format(Locale.ROOT, "<polygon class=\"band\" points=\"%s\" fill=\"%s\" "
                        + "fill-opacity=\"0.15\" stroke=\"none\"/>", poly.toString().strip(), c));
            }
            if (pts.size() >= 2) {
                StringBuilder line = new StringBuilder();
                for (Point p : pts) {
                    line.append(String.format(Locale.ROOT, "%.1f,%.1f ", px.applyAsDouble(p.x()),
                            py.applyAsDouble(p.y())));
                }
                sb.append(String.format(Locale.ROOT, "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" "
                        + "stroke-width=\"2\"/>", line.toString().strip(), c));
            }
            for (Point p : pts) {
                sb.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\" fill=\"%s\"><title>%s, "
                        + "%d frames: %s [%s, %s], n = %d</title></circle>", px.applyAsDouble(p.x()),
                        py.applyAsDouble(p.y()), c, Html.esc(se.name()), (int) p.x(), Html.num(p.y(), 2),
                        Html.num(p.low(), 2), Html.num(p.high(), 2), p.n()));
            }
            double ly = top + 8 + s * 18;
            sb.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"14\" height=\"4\" fill=\"%s\"/>"
                    + "<text x=\"%.1f\" y=\"%.1f\">%s</text>", left + pw + 14, ly - 4, c, left + pw + 32, ly + 1,
                    Html.esc(Html.abbreviate(se.name(), 22))));
        }
        return sb.append("</svg>").toString();
    }

    /**
     * Horizontal 100 % stacked bars, one per row, with the counts behind each segment.
     *
     * @param counts one array per row, aligned with {@code categories}
     */
    static String stackedBars(String title, List<String> rows, List<int[]> counts, List<String> categories,
            String[] colors, int width) {
        int labelW = 190;
        int barH = 16;
        int gap = 6;
        int top = 44;
        int height = top + rows.size() * (barH + gap) + 10;
        double pw = width - labelW - 60;
        StringBuilder sb = new StringBuilder(4096);
        sb.append(String.format(Locale.ROOT, "<svg class=\"chart\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
                + "role=\"img\" font-family=\"sans-serif\" font-size=\"11\">", width, height, width, height));
        sb.append("<title>").append(Html.esc(title)).append("</title>");
        sb.append(String.format(Locale.ROOT, "<text x=\"4\" y=\"16\" font-size=\"13\" font-weight=\"bold\">%s</text>",
                Html.esc(title)));
        double lx = labelW;
        for (int c = 0; c < categories.size(); c++) {
            sb.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"24\" width=\"10\" height=\"10\" fill=\"%s\"/>"
                    + "<text x=\"%.1f\" y=\"33\">%s</text>", lx, colors[c], lx + 14, Html.esc(categories.get(c))));
            lx += 14 + 7 * categories.get(c).length() + 18;
        }
        for (int r = 0; r < rows.size(); r++) {
            int y = top + r * (barH + gap);
            int[] k = counts.get(r);
            int total = 0;
            for (int v : k) {
                total += v;
            }
            sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>", labelW - 6,
                    y + barH - 4, Html.esc(rows.get(r))));
            double x = labelW;
            for (int c = 0; c < k.length; c++) {
                if (k[c] == 0 || total == 0) {
                    continue;
                }
                double w = pw * k[c] / total;
                sb.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\">"
                        + "<title>%s, %s: %d of %d (%s %%)</title></rect>", x, y, w, barH, colors[c],
                        Html.esc(rows.get(r)), Html.esc(categories.get(c)), k[c], total,
                        Html.num(100.0 * k[c] / total, 1)));
                x += w;
            }
            sb.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\">n = %d</text>", labelW + pw + 6,
                    y + barH - 4, total));
        }
        return sb.append("</svg>").toString();
    }
}
