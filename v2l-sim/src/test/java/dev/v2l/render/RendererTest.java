package dev.v2l.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.v2l.geom.Vec2;
import dev.v2l.geom.Vec3;
import dev.v2l.layout.Layout;
import dev.v2l.layout.Layouts;
import dev.v2l.layout.MapFrame;
import dev.v2l.scene.CameraPose;
import dev.v2l.scene.Intrinsics;
import dev.v2l.scene.Observation;
import dev.v2l.scene.OrientedBox;
import dev.v2l.scene.Room;
import dev.v2l.scene.RoomRegion;
import dev.v2l.scene.Scene;
import dev.v2l.scene.SceneObject;
import dev.v2l.scene.UpAxis;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RendererTest {

    static final Intrinsics K = Intrinsics.fromVerticalFov(640, 480, 60);

    static Scene room(SceneObject... objects) {
        RoomRegion big = new RoomRegion("r", "test", List.of(new Vec2(-20, -20), new Vec2(20, -20), new Vec2(20, 20),
                new Vec2(-20, 20)));
        return new Scene("test", "test", UpAxis.Z, Room.ofRegions(List.of(big)), List.of(objects));
    }

    static SceneObject cube(String id, double x, double y, double z, double size) {
        return new SceneObject(id, "box", OrientedBox.axisAligned(new Vec3(x - size / 2, y - size / 2, z - size / 2),
                new Vec3(x + size / 2, y + size / 2, z + size / 2)));
    }

    static RenderTarget render(Scene s, CameraPose pose) {
        RenderTarget t = new RenderTarget(K.width(), K.height());
        new Rasterizer().render(SceneMesh.of(s, 2.6), s.up(), pose, K, t);
        return t;
    }

    static final CameraPose LOOK_NORTH = CameraPose.fromYawPitch(UpAxis.Z, new Vec3(0, 0, 1.5), 90, 0);

    @Test
    void aBoxAheadIsWhereThePinholeModelPutsIt() {
        // A 1 m cube centred 3 m ahead at eye height: its front face is 2.5 m away and spans ±0.5 m.
        RenderTarget t = render(room(cube("c", 0, 3, 1.5, 1)), LOOK_NORTH);
        int centre = 240 * 640 + 320;
        assertThat(t.instance[centre]).isEqualTo(1);
        assertThat((double) t.depth[centre]).isCloseTo(2.5, within(0.01));
        double expectedWidth = K.fx() * 1.0 / 2.5; // 207.8 px
        int row = 240 * 640;
        int count = 0;
        int first = -1;
        int last = -1;
        for (int x = 0; x < 640; x++) {
            if (t.instance[row + x] == 1) {
                count++;
                first = first < 0 ? x : first;
                last = x;
            }
        }
        assertThat((double) count).isCloseTo(expectedWidth, within(1.0));
        assertThat((first + last) / 2.0).isCloseTo(319.5, within(1.0));
        int col = 0;
        for (int y = 0; y < 480; y++) {
            col += t.instance[y * 640 + 320] == 1 ? 1 : 0;
        }
        assertThat((double) col).isCloseTo(K.fy() * 1.0 / 2.5, within(1.0));
    }

    @Test
    void aNearerBoxHidesAFartherOne() {
        Scene s = room(cube("near", 0, 3, 1.5, 1), cube("far", 0, 7, 1.5, 3));
        RenderTarget t = render(s, LOOK_NORTH);
        int centre = 240 * 640 + 320;
        assertThat(t.instance[centre]).isEqualTo(1);
        assertThat((double) t.depth[centre]).isCloseTo(2.5, within(0.01));
        // Just outside the near cube's silhouette (half-width 83 px) the far cube (front 5.5 m away, half-width
        // 113 px) shows.
        assertThat(t.instance[centre + 95]).isEqualTo(2);
        assertThat((double) t.depth[centre + 95]).isCloseTo(5.5, within(0.02));
        // Swap roles by looking from the other side: now the far one is near.
        CameraPose south = CameraPose.fromYawPitch(UpAxis.Z, new Vec3(0, 9, 1.5), -90, 0);
        assertThat(render(s, south).instance[centre]).isEqualTo(2);
    }

    @Test
    void objectsBehindTheCameraOrHiddenAreNotSeen() {
        Scene s = room(cube("ahead", 0, 3, 1.5, 1), cube("behind", 0, -3, 1.5, 1), cube("hidden", 0, 5, 1.5, 0.5));
        SceneRenderer r = new SceneRenderer(s, K);
        Observation obs = r.render(List.of(LOOK_NORTH), 4, 1, null);
        assertThat(obs.seen(0, "ahead")).isTrue();
        assertThat(obs.seen(0, "behind")).isFalse();
        assertThat(obs.seen(0, "hidden")).isFalse();
        assertThat(obs.frames().get(0).pixels()).doesNotContainKey("hidden");
    }

    @Test
    void firstAppearanceIsTheFirstFrameThatShowsTheObject() {
        Scene s = room(cube("north", 0, 4, 1.5, 1), cube("west", -4, 0, 1.5, 1), cube("south", 0, -4, 1.5, 1));
        // Turn counter-clockwise from facing east, 24 frames a full turn: north appears before west before south.
        List<CameraPose> poses = new ArrayList<>();
        for (int f = 0; f < 24; f++) {
            poses.add(CameraPose.fromYawPitch(UpAxis.Z, new Vec3(0, 0, 1.5), 15.0 * f, 0));
        }
        Observation obs = new SceneRenderer(s, K).render(poses, 4, 2, null);
        int north = obs.firstAppearance("north").getAsInt();
        int west = obs.firstAppearance("west").getAsInt();
        int south = obs.firstAppearance("south").getAsInt();
        assertThat(north).isLessThan(west);
        assertThat(west).isLessThan(south);
        for (int i = 0; i < north; i++) {
            assertThat(obs.seen(i, "north")).isFalse();
        }
        assertThat(obs.seen(north, "north")).isTrue();
        assertThat(obs.firstAppearanceSeconds("west").getAsDouble()).isEqualTo(west / 4.0);
        // Facing it squarely, a 1 m cube whose face is 3.5 m away covers (fx / 3.5)² ≈ 14,100 px; seen obliquely a
        // side shows too. The threshold is a share of the image: just above the most it ever covers, never seen.
        int most = obs.frames().stream().mapToInt(f -> f.pixels().getOrDefault("north", 0)).max().orElseThrow();
        assertThat(most).isBetween(13_500, 25_000);
        double share = most / (640.0 * 480.0);
        assertThat(obs.withMinShare(share * 1.001).firstAppearance("north")).isEmpty();
        assertThat(obs.withMinShare(share).firstAppearance("north")).isPresent();
    }

    @Test
    void anObjectStraightAheadAtThreeMetresIsAtZeroThreeInTheFirstCameraMap() {
        // A camera facing along a wall (the room's axes are the scene's): the object ahead is at (0, 3).
        Scene s = room(cube("chair", 2, 4, 0.4, 0.5), cube("lamp", -5, -5, 0.4, 0.5));
        CameraPose p = CameraPose.fromYawPitch(UpAxis.Z, new Vec3(2, 1, 1.5), 90, -10);
        Observation obs = new SceneRenderer(s, K).render(List.of(p), 4, 1, null);
        Layout l = Layouts.fromObservation(s, obs, List.of(0), MapFrame.FIRST_CAMERA);
        assertThat(l.objects()).hasSize(1); // the lamp is out of view
        assertThat(l.objects().get(0).center().approximatelyEquals(new Vec2(0, 3), 0.01)).isTrue();
    }

    @Test
    void aCameraTurnedFromTheWallsKeepsTheRoomAxesInItsMap() {
        // Turned 30° from the room's +x axis, the map's +y is the room axis nearest the camera's forward (+x) and
        // its +x the room's -y: the object 3 m straight ahead is at (-3 sin 30°, 3 cos 30°), wall-aligned boxes
        // stay axis-aligned.
        Scene s = room(cube("chair", 2 + 3 * Math.cos(Math.toRadians(30)), 1 + 3 * Math.sin(Math.toRadians(30)), 0.4,
                0.5), cube("lamp", -5, 5, 0.4, 0.5));
        CameraPose p = CameraPose.fromYawPitch(UpAxis.Z, new Vec3(2, 1, 1.5), 30, -10);
        Observation obs = new SceneRenderer(s, K).render(List.of(p), 4, 1, null);
        Layout l = Layouts.fromObservation(s, obs, List.of(0), MapFrame.FIRST_CAMERA);
        assertThat(l.objects()).hasSize(1);
        assertThat(l.objects().get(0).center().approximatelyEquals(new Vec2(-1.5, 3 * Math.cos(Math.toRadians(30))),
                0.01)).isTrue();
        assertThat(l.objects().get(0).footprint().angleRadians() % (Math.PI / 2)).isCloseTo(0, within(1e-9));
    }
}
