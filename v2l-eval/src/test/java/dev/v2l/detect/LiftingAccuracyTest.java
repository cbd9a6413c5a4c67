package dev.v2l.detect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.v2l.model.ObjectronModel;
import dev.v2l.render.CameraPaths;
import dev.v2l.render.SceneRenderer;
import dev.v2l.scene.CameraPose;
import dev.v2l.scene.Footprints;
import dev.v2l.scene.Intrinsics;
import dev.v2l.scene.Scene;
import dev.v2l.scene.SceneObject;
import dev.v2l.source.procedural.ProceduralSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * How well {@link FloorLifter} places objects, on rendered rooms where the truth is known. The boxes are the
 * objects' visible pixels (the instance masks), so this measures the lifting alone, not the detector: every object
 * of a label the detector knows covering ≥ 2 % of a 320×240 frame (the demo's size) in walk-throughs of procedural
 * rooms; error = distance between the lifted footprint's centre and the true footprint's centre on the floor.
 */
class LiftingAccuracyTest {

    /**
     * Centre errors with depth and without (ground contact or size prior); distances between two lifts of the same
     * object from different frames (with depth), each over the merge radius of its class; distances from each
     * object to the nearest other object of its group, over that radius.
     */
    record Errors(double[] depth, double[] ground, double[] sameObject, double[] neighbour) {
    }

    static Errors measure(int rooms, int framesPerRoom) {
        List<Double> withDepth = new ArrayList<>();
        List<Double> without = new ArrayList<>();
        List<Double> same = new ArrayList<>();
        List<Double> neighbour = new ArrayList<>();
        ProceduralSource src = new ProceduralSource(11, rooms);
        Intrinsics k = Intrinsics.fromVerticalFov(320, 240, 60);
        for (String id : src.ids()) {
            Scene scene = src.scene(id);
            SceneRenderer r = new SceneRenderer(scene, k);
            List<String> ids = r.mesh().instanceIds();
            List<CameraPose> poses = CameraPaths.walkThrough(scene, framesPerRoom, 11);
            java.util.Map<String, List<dev.v2l.geom.Vec2>> byObject = new java.util.LinkedHashMap<>();
            for (SceneObject o : scene.objects()) {
                DetectorLabels.Group g = DetectorLabels.ofSceneLabel(o.label());
                if (g == null) {
                    continue;
                }
                var c = Footprints.prismOf(o.box(), scene.up()).footprint().center();
                double best = Double.MAX_VALUE;
                for (SceneObject x : scene.objects()) {
                    if (x != o && DetectorLabels.ofSceneLabel(x.label()) == g) {
                        best = Math.min(best, Footprints.prismOf(x.box(), scene.up()).footprint().center()
                                .distanceTo(c));
                    }
                }
                if (best < Double.MAX_VALUE) {
                    neighbour.add(best / ObjectronModel.mergeRadius(o.label()));
                }
            }
            r.render(poses, 4, 1, (i, pose, t) -> {
                FloorLifter.Depth depth = new FloorLifter.Depth(t.depth.clone(), t.width, t.height);
                for (int p = 0; p < depth.metres().length; p++) {
                    if (Float.isInfinite(depth.metres()[p])) {
                        depth.metres()[p] = Float.NaN;
                    }
                }
                FloorLifter lifter = new FloorLifter(scene.up(), pose, k);
                for (RenderTruth.Visible v : RenderTruthTest.visible(t.instance, t.width, t.height, ids, scene)) {
                    DetectorLabels.Group g = DetectorLabels.ofSceneLabel(v.label());
                    if (g == null || v.share() < 0.02) {
                        continue;
                    }
                    String cls = g.classes().iterator().next();
                    SceneObject o = scene.object(v.id()).orElseThrow();
                    var truth = Footprints.prismOf(o.box(), scene.up()).footprint().center();
                    Detection d = new Detection(cls, 0, 1.0, v.box());
                    FloorLifter.Prior prior = ObjectronModel.prior(v.label());
                    var lifted = lifter.lift(d, i, depth, prior, DetectorLabels.standsOnFloor(cls));
                    withDepth.add(lifted.footprint().center().distanceTo(truth));
                    for (var earlier : byObject.getOrDefault(v.id(), List.of())) {
                        same.add(earlier.distanceTo(lifted.footprint().center()) / ObjectronModel.mergeRadius(v.label()));
                    }
                    byObject.computeIfAbsent(v.id(), x -> new ArrayList<>()).add(lifted.footprint().center());
                    without.add(lifter.lift(d, i, null, prior, DetectorLabels.standsOnFloor(cls)).footprint()
                            .center().distanceTo(truth));
                }
            });
        }
        return new Errors(array(withDepth), array(without), array(same), array(neighbour));
    }

    private static double[] array(List<Double> l) {
        return l.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /**
     * The real detector's detections on rendered walk-throughs, matched to the visible objects (same group, IoU ≥ 0.5,
     * as the realism figure matches them) and lifted with depth: the centre errors of the objects it detected.
     */
    static double[] detectedErrors(String source, int framesPerRoom) {
        List<Double> out = new ArrayList<>();
        var src = dev.v2l.source.SceneSources.open(source);
        Intrinsics k = Intrinsics.fromVerticalFov(640, 480, 60);
        for (String id : src.ids()) {
            Scene scene = src.scene(id);
            SceneRenderer r = new SceneRenderer(scene, k);
            List<String> ids = r.mesh().instanceIds();
            r.render(CameraPaths.walkThrough(scene, framesPerRoom, 7), 4, 1, (i, pose, t) -> {
                FloorLifter.Depth depth = new FloorLifter.Depth(t.depth.clone(), t.width, t.height);
                FloorLifter lifter = new FloorLifter(scene.up(), pose, k);
                List<Detection> ds = SharedDetector.get().detect(dev.v2l.render.FrameFiles.rgbImage(t),
                        SsdDecoder.Settings.DEFAULT);
                for (RenderTruth.Visible v : RenderTruthTest.visible(t.instance, t.width, t.height, ids, scene)) {
                    DetectorLabels.Group g = DetectorLabels.ofSceneLabel(v.label());
                    if (g == null || v.share() < 0.02) {
                        continue;
                    }
                    Detection best = null;
                    for (Detection d : ds) {
                        if (g.classes().contains(d.label()) && d.box().iou(v.box()) >= 0.5
                                && (best == null || d.score() > best.score())) {
                            best = d;
                        }
                    }
                    if (best != null) {
                        var truth = Footprints.prismOf(scene.object(v.id()).orElseThrow().box(), scene.up())
                                .footprint().center();
                        out.add(lifter.lift(best, i, depth, ObjectronModel.prior(v.label()),
                                DetectorLabels.standsOnFloor(best.label())).footprint().center().distanceTo(truth));
                    }
                }
            });
        }
        return array(out);
    }

    @Test
    void objectsTheRealDetectorFindsAreLiftedWithinTheBound() {
        // The demo's rooms (seed 7), as the realism figure sees them: 6 frames each at 640×480.
        double[] e = detectedErrors("procedural:seed=7,count=6", 6);
        System.out.printf(Locale.ROOT, "lifting of detected objects: %d detected, median %.3f m%n", e.length,
                e.length == 0 ? Double.NaN : median(e));
        // Box-style rooms give the detector few objects it recognises (the realism figure: 2 of 33); the bound is
        // asserted once there are enough of them (real-furniture rooms).
        org.junit.jupiter.api.Assumptions.assumeTrue(e.length >= 5, "only " + e.length + " objects detected in the "
                + "box-style rooms: the lifting of detected objects is measured on real-furniture rooms");
        assertThat(median(e)).isLessThan(0.3);
    }

    static double median(double[] v) {
        return FloorLifter.percentile(v.clone(), 0.5);
    }

    @Test
    void liftedCentresAreWithinTheStatedBounds() {
        Errors e = measure(6, 16);
        System.out.printf(Locale.ROOT, "lifting: %d objects; with depth median %.3f m, p90 %.3f m; ground contact / "
                + "size prior median %.3f m, p90 %.3f m%n", e.depth().length, median(e.depth()),
                FloorLifter.percentile(e.depth().clone(), 0.9), median(e.ground()),
                FloorLifter.percentile(e.ground().clone(), 0.9));
        System.out.printf(Locale.ROOT, "merging: two lifts of one object are %.2f (median) / %.2f (p90) merge radii "
                + "apart (%d pairs); the nearest other object of the same group %.2f (p10) / %.2f (min) radii (%d)%n",
                median(e.sameObject()), FloorLifter.percentile(e.sameObject().clone(), 0.9),
                e.sameObject().length, FloorLifter.percentile(e.neighbour().clone(), 0.1),
                FloorLifter.percentile(e.neighbour().clone(), 0), e.neighbour().length);
        assertThat(e.depth().length).isGreaterThan(30);
        // The bounds docs/detector.md states: with depth the median centre error is under 0.25 m (measured 0.13 m),
        // from ground contact or the size prior under 0.5 m (measured 0.22 m).
        assertThat(median(e.depth())).isLessThan(0.25);
        assertThat(median(e.ground())).isLessThan(0.5);
        // The merge radius keeps two views of one object together and two objects apart.
        assertThat(median(e.sameObject())).isLessThan(0.5);
        assertThat(FloorLifter.percentile(e.neighbour().clone(), 0.1)).isGreaterThan(1.0);
        assertThat(Arrays.stream(e.depth()).allMatch(Double::isFinite)).isTrue();
    }
}
