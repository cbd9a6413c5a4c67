package dev.v2l.geom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.v2l.testing.RandomShapes;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

class OrientedRectTest {

    private static final GeometryFactory JTS = new GeometryFactory();

    /** The same rectangle as a JTS geometry (a segment or point when degenerate). */
    static Geometry jts(OrientedRect r) {
        List<Vec2> c = r.corners();
        if (r.halfAlongU() > 0 && r.halfAlongV() > 0) {
            Coordinate[] cs = new Coordinate[5];
            for (int i = 0; i < 4; i++) {
                cs[i] = new Coordinate(c.get(i).x(), c.get(i).y());
            }
            cs[4] = cs[0];
            return JTS.createPolygon(cs);
        }
        if (r.halfAlongU() > 0 || r.halfAlongV() > 0) {
            return JTS.createLineString(new Coordinate[] {new Coordinate(c.get(0).x(), c.get(0).y()),
                new Coordinate(c.get(2).x(), c.get(2).y())});
        }
        return JTS.createPoint(new Coordinate(r.center().x(), r.center().y()));
    }

    private static OrientedRect box(double xMin, double yMin, double xMax, double yMax) {
        return OrientedRect.fromBounds(xMin, yMin, xMax, yMax);
    }

    @Nested
    class EdgeCases {
        @Test
        void touchingEdgesIntersectAtDistanceZeroWithZeroOverlap() {
            OrientedRect a = box(0, 0, 1, 1);
            OrientedRect b = box(1, 0, 2, 1);
            assertThat(a.intersects(b)).isTrue();
            assertThat(a.distanceTo(b)).isZero();
            assertThat(a.intersectionArea(b)).isZero();
            assertThat(a.iou(b)).isZero();
        }

        @Test
        void touchingCornersIntersect() {
            OrientedRect a = box(0, 0, 1, 1);
            OrientedRect b = box(1, 1, 2, 2);
            assertThat(a.intersects(b)).isTrue();
            assertThat(a.distanceTo(b)).isZero();
            assertThat(a.intersectionArea(b)).isZero();
        }

        @Test
        void containmentGivesTheSmallerAreaAndIouTheAreaRatio() {
            OrientedRect big = box(0, 0, 4, 4);
            OrientedRect small = box(1, 1, 2, 3);
            assertThat(big.intersects(small)).isTrue();
            assertThat(big.distanceTo(small)).isZero();
            assertThat(big.intersectionArea(small)).isCloseTo(2.0, within(1e-12));
            assertThat(big.iou(small)).isCloseTo(2.0 / 16.0, within(1e-12));
        }

        @Test
        void aPlusSignOverlapHasNoCornerInsideTheOtherYetIntersects() {
            OrientedRect horizontal = box(-2, -0.5, 2, 0.5);
            OrientedRect vertical = box(-0.5, -2, 0.5, 2);
            assertThat(horizontal.intersects(vertical)).isTrue();
            assertThat(horizontal.distanceTo(vertical)).isZero();
            assertThat(horizontal.intersectionArea(vertical)).isCloseTo(1.0, within(1e-12));
        }

        @Test
        void zeroSizeRectanglesArePointsAndSegments() {
            OrientedRect point = new OrientedRect(new Vec2(3, 4), new Vec2(1, 0), 0, 0);
            OrientedRect unit = box(0, 0, 1, 1);
            assertThat(point.area()).isZero();
            assertThat(point.distanceTo(unit)).isCloseTo(Math.hypot(2, 3), within(1e-12));
            assertThat(point.iou(point)).isEqualTo(1.0);
            assertThat(point.iou(new OrientedRect(new Vec2(3, 4.5), new Vec2(1, 0), 0, 0))).isZero();
            OrientedRect segment = new OrientedRect(new Vec2(0.5, 0.5), new Vec2(1, 1), 2, 0);
            assertThat(segment.intersects(unit)).isTrue();
            assertThat(segment.intersectionArea(unit)).isZero();
            assertThat(segment.iou(unit)).isZero();
        }

        @Test
        void identicalRectanglesHaveIouOne() {
            OrientedRect r = new OrientedRect(new Vec2(1, 2), new Vec2(1, 2), 0.7, 0.3);
            assertThat(r.iou(r)).isCloseTo(1.0, within(1e-12));
        }

        @Test
        void separatedAxisAlignedBoxesHaveTheGapAsDistance() {
            assertThat(box(0, 0, 1, 1).distanceTo(box(3, 0, 4, 1))).isCloseTo(2.0, within(1e-12));
            assertThat(box(0, 0, 1, 1).distanceTo(box(4, 5, 5, 6))).isCloseTo(5.0, within(1e-12));
        }

        @Test
        void aRotatedSquareCornerPointingAtABox() {
            // A unit square turned 45°, centred at (3, 0.5): its left corner is at 3 - √2/2.
            OrientedRect diamond = new OrientedRect(new Vec2(3, 0.5), new Vec2(1, 1), 0.5, 0.5);
            assertThat(diamond.distanceTo(box(0, 0, 1, 1))).isCloseTo(2 - Math.sqrt(0.5), within(1e-12));
        }

        @Test
        void invalidSizesAreRejected() {
            assertThatThrownBy(() -> new OrientedRect(Vec2.ZERO, new Vec2(1, 0), -1, 1))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(">= 0");
            assertThatThrownBy(() -> new OrientedRect(Vec2.ZERO, Vec2.ZERO, 1, 1))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no direction");
            assertThatThrownBy(() -> OrientedRect.fromBounds(1, 0, 0, 1)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new OrientedRect(new Vec2(Double.NaN, 0), new Vec2(1, 0), 1, 1))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void containsIsClosed() {
            OrientedRect r = box(0, 0, 2, 1);
            assertThat(r.contains(new Vec2(2, 1))).isTrue();
            assertThat(r.contains(new Vec2(1, 0.5))).isTrue();
            assertThat(r.contains(new Vec2(2.000001, 1))).isFalse();
        }

        @Test
        void boundsOfARotatedRectangle() {
            OrientedRect r = new OrientedRect(Vec2.ZERO, new Vec2(1, 1), 1, 0);
            double[] b = r.bounds();
            double h = Math.sqrt(0.5);
            assertThat(b).containsExactly(new double[] {-h, -h, h, h}, within(1e-12));
        }

        @Test
        void approximatelyEqualsIgnoresTheAxisChoice() {
            OrientedRect a = new OrientedRect(new Vec2(1, 1), new Vec2(1, 0), 2, 1);
            OrientedRect b = new OrientedRect(new Vec2(1, 1), new Vec2(0, -1), 1, 2);
            assertThat(a).isNotEqualTo(b);
            assertThat(a.approximatelyEquals(b, 1e-12)).isTrue();
        }
    }

    @Nested
    class RandomInvariants {
        private final SplittableRandom rnd = new SplittableRandom(20251116);

        @Test
        void distanceIsSymmetricAndAgreesWithJts() {
            for (int i = 0; i < 4000; i++) {
                OrientedRect a = RandomShapes.rect(rnd, 4);
                OrientedRect b = RandomShapes.rect(rnd, 4);
                double d = a.distanceTo(b);
                assertThat(b.distanceTo(a)).isCloseTo(d, within(1e-12));
                assertThat(d).as("case %d: %s vs %s", i, a, b).isCloseTo(jts(a).distance(jts(b)), within(1e-9));
            }
        }

        @Test
        void distanceIsZeroExactlyWhenTheyIntersect() {
            int overlapping = 0;
            for (int i = 0; i < 4000; i++) {
                OrientedRect a = RandomShapes.rect(rnd, 3);
                OrientedRect b = RandomShapes.rect(rnd, 3);
                boolean jtsIntersects = jts(a).intersects(jts(b));
                assertThat(a.intersects(b)).as("case %d", i).isEqualTo(jtsIntersects);
                assertThat(a.distanceTo(b) == 0).as("case %d", i).isEqualTo(jtsIntersects);
                overlapping += jtsIntersects ? 1 : 0;
            }
            assertThat(overlapping).as("the sample must exercise both outcomes").isBetween(400, 3600);
        }

        @Test
        void intersectionAreaAndIouAgreeWithJts() {
            for (int i = 0; i < 3000; i++) {
                OrientedRect a = RandomShapes.rect(rnd, 2);
                OrientedRect b = RandomShapes.rect(rnd, 2);
                double expected = jts(a).intersection(jts(b)).getArea();
                assertThat(a.intersectionArea(b)).as("case %d", i).isCloseTo(expected, within(1e-9));
                assertThat(b.intersectionArea(a)).isCloseTo(expected, within(1e-9));
                double iou = a.iou(b);
                assertThat(iou).isBetween(0.0, 1.0);
                assertThat(b.iou(a)).isCloseTo(iou, within(1e-12));
                assertThat(a.iou(a)).isEqualTo(a.area() > 0 ? 1.0 : 1.0, within(1e-12));
            }
        }

        @Test
        void rigidMotionOfBothChangesNothing() {
            for (int i = 0; i < 2000; i++) {
                OrientedRect a = RandomShapes.rect(rnd, 4);
                OrientedRect b = RandomShapes.rect(rnd, 4);
                Rigid2 t = new Rigid2(rnd.nextDouble(-Math.PI, Math.PI),
                        new Vec2(rnd.nextDouble(-50, 50), rnd.nextDouble(-50, 50)));
                OrientedRect ta = a.transformed(t);
                OrientedRect tb = b.transformed(t);
                assertThat(ta.distanceTo(tb)).isCloseTo(a.distanceTo(b), within(1e-9));
                assertThat(ta.intersectionArea(tb)).isCloseTo(a.intersectionArea(b), within(1e-9));
                assertThat(ta.area()).isCloseTo(a.area(), within(1e-12));
            }
        }
    }
}
