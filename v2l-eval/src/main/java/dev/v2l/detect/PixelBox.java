package dev.v2l.detect;

/**
 * An axis-aligned box in image pixels: {@code x0, y0} the top-left corner, {@code x1, y1} the bottom-right, in
 * continuous pixel coordinates (the left edge of the image is x = 0, its right edge x = width; pixel (i, j) covers
 * [i, i + 1) × [j, j + 1)). Empty when {@code x1 <= x0} or {@code y1 <= y0}.
 */
public record PixelBox(double x0, double y0, double x1, double y1) {

    public PixelBox {
        if (!(Double.isFinite(x0) && Double.isFinite(y0) && Double.isFinite(x1) && Double.isFinite(y1))) {
            throw new IllegalArgumentException("box corners must be finite, got " + x0 + ", " + y0 + ", " + x1 + ", "
                    + y1);
        }
    }

    public double width() {
        return Math.max(0, x1 - x0);
    }

    public double height() {
        return Math.max(0, y1 - y0);
    }

    public double area() {
        return width() * height();
    }

    public double centerX() {
        return (x0 + x1) / 2;
    }

    public double centerY() {
        return (y0 + y1) / 2;
    }

    /** Intersection over union; 0 when both are empty. */
    public double iou(PixelBox o) {
        double iw = Math.min(x1, o.x1) - Math.max(x0, o.x0);
        double ih = Math.min(y1, o.y1) - Math.max(y0, o.y0);
        if (iw <= 0 || ih <= 0) {
            return 0;
        }
        double inter = iw * ih;
        double union = area() + o.area() - inter;
        return union <= 0 ? 0 : inter / union;
    }

    /** This box clipped to {@code [0, width] × [0, height]}. */
    public PixelBox clipped(double width, double height) {
        return new PixelBox(clamp(x0, width), clamp(y0, height), clamp(x1, width), clamp(y1, height));
    }

    private static double clamp(double v, double max) {
        return Math.max(0, Math.min(max, v));
    }
}
