package dev.v2l.layout;

import dev.v2l.geom.OrientedRect;
import dev.v2l.geom.Prism;
import dev.v2l.geom.Rigid2;
import dev.v2l.geom.Vec2;
import dev.v2l.scene.CameraPose;
import dev.v2l.scene.Footprints;
import dev.v2l.scene.Observation;
import dev.v2l.scene.Scene;
import dev.v2l.scene.SceneObject;
import dev.v2l.scene.UpAxis;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Ground-truth layouts built from scenes, and the one-call text parse for the common case. */
public final class Layouts {

    private Layouts() {
    }

    /** Every object of the scene, in the scene frame. */
    public static Layout fromScene(Scene scene) {
        return fromScene(scene, MapFrame.SCENE, scene.objects());
    }

    /**
     * The given objects of a scene in {@code frame}: {@link MapFrame#SCENE} uses the scene's floor axes;
     * {@link MapFrame#FIRST_CAMERA} uses the scene's recorded camera (an AI2-THOR agent's), which must exist.
     */
    public static Layout fromScene(Scene scene, MapFrame frame, Collection<SceneObject> objects) {
        return switch (frame) {
            case SCENE -> build(scene.up(), Rigid2.IDENTITY, MapFrame.SCENE, objects);
            case FIRST_CAMERA -> {
                if (scene.camera() == null) {
                    throw new IllegalArgumentException("scene " + scene.id()
                            + " has no recorded camera: a first-camera layout needs a camera pose");
                }
                yield fromScene(scene, scene.camera(), objects);
            }
            case UNSPECIFIED -> throw new IllegalArgumentException("a scene layout needs a frame: scene or first-camera");
        };
    }

    /**
     * The given objects in the frame of {@code camera}: origin on the floor under the camera, +y its viewing
     * direction projected on the floor, +x to its right. Heights stay heights above the world's zero.
     */
    public static Layout fromScene(Scene scene, CameraPose camera, Collection<SceneObject> objects) {
        return build(scene.up(), cameraFloorFrame(scene.up(), camera), MapFrame.FIRST_CAMERA, objects);
    }

    /**
     * The ground-truth map of what some frames show: the objects seen in the frames at these positions of
     * {@code obs}, in the first chosen frame's camera frame ({@link MapFrame#FIRST_CAMERA}) or the scene's own
     * ({@link MapFrame#SCENE}); objects in order of first sight.
     */
    public static Layout fromObservation(Scene scene, Observation obs, List<Integer> positions, MapFrame frame) {
        if (positions.isEmpty()) {
            throw new IllegalArgumentException("no frames chosen");
        }
        java.util.Set<String> seen = obs.seenIn(positions);
        List<SceneObject> objects = new ArrayList<>();
        for (String id : seen) {
            scene.object(id).ifPresent(objects::add);
        }
        return build(scene.up(), observationFrame(scene, obs, positions, frame), frame, objects);
    }

    /**
     * The motion from the scene's floor coordinates into the frame {@link #fromObservation} writes the map of these
     * frames in (so a model that places objects in world coordinates can write them in the benchmark's frame).
     */
    public static Rigid2 observationFrame(Scene scene, Observation obs, List<Integer> positions, MapFrame frame) {
        if (positions.isEmpty()) {
            throw new IllegalArgumentException("no frames chosen");
        }
        return switch (frame) {
            case SCENE -> Rigid2.IDENTITY;
            case FIRST_CAMERA -> cameraFloorFrame(scene.up(), obs.frames().get(positions.get(0)).pose());
            case UNSPECIFIED -> throw new IllegalArgumentException("a layout needs a frame: scene or first-camera");
        };
    }

    /** The motion from a scene's floor coordinates into a camera's floor frame. */
    public static Rigid2 cameraFloorFrame(UpAxis up, CameraPose camera) {
        Vec2 forward = up.floor(camera.forward());
        if (forward.length() < 1e-9) {
            // Looking straight down or up: the image's up direction points where the camera faces on the floor.
            forward = up.floor(camera.up()).times(up.height(camera.forward()) < 0 ? 1 : -1);
        }
        return Rigid2.toLocalFrame(up.floor(camera.position()), forward);
    }

    private static Layout build(UpAxis up, Rigid2 toFrame, MapFrame frame, Collection<SceneObject> objects) {
        List<LayoutObject> out = new ArrayList<>(objects.size());
        for (SceneObject o : objects) {
            Prism p = Footprints.prismOf(o.box(), up);
            OrientedRect f = p.footprint().transformed(toFrame);
            out.add(new LayoutObject(o.label(), f, new HeightRange(p.zMin(), p.zMax()), o.id()));
        }
        return new Layout(frame, out);
    }
}
