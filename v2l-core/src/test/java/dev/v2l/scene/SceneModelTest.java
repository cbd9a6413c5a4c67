package dev.v2l.scene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.v2l.geom.OrientedRect;
import dev.v2l.geom.Prism;
import dev.v2l.geom.Vec2;
import dev.v2l.geom.Vec3;
import dev.v2l.layout.Layout;
import dev.v2l.layout.LayoutObject;
import dev.v2l.layout.Layouts;
import dev.v2l.layout.MapFrame;
import java.util.List;
import org.junit.jupiter.api.Test;

class SceneModelTest {

    static OrientedBox upright(double cx, double cy, double cz, double yawDeg, double lx, double ly, double lz) {
        double t = Math.toRadians(yawDeg);
        return new OrientedBox(new Vec3(cx, cy, cz), new Vec3(Math.cos(t), Math.sin(t), 0),
                new Vec3(-Math.sin(t), Math.cos(t), 0), new Vec3(0, 0, 1), lx, ly, lz);
    }

    @Test
    void anUprightBoxHasItsOwnRectangleAsFootprint() {
        Prism p = Footprints.prismOf(upright(1, 2, 0.5, 30, 2, 1, 1), UpAxis.Z);
        OrientedRect expected = new OrientedRect(new Vec2(1, 2), new Vec2(Math.cos(Math.toRadians(30)),
                Math.sin(Math.toRadians(30))), 1, 0.5);
        assertThat(p.footprint().approximatelyEquals(expected, 1e-12)).isTrue();
        assertThat(p.zMin()).isCloseTo(0, within(1e-12));
        assertThat(p.zMax()).isCloseTo(1, within(1e-12));
    }

    @Test
    void aBoxLyingOnItsSideUsesItsVerticalAxisWhicheverItIs() {
        // Axis 0 is vertical: the footprint is spanned by axes 1 and 2.
        OrientedBox b = new OrientedBox(new Vec3(0, 0, 1), new Vec3(0, 0, 1), new Vec3(1, 0, 0), new Vec3(0, 1, 0),
                2, 3, 4);
        Prism p = Footprints.prismOf(b, UpAxis.Z);
        assertThat(p.footprint().area()).isCloseTo(12, within(1e-12));
        assertThat(p.height()).isCloseTo(2, within(1e-12));
    }

    @Test
    void aTiltedBoxHasTheMinimumRectangleOfItsProjectedCornersAsFootprint() {
        double t = Math.toRadians(20);
        // Tilted 20° about x: the footprint grows along y.
        OrientedBox b = new OrientedBox(new Vec3(0, 0, 1), new Vec3(1, 0, 0), new Vec3(0, Math.cos(t), Math.sin(t)),
                new Vec3(0, -Math.sin(t), Math.cos(t)), 1, 1, 1);
        Prism p = Footprints.prismOf(b, UpAxis.Z);
        double extent = Math.cos(t) + Math.sin(t);
        assertThat(p.footprint().area()).isCloseTo(1 * extent, within(1e-9));
        assertThat(p.height()).isCloseTo(extent, within(1e-9));
        for (Vec3 c : b.corners()) {
            OrientedRect f = p.footprint();
            OrientedRect grown = new OrientedRect(f.center(), f.axis(), f.halfAlongU() + 1e-9, f.halfAlongV() + 1e-9);
            assertThat(grown.contains(UpAxis.Z.floor(c))).isTrue();
        }
    }

    @Test
    void yUpScenesProjectOntoXz() {
        OrientedBox b = OrientedBox.axisAligned(new Vec3(1, 0, 2), new Vec3(2, 1.5, 4));
        Prism p = Footprints.prismOf(b, UpAxis.Y);
        assertThat(p.footprint().bounds()).containsExactly(new double[] {1, 2, 2, 4}, within(1e-12));
        assertThat(p.zMax()).isCloseTo(1.5, within(1e-12));
    }

    @Test
    void badBoxesAreRejected() {
        assertThatThrownBy(() -> new OrientedBox(Vec3.ZERO, new Vec3(1, 0, 0), new Vec3(1, 0, 0), new Vec3(0, 0, 1), 1,
                1, 1)).hasMessageContaining("orthogonal");
        assertThatThrownBy(() -> new OrientedBox(Vec3.ZERO, new Vec3(2, 0, 0), new Vec3(0, 1, 0), new Vec3(0, 0, 1), 1,
                1, 1)).hasMessageContaining("unit");
        assertThatThrownBy(() -> upright(0, 0, 0, 0, -1, 1, 1)).hasMessageContaining(">= 0");
        assertThatThrownBy(() -> new Scene("s", "d", UpAxis.Z, Room.UNKNOWN, List.of(
                new SceneObject("a", "chair", upright(0, 0, 0, 0, 1, 1, 1)),
                new SceneObject("a", "table", upright(0, 0, 0, 0, 1, 1, 1))))).hasMessageContaining("duplicate");
    }

    @Test
    void theRightOfACameraDependsOnTheWorldsHandedness() {
        CameraPose zUp = new CameraPose(Vec3.ZERO, new Vec3(0, 1, 0), new Vec3(0, 0, 1));
        assertThat(zUp.right(UpAxis.Z)).isEqualTo(new Vec3(1, 0, 0));
        // Unity: facing +z with y up, +x is to the right.
        CameraPose unity = new CameraPose(Vec3.ZERO, new Vec3(0, 0, 1), new Vec3(0, 1, 0));
        assertThat(unity.right(UpAxis.Y)).isEqualTo(new Vec3(1, 0, 0));
    }

    @Test
    void anObjectStraightAheadIsOnThePositiveYAxisOfTheCameraFrame() {
        // Camera at (2, 1), 1.5 m up, facing 30° left of +x; a chair 3 m ahead and a lamp 1 m to its right.
        double yaw = Math.toRadians(30);
        Vec2 f = new Vec2(Math.cos(yaw), Math.sin(yaw));
        Vec2 right = new Vec2(f.y(), -f.x());
        Vec2 cam = new Vec2(2, 1);
        Vec2 chairAt = cam.plus(f.times(3));
        Vec2 lampAt = cam.plus(f.times(3)).plus(right);
        // The room's walls run along the camera's view (30°), so the room-aligned frame is the camera's own.
        Room walls = Room.ofRegions(List.of(new RoomRegion("r", "Bedroom", List.of(cam.minus(f.times(2)).minus(
                right.times(2)), cam.plus(f.times(6)).minus(right.times(2)), cam.plus(f.times(6)).plus(right.times(2)),
                cam.minus(f.times(2)).plus(right.times(2))))));
        Scene s = new Scene("s", "test", UpAxis.Z, walls, List.of(
                new SceneObject("chair_0", "chair", upright(chairAt.x(), chairAt.y(), 0.45, 10, 0.5, 0.5, 0.9)),
                new SceneObject("lamp_0", "lamp", upright(lampAt.x(), lampAt.y(), 0.3, 0, 0.2, 0.2, 0.6))),
                CameraPose.fromYawPitch(UpAxis.Z, new Vec3(2, 1, 1.5), 30, -15), null);
        Layout l = Layouts.fromScene(s, MapFrame.FIRST_CAMERA, s.objects());
        LayoutObject chair = l.byInstance("chair_0").orElseThrow();
        LayoutObject lamp = l.byInstance("lamp_0").orElseThrow();
        assertThat(chair.center().approximatelyEquals(new Vec2(0, 3), 1e-9)).isTrue();
        assertThat(lamp.center().approximatelyEquals(new Vec2(1, 3), 1e-9)).isTrue();
        assertThat(l.frame()).isEqualTo(MapFrame.FIRST_CAMERA);
        // Footprint sizes and heights survive the change of frame.
        assertThat(chair.footprint().area()).isCloseTo(0.25, within(1e-12));
        assertThat(chair.height().max()).isCloseTo(0.9, within(1e-12));
    }

    @Test
    void theSameHoldsInAUnityWorld() {
        // Unity yaw 90 faces +x; a fridge 2 m along +x is straight ahead, one at z = -1 is to the right.
        CameraPose cam = CameraPose.fromYawPitch(UpAxis.Y, new Vec3(0, 1.5, 0), 0, 0); // floor yaw 0 = +x
        Scene s = new Scene("u", "test", UpAxis.Y, Room.UNKNOWN, List.of(
                new SceneObject("a", "fridge", OrientedBox.axisAligned(new Vec3(1.5, 0, -0.5), new Vec3(2.5, 1, 0.5))),
                new SceneObject("b", "fridge", OrientedBox.axisAligned(new Vec3(1.5, 0, -1.5), new Vec3(2.5, 1,
                        -0.5)))), cam, null);
        Layout l = Layouts.fromScene(s, MapFrame.FIRST_CAMERA, s.objects());
        assertThat(l.byInstance("a").orElseThrow().center().approximatelyEquals(new Vec2(0, 2), 1e-9)).isTrue();
        assertThat(l.byInstance("b").orElseThrow().center().approximatelyEquals(new Vec2(1, 2), 1e-9)).isTrue();
    }

    @Test
    void aFirstCameraLayoutNeedsACamera() {
        Scene s = new Scene("s", "test", UpAxis.Z, Room.UNKNOWN, List.of());
        assertThatThrownBy(() -> Layouts.fromScene(s, MapFrame.FIRST_CAMERA, s.objects()))
                .hasMessageContaining("no recorded camera");
    }

    @Test
    void roomAreaPrefersTheStatedArea() {
        RoomRegion lShape = new RoomRegion("r", "Kitchen", List.of(new Vec2(0, 0), new Vec2(4, 0), new Vec2(4, 2),
                new Vec2(2, 2), new Vec2(2, 4), new Vec2(0, 4)));
        assertThat(lShape.area()).isCloseTo(12, within(1e-12));
        assertThat(lShape.contains(new Vec2(1, 3))).isTrue();
        assertThat(lShape.contains(new Vec2(3, 3))).isFalse();
        assertThat(Room.ofRegions(List.of(lShape)).area().getAsDouble()).isCloseTo(12, within(1e-12));
        assertThat(new Room(20.0, List.of(lShape)).area().getAsDouble()).isEqualTo(20);
        assertThat(Room.UNKNOWN.area()).isEmpty();
    }
}
