package dev.v2l.render;

import dev.v2l.asset.Texture;
import java.util.SplittableRandom;

/**
 * Floor and wall textures made here (ours, CC0): wooden planks, ceramic tiles, carpet, and painted plaster, in a few
 * colour variants; deterministic for a variant number. Each texture covers {@link #metres} on a side.
 */
final class SurfaceTextures {

    enum Kind { PLANKS, TILES, CARPET, PAINT, WALL_TILES }

    record Surface(Texture texture, double metres) {
    }

    private static final int[][] WOODS = {{168, 124, 84}, {196, 156, 110}, {128, 88, 60}, {206, 178, 140}};
    private static final int[][] TILES = {{214, 212, 206}, {186, 190, 192}, {226, 220, 204}, {150, 154, 158}};
    private static final int[][] CARPETS = {{150, 140, 128}, {120, 128, 140}, {170, 160, 150}, {132, 118, 108}};
    private static final int[][] PAINTS = {{236, 232, 222}, {226, 222, 212}, {214, 222, 226}, {232, 224, 206},
        {220, 228, 214}, {240, 238, 234}};

    private SurfaceTextures() {
    }

    static Surface make(Kind kind, int variant) {
        SplittableRandom rnd = new SplittableRandom(kind.ordinal() * 1000L + variant);
        return switch (kind) {
            case PLANKS -> new Surface(planks(WOODS[Math.floorMod(variant, WOODS.length)], rnd), 1.6);
            case TILES -> new Surface(tiles(TILES[Math.floorMod(variant, TILES.length)], 4, rnd), 1.2);
            case WALL_TILES -> new Surface(tiles(TILES[Math.floorMod(variant + 2, TILES.length)], 8, rnd), 1.2);
            case CARPET -> new Surface(noise(CARPETS[Math.floorMod(variant, CARPETS.length)], 10, rnd), 1.0);
            case PAINT -> new Surface(noise(PAINTS[Math.floorMod(variant, PAINTS.length)], 3, rnd), 2.0);
        };
    }

    private static Texture planks(int[] c, SplittableRandom rnd) {
        int w = 256;
        int h = 256;
        int[] px = new int[w * h];
        int rows = 8; // planks 20 cm wide over 1.6 m
        double[] shade = new double[rows * 4];
        int[] offset = new int[rows];
        for (int i = 0; i < shade.length; i++) {
            shade[i] = 0.82 + 0.3 * rnd.nextDouble();
        }
        for (int r = 0; r < rows; r++) {
            offset[r] = rnd.nextInt(w);
        }
        for (int y = 0; y < h; y++) {
            int row = y * rows / h;
            int inRow = y - row * h / rows;
            for (int x = 0; x < w; x++) {
                int xs = (x + offset[row]) % w;
                int seg = xs * 2 / w; // two planks per row across the tile
                double s = shade[row * 4 + seg];
                double grain = 0.95 + 0.05 * Math.sin(xs * 0.11 + 1.5 * Math.sin(y * 0.23 + row) + seg);
                double k = s * grain;
                boolean seam = inRow == 0 || xs % (w / 2) == 0;
                if (seam) {
                    k *= 0.62;
                }
                px[y * w + x] = rgb(c[0] * k, c[1] * k, c[2] * k);
            }
        }
        return new Texture(w, h, px);
    }

    private static Texture tiles(int[] c, int count, SplittableRandom rnd) {
        int w = 256;
        int[] px = new int[w * w];
        int cell = w / count;
        for (int y = 0; y < w; y++) {
            for (int x = 0; x < w; x++) {
                boolean grout = x % cell < 2 || y % cell < 2;
                double k = grout ? 0.72 : 0.97 + 0.03 * Math.sin((x / cell) * 7.1 + (y / cell) * 3.3)
                        + 0.015 * (rnd.nextDouble() - 0.5);
                px[y * w + x] = rgb(c[0] * k, c[1] * k, c[2] * k);
            }
        }
        return new Texture(w, w, px);
    }

    private static Texture noise(int[] c, int amount, SplittableRandom rnd) {
        int w = 128;
        int[] px = new int[w * w];
        for (int i = 0; i < px.length; i++) {
            double k = 1 + amount / 255.0 * (rnd.nextDouble() * 2 - 1);
            px[i] = rgb(c[0] * k, c[1] * k, c[2] * k);
        }
        return new Texture(w, w, px);
    }

    private static int rgb(double r, double g, double b) {
        return clamp(r) << 16 | clamp(g) << 8 | clamp(b);
    }

    private static int clamp(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }
}
