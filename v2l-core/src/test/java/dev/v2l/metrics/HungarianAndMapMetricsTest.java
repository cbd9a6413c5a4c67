package dev.v2l.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.v2l.geom.OrientedRect;
import dev.v2l.geom.Rigid2;
import dev.v2l.geom.Vec2;
import dev.v2l.layout.Layout;
import dev.v2l.layout.LayoutObject;
import dev.v2l.layout.MapFrame;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class HungarianAndMapMetricsTest {

    /** Minimal cost over all injective assignments of the smaller side, by brute force. */
    static double bruteForce(double[][] c) {
        int r = c.length;
        int m = c[0].length;
        if (r > m) {
            double[][] t = new double[m][r];
            for (int i = 0; i < r; i++) {
                for (int j = 0; j < m; j++) {
                    t[j][i] = c[i][j];
                }
            }
            return bruteForce(t);
        }
        return best(c, 0, new boolean[m]);
    }

    private static double best(double[][] c, int row, boolean[] used) {
        if (row == c.length) {
            return 0;
        }
        double b = Double.POSITIVE_INFINITY;
        for (int j = 0; j < used.length; j++) {
            if (!used[j]) {
                used[j] = true;
                b = Math.min(b, c[row][j] + best(c, row + 1, used));
                used[j] = false;
            }
        }
        return b;
    }

    @Test
    void hungarianFindsTheMinimumForEveryShapeUpToEightByEight() {
        SplittableRandom rnd = new SplittableRandom(8);
        for (int trial = 0; trial < 600; trial++) {
            int r = 1 + rnd.nextInt(8);
            int m = 1 + rnd.nextInt(8);
            double[][] c = new double[r][m];
            for (int i = 0; i < r; i++) {
                for (int j = 0; j < m; j++) {
                    // Some ties and capped costs, as map matching produces.
                    c[i][j] = rnd.nextInt(4) == 0 ? 1.0 : Math.round(rnd.nextDouble() * 20) / 20.0;
                }
            }
            int[] a = Hungarian.solve(c);
            long assigned = java.util.Arrays.stream(a).filter(x -> x >= 0).count();
            assertThat(assigned).isEqualTo(Math.min(r, m));
            assertThat(java.util.Arrays.stream(a).filter(x -> x >= 0).distinct().count()).isEqualTo(assigned);
            assertThat(Hungarian.cost(c, a)).as("trial %d", trial).isCloseTo(bruteForce(c), within(1e-9));
        }
    }

    static LayoutObject at(String label, double x, double y) {
        return new LayoutObject(label, OrientedRect.fromBounds(x - 0.3, y - 0.3, x + 0.3, y + 0.3));
    }

    @Test
    void precisionRecallAndErrorsOnAHandMadeMap() {
        Layout truth = new Layout(MapFrame.FIRST_CAMERA, List.of(at("chair", 0, 2), at("chair", 1, 2), at("sofa", 0, 5),
                at("tv", 3, 0)));
        // One chair 0.1 m off, the other 2 m off (beyond τ), the sofa labelled "Sofas", an extra lamp, no tv.
        Layout pred = new Layout(MapFrame.UNSPECIFIED, List.of(at("chair", 0.1, 2), at("chair", 3, 2),
                at("Sofas", 0, 5.2), at("lamp", 9, 9)));
        MapMetrics.Score s = MapMetrics.compare(pred, truth, 1.0).stated();
        assertThat(s.matched()).isEqualTo(2);
        assertThat(s.precision()).isEqualTo(0.5);
        assertThat(s.recall()).isEqualTo(0.5);
        assertThat(s.f1()).isEqualTo(0.5);
        assertThat(s.meanCentreError()).isCloseTo((0.1 + 0.2) / 2, within(1e-12));
        assertThat(s.countErrorByLabel()).containsEntry("chair", 0).containsEntry("tv", 1).containsEntry("lamp", 1)
                .containsEntry("sofa", 0);
        // IoU of two 0.6 m squares offset 0.1: 0.5·0.6 / (0.72 − 0.30) etc.
        double iou1 = (0.5 * 0.6) / (2 * 0.36 - 0.5 * 0.6);
        double iou2 = (0.6 * 0.4) / (2 * 0.36 - 0.6 * 0.4);
        assertThat(s.meanIou()).isCloseTo((iou1 + iou2) / 2, within(1e-12));
    }

    @Test
    void alignmentRecoversAMapDrawnInAnotherFrame() {
        SplittableRandom rnd = new SplittableRandom(4);
        List<LayoutObject> objs = new ArrayList<>();
        String[] labels = {"sofa", "tv", "bed", "lamp", "desk", "chair", "chair", "plant"};
        for (String l : labels) {
            objs.add(at(l, rnd.nextDouble(-4, 4), rnd.nextDouble(0, 8)));
        }
        Layout truth = new Layout(MapFrame.FIRST_CAMERA, objs);
        Rigid2 elsewhere = new Rigid2(Math.toRadians(140), new Vec2(7, -3));
        Layout pred = truth.transformed(elsewhere, MapFrame.UNSPECIFIED);
        MapMetrics.Comparison c = MapMetrics.compare(pred, truth, 1.0);
        assertThat(c.stated().f1()).isLessThan(0.3);
        assertThat(c.aligned().f1()).isEqualTo(1.0);
        assertThat(c.aligned().meanCentreError()).isLessThan(1e-9);
        assertThat(c.aligned().meanIou()).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void emptyMaps() {
        Layout empty = Layout.empty(MapFrame.SCENE);
        Layout one = new Layout(MapFrame.SCENE, List.of(at("tv", 0, 0)));
        assertThat(MapMetrics.compare(empty, empty, 1).stated().f1()).isEqualTo(1.0);
        MapMetrics.Score s = MapMetrics.compare(empty, one, 1).stated();
        assertThat(s.f1()).isZero();
        assertThat(s.meanCentreError()).isNaN();
        assertThat(MapMetrics.compare(one, empty, 1).stated().precision()).isZero();
    }
}
