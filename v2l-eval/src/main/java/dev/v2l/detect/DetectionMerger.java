package dev.v2l.detect;

import dev.v2l.geom.OrientedRect;
import dev.v2l.geom.Vec2;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * Detections of several frames, already on the floor in one frame of reference, merged into objects: taken best score
 * first, each joins the nearest object of the same class whose centre is within the class's merge radius and that
 * has no detection from the same frame yet (two boxes of one class in one frame are two objects: suppression already
 * kept them apart); otherwise it starts a new object. An object is the score-weighted mean of its detections
 * (centre, width, depth, heights), turned as its best detection.
 */
public final class DetectionMerger {

    /** One merged object: the detector class, its detections (best first), and the merged footprint and heights. */
    public record Merged(String detectorClass, List<FloorLifter.Lifted> members, OrientedRect footprint, double zMin,
            double zMax) {
        public double bestScore() {
            return members.get(0).detection().score();
        }

        /** The earliest frame (position in the sample) the object was detected in. */
        public int firstFrame() {
            return members.stream().mapToInt(FloorLifter.Lifted::frame).min().orElse(0);
        }
    }

    private DetectionMerger() {
    }

    /** @param radius the merge radius of a detector class, metres */
    public static List<Merged> merge(List<FloorLifter.Lifted> lifted, ToDoubleFunction<String> radius) {
        List<FloorLifter.Lifted> order = new ArrayList<>(lifted);
        order.sort(Comparator.comparingDouble((FloorLifter.Lifted l) -> -l.detection().score())
                .thenComparingInt(FloorLifter.Lifted::frame).thenComparing(l -> l.detection().label())
                .thenComparingDouble(l -> l.detection().box().x0()));
        List<Group> groups = new ArrayList<>();
        for (FloorLifter.Lifted l : order) {
            String cls = l.detection().label();
            double r = radius.applyAsDouble(cls);
            Group best = null;
            double bestD = r;
            for (Group g : groups) {
                if (!g.cls.equals(cls) || g.frames.contains(l.frame())) {
                    continue;
                }
                double d = g.centre().distanceTo(l.footprint().center());
                if (d < bestD) {
                    best = g;
                    bestD = d;
                }
            }
            if (best == null) {
                best = new Group(cls);
                groups.add(best);
            }
            best.add(l);
        }
        List<Merged> out = new ArrayList<>(groups.size());
        for (Group g : groups) {
            out.add(g.merged());
        }
        return out;
    }

    private static final class Group {
        final String cls;
        final List<FloorLifter.Lifted> members = new ArrayList<>();
        final Set<Integer> frames = new HashSet<>();
        double w;
        double sx;
        double sy;

        Group(String cls) {
            this.cls = cls;
        }

        void add(FloorLifter.Lifted l) {
            members.add(l);
            frames.add(l.frame());
            double s = l.detection().score();
            w += s;
            sx += s * l.footprint().center().x();
            sy += s * l.footprint().center().y();
        }

        Vec2 centre() {
            return new Vec2(sx / w, sy / w);
        }

        Merged merged() {
            double width = 0;
            double depth = 0;
            double z0 = 0;
            double z1 = 0;
            for (FloorLifter.Lifted l : members) {
                double s = l.detection().score() / w;
                width += s * 2 * l.footprint().halfAlongU();
                depth += s * 2 * l.footprint().halfAlongV();
                z0 += s * l.zMin();
                z1 += s * l.zMax();
            }
            OrientedRect f = new OrientedRect(centre(), members.get(0).footprint().axis(), width / 2, depth / 2);
            return new Merged(cls, List.copyOf(members), f, z0, Math.max(z0, z1));
        }
    }
}
