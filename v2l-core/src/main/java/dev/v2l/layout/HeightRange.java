package dev.v2l.layout;

/** An object's vertical extent, metres along the scene's up axis. */
public record HeightRange(double min, double max) {

    public HeightRange {
        if (!Double.isFinite(min) || !Double.isFinite(max) || min > max) {
            throw new IllegalArgumentException("height range needs finite min <= max, got " + min + ".." + max);
        }
    }

    public double height() {
        return max - min;
    }
}
