package dev.v2l.geom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The exact distance between oriented boxes (issue 13.4) against an independent reference: alternating projections
 * between the two solids (each step the exact closest point of one box to the other's last point), which converge to
 * the distance of two convex sets; plus the upright case against {@link Prism}, and the contact cases.
 */
class Box3Test {

    static Box3 random(SplittableRandom r, double span) {
        // A uniformly random rotation from a random unit quaternion.
        double u1 = r.nextDouble();
        double u2 = r.nextDouble(0, 2 * Math.PI);
        double u3 = r.nextDouble(0, 2 * Math.PI);
        double a = Math.sqrt(1 - u1) * Math.sin(u2);
        double b = Math.sqrt(1 - u1) * Math.cos(u2);
        double c = Math.sqrt(u1) * Math.sin(u3);
        double d = Math.sqrt(u1) * Math.cos(u3);
        Vec3 x = new Vec3(1 - 2 * (c * c + d * d), 2 * (b * c + a * d), 2 * (b * d - a * c));
        Vec3 y = new Vec3(2 * (b * c - a * d), 1 - 2 * (b * b + d * d), 2 * (c * d + a * b));
        Vec3 z = x.cross(y);
        double[] h = new double[3];
        for (int i = 0; i < 3; i++) {
            h[i] = r.nextInt(15) == 0 ? 0 : r.nextDouble(0.02, 1.5); // some flat boxes
        }
        return new Box3(new Vec3(r.nextDouble(-span, span), r.nextDouble(-span, span), r.nextDouble(-span, span)),
                x, y, z, h[0], h[1], h[2]);
    }

    /** The reference: alternating projections from the two centres. */
    static double reference(Box3 a, Box3 b) {
        Vec3 p = a.center();
        Vec3 q = b.closestPoint(p);
        double best = p.distanceTo(q);
        for (int i = 0; i < 20000; i++) {
            p = a.closestPoint(q);
            q = b.closestPoint(p);
            double d = p.distanceTo(q);
            if (best - d < 1e-15 && i > 200) {
                best = Math.min(best, d);
                break;
            }
            best = Math.min(best, d);
        }
        return best;
    }

    @Test
    void randomBoxesAgreeWithAlternatingProjections() {
        SplittableRandom r = new SplittableRandom(13);
        int disjoint = 0;
        int overlapping = 0;
        for (int i = 0; i < 3000; i++) {
            Box3 a = random(r, 3);
            Box3 b = random(r, 3);
            double d = a.distanceTo(b);
            double ref = reference(a, b);
            // Ours is the minimum (never above any pair of points the reference found) and the reference's limit.
            assertThat(d).as("pair %d", i).isLessThanOrEqualTo(ref + 1e-9).isCloseTo(ref, within(2e-6));
            assertThat(b.distanceTo(a)).isCloseTo(d, within(1e-12));
            if (d > 0) {
                disjoint++;
            } else {
                overlapping++;
            }
        }
        assertThat(disjoint).isGreaterThan(1000);
        assertThat(overlapping).isGreaterThan(150);
    }

    @Test
    void touchingContainedAndFlatBoxesAreZeroApart() {
        Vec3 x = new Vec3(1, 0, 0);
        Vec3 y = new Vec3(0, 1, 0);
        Vec3 z = new Vec3(0, 0, 1);
        Box3 a = new Box3(Vec3.ZERO, x, y, z, 1, 1, 1);
        assertThat(a.distanceTo(new Box3(new Vec3(2, 0, 0), x, y, z, 1, 1, 1))).isZero(); // face to face
        assertThat(a.distanceTo(new Box3(new Vec3(2, 2, 2), x, y, z, 1, 1, 1))).isZero(); // corner to corner
        assertThat(a.distanceTo(new Box3(new Vec3(0.1, 0.2, 0), x, y, z, 0.1, 0.1, 0.1))).isZero(); // inside
        assertThat(a.distanceTo(new Box3(new Vec3(0, 0, 1), x, y, z, 3, 3, 0))).isZero(); // a flat lid on top
        // Turned 45° about z and set just beside: the edge of one against the face of the other.
        double s = Math.sqrt(0.5);
        Box3 turned = new Box3(new Vec3(1 + Math.sqrt(2) + 0.25, 0, 0), new Vec3(s, s, 0), new Vec3(-s, s, 0), z, 1,
                1, 1);
        assertThat(a.distanceTo(turned)).isCloseTo(0.25, within(1e-12));
        // Crossed bars one above the other: the closest points are inside two edges.
        Box3 bar1 = new Box3(Vec3.ZERO, x, y, z, 2, 0.1, 0.1);
        Box3 bar2 = new Box3(new Vec3(0, 0, 0.5), new Vec3(s, s, 0), new Vec3(-s, s, 0), z, 2, 0.1, 0.1);
        assertThat(bar1.distanceTo(bar2)).isCloseTo(0.3, within(1e-12));
    }

    @Test
    void uprightBoxesAreTheirPrisms() {
        SplittableRandom r = new SplittableRandom(5);
        for (int i = 0; i < 2000; i++) {
            Box3[] boxes = new Box3[2];
            Prism[] prisms = new Prism[2];
            for (int k = 0; k < 2; k++) {
                double t = r.nextDouble(0, 2 * Math.PI);
                Vec2 u = new Vec2(Math.cos(t), Math.sin(t));
                double hu = r.nextDouble(0.05, 1);
                double hv = r.nextDouble(0.05, 1);
                double z0 = r.nextDouble(0, 1.5);
                double z1 = z0 + r.nextDouble(0.05, 1);
                Vec2 c = new Vec2(r.nextDouble(-2, 2), r.nextDouble(-2, 2));
                boxes[k] = new Box3(new Vec3(c.x(), c.y(), (z0 + z1) / 2), new Vec3(u.x(), u.y(), 0),
                        new Vec3(-u.y(), u.x(), 0), new Vec3(0, 0, 1), hu, hv, (z1 - z0) / 2);
                prisms[k] = new Prism(new OrientedRect(c, u, hu, hv), z0, z1);
            }
            assertThat(boxes[0].distanceTo(boxes[1])).isCloseTo(prisms[0].distanceTo(prisms[1]), within(1e-9));
        }
    }
}
