package dev.v2l.source;

import dev.v2l.geom.Vec3;
import dev.v2l.scene.OrientedBox;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Recovering an oriented box from its eight corner points, whatever order the source lists them in. */
final class BoxFitting {

    private BoxFitting() {
    }

    /**
     * From a corner, the three nearest other corners lie along the box's three edges (a face diagonal is longer than
     * either of its edges). Their directions are orthonormalized; zero-length edges (flat boxes) get a direction
     * completing the frame.
     */
    static OrientedBox fromCorners(List<Vec3> corners) {
        Vec3 center = Vec3.ZERO;
        for (Vec3 c : corners) {
            center = center.plus(c);
        }
        center = center.times(1.0 / corners.size());
        Vec3 c0 = corners.get(0);
        List<Vec3> edges = new ArrayList<>();
        for (int i = 1; i < corners.size(); i++) {
            edges.add(corners.get(i).minus(c0));
        }
        edges.sort(Comparator.comparingDouble(Vec3::length));
        // Choose three mutually (nearly) orthogonal edges among the shortest ones.
        List<Vec3> chosen = new ArrayList<>(3);
        for (Vec3 e : edges) {
            if (chosen.size() == 3) {
                break;
            }
            if (e.length() < 1e-9) {
                continue;
            }
            boolean orthogonal = true;
            for (Vec3 c : chosen) {
                if (Math.abs(c.normalized().dot(e.normalized())) > 0.05) {
                    orthogonal = false;
                    break;
                }
            }
            if (orthogonal) {
                chosen.add(e);
            }
        }
        double[] lengths = new double[3];
        Vec3[] axes = new Vec3[3];
        for (int i = 0; i < chosen.size(); i++) {
            lengths[i] = chosen.get(i).length();
            axes[i] = chosen.get(i).normalized();
        }
        // Complete a degenerate frame (flat or line-like boxes).
        if (chosen.isEmpty()) {
            axes[0] = new Vec3(1, 0, 0);
        }
        if (chosen.size() < 2) {
            Vec3 helper = Math.abs(axes[0].x()) < 0.9 ? new Vec3(1, 0, 0) : new Vec3(0, 1, 0);
            axes[1] = axes[0].cross(helper).normalized();
        }
        if (chosen.size() < 3) {
            axes[2] = axes[0].cross(axes[1]).normalized();
        }
        axes[1] = axes[1].minus(axes[0].times(axes[1].dot(axes[0]))).normalized();
        axes[2] = axes[0].cross(axes[1]).times(Math.signum(axes[0].cross(axes[1]).dot(axes[2])) < 0 ? -1 : 1);
        // Lengths along the final axes: the extent of all corners (robust to slightly skewed input).
        for (int i = 0; i < 3; i++) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (Vec3 c : corners) {
                double d = c.minus(center).dot(axes[i]);
                min = Math.min(min, d);
                max = Math.max(max, d);
            }
            lengths[i] = max - min;
        }
        return new OrientedBox(center, axes[0], axes[1], axes[2], lengths[0], lengths[1], lengths[2]);
    }
}
