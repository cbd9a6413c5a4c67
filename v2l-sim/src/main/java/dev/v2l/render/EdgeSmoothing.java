package dev.v2l.render;

/**
 * Antialiasing that fits a frame budget: where the instance id or the depth changes between neighbouring pixels (an
 * object's outline or a fold), the RGB of both pixels is mixed a quarter towards the other, on the linear scale.
 * Only the RGB image changes; depth and instance ids stay exact.
 */
final class EdgeSmoothing {

    private EdgeSmoothing() {
    }

    static void apply(RenderTarget t) {
        int w = t.width;
        int h = t.height;
        int[] rgb = t.rgb;
        int[] ids = t.instance;
        float[] depth = t.depth;
        int[] src = t.scratch();
        System.arraycopy(rgb, 0, src, 0, rgb.length);
        for (int y = 0; y < h; y++) {
            int row = y * w;
            for (int x = 0; x < w; x++) {
                int p = row + x;
                if (x + 1 < w && edge(ids, depth, p, p + 1)) {
                    mix(src, rgb, p, p + 1);
                }
                if (y + 1 < h && edge(ids, depth, p, p + w)) {
                    mix(src, rgb, p, p + w);
                }
            }
        }
    }

    private static boolean edge(int[] ids, float[] depth, int p, int q) {
        if (ids[p] != ids[q]) {
            return true;
        }
        float a = depth[p];
        float b = depth[q];
        return Math.abs(a - b) > 0.04f * Math.min(a, b);
    }

    private static void mix(int[] src, int[] dst, int p, int q) {
        int a = src[p];
        int b = src[q];
        dst[p] = blend(dst[p], b);
        dst[q] = blend(dst[q], a);
    }

    /** Three quarters of {@code a}, one of {@code b}, per channel in linear light. */
    private static int blend(int a, int b) {
        float[] d = Rasterizer.DECODE;
        float r = 0.75f * d[(a >> 16) & 255] + 0.25f * d[(b >> 16) & 255];
        float g = 0.75f * d[(a >> 8) & 255] + 0.25f * d[(b >> 8) & 255];
        float bl = 0.75f * d[a & 255] + 0.25f * d[b & 255];
        int[] e = Rasterizer.ENCODE;
        return e[(int) (r * 4095f)] << 16 | e[(int) (g * 4095f)] << 8 | e[(int) (bl * 4095f)];
    }
}
