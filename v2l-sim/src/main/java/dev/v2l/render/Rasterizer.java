package dev.v2l.render;

import dev.v2l.geom.Vec3;
import dev.v2l.scene.CameraPose;
import dev.v2l.scene.Intrinsics;
import dev.v2l.scene.UpAxis;

/**
 * A pure-Java z-buffer rasterizer for flat-shaded triangles: pinhole projection (OpenCV convention: x right, y down,
 * z forward, pixel centres at +0.5), near-plane clipping, back-face culling, perspective-correct depth (1/z is
 * interpolated in screen space). One instance per thread; it owns no frame buffers.
 */
public final class Rasterizer {

    public static final float NEAR = 0.05f;

    // Scratch space for one clipped triangle (at most 4 vertices after the near plane).
    private final float[] cx = new float[4];
    private final float[] cy = new float[4];
    private final float[] cz = new float[4];

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
        float[] v = mesh.xyz;
        float[] tx = new float[3];
        float[] ty = new float[3];
        float[] tz = new float[3];
        for (int t = 0; t < mesh.triangles; t++) {
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
            if (nx * (v[o] - px) + ny * (v[o + 1] - py) + nz * (v[o + 2] - pz) >= 0) {
                continue;
            }
            for (int i = 0; i < 3; i++) {
                float wx = v[o + 3 * i] - px;
                float wy = v[o + 3 * i + 1] - py;
                float wz = v[o + 3 * i + 2] - pz;
                tx[i] = wx * rx + wy * ry + wz * rz;
                ty[i] = wx * dx + wy * dy + wz * dz;
                tz[i] = wx * fx0 + wy * fy0 + wz * fz0;
            }
            int n = clipNear(tx, ty, tz);
            if (n < 3) {
                continue;
            }
            int colour = mesh.colour[t];
            int inst = mesh.instance[t];
            for (int i = 1; i + 1 < n; i++) {
                fill(k, target, 0, i, i + 1, colour, inst);
            }
        }
    }

    /** Clips a camera-space triangle against z = NEAR into cx/cy/cz; returns the vertex count (0, 3 or 4). */
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
                n++;
            }
            if (inI != inJ) {
                float f = (NEAR - z[i]) / (z[j] - z[i]);
                cx[n] = x[i] + f * (x[j] - x[i]);
                cy[n] = y[i] + f * (y[j] - y[i]);
                cz[n] = NEAR;
                n++;
            }
        }
        return n;
    }

    private void fill(Intrinsics k, RenderTarget t, int a, int b, int c, int colour, int inst) {
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
                    float z = 1f / (w0 * iza + w1 * izb + w2 * izc);
                    int p = row + x;
                    if (z < depth[p]) {
                        depth[p] = z;
                        rgb[p] = colour;
                        ids[p] = inst;
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
