package dev.v2l.testing;

import dev.v2l.geom.OrientedRect;
import dev.v2l.geom.Vec2;
import java.util.SplittableRandom;

/** Seeded random shapes for invariant tests. */
public final class RandomShapes {

    private RandomShapes() {
    }

    public static OrientedRect rect(SplittableRandom r, double span) {
        double angle = r.nextDouble(0, 2 * Math.PI);
        // Some degenerate ones: zero width or a point.
        double hu = r.nextInt(20) == 0 ? 0 : r.nextDouble(0.01, 2);
        double hv = r.nextInt(20) == 0 ? 0 : r.nextDouble(0.01, 2);
        return new OrientedRect(new Vec2(r.nextDouble(-span, span), r.nextDouble(-span, span)),
                new Vec2(Math.cos(angle), Math.sin(angle)), hu, hv);
    }
}
