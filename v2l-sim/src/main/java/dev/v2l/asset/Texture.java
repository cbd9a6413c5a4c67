package dev.v2l.asset;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * An image to map onto triangles: packed sRGB texels (0xRRGGBB), row 0 at the top, sampled with wrap-around.
 * Width and height are powers of two so sampling wraps with a mask.
 */
public final class Texture {

    public final int width;
    public final int height;
    public final int[] texels;
    /** The mean colour (sRGB), for shading from far away and for flat renders. */
    public final int mean;

    public Texture(int width, int height, int[] texels) {
        if (Integer.bitCount(width) != 1 || Integer.bitCount(height) != 1 || texels.length != width * height) {
            throw new IllegalArgumentException("texture must be power-of-two sized, got " + width + "x" + height);
        }
        this.width = width;
        this.height = height;
        this.texels = texels;
        long r = 0;
        long g = 0;
        long b = 0;
        for (int t : texels) {
            r += (t >> 16) & 255;
            g += (t >> 8) & 255;
            b += t & 255;
        }
        int n = texels.length;
        this.mean = (int) (r / n) << 16 | (int) (g / n) << 8 | (int) (b / n);
    }

    /** An image resampled to power-of-two sides no larger than {@code maxSide}. */
    public static Texture of(BufferedImage img, int maxSide) {
        int w = fit(img.getWidth(), maxSide);
        int h = fit(img.getHeight(), maxSide);
        BufferedImage scaled = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = scaled.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        // Halve step by step so large images average instead of aliasing.
        BufferedImage cur = img;
        while (cur.getWidth() / 2 >= w * 2 || cur.getHeight() / 2 >= h * 2) {
            int cw = Math.max(w, cur.getWidth() / 2);
            int ch = Math.max(h, cur.getHeight() / 2);
            BufferedImage half = new BufferedImage(cw, ch, BufferedImage.TYPE_INT_RGB);
            Graphics2D hg = half.createGraphics();
            hg.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            hg.drawImage(cur, 0, 0, cw, ch, null);
            hg.dispose();
            cur = half;
        }
        g.drawImage(cur, 0, 0, w, h, null);
        g.dispose();
        int[] px = scaled.getRGB(0, 0, w, h, null, 0, w);
        for (int i = 0; i < px.length; i++) {
            px[i] &= 0xFFFFFF;
        }
        return new Texture(w, h, px);
    }

    private static int fit(int side, int max) {
        int p = Integer.highestOneBit(Math.max(1, side));
        if (p < side && p * 2 <= max && side - p > p / 2) {
            p *= 2; // round to the nearer power of two
        }
        return Math.max(1, Math.min(p, Integer.highestOneBit(max)));
    }
}
