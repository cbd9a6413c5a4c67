package dev.v2l.render;

/**
 * Flat colours: one per category (the same for every instance of it), spread over hue so neighbouring categories
 * differ; a wooden floor and pale walls.
 */
public final class Palette {

    public static final int FLOOR = 0x7A6450;
    public static final int WALL = 0xE6E3DC;
    public static final int CEILING = 0xC9C6BF;
    public static final int SKY = 0x202830;

    private Palette() {
    }

    /** A stable colour for a label: hue from a hash, saturation and brightness from two more of its bits. */
    public static int forLabel(String label) {
        int h = 0x811C9DC5;
        for (int i = 0; i < label.length(); i++) {
            h ^= label.charAt(i);
            h *= 0x01000193;
        }
        float hue = ((h >>> 8) & 0xFFFF) / 65536f;
        float sat = 0.6f + 0.35f * (((h >>> 3) & 7) / 7f);
        float val = 0.72f + 0.25f * ((h & 7) / 7f);
        return java.awt.Color.HSBtoRGB(hue, sat, val) & 0xFFFFFF;
    }

    /** {@code rgb} shaded by {@code intensity} in [0, 1]. */
    static int shade(int rgb, float intensity) {
        int r = Math.min(255, (int) (((rgb >> 16) & 255) * intensity));
        int g = Math.min(255, (int) (((rgb >> 8) & 255) * intensity));
        int b = Math.min(255, (int) ((rgb & 255) * intensity));
        return (r << 16) | (g << 8) | b;
    }
}
