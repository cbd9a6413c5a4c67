package dev.v2l.scene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.v2l.geom.Vec2;
import dev.v2l.geom.Vec3;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The room-size rule: room size is asked only when the chosen frames face the foot of every wall. */
class FloorCoverageTest {

    static final Intrinsics K = Intrinsics.fromVerticalFov(640, 480, 60);

    static Scene room(Vec2... polygon) {
        return new Scene("r", "test", UpAxis.Z, Room.ofRegions(List.of(new RoomRegion("r0", "room",
                List.of(polygon)))), List.of());
    }

    static final Scene SQUARE = room(new Vec2(0, 0), new Vec2(4, 0), new Vec2(4, 4), new Vec2(0, 4));

    @Test
    void oneFrameFacingAWallDoesNotCoverTheRoomFourCornerViewsDo() {
        // Standing in the middle looking down at the floor near one wall: a small part of the floor.
        CameraPose wall = CameraPose.fromYawPitch(UpAxis.Z, new Vec3(2, 2, 1.5), 0, -40);
        double one = FloorCoverage.share(SQUARE, List.of(wall), K);
        assertThat(one).isBetween(0.05, 0.6);
        assertThat(FloorCoverage.coversRoom(SQUARE, List.of(wall), K)).isFalse();
        // From each corner looking across the room to the opposite one: every floor point is faced.
        List<CameraPose> corners = List.of(
                CameraPose.fromYawPitch(UpAxis.Z, new Vec3(0.2, 0.2, 1.5), 45, -30),
                CameraPose.fromYawPitch(UpAxis.Z, new Vec3(3.8, 0.2, 1.5), 135, -30),
                CameraPose.fromYawPitch(UpAxis.Z, new Vec3(3.8, 3.8, 1.5), 225, -30),
                CameraPose.fromYawPitch(UpAxis.Z, new Vec3(0.2, 3.8, 1.5), 315, -30));
        assertThat(FloorCoverage.share(SQUARE, corners, K)).isGreaterThanOrEqualTo(0.9);
        assertThat(FloorCoverage.wallShare(SQUARE, corners, K)).isEqualTo(1.0);
        assertThat(FloorCoverage.coversRoom(SQUARE, corners, K)).isTrue();
        // The wall-facing frame sees one wall of four; the first two corner views see all four walls' feet.
        assertThat(FloorCoverage.wallShare(SQUARE, List.of(wall), K)).isEqualTo(0.25);
        // More frames never see less.
        assertThat(FloorCoverage.share(SQUARE, List.of(wall, corners.get(0)), K)).isGreaterThanOrEqualTo(one);
    }

    @Test
    void theWallsOfAnLShapedRoomHideItsOtherLeg() {
        // An L: a 4 × 2 leg along x and a 2 × 4 leg along y. Standing in the x leg facing +x, the y leg is behind
        // the camera or behind the inner wall.
        Scene l = room(new Vec2(0, 0), new Vec2(4, 0), new Vec2(4, 2), new Vec2(2, 2), new Vec2(2, 4),
                new Vec2(0, 4));
        CameraPose inLeg = CameraPose.fromYawPitch(UpAxis.Z, new Vec3(3.5, 1, 1.5), 150, -20);
        double faced = FloorCoverage.share(l, List.of(inLeg), K);
        // Without walls the frame would face part of the far leg (x < 2, y > 2) through the inner corner.
        assertThat(FloorCoverage.insideRoom(l, new Vec2(3.5, 1), new Vec2(0.5, 3.5))).isFalse();
        assertThat(FloorCoverage.insideRoom(l, new Vec2(3.5, 1), new Vec2(0.5, 1.5))).isTrue();
        assertThat(faced).isLessThan(0.7);
        assertThat(FloorCoverage.coversRoom(l, List.of(inLeg), K)).isFalse();
    }

    @Test
    void aRoomWithoutRegionsHasNoCoverage() {
        Scene vsi = new Scene("v", "test", UpAxis.Z, Room.ofArea(12.0), List.of());
        assertThat(FloorCoverage.share(vsi, List.of(CameraPose.fromYawPitch(UpAxis.Z, new Vec3(0, 0, 1), 0, 0)), K))
                .isNaN();
        assertThat(FloorCoverage.wallShare(vsi, List.of(), K)).isNaN();
        assertThat(FloorCoverage.coversRoom(vsi, List.of(), K)).isFalse();
        assertThat(FloorCoverage.grid(SQUARE)).hasSize(16 * 16);
        assertThat(FloorCoverage.GRID_METRES).isCloseTo(0.25, within(0.0));
    }
}
