package dev.v2l.geom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.v2l.testing.RandomShapes;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GeometryTest {

    @Test
    void prismDistanceIsTheHypotenuseOfTheFloorAndVerticalGaps() {
        Prism floorBox = new Prism(OrientedRect.fromBounds(0, 0, 1, 1), 0, 1);
        Prism shelf = new Prism(OrientedRect.fromBounds(4, 0, 5, 1), 5, 6);
        assertThat(floorBox.distanceTo(shelf)).isCloseTo(5.0, within(1e-12)); // gaps 3 and 4
        Prism lamp = new Prism(OrientedRect.fromBounds(0.2, 0.2, 0.4, 0.4), 1, 1.5); // stands on the box
        assertThat(floorBox.distanceTo(lamp)).isZero();
        Prism above = new Prism(OrientedRect.fromBounds(0.2, 0.2, 0.4, 0.4), 1.3, 1.5);
        assertThat(floorBox.distanceTo(above)).isCloseTo(0.3, within(1e-12));
        assertThat(above.distanceTo(floorBox)).isEqualTo(floorBox.distanceTo(above));
        assertThatThrownBy(() -> new Prism(OrientedRect.fromBounds(0, 0, 1, 1), 2, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void prismDistanceMatchesBruteForceOverSurfacePoints() {
        SplittableRandom rnd = new SplittableRandom(3);
        for (int c = 0; c < 60; c++) {
            Prism a = randomPrism(rnd);
            Prism b = randomPrism(rnd);
            double exact = a.distanceTo(b);
            double brute = Double.POSITIVE_INFINITY;
            List<double[]> pa = samples(a, 14);
            List<double[]> pb = samples(b, 14);
            for (double[] p : pa) {
                for (double[] q : pb) {
                    brute = Math.min(brute, Math.sqrt((p[0] - q[0]) * (p[0] - q[0]) + (p[1] - q[1]) * (p[1] - q[1])
                            + (p[2] - q[2]) * (p[2] - q[2])));
                }
            }
            // Sampling can only overestimate; with this grid it stays within a few centimetres.
            assertThat(brute).as("case %d", c).isGreaterThanOrEqualTo(exact - 1e-9);
            if (exact > 0) {
                assertThat(brute - exact).as("case %d", c).isLessThan(0.08);
            }
        }
    }

    private static Prism randomPrism(SplittableRandom rnd) {
        double z = rnd.nextDouble(0, 2);
        OrientedRect f = RandomShapes.rect(rnd, 3);
        return new Prism(new OrientedRect(f.center(), f.axis(), Math.max(0.05, f.halfAlongU()),
                Math.max(0.05, f.halfAlongV())), z, z + rnd.nextDouble(0.05, 1.5));
    }

    /** Points on a grid over the prism's whole volume (a superset of its surface). */
    private static List<double[]> samples(Prism p, int n) {
        List<double[]> out = new ArrayList<>();
        Vec2 u = p.footprint().axis();
        Vec2 v = u.leftNormal();
        for (int i = 0; i <= n; i++) {
            for (int j = 0; j <= n; j++) {
                double su = (2.0 * i / n - 1) * p.footprint().halfAlongU();
                double sv = (2.0 * j / n - 1) * p.footprint().halfAlongV();
                Vec2 q = p.footprint().center().plus(u.times(su)).plus(v.times(sv));
                for (int k = 0; k <= 6; k++) {
                    out.add(new double[] {q.x(), q.y(), p.zMin() + (p.zMax() - p.zMin()) * k / 6});
                }
            }
        }
        return out;
    }

    @Test
    void signedAngleIsPositiveForLeftTurns() {
        Vec2 north = new Vec2(0, 1);
        assertThat(Angles.signedDegrees(north, new Vec2(-1, 0))).isCloseTo(90, within(1e-12));
        assertThat(Angles.signedDegrees(north, new Vec2(1, 0))).isCloseTo(-90, within(1e-12));
        assertThat(Angles.signedDegrees(north, new Vec2(0, -1))).isEqualTo(180);
        assertThat(Angles.signedDegrees(north, new Vec2(0, 5))).isZero();
        assertThat(Angles.signed(north, Vec2.ZERO)).isNaN();
        assertThat(Angles.wrap(3 * Math.PI)).isCloseTo(Math.PI, within(1e-12));
        assertThat(Angles.wrap(-Math.PI)).isCloseTo(Math.PI, within(1e-12));
    }

    @Test
    void quadrantsAndTheirBoundaries() {
        Vec2 o = new Vec2(1, 1);
        Vec2 east = new Vec2(1, 0);
        assertThat(Quadrant.of(o, east, new Vec2(2, 2))).isEqualTo(new Quadrant(Quadrant.Side.LEFT,
                Quadrant.Facing.FRONT));
        assertThat(Quadrant.of(o, east, new Vec2(0, 0))).isEqualTo(new Quadrant(Quadrant.Side.RIGHT,
                Quadrant.Facing.BACK));
        assertThat(Quadrant.of(o, east, new Vec2(5, 1)).side()).isEqualTo(Quadrant.Side.ON_LINE);
        assertThat(Quadrant.of(o, east, new Vec2(1, 7)).facing()).isEqualTo(Quadrant.Facing.ABREAST);
        assertThat(Quadrant.of(o, east, new Vec2(1, 7)).isDecided()).isFalse();
        assertThat(Quadrant.of(o, Vec2.ZERO, new Vec2(1, 7)).side()).isEqualTo(Quadrant.Side.UNDEFINED);
    }

    @Test
    void localFrameTurnsForwardIntoPlusYAndRightIntoPlusX() {
        Vec2 origin = new Vec2(3, -2);
        Vec2 forward = new Vec2(-1, 1);
        Rigid2 t = Rigid2.toLocalFrame(origin, forward);
        assertThat(t.apply(origin).approximatelyEquals(Vec2.ZERO, 1e-12)).isTrue();
        Vec2 ahead = t.apply(origin.plus(forward.normalized().times(2)));
        assertThat(ahead.approximatelyEquals(new Vec2(0, 2), 1e-12)).isTrue();
        Vec2 rightDir = new Vec2(forward.y(), -forward.x()).normalized();
        assertThat(t.apply(origin.plus(rightDir)).approximatelyEquals(new Vec2(1, 0), 1e-12)).isTrue();
        Vec2 p = new Vec2(0.3, 7);
        assertThat(t.inverse().apply(t.apply(p)).approximatelyEquals(p, 1e-12)).isTrue();
        Rigid2 u = new Rigid2(0.4, new Vec2(1, 2));
        assertThat(t.andThen(u).apply(p).approximatelyEquals(u.apply(t.apply(p)), 1e-12)).isTrue();
    }

    @Test
    void minimumAreaRectangleContainsEveryPointAndIsNoBiggerThanTheBounds() {
        SplittableRandom rnd = new SplittableRandom(11);
        for (int c = 0; c < 500; c++) {
            List<Vec2> pts = new ArrayList<>();
            int n = 3 + rnd.nextInt(10);
            for (int i = 0; i < n; i++) {
                pts.add(new Vec2(rnd.nextDouble(-2, 2), rnd.nextDouble(-1, 1)));
            }
            OrientedRect r = MinimumAreaRectangles.of(pts);
            OrientedRect grown = new OrientedRect(r.center(), r.axis(), r.halfAlongU() + 1e-9, r.halfAlongV() + 1e-9);
            for (Vec2 p : pts) {
                assertThat(grown.contains(p)).as("case %d point %s", c, p).isTrue();
            }
            assertThat(r.area()).isLessThanOrEqualTo(r.axisAlignedBounds().area() + 1e-9);
            double minX = pts.stream().mapToDouble(Vec2::x).min().orElseThrow();
            double maxX = pts.stream().mapToDouble(Vec2::x).max().orElseThrow();
            double minY = pts.stream().mapToDouble(Vec2::y).min().orElseThrow();
            double maxY = pts.stream().mapToDouble(Vec2::y).max().orElseThrow();
            assertThat(r.area()).isLessThanOrEqualTo((maxX - minX) * (maxY - minY) + 1e-9);
        }
    }

    @Test
    void minimumAreaRectangleOfARotatedRectanglesCornersIsThatRectangle() {
        OrientedRect r = new OrientedRect(new Vec2(2, 3), new Vec2(Math.cos(0.3), Math.sin(0.3)), 1.5, 0.4);
        assertThat(MinimumAreaRectangles.of(r.corners()).approximatelyEquals(r, 1e-9)).isTrue();
    }

    @Test
    void degenerateMinimumAreaRectangles() {
        OrientedRect seg = MinimumAreaRectangles.of(List.of(new Vec2(0, 0), new Vec2(1, 1), new Vec2(2, 2)));
        assertThat(seg.area()).isZero();
        assertThat(seg.longSide()).isCloseTo(Math.sqrt(8), within(1e-12));
        OrientedRect pt = MinimumAreaRectangles.of(List.of(new Vec2(1, 2), new Vec2(1, 2)));
        assertThat(pt.center()).isEqualTo(new Vec2(1, 2));
        assertThat(pt.area()).isZero();
        assertThatThrownBy(() -> MinimumAreaRectangles.of(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
