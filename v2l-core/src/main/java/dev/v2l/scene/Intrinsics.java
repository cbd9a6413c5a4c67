package dev.v2l.scene;

/** Pinhole intrinsics: image size in pixels, focal lengths and principal point in pixels. */
public record Intrinsics(int width, int height, double fx, double fy, double cx, double cy) {

    public Intrinsics {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("image size must be positive, got " + width + "x" + height);
        }
        if (!(fx > 0) || !(fy > 0) || Double.isInfinite(fx) || Double.isInfinite(fy)) {
            throw new IllegalArgumentException("focal lengths must be finite and > 0, got " + fx + ", " + fy);
        }
    }

    /** Square pixels, principal point at the image centre, from the vertical field of view. */
    public static Intrinsics fromVerticalFov(int width, int height, double verticalFovDegrees) {
        if (!(verticalFovDegrees > 0 && verticalFovDegrees < 180)) {
            throw new IllegalArgumentException("field of view must be in (0, 180) degrees, got " + verticalFovDegrees);
        }
        double f = (height / 2.0) / Math.tan(Math.toRadians(verticalFovDegrees) / 2);
        return new Intrinsics(width, height, f, f, width / 2.0, height / 2.0);
    }

    public double verticalFovDegrees() {
        return Math.toDegrees(2 * Math.atan((height / 2.0) / fy));
    }

    public double horizontalFovDegrees() {
        return Math.toDegrees(2 * Math.atan((width / 2.0) / fx));
    }
}
