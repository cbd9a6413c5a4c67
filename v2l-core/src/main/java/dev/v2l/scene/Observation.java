package dev.v2l.scene;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;

/**
 * What a sequence of frames shows: for each frame its time, camera pose and the pixel count of every object instance
 * in it (and, for AI2-THOR dumps, the simulator's own visibility flags). An object counts as seen in a frame when it
 * covers at least {@code minShare} of the image (default 0.5 %) and, when flags are present, is flagged visible.
 *
 * @param sceneId   the scene
 * @param width     image width, pixels
 * @param height    image height, pixels
 * @param minShare  the share of the image an object must cover to count as seen
 * @param frames    the frames, in order
 */
public record Observation(String sceneId, int width, int height, double minShare, List<Frame> frames) {

    public static final double DEFAULT_MIN_SHARE = 0.005;

    /**
     * One frame.
     *
     * @param index   frame number in the video
     * @param timeSeconds when it was taken
     * @param pose    the camera
     * @param pixels  object id → pixel count (objects not listed cover no pixel)
     * @param flaggedVisible the simulator's visible objects, or null when it has no such flag
     */
    public record Frame(int index, double timeSeconds, CameraPose pose, Map<String, Integer> pixels,
            Set<String> flaggedVisible) {
        public Frame {
            pixels = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(pixels));
            flaggedVisible = flaggedVisible == null ? null
                    : java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(flaggedVisible));
        }
    }

    public Observation {
        frames = List.copyOf(frames);
        if (!(minShare >= 0 && minShare <= 1)) {
            throw new IllegalArgumentException("minimum share must be in [0, 1], got " + minShare);
        }
    }

    /** The same frames judged with another minimum share. */
    public Observation withMinShare(double share) {
        return new Observation(sceneId, width, height, share, frames);
    }

    /** One frame from an AI2-THOR dump: the recorded camera and the objects its {@code visible} flag marks. */
    public static Observation fromVisibleFlags(Scene scene) {
        if (scene.camera() == null) {
            throw new IllegalArgumentException("scene " + scene.id() + " has no recorded camera");
        }
        Set<String> visible = new LinkedHashSet<>();
        for (SceneObject o : scene.objects()) {
            if (Boolean.TRUE.equals(o.visible())) {
                visible.add(o.id());
            }
        }
        Map<String, Integer> all = new java.util.LinkedHashMap<>();
        for (String id : visible) {
            all.put(id, Integer.MAX_VALUE); // no pixel counts: the flag decides
        }
        Intrinsics k = scene.intrinsics();
        return new Observation(scene.id(), k == null ? 1 : k.width(), k == null ? 1 : k.height(), 0,
                List.of(new Frame(0, 0, scene.camera(), all, visible)));
    }

    /** Whether the object counts as seen in frame {@code i} (position in {@link #frames}). */
    public boolean seen(int i, String objectId) {
        Frame f = frames.get(i);
        Integer px = f.pixels().get(objectId);
        if (px == null || px == 0) {
            return false;
        }
        if (f.flaggedVisible() != null && !f.flaggedVisible().contains(objectId)) {
            return false;
        }
        return px >= minShare * width * (double) height;
    }

    /** The position (in {@link #frames}) of the first frame that shows the object. */
    public OptionalInt firstAppearance(String objectId) {
        for (int i = 0; i < frames.size(); i++) {
            if (seen(i, objectId)) {
                return OptionalInt.of(i);
            }
        }
        return OptionalInt.empty();
    }

    /** When the object is first seen, seconds. */
    public OptionalDouble firstAppearanceSeconds(String objectId) {
        OptionalInt i = firstAppearance(objectId);
        return i.isPresent() ? OptionalDouble.of(frames.get(i.getAsInt()).timeSeconds()) : OptionalDouble.empty();
    }

    /** Ids of the objects seen in any of these frames (positions in {@link #frames}), in order of first sight. */
    public Set<String> seenIn(Collection<Integer> positions) {
        Set<String> out = new LinkedHashSet<>();
        for (int i : positions) {
            for (String id : frames.get(i).pixels().keySet()) {
                if (seen(i, id)) {
                    out.add(id);
                }
            }
        }
        return out;
    }

    /** Ids of every object seen in some frame. */
    public Set<String> seenAnywhere() {
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < frames.size(); i++) {
            all.add(i);
        }
        return seenIn(all);
    }
}
