package dev.v2l.render;

import dev.v2l.asset.Material;
import dev.v2l.asset.Texture;
import dev.v2l.geom.Vec3;
import dev.v2l.scene.CameraPose;
import dev.v2l.scene.Intrinsics;
import dev.v2l.scene.UpAxis;

/**
 * A pure-Java z-buffer rasterizer for textured, lit triangles: pinhole projection (OpenCV convention: x right, y
 * down, z forward, pixel centres at +0.5), near-plane clipping, back-face culling (models draw both sides),
 * perspective-correct depth, texture coordinates and light (each divided by z and interpolated in screen space).
 * Shading is in linear light — texels decoded from sRGB, times the baked light of {@link SceneMesh}, plus a
 * Blinn-Phong highlight of the ceiling light computed per corner for this view — and encoded back to sRGB. Glass-like
 * materials are drawn last, blended over what is behind them without touching depth or instance ids, so depth and
 * instance buffers describe exactly the opaque surface each pixel shows. Edges between objects are then smoothed in
 * the RGB image only ({@link EdgeSmoothing}). One instance per thread; it owns no frame buffers.
 */
public final class Rasterizer {

    public static final float NEAR = 0.05f;

    /** sRGB byte → linear. */
    static final float[] DECODE = new float[256];
    /** linear × 4095 → sRGB byte. */
    static final int[] ENCODE = new int[4096];

    static {
        for (int i = 0; i < 256; i++) {
            double c = i / 255.0;
            DECODE[i] = (float) (c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4));
        }
        for (int i = 0; i < 4096; i++) {
            double l = i / 4095.0;
            double c = l <= 0.0031308 ? l * 12.92 : 1.055 * Math.pow(l, 1 / 2.4) - 0.055;
            ENCODE[i] = (int) Math.round(Math.max(0, Math.min(1, c)) * 255);
        }
    }

    private static final int ATTRS = 6; // light r, g, b, specular, u, v

    // Scratch space for one clipped triangle (at most 4 vertices after the near plane).
    private final float[] cx = new float[4];
    private final float[] cy = new float[4];
    private final float[] cz = new float[4];
    private final float[] ca = new float[4 * ATTRS];
    private final float[] va = new float[3 * ATTRS];

    private boolean smoothEdges = true;
    private int hidden = -1;
    private boolean cullObjects = true;
    private int culled;

    /** Whether to smooth object edges in the RGB image (on by default; tests of exact colours turn it off). */
    public Rasterizer smoothEdges(boolean on) {
        this.smoothEdges = on;
        return this;
    }

    /** Draws every object's triangles, even of objects wholly outside the view (tests: culling changes no pixel). */
    Rasterizer noCulling() {
        this.cullObjects = false;
        return this;
    }

    /** Objects skipped whole in the last render, being wholly outside the view. */
    int culled() {
        return culled;
    }

    /** Leaves out one instance's triangles (tests compare frames with and without an object). */
    Rasterizer hide(int instance) {
        this.hidden = instance;
        return this;
    }

    /**
     * Renders the mesh seen from {@code pose} (in the scene's world frame) into {@code target}.
     *
     * @param up the scene's up axis (for the pose)
     */
    public void render(SceneMesh mesh, UpAxis up, CameraPose pose, Intrinsics k, RenderTarget target) {
        if (k.width() != target.width || k.height() != target.height) {
            throw new IllegalArgumentException("intrinsics are for " + k.width() + "x" + k.height()
                    + ", the target is " + target.width + "x" + target.height);
        }
        target.clear();
        Vec3 pos = RenderFrame.toRender(up, pose.position());
        Vec3 fwd = RenderFrame.toRender(up, pose.forward()).normalized();
        Vec3 upv = RenderFrame.toRender(up, pose.up());
        Vec3 right = fwd.cross(upv).normalized();
        Vec3 down = fwd.cross(right).normalized(); // image y grows downwards
        float px = (float) pos.x();
        float py = (float) pos.y();
        float pz = (float) pos.z();
        float rx = (float) right.x();
        float ry = (float) right.y();
        float rz = (float) right.z();
        float dx = (float) down.x();
        float dy = (float) down.y();
        float dz = (float) down.z();
        float fx0 = (float) fwd.x();
        float fy0 = (float) fwd.y();
        float fz0 = (float) fwd.z();
        float lx = (float) mesh.keyLight.x();
        float ly = (float) mesh.keyLight.y();
        float lz = (float) mesh.keyLight.z();
        float[] v = mesh.xyz;
        float[] nrm = mesh.normal;
        float[] light = mesh.light;
        float[] uv = mesh.uv;
        float[] tx = new float[3];
        float[] ty = new float[3];
        float[] tz = new float[3];
        boolean[] outside = cullObjects ? outsideView(mesh, px, py, pz, rx, ry, rz, dx, dy, dz, fx0, fy0, fz0, k)
                : new boolean[mesh.instanceSpheres.length / 4];
        culled = 0;
        for (boolean o : outside) {
            culled += o ? 1 : 0;
        }
        for (int t = 0; t < mesh.triangles; t++) {
            if (outside[mesh.instance[t]]) {
                continue;
            }
            int o = 9 * t;
            // Back-face culling in 3D: the face normal must point at the camera.
            float e1x = v[o + 3] - v[o];
            float e1y = v[o + 4] - v[o + 1];
            float e1z = v[o + 5] - v[o + 2];
            float e2x = v[o + 6] - v[o];
            float e2y = v[o + 7] - v[o + 1];
            float e2z = v[o + 8] - v[o + 2];
            float nx = e1y * e2z - e1z * e2y;
            float ny = e1z * e2x - e1x * e2z;
            float nz = e1x * e2y - e1y * e2x;
            boolean back = nx * (v[o] - px) + ny * (v[o + 1] - py) + nz * (v[o + 2] - pz) >= 0;
            if (back && !mesh.twoSided[t] || mesh.instance[t] == hidden) {
                continue;
            }
            Material m = mesh.materials[mesh.material[t]];
            for (int i = 0; i < 3; i++) {
                float wx = v[o + 3 * i] - px;
                float wy = v[o + 3 * i + 1] - py;
                float wz = v[o + 3 * i + 2] - pz;
                tx[i] = wx * rx + wy * ry + wz * rz;
                ty[i] = wx * dx + wy * dy + wz * dz;
                tz[i] = wx * fx0 + wy * fy0 + wz * fz0;
                int a = ATTRS * i;
                va[a] = light[o + 3 * i];
                va[a + 1] = light[o + 3 * i + 1];
                va[a + 2] = light[o + 3 * i + 2];
                float spec = 0;
                if (m.specular() > 0.02f) {
                    // Blinn-Phong: half vector between the directions to the light and to the eye
                    float sx = v[o + 3 * i];
                    float sy = v[o + 3 * i + 1];
                    float sz = v[o + 3 * i + 2];
                    float ax = lx - sx;
                    float ay = ly - sy;
                    float az = lz - sz;
                    float al = (float) Math.sqrt(ax * ax + ay * ay + az * az);
                    float ex = -wx;
                    float ey = -wy;
                    float ez = -wz;
                    float el = (float) Math.sqrt(ex * ex + ey * ey + ez * ez);
                    float hx = ax / al + ex / el;
                    float hy = ay / al + ey / el;
                    float hz = az / al + ez / el;
                    float hl = (float) Math.sqrt(hx * hx + hy * hy + hz * hz);
                    float sn = back ? -1 : 1;
                    float ndh = sn * (nrm[o + 3 * i] * hx + nrm[o + 3 * i + 1] * hy + nrm[o + 3 * i + 2] * hz) / hl;
                    if (ndh > 0) {
                        spec = 0.35f * m.specular() * (float) Math.pow(ndh, m.shininess()) / (1 + 0.08f * al * al);
                    }
                }
                va[a + 3] = spec;
                va[a + 4] = uv[6 * t + 2 * i];
                va[a + 5] = uv[6 * t + 2 * i + 1];
            }
            int n = clipNear(tx, ty, tz);
            if (n < 3) {
                continue;
            }
            int inst = mesh.instance[t];
            boolean glass = t >= mesh.opaqueTriangles;
            for (int i = 1; i + 1 < n; i++) {
                fill(k, target, 0, i, i + 1, m, inst, glass);
            }
        }
        if (smoothEdges) {
            EdgeSmoothing.apply(target);
        }
    }

    /**
     * Which objects lie wholly outside the view (their bounding sphere behind the near plane or beyond an image edge,
     * with two pixels to spare): none of their triangles could cover a pixel, so they are skipped whole. Structure
     * (floor, walls) is never skipped.
     */
    private static boolean[] outsideView(SceneMesh mesh, float px, float py, float pz, float rx, float ry, float rz,
            float dx, float dy, float dz, float fx0, float fy0, float fz0, Intrinsics k) {
        float[] sp = mesh.instanceSpheres;
        boolean[] out = new boolean[sp.length / 4];
        double fx = k.fx();
        double fy = k.fy();
        // image edges widened by 2 px: u = fx·x/z + cx must stay in [-2, w + 2], v likewise
        double l = k.cx() + 2;
        double r = k.width() + 2 - k.cx();
        double t = k.cy() + 2;
        double b = k.height() + 2 - k.cy();
        double nl = Math.hypot(fx, l);
        double nr = Math.hypot(fx, r);
        double nt = Math.hypot(fy, t);
        double nb = Math.hypot(fy, b);
        for (int i = 1; i < out.length; i++) {
            float rad = sp[4 * i + 3];
            if (rad < 0) {
                continue;
            }
            float wx = sp[4 * i] - px;
            float wy = sp[4 * i + 1] - py;
            float wz = sp[4 * i + 2] - pz;
            double x = wx * rx + wy * ry + wz * rz;
            double y = wx * dx + wy * dy + wz * dz;
            double z = wx * fx0 + wy * fy0 + wz * fz0;
            out[i] = z + rad < NEAR // behind the near plane
                    || (fx * x + l * z) / nl < -rad // left of u = -2
                    || (r * z - fx * x) / nr < -rad // right of u = w + 2
                    || (fy * y + t * z) / nt < -rad // above v = -2
                    || (b * z - fy * y) / nb < -rad; // below v = h + 2
        }
        return out;
    }

    /** Clips a camera-space triangle (and its attributes) against z = NEAR; returns the vertex count (0, 3 or 4). */
    private int clipNear(float[] x, float[] y, float[] z) {
        int n = 0;
        for (int i = 0; i < 3; i++) {
            int j = (i + 1) % 3;
            boolean inI = z[i] >= NEAR;
            boolean inJ = z[j] >= NEAR;
            if (inI) {
                cx[n] = x[i];
                cy[n] = y[i];
                cz[n] = z[i];
                System.arraycopy(va, ATTRS * i, ca, ATTRS * n, ATTRS);
                n++;
            }
            if (inI != inJ) {
                float f = (NEAR - z[i]) / (z[j] - z[i]);
                cx[n] = x[i] + f * (x[j] - x[i]);
                cy[n] = y[i] + f * (y[j] - y[i]);
                cz[n] = NEAR;
                for (int a = 0; a < ATTRS; a++) {
                    ca[ATTRS * n + a] = va[ATTRS * i + a] + f * (va[ATTRS * j + a] - va[ATTRS * i + a]);
                }
                n++;
            }
        }
        return n;
    }

    private void fill(Intrinsics k, RenderTarget t, int a, int b, int c, Material m, int inst, boolean glass) {
        float fx = (float) k.fx();
        float fy = (float) k.fy();
        float ccx = (float) k.cx();
        float ccy = (float) k.cy();
        float iza = 1f / cz[a];
        float izb = 1f / cz[b];
        float izc = 1f / cz[c];
        float ax = fx * cx[a] * iza + ccx;
        float ay = fy * cy[a] * iza + ccy;
        float bx = fx * cx[b] * izb + ccx;
        float by = fy * cy[b] * izb + ccy;
        float qx = fx * cx[c] * izc + ccx;
        float qy = fy * cy[c] * izc + ccy;
        float area = (bx - ax) * (qy - ay) - (by - ay) * (qx - ax);
        if (area == 0 || Float.isNaN(area)) {
            return;
        }
        int minX = Math.max(0, (int) Math.floor(Math.min(ax, Math.min(bx, qx))));
        int maxX = Math.min(t.width - 1, (int) Math.ceil(Math.max(ax, Math.max(bx, qx))));
        int minY = Math.max(0, (int) Math.floor(Math.min(ay, Math.min(by, qy))));
        int maxY = Math.min(t.height - 1, (int) Math.ceil(Math.max(ay, Math.max(by, qy))));
        if (minX > maxX || minY > maxY) {
            return;
        }
        float inv = 1f / area;
        // Edge functions w0 (opposite a), w1 (opposite b), w2 (opposite c), normalised by the area.
        float w0dx = (by - qy) * inv;
        float w0dy = (qx - bx) * inv;
        float w1dx = (qy - ay) * inv;
        float w1dy = (ax - qx) * inv;
        float w2dx = (ay - by) * inv;
        float w2dy = (bx - ax) * inv;
        float sx = minX + 0.5f;
        float sy = minY + 0.5f;
        float w0row = ((bx - sx) * (qy - sy) - (by - sy) * (qx - sx)) * inv;
        float w1row = ((qx - sx) * (ay - sy) - (qy - sy) * (ax - sx)) * inv;
        float w2row = ((ax - sx) * (by - sy) - (ay - sy) * (bx - sx)) * inv;
        // attributes over z at the three corners
        int oa = ATTRS * a;
        int ob = ATTRS * b;
        int oc = ATTRS * c;
        float ra = ca[oa] * iza;
        float rb = ca[ob] * izb;
        float rc = ca[oc] * izc;
        float ga = ca[oa + 1] * iza;
        float gb = ca[ob + 1] * izb;
        float gc = ca[oc + 1] * izc;
        float ba = ca[oa + 2] * iza;
        float bb = ca[ob + 2] * izb;
        float bc = ca[oc + 2] * izc;
        float sa = ca[oa + 3] * iza;
        float sb = ca[ob + 3] * izb;
        float sc = ca[oc + 3] * izc;
        float ua = ca[oa + 4] * iza;
        float ub = ca[ob + 4] * izb;
        float uc = ca[oc + 4] * izc;
        float pa = ca[oa + 5] * iza;
        float pb = ca[ob + 5] * izb;
        float pc = ca[oc + 5] * izc;
        Texture tex = m.texture();
        int[] texels = tex == null ? null : tex.texels;
        int tw = tex == null ? 0 : tex.width;
        int umask = tw - 1;
        int vmask = tex == null ? 0 : tex.height - 1;
        int flat = m.diffuse();
        float fr = DECODE[(flat >> 16) & 255];
        float fg = DECODE[(flat >> 8) & 255];
        float fb = DECODE[flat & 255];
        float alpha = m.opacity();
        int[] rgb = t.rgb;
        float[] depth = t.depth;
        int[] ids = t.instance;
        int width = t.width;
        for (int y = minY; y <= maxY; y++) {
            float w0 = w0row;
            float w1 = w1row;
            float w2 = w2row;
            int row = y * width;
            for (int x = minX; x <= maxX; x++) {
                if (w0 >= 0 && w1 >= 0 && w2 >= 0) {
                    float iz = w0 * iza + w1 * izb + w2 * izc;
                    float z = 1f / iz;
                    int p = row + x;
                    if (z < depth[p]) {
                        float cr;
                        float cg;
                        float cb;
                        if (texels != null) {
                            float u = (w0 * ua + w1 * ub + w2 * uc) * z;
                            float vv = (w0 * pa + w1 * pb + w2 * pc) * z;
                            int texel = texels[(((int) Math.floor(vv)) & vmask) * tw + (((int) Math.floor(u)) & umask)];
                            cr = DECODE[(texel >> 16) & 255];
                            cg = DECODE[(texel >> 8) & 255];
                            cb = DECODE[texel & 255];
                        } else {
                            cr = fr;
                            cg = fg;
                            cb = fb;
                        }
                        float spec = (w0 * sa + w1 * sb + w2 * sc) * z;
                        float lr = cr * (w0 * ra + w1 * rb + w2 * rc) * z + spec;
                        float lg = cg * (w0 * ga + w1 * gb + w2 * gc) * z + spec;
                        float lb = cb * (w0 * ba + w1 * bb + w2 * bc) * z + spec;
                        if (glass) {
                            int old = rgb[p];
                            lr = alpha * lr + (1 - alpha) * DECODE[(old >> 16) & 255];
                            lg = alpha * lg + (1 - alpha) * DECODE[(old >> 8) & 255];
                            lb = alpha * lb + (1 - alpha) * DECODE[old & 255];
                        } else {
                            depth[p] = z;
                            ids[p] = inst;
                        }
                        rgb[p] = ENCODE[Math.min(4095, (int) (lr * 4095f))] << 16
                                | ENCODE[Math.min(4095, (int) (lg * 4095f))] << 8
                                | ENCODE[Math.min(4095, (int) (lb * 4095f))];
                    }
                }
                w0 += w0dx;
                w1 += w1dx;
                w2 += w2dx;
            }
            w0row += w0dy;
            w1row += w1dy;
            w2row += w2dy;
        }
    }
}
