package dev.v2l.asset;

import dev.v2l.scene.AssetRef;
import java.util.ArrayList;
import java.util.List;

/**
 * Doors and windows made here (the CC0 catalog has none): a panelled door in its frame, and a window with frame,
 * mullions and a view of the sky through the glass. Built as meshes in the box frame of {@link ModelMesh}, at a real
 * size, so the frame keeps its proportions when placed. Ours, CC0.
 */
public final class BuiltinModels {

    public static final String CATALOG = "video2layout#builtin";
    public static final String DOOR = "door";
    public static final String WINDOW = "window";
    public static final String CREATOR = "video2layout";
    public static final String LICENSE = "CC0-1.0";

    private static final Material FRAME = new Material("frame", 0xEDEBE6, null, 0.15f, 30, 1);
    private static final Material HANDLE = new Material("handle", 0xB8B8B8, null, 0.8f, 60, 1);
    private static final Material GLASS = new Material("glass", 0xB9D3EA, skyTexture(), 0.6f, 80, 1);

    private static volatile ModelMesh door;
    private static volatile ModelMesh window;

    private BuiltinModels() {
    }

    public static AssetRef doorRef() {
        return new AssetRef(CATALOG, DOOR, "Door", CREATOR, LICENSE);
    }

    public static AssetRef windowRef() {
        return new AssetRef(CATALOG, WINDOW, "Window", CREATOR, LICENSE);
    }

    public static boolean isBuiltin(AssetRef ref) {
        return ref != null && CATALOG.equals(ref.catalog());
    }

    /** The mesh of a built-in model; the door's panel colour comes with the model. */
    public static ModelMesh mesh(String model) {
        return switch (model) {
            case DOOR -> {
                if (door == null) {
                    door = buildDoor();
                }
                yield door;
            }
            case WINDOW -> {
                if (window == null) {
                    window = buildWindow();
                }
                yield window;
            }
            default -> throw new IllegalArgumentException("no built-in model '" + model + "'; available: door, window");
        };
    }

    /** A door 0.9 m wide, 2.05 m high, 0.06 m deep (frame proud of the wall, panel set back). */
    private static ModelMesh buildDoor() {
        Builder b = new Builder(0.9, 0.06, 2.05);
        Material panel = new Material("panel", 0xC9A57A, woodTexture(), 0.12f, 25, 1);
        double f = 0.07;
        b.box(FRAME, -0.45, -0.45 + f, -0.03, 0.03, 0, 2.05);
        b.box(FRAME, 0.45 - f, 0.45, -0.03, 0.03, 0, 2.05);
        b.box(FRAME, -0.45 + f, 0.45 - f, -0.03, 0.03, 2.05 - f, 2.05);
        b.box(panel, -0.45 + f, 0.45 - f, -0.03, 0.0, 0, 2.05 - f);
        // raised panels
        b.box(panel, -0.30, 0.30, 0.0, 0.012, 1.15, 1.85);
        b.box(panel, -0.30, 0.30, 0.0, 0.012, 0.20, 0.95);
        b.box(HANDLE, 0.22, 0.32, 0.0, 0.03, 0.98, 1.02);
        return b.build();
    }

    /** A window 1.2 m wide, 1.3 m high, 0.06 m deep: frame, a cross of mullions, sky behind the glass. */
    private static ModelMesh buildWindow() {
        Builder b = new Builder(1.2, 0.06, 1.3);
        double f = 0.07;
        b.box(GLASS, -0.6 + f, 0.6 - f, -0.03, -0.02, f, 1.3 - f);
        b.box(FRAME, -0.6, -0.6 + f, -0.03, 0.03, 0, 1.3);
        b.box(FRAME, 0.6 - f, 0.6, -0.03, 0.03, 0, 1.3);
        b.box(FRAME, -0.6 + f, 0.6 - f, -0.03, 0.03, 0, f);
        b.box(FRAME, -0.6 + f, 0.6 - f, -0.03, 0.03, 1.3 - f, 1.3);
        b.box(FRAME, -0.025, 0.025, -0.02, 0.02, f, 1.3 - f);
        b.box(FRAME, -0.6 + f, 0.6 - f, -0.02, 0.02, 0.8, 0.85);
        // sill
        b.box(FRAME, -0.64, 0.64, -0.03, 0.03, -0.0001, 0.0001);
        return b.build();
    }

    static Texture skyTexture() {
        int w = 64;
        int h = 64;
        int[] px = new int[w * h];
        for (int y = 0; y < h; y++) {
            double t = y / (double) (h - 1); // 0 at the top (v = 1)
            for (int x = 0; x < w; x++) {
                int r;
                int g;
                int bl;
                double tree = 0.8 + 0.05 * Math.sin(x * 0.2) + 0.02 * Math.sin(x * 0.53 + 1);
                if (t > tree) {
                    r = 104 + (int) (8 * Math.sin(x * 0.4 + y * 0.2));
                    g = 134 + (int) (8 * Math.sin(x * 0.3 + y * 0.5));
                    bl = 98;
                } else {
                    r = (int) (150 + 90 * t);
                    g = (int) (190 + 55 * t);
                    bl = (int) (235 + 15 * t);
                }
                px[y * w + x] = clamp(r) << 16 | clamp(g) << 8 | clamp(bl);
            }
        }
        return new Texture(w, h, px);
    }

    static Texture woodTexture() {
        int w = 64;
        int h = 256;
        int[] px = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double grain = Math.sin(x * 0.45 + 1.2 * Math.sin(y * 0.02) + 0.3 * Math.sin(y * 0.11)) * 0.5 + 0.5;
                int r = (int) (204 - 10 * grain);
                int g = (int) (170 - 9 * grain);
                int bl = (int) (130 - 7 * grain);
                px[y * w + x] = clamp(r) << 16 | clamp(g) << 8 | clamp(bl);
            }
        }
        return new Texture(w, h, px);
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }

    /** Axis-aligned boxes in metres (x across, y depth with the front at +y, z up), normalised at the end. */
    private static final class Builder {
        final double sx;
        final double sy;
        final double sz;
        final List<float[]> tris = new ArrayList<>(); // 9 position + 9 normal + 6 uv
        final List<Material> mats = new ArrayList<>();
        final List<Integer> triMat = new ArrayList<>();

        Builder(double sx, double sy, double sz) {
            this.sx = sx;
            this.sy = sy;
            this.sz = sz;
        }

        void box(Material m, double x0, double x1, double y0, double y1, double z0, double z1) {
            int mi = mats.indexOf(m);
            if (mi < 0) {
                mi = mats.size();
                mats.add(m);
            }
            double[][] c = new double[8][];
            for (int i = 0; i < 8; i++) {
                c[i] = new double[] {(i & 1) == 0 ? x0 : x1, (i & 2) == 0 ? y0 : y1, (i & 4) == 0 ? z0 : z1};
            }
            // faces: -x, +x, -y, +y, -z, +z, counter-clockwise seen from outside
            quad(mi, c[0], c[4], c[6], c[2], -1, 0, 0, y1 - y0, z1 - z0);
            quad(mi, c[1], c[3], c[7], c[5], 1, 0, 0, y1 - y0, z1 - z0);
            quad(mi, c[0], c[1], c[5], c[4], 0, -1, 0, x1 - x0, z1 - z0);
            quad(mi, c[2], c[6], c[7], c[3], 0, 1, 0, x1 - x0, z1 - z0);
            quad(mi, c[0], c[2], c[3], c[1], 0, 0, -1, x1 - x0, y1 - y0);
            quad(mi, c[4], c[5], c[7], c[6], 0, 0, 1, x1 - x0, y1 - y0);
        }

        void quad(int mi, double[] a, double[] b, double[] c, double[] d, float nx, float ny, float nz, double su,
                double sv) {
            tri(mi, a, b, c, new float[] {0, 0, 1, 0, 1, 1}, nx, ny, nz);
            tri(mi, a, c, d, new float[] {0, 0, 1, 1, 0, 1}, nx, ny, nz);
        }

        void tri(int mi, double[] a, double[] b, double[] c, float[] uv, float nx, float ny, float nz) {
            float[] t = new float[24];
            double[][] p = {a, b, c};
            for (int q = 0; q < 3; q++) {
                // x here is the box frame's axis 0 (the model's left seen from the front): no mirroring
                t[3 * q] = (float) (p[q][0] / sx);
                t[3 * q + 1] = (float) (p[q][1] / sy);
                t[3 * q + 2] = (float) ((p[q][2] - sz / 2) / sz);
                t[9 + 3 * q] = nx;
                t[9 + 3 * q + 1] = ny;
                t[9 + 3 * q + 2] = nz;
            }
            System.arraycopy(uv, 0, t, 18, 6);
            tris.add(t);
            triMat.add(mi);
        }

        ModelMesh build() {
            int n = tris.size();
            float[] pos = new float[9 * n];
            float[] nrm = new float[9 * n];
            float[] uv = new float[6 * n];
            int[] mat = new int[n];
            for (int i = 0; i < n; i++) {
                float[] t = tris.get(i);
                System.arraycopy(t, 0, pos, 9 * i, 9);
                System.arraycopy(t, 9, nrm, 9 * i, 9);
                System.arraycopy(t, 18, uv, 6 * i, 6);
                mat[i] = triMat.get(i);
            }
            return new ModelMesh(n, pos, nrm, uv, mat, mats, new float[] {(float) sx, (float) sy, (float) sz});
        }
    }
}
