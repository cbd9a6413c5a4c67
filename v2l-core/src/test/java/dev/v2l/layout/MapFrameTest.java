package dev.v2l.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.v2l.geom.Vec2;
import dev.v2l.geom.Vec3;
import dev.v2l.layout.text.MapForm;
import dev.v2l.layout.text.MapParser;
import dev.v2l.layout.text.MapWriter;
import dev.v2l.scene.CameraPose;
import dev.v2l.scene.OrientedBox;
import dev.v2l.scene.Room;
import dev.v2l.scene.RoomRegion;
import dev.v2l.scene.Scene;
import dev.v2l.scene.SceneObject;
import dev.v2l.scene.UpAxis;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The room-aligned first-camera frame (issue 13.1): Video2Layout's "Global Right / Global Forward" axes. */
class MapFrameTest {

    static OrientedBox upright(Vec2 c, double z, double yawDeg, double lx, double ly, double lz) {
        double t = Math.toRadians(yawDeg);
        return new OrientedBox(new Vec3(c.x(), c.y(), z + lz / 2), new Vec3(Math.cos(t), Math.sin(t), 0),
                new Vec3(-Math.sin(t), Math.cos(t), 0), new Vec3(0, 0, 1), lx, ly, lz);
    }

    /**
     * A 6 × 4 m room whose walls run at {@code wallDeg} in the world, furniture along the walls (and one chair
     * turned 20°), a camera at (1, 1) in room coordinates looking {@code lookDeg} from the first wall.
     */
    static Scene room(double wallDeg, double lookDeg, boolean walls) {
        double w = Math.toRadians(wallDeg);
        Vec2 u = new Vec2(Math.cos(w), Math.sin(w));
        Vec2 v = u.leftNormal();
        Vec2 origin = new Vec2(3, -2);
        java.util.function.BiFunction<Double, Double, Vec2> at = (a, b) -> origin.plus(u.times(a)).plus(v.times(b));
        List<SceneObject> objs = new ArrayList<>();
        objs.add(new SceneObject("bed_0", "bed", upright(at.apply(1.2, 3.0), 0, wallDeg, 2.0, 1.6, 0.5)));
        objs.add(new SceneObject("sofa_0", "sofa", upright(at.apply(4.5, 0.5), 0, wallDeg + 90, 0.9, 2.1, 0.8)));
        objs.add(new SceneObject("desk_0", "desk", upright(at.apply(5.6, 2.5), 0, wallDeg + 180, 1.2, 0.6, 0.75)));
        objs.add(new SceneObject("wardrobe_0", "wardrobe", upright(at.apply(3.0, 3.7), 0, wallDeg, 1.0, 0.6, 2.0)));
        objs.add(new SceneObject("chair_0", "chair", upright(at.apply(4.8, 2.3), 0, wallDeg + 20, 0.5, 0.5, 0.9)));
        Room room = walls ? Room.ofRegions(List.of(new RoomRegion("r", "Bedroom", List.of(at.apply(0.0, 0.0),
                at.apply(6.0, 0.0), at.apply(6.0, 4.0), at.apply(0.0, 4.0))))) : Room.ofArea(24);
        Vec2 cam = at.apply(1.0, 1.0);
        return new Scene("r", "test", UpAxis.Z, room, objs, CameraPose.fromYawPitch(UpAxis.Z, new Vec3(cam.x(),
                cam.y(), 1.5), wallDeg + lookDeg, -10), null);
    }

    @Test
    void wallAlignedFurnitureGetsTightBoxesWhateverTheCameraYaw() {
        for (boolean walls : new boolean[] {true, false}) {
            Scene s = room(25, 37, walls);
            RoomAxes axes = RoomAxes.of(s);
            assertThat(axes.source()).isEqualTo(walls ? RoomAxes.WALLS : RoomAxes.FOOTPRINTS);
            assertThat(Math.toDegrees(axes.angleRadians())).isCloseTo(25, within(walls ? 1e-9 : 0.5));
            Layout l = Layouts.fromScene(s, MapFrame.FIRST_CAMERA, s.objects());
            assertThat(l.axes()).isEqualTo(axes.source());
            for (LayoutObject o : l.objects()) {
                boolean turned = o.label().equals("chair");
                assertThat(o.footprint().isAxisAligned(Math.toRadians(0.5))).as(o.label()).isEqualTo(!turned);
                if (!turned) {
                    // The axis-aligned box Video2Layout writes is the footprint itself, not an inflated one.
                    double[] b = o.footprint().bounds();
                    assertThat((b[2] - b[0]) * (b[3] - b[1])).as(o.label())
                            .isCloseTo(o.footprint().area(), within(walls ? 1e-9 : 0.02));
                }
            }
        }
    }

    @Test
    void originUnderTheCameraForwardTheRoomAxisNearestItsView() {
        // The camera stands at room (1, 1) and looks 60° from the first wall u towards the second, v: the nearest
        // room axis is v (30° off), so the map's +y is v and its +x, v turned clockwise, is u. A point at room
        // coordinates (a, b) is at map (a - 1, b - 1).
        Scene s = room(25, 60, true);
        Layout l = Layouts.fromScene(s, MapFrame.FIRST_CAMERA, s.objects());
        LayoutObject bed = l.byInstance("bed_0").orElseThrow();
        assertThat(bed.center().x()).isCloseTo(0.2, within(1e-9));
        assertThat(bed.center().y()).isCloseTo(2.0, within(1e-9));
        // Looking 37° from u instead, u is nearest: +y is u and +x is -v, so (a, b) is at (1 - b, a - 1).
        Scene t = room(25, 37, true);
        LayoutObject bed2 = Layouts.fromScene(t, MapFrame.FIRST_CAMERA, t.objects()).byInstance("bed_0")
                .orElseThrow();
        assertThat(bed2.center().x()).isCloseTo(-2.0, within(1e-9));
        assertThat(bed2.center().y()).isCloseTo(0.2, within(1e-9));
        // Either way the camera's own forward, seen in the map, is within 45° of +y.
        for (Scene x : List.of(s, t)) {
            Vec2 fwd = Layouts.firstCameraFrame(UpAxis.Z, x.camera(), RoomAxes.of(x)).rotate(UpAxis.Z.floor(
                    x.camera().forward()).normalized());
            assertThat(Math.toDegrees(Math.abs(Math.atan2(fwd.x(), fwd.y())))).isLessThanOrEqualTo(45 + 1e-9);
        }
    }

    @Test
    void turningTheWholeSceneChangesNothing() {
        Layout a = Layouts.fromScene(room(25, 37, false), MapFrame.FIRST_CAMERA, room(25, 37, false).objects());
        for (double turn : new double[] {10, 90, 133.7, 271}) {
            Scene t = room(25 + turn, 37, false);
            Layout b = Layouts.fromScene(t, MapFrame.FIRST_CAMERA, t.objects());
            assertThat(b.approximatelyEquals(a, 1e-6)).as("turned %s°", turn).isTrue();
        }
    }

    @Test
    void theRoomFrameTurnsASceneWithoutACameraToItsWalls() {
        Scene s = room(25, 0, false);
        Layout l = Layouts.fromScene(s, MapFrame.ROOM, s.objects());
        assertThat(l.frame()).isEqualTo(MapFrame.ROOM);
        assertThat(l.byInstance("bed_0").orElseThrow().footprint().isAxisAligned(Math.toRadians(0.5))).isTrue();
        // Distances are what they were in the scene.
        Layout scene = Layouts.fromScene(s);
        assertThat(l.byInstance("bed_0").orElseThrow().center().distanceTo(l.byInstance("desk_0").orElseThrow()
                .center())).isCloseTo(scene.byInstance("bed_0").orElseThrow().center().distanceTo(scene
                        .byInstance("desk_0").orElseThrow().center()), within(1e-9));
    }

    @Test
    void theMapStatesWhereItsAxesCameFrom() {
        Scene s = room(25, 37, true);
        Layout l = Layouts.fromScene(s, MapFrame.FIRST_CAMERA, s.objects());
        String text = MapWriter.writeExtended(l);
        assertThat(text).startsWith(MapWriter.LEAD_IN + "{\"frame\": \"first-camera\", \"axes\": \"walls\", "
                + "\"unit\": \"m\", \"objects\": [");
        Layout back = MapParser.lenient().parse(text).layout();
        assertThat(back.frame()).isEqualTo(MapFrame.FIRST_CAMERA);
        assertThat(back.axes()).isEqualTo(RoomAxes.WALLS);
        assertThat(back).isEqualTo(MapWriter.asWritten(l, MapForm.EXTENDED));
    }
}
