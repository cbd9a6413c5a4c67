package dev.v2l.layout;

import dev.v2l.geom.Box3;
import dev.v2l.geom.OrientedRect;
import dev.v2l.geom.Prism;
import dev.v2l.geom.Rigid2;
import dev.v2l.geom.Vec2;
import dev.v2l.geom.Vec3;
import dev.v2l.scene.CameraPose;
import dev.v2l.scene.Footprints;
import dev.v2l.scene.Observation;
import dev.v2l.scene.OrientedBox;
import dev.v2l.scene.Scene;
import dev.v2l.scene.SceneObject;
import dev.v2l.scene.UpAxis;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Ground-truth layouts built from scenes, in the scene's frame, the room's axes or a room-aligned camera frame. */
public final class Layouts {

    private Layouts() {
    }

    /** Every object of the scene, in the scene frame. */
    public static Layout fromScene(Scene scene) {
        return fromScene(scene, MapFrame.SCENE, scene.objects());
    }

    /**
     * The given objects of a scene in {@code frame}: {@link MapFrame#SCENE} uses the scene's floor axes;
     * {@link MapFrame#ROOM} turns them to the room's axes; {@link MapFrame#FIRST_CAMERA} uses the scene's recorded
     * camera (an AI2-THOR agent's), which must exist, with the room's axes.
     */
    public static Layout fromScene(Scene scene, MapFrame frame, Collection<SceneObject> objects) {
        return switch (frame) {
            case SCENE -> build(scene.up(), Rigid2.IDENTITY, MapFrame.SCENE, objects, null);
            case ROOM -> {
                RoomAxes axes = RoomAxes.of(scene);
                yield build(scene.up(), roomFrame(axes), MapFrame.ROOM, objects, axes.source());
            }
            case FIRST_CAMERA -> {
                if (scene.camera() == null) {
                    throw new IllegalArgumentException("scene " + scene.id()
                            + " has no recorded camera: a first-camera layout needs a camera pose");
                }
                yield fromScene(scene, scene.camera(), objects);
            }
            case UNSPECIFIED -> throw new IllegalArgumentException(
                    "a scene layout needs a frame: scene, room or first-camera");
        };
    }

    /**
     * The given objects in the room-aligned frame of {@code camera} ({@link MapFrame#FIRST_CAMERA}): origin on the
     * floor under the camera, +y the room axis nearest its viewing direction on the floor, +x to its right. Heights
     * stay heights above the world's zero.
     */
    public static Layout fromScene(Scene scene, CameraPose camera, Collection<SceneObject> objects) {
        RoomAxes axes = RoomAxes.of(scene);
        return build(scene.up(), firstCameraFrame(scene.up(), camera, axes), MapFrame.FIRST_CAMERA, objects,
                axes.source());
    }

    /**
     * The ground-truth map of what some frames show: the objects seen in the frames at these positions of
     * {@code obs}, in the first chosen frame's room-aligned camera frame ({@link MapFrame#FIRST_CAMERA}), the room's
     * axes ({@link MapFrame#ROOM}) or the scene's own ({@link MapFrame#SCENE}); objects in order of first sight.
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
        return build(scene.up(), observationFrame(scene, obs, positions, frame), frame, objects,
                frame == MapFrame.SCENE ? null : RoomAxes.of(scene).source());
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
            case ROOM -> roomFrame(RoomAxes.of(scene));
            case FIRST_CAMERA -> firstCameraFrame(scene.up(), obs.frames().get(positions.get(0)).pose(),
                    RoomAxes.of(scene));
            case UNSPECIFIED -> throw new IllegalArgumentException("a layout needs a frame: scene, room or first-camera");
        };
    }

    /** The motion into the room's axes ({@link MapFrame#ROOM}): the scene's origin, the room axis nearest +y. */
    public static Rigid2 roomFrame(RoomAxes axes) {
        return Rigid2.toLocalFrame(Vec2.ZERO, axes.nearestDirection(new Vec2(0, 1)));
    }

    /** The motion from a scene's floor coordinates into a camera's exact floor frame (+y its forward direction). */
    public static Rigid2 cameraFloorFrame(UpAxis up, CameraPose camera) {
        return Rigid2.toLocalFrame(up.floor(camera.position()), cameraForward(up, camera));
    }

    /** The motion into the room-aligned first-camera frame: the camera's floor point, the room axis nearest ahead. */
    public static Rigid2 firstCameraFrame(UpAxis up, CameraPose camera, RoomAxes axes) {
        return Rigid2.toLocalFrame(up.floor(camera.position()), axes.nearestDirection(cameraForward(up, camera)));
    }

    private static Vec2 cameraForward(UpAxis up, CameraPose camera) {
        Vec2 forward = up.floor(camera.forward());
        if (forward.length() < 1e-9) {
            // Looking straight down or up: the image's up direction points where the camera faces on the floor.
            forward = up.floor(camera.up()).times(up.height(camera.forward()) < 0 ? 1 : -1);
        }
        return forward;
    }

    private static Layout build(UpAxis up, Rigid2 toFrame, MapFrame frame, Collection<SceneObject> objects,
            String axes) {
        List<LayoutObject> out = new ArrayList<>(objects.size());
        for (SceneObject o : objects) {
            Prism p = Footprints.prismOf(o.box(), up);
            OrientedRect f = p.footprint().transformed(toFrame);
            Box3 box = Footprints.isUpright(o.box(), up) ? null : box3(o.box(), up).transformed(toFrame);
            out.add(new LayoutObject(o.label(), f, new HeightRange(p.zMin(), p.zMax()), o.id(), box));
        }
        return new Layout(frame, out, axes);
    }

    /** A scene box in floor coordinates and height (a right-handed frame for either up axis). */
    static Box3 box3(OrientedBox b, UpAxis up) {
        List<Vec3> axes = b.axes();
        double[] len = b.lengths();
        Vec3[] a = new Vec3[3];
        for (int i = 0; i < 3; i++) {
            Vec2 f = up.floor(axes.get(i));
            a[i] = new Vec3(f.x(), f.y(), up.height(axes.get(i)));
        }
        Vec2 c = up.floor(b.center());
        return new Box3(new Vec3(c.x(), c.y(), up.height(b.center())), a[0], a[1], a[2], len[0] / 2, len[1] / 2,
                len[2] / 2);
    }
}
