package dev.v2l.spark;

import dev.v2l.dataset.SceneFrames;
import dev.v2l.geom.Vec3;
import dev.v2l.scene.CameraPose;
import dev.v2l.scene.Intrinsics;
import dev.v2l.scene.Observation;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A scene's frames as plain serializable data, to move what an executor rendered to the driver or to a later
 * stage. Nothing is rounded: poses, times and pixel counts come back bit for bit, in the same order, so what is built
 * from them is what would be built from the original.
 */
record SceneFramesData(String imageDir, double[] intrinsics, boolean depth, double[] view, String sceneId, int width,
        int height, double minShare, Frame[] frames) implements Serializable {

    /** One frame. */
    record Frame(int index, double timeSeconds, double[] pose, String[] ids, int[] pixels, String[] flagged)
            implements Serializable {
    }

    private static double[] data(Intrinsics ki) {
        return ki == null ? null : new double[] {ki.width(), ki.height(), ki.fx(), ki.fy(), ki.cx(), ki.cy()};
    }

    private static Intrinsics intrinsics(double[] d) {
        return d == null ? null : new Intrinsics((int) d[0], (int) d[1], d[2], d[3], d[4], d[5]);
    }

    static SceneFramesData of(SceneFrames f) {
        double[] in = data(f.intrinsics());
        double[] view = data(f.view());
        Observation o = f.observation();
        if (o == null) {
            return new SceneFramesData(f.imageDir(), in, f.depth(), view, null, 0, 0, 0, null);
        }
        Frame[] frames = new Frame[o.frames().size()];
        for (int i = 0; i < frames.length; i++) {
            Observation.Frame fr = o.frames().get(i);
            CameraPose p = fr.pose();
            double[] pose = {p.position().x(), p.position().y(), p.position().z(), p.forward().x(), p.forward().y(),
                p.forward().z(), p.up().x(), p.up().y(), p.up().z()};
            String[] ids = new String[fr.pixels().size()];
            int[] px = new int[ids.length];
            int k = 0;
            for (Map.Entry<String, Integer> e : fr.pixels().entrySet()) {
                ids[k] = e.getKey();
                px[k++] = e.getValue();
            }
            frames[i] = new Frame(fr.index(), fr.timeSeconds(), pose, ids, px,
                    fr.flaggedVisible() == null ? null : fr.flaggedVisible().toArray(new String[0]));
        }
        return new SceneFramesData(f.imageDir(), in, f.depth(), view, o.sceneId(), o.width(), o.height(),
                o.minShare(), frames);
    }

    SceneFrames toFrames() {
        Intrinsics ki = intrinsics(intrinsics);
        Intrinsics kv = intrinsics(view);
        if (frames == null) {
            return new SceneFrames(null, imageDir, ki, depth, kv);
        }
        List<Observation.Frame> out = new ArrayList<>(frames.length);
        for (Frame f : frames) {
            double[] p = f.pose();
            CameraPose pose = new CameraPose(new Vec3(p[0], p[1], p[2]), new Vec3(p[3], p[4], p[5]),
                    new Vec3(p[6], p[7], p[8]));
            Map<String, Integer> pixels = new LinkedHashMap<>();
            for (int k = 0; k < f.ids().length; k++) {
                pixels.put(f.ids()[k], f.pixels()[k]);
            }
            Set<String> flagged = f.flagged() == null ? null : new LinkedHashSet<>(Arrays.asList(f.flagged()));
            out.add(new Observation.Frame(f.index(), f.timeSeconds(), pose, pixels, flagged));
        }
        return new SceneFrames(new Observation(sceneId, width, height, minShare, out), imageDir, ki, depth, kv);
    }
}
