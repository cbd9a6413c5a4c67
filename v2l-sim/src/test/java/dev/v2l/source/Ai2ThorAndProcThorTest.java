package dev.v2l.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.v2l.geom.OrientedRect;
import dev.v2l.geom.Prism;
import dev.v2l.geom.Vec2;
import dev.v2l.geom.Vec3;
import dev.v2l.io.BadInputException;
import dev.v2l.layout.Layout;
import dev.v2l.layout.LayoutObject;
import dev.v2l.layout.Layouts;
import dev.v2l.layout.MapFrame;
import dev.v2l.scene.Footprints;
import dev.v2l.scene.Scene;
import dev.v2l.scene.SceneObject;
import dev.v2l.scene.UpAxis;
import dev.v2l.testing.TestPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Ai2ThorAndProcThorTest {

    static final Path THOR = TestPaths.sharedData().resolve("ai2thor/instance_segmentation_metadata.json");
    static final Path HOUSE = TestPaths.sharedData().resolve("ai2thor/procthor_train_1.json");
    static final Path ASSETS = TestPaths.sharedData().resolve("procthor/asset-database.json");

    @Test
    void ai2thorDumpLoadsWithoutStructuralObjects() {
        SceneSource src = new Ai2ThorMetadataSource(THOR);
        assertThat(src.ids()).containsExactly("iTHOR_Kitchen_Val_09");
        Scene s = src.scene("iTHOR_Kitchen_Val_09");
        assertThat(s.up()).isEqualTo(UpAxis.Y);
        assertThat(s.objects()).hasSize(66); // 67 minus the Floor
        assertThat(s.objects()).noneMatch(o -> o.label().equals("Floor"));
        assertThat(s.objects().stream().filter(o -> Boolean.TRUE.equals(o.visible())).count()).isEqualTo(17);
        assertThat(s.room().regions()).hasSize(1);
        assertThat(s.room().area().getAsDouble()).isCloseTo(5.9 * 6.0, within(1e-3));
        assertThat(new Ai2ThorMetadataSource(THOR, true).scene("iTHOR_Kitchen_Val_09").objects()).hasSize(67);
    }

    @Test
    void ai2thorOrientedBoxesComeFromCornerPoints() {
        Scene s = new Ai2ThorMetadataSource(THOR).scene("iTHOR_Kitchen_Val_09");
        SceneObject statue = s.objects().stream().filter(o -> o.label().equals("Statue")).findFirst().orElseThrow();
        // From the dump: its oriented box spans x -1.4408..-1.2328, y 0.9197..1.2780, z 0.1241..0.3199.
        Prism p = Footprints.prismOf(statue.box(), s.up());
        assertThat(p.zMin()).isCloseTo(0.9196716, within(1e-5));
        assertThat(p.zMax()).isCloseTo(1.2779612, within(1e-5));
        assertThat(p.footprint().center().approximatelyEquals(new Vec2(-1.33681, 0.22199), 1e-4)).isTrue();
        assertThat(p.footprint().area()).isCloseTo(0.20802 * 0.19580, within(1e-4));
        assertThat(statue.parentId()).isNotNull();
    }

    @Test
    void ai2thorCameraFacesWhereTheAgentLooks() {
        Scene s = new Ai2ThorMetadataSource(THOR).scene("iTHOR_Kitchen_Val_09");
        // Agent yaw 90 faces +x; horizon 0 is level.
        assertThat(s.camera().forward().x()).isCloseTo(1, within(1e-9));
        assertThat(s.camera().position().y()).isCloseTo(1.5759992599487305, within(1e-12));
        assertThat(s.intrinsics().width()).isEqualTo(600);
        assertThat(s.intrinsics().verticalFovDegrees()).isCloseTo(90, within(1e-9));
        // In the camera frame, everything the dump marks visible is in front of the camera.
        Layout l = Layouts.fromScene(s, MapFrame.FIRST_CAMERA, s.objects());
        for (SceneObject o : s.objects()) {
            if (Boolean.TRUE.equals(o.visible())) {
                LayoutObject lo = l.byInstance(o.id()).orElseThrow();
                assertThat(lo.center().y()).as(o.id()).isGreaterThan(0);
                // ...and within the 90° horizontal field of view, give or take the object's own size.
                assertThat(Math.abs(lo.center().x())).as(o.id()).isLessThan(lo.center().y() + 1.0);
            }
        }
    }

    @Test
    void procthorHouseLoadsRoomsObjectsAndChildren() {
        SceneSource src = new ProcThorHouseSource(HOUSE, new ProcThorAssets(ASSETS));
        Scene s = src.scene("procthor_train_1");
        assertThat(s.room().regions()).hasSize(10);
        assertThat(s.objects()).hasSize(68 + 109);
        assertThat(s.objects().stream().filter(o -> o.parentId() != null).count()).isEqualTo(109);
        assertThat(s.room().regions().get(0).type()).isEqualTo("Kitchen");
        assertThat(s.camera()).isNotNull();
        assertThat(s.camera().position().y()).isCloseTo(0.95 + ProcThorHouseSource.CAMERA_ABOVE_AGENT, within(1e-12));
    }

    @Test
    void procthorYawTurnsTheAssetsBox() {
        Scene s = new ProcThorHouseSource(HOUSE, new ProcThorAssets(ASSETS)).scene("procthor_train_1");
        // Fridge_5 at (15.403, 2.205), yaw 270, asset box 0.8535 × 1.6926 × 0.7064: turned, x and z extents swap.
        SceneObject fridge = s.objects().stream().filter(o -> o.label().equals("Fridge")).findFirst().orElseThrow();
        Prism p = Footprints.prismOf(fridge.box(), UpAxis.Y);
        double[] b = p.footprint().bounds();
        assertThat(b[2] - b[0]).isCloseTo(0.7064099311828613, within(1e-9));
        assertThat(b[3] - b[1]).isCloseTo(0.8534554839134216, within(1e-9));
        assertThat(p.footprint().center().approximatelyEquals(new Vec2(15.40279503440857, 2.204727741956711), 1e-9))
                .isTrue();
        assertThat(p.zMin()).isCloseTo(0, within(1e-6)); // floor objects sit on the floor
    }

    @Test
    void procthorObjectsLieInsideTheirHouse() {
        Scene s = new ProcThorHouseSource(HOUSE, new ProcThorAssets(ASSETS)).scene("procthor_train_1");
        int inside = 0;
        for (SceneObject o : s.objects()) {
            Vec2 c = Footprints.footprintOf(o.box(), UpAxis.Y).center();
            if (s.room().regions().stream().anyMatch(r -> r.contains(c))) {
                inside++;
            }
        }
        assertThat(inside).isGreaterThanOrEqualTo(s.objects().size() - 2);
    }

    @Test
    void unknownAssetsAreNamed(@TempDir Path dir) throws IOException {
        Path house = dir.resolve("house.json");
        Files.writeString(house, """
                {"rooms": [{"id": "r", "roomType": "Kitchen", "floorPolygon": [{"x": 0, "y": 0, "z": 0},
                  {"x": 3, "y": 0, "z": 0}, {"x": 3, "y": 0, "z": 3}]}],
                 "objects": [{"id": "x|1", "assetId": "No_Such_Asset", "position": {"x": 1, "y": 0.5, "z": 1},
                  "rotation": {"x": 0, "y": 0, "z": 0}}]}
                """);
        SceneSource src = new ProcThorHouseSource(house, new ProcThorAssets(ASSETS));
        assertThatThrownBy(() -> src.scene("house")).isInstanceOf(BadInputException.class)
                .hasMessageContaining("house.json").hasMessageContaining("objects[0].assetId")
                .hasMessageContaining("No_Such_Asset");
    }

    @Test
    void sourcesAreDetectedFromContent() {
        assertThat(SceneSources.open(TestPaths.vsiMeta("scannet_meta_info_val.json").toString()).kind())
                .isEqualTo("vsi");
        assertThat(SceneSources.open(THOR.toString()).kind()).isEqualTo("ai2thor");
        assertThat(SceneSources.open("procthor:" + HOUSE + ",assets=" + ASSETS).kind()).isEqualTo("procthor");
        assertThat(SceneSources.open(HOUSE + ",assets=" + ASSETS).kind()).isEqualTo("procthor");
        assertThatThrownBy(() -> SceneSources.open(HOUSE.toString())).hasMessageContaining("asset database");
        assertThatThrownBy(() -> SceneSources.open("nope:" + HOUSE)).hasMessageContaining("unknown scene source kind")
                .hasMessageContaining("vsi, ai2thor, procthor, v2l");
        assertThatThrownBy(() -> SceneSources.open("/no/such/file.json")).hasMessageContaining("no such file");
    }

    @Test
    void oppositeCornerOrdersGiveTheSameBox() {
        Scene s = new Ai2ThorMetadataSource(THOR).scene("iTHOR_Kitchen_Val_09");
        for (SceneObject o : s.objects()) {
            var corners = new java.util.ArrayList<>(o.box().corners());
            java.util.Collections.reverse(corners);
            var again = BoxFitting.fromCorners(corners);
            OrientedRect a = Footprints.footprintOf(o.box(), UpAxis.Y);
            OrientedRect b = Footprints.footprintOf(again, UpAxis.Y);
            assertThat(a.approximatelyEquals(b, 1e-9)).as(o.id()).isTrue();
            assertThat(again.center().distanceTo(o.box().center())).isLessThan(1e-9);
        }
        var flat = BoxFitting.fromCorners(java.util.List.of(new Vec3(0, 0, 0), new Vec3(1, 0, 0), new Vec3(0, 0, 0),
                new Vec3(1, 0, 0), new Vec3(0, 0, 2), new Vec3(1, 0, 2), new Vec3(0, 0, 2), new Vec3(1, 0, 2)));
        assertThat(flat.lengths()).containsExactlyInAnyOrder(1.0, 2.0, 0.0); // a flat box keeps a zero length
    }
}
