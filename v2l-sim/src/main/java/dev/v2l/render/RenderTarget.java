package dev.v2l.render;

import java.util.Arrays;

/**
 * One frame's buffers: packed RGB, depth in metres along the optical axis (+∞ where nothing was hit), and the
 * instance number per pixel (object index + 1; 0 for structure and background). Reused frame after frame.
 */
public final class RenderTarget {

    public final int width;
    public final int height;
    public final int[] rgb;
    public final float[] depth;
    public final int[] instance;
    private int[] scratch;

    public RenderTarget(int width, int height) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("image size must be positive, got " + width + "x" + height);
        }
        this.width = width;
        this.height = height;
        this.rgb = new int[width * height];
        this.depth = new float[width * height];
        this.instance = new int[width * height];
    }

    /** A buffer the size of the image for post-processing passes (allocated once). */
    int[] scratch() {
        if (scratch == null) {
            scratch = new int[width * height];
        }
        return scratch;
    }

    void clear() {
        Arrays.fill(rgb, Palette.SKY);
        Arrays.fill(depth, Float.POSITIVE_INFINITY);
        Arrays.fill(instance, 0);
    }

    /** Pixel counts per instance number (index 0: structure and background). */
    public int[] instancePixelCounts(int instances) {
        int[] counts = new int[instances + 1];
        for (int v : instance) {
            counts[v]++;
        }
        return counts;
    }
}
