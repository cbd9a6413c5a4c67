package dev.v2l.geom;

/** Sutherland–Hodgman clipping of one convex quadrilateral by another, for intersection areas. */
final class ConvexClip {

    private ConvexClip() {
    }

    /** Area of {@code subject ∩ clip}; both are rectangles with counter-clockwise corners. */
    static double clippedArea(OrientedRect subject, OrientedRect clip) {
        // A convex quad clipped by 4 half-planes has at most 8 vertices.
        double[] px = new double[12];
        double[] py = new double[12];
        double[] qx = new double[12];
        double[] qy = new double[12];
        int n = 4;
        for (int i = 0; i < 4; i++) {
            px[i] = subject.cornerX(i);
            py[i] = subject.cornerY(i);
        }
        for (int e = 0; e < 4 && n > 0; e++) {
            double ax = clip.cornerX(e);
            double ay = clip.cornerY(e);
            double bx = clip.cornerX((e + 1) % 4);
            double by = clip.cornerY((e + 1) % 4);
            double ex = bx - ax;
            double ey = by - ay;
            if (ex == 0 && ey == 0) {
                continue; // degenerate clip edge (zero side): the other edges bound the region
            }
            int m = 0;
            for (int i = 0; i < n; i++) {
                double sx = px[i];
                double sy = py[i];
                double tx = px[(i + 1) % n];
                double ty = py[(i + 1) % n];
                double ds = ex * (sy - ay) - ey * (sx - ax); // >= 0: inside (left of a CCW edge)
                double dt = ex * (ty - ay) - ey * (tx - ax);
                if (ds >= 0) {
                    qx[m] = sx;
                    qy[m] = sy;
                    m++;
                    if (dt < 0) {
                        double f = ds / (ds - dt);
                        qx[m] = sx + f * (tx - sx);
                        qy[m] = sy + f * (ty - sy);
                        m++;
                    }
                } else if (dt >= 0) {
                    double f = ds / (ds - dt);
                    qx[m] = sx + f * (tx - sx);
                    qy[m] = sy + f * (ty - sy);
                    m++;
                }
            }
            double[] sxs = px;
            double[] sys = py;
            px = qx;
            py = qy;
            qx = sxs;
            qy = sys;
            n = m;
        }
        if (n < 3) {
            return 0;
        }
        double twice = 0;
        for (int i = 0; i < n; i++) {
            int j = (i + 1) % n;
            twice += px[i] * py[j] - px[j] * py[i];
        }
        return Math.max(0, twice / 2);
    }
}
