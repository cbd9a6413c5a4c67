package dev.v2l.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.v2l.geom.OrientedRect;
import dev.v2l.geom.Vec3;
import dev.v2l.scene.Footprints;
import dev.v2l.scene.OrientedBox;
import dev.v2l.scene.Scene;
import dev.v2l.scene.SceneObject;
import dev.v2l.source.Ai2ThorMetadataSource;
import dev.v2l.source.ProcThorHouseSource;
import dev.v2l.source.SceneSource;
import dev.v2l.source.VsiMetaInfoSource;
import dev.v2l.testing.TestPaths;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Room axes on every real scene we have: walls where known, footprints for VSI-Bench's scans (issue 13.1). */
class RoomAxesRealDataTest {

    @Test
    void scansGetTheirFurnituresOrientationAndTurnWithIt() {
        int scenes = 0;
        double alignedRoom = 0;
        double alignedScene = 0;
        double big = 0;
        for (String file : TestPaths.VSI_FILES) {
            SceneSource src = new VsiMetaInfoSource(TestPaths.vsiMeta(file));
            for (String id : src.ids()) {
                Scene s = src.scene(id);
                RoomAxes axes = RoomAxes.of(s);
                assertThat(axes.source()).isEqualTo(RoomAxes.FOOTPRINTS);
                RoomAxes sceneAxes = new RoomAxes(0, RoomAxes.SCENE);
                for (SceneObject o : s.objects()) {
                    OrientedRect f = Footprints.footprintOf(o.box(), s.up());
                    if (f.area() >= 0.5) { // beds, tables, sofas, cabinets: they stand along walls
                        big++;
                        alignedRoom += axes.aligned(f, Math.toRadians(3)) ? 1 : 0;
                        alignedScene += sceneAxes.aligned(f, Math.toRadians(3)) ? 1 : 0;
                    }
                }
                if (scenes++ % 7 == 0) { // turning the scan turns its axes by as much
                    double turn = Math.toRadians(17);
                    RoomAxes t = RoomAxes.of(turned(s, turn));
                    double d = Math.abs(RoomAxes.normalize(axes.angleRadians() + turn) - t.angleRadians());
                    assertThat(Math.min(d, Math.PI / 2 - d)).as(id).isLessThan(1e-6);
                }
            }
        }
        System.out.printf("large objects aligned within 3°: room axes %.3f, scan axes %.3f (%d objects)%n", alignedRoom / big, alignedScene / big, (int) big);
        assertThat(scenes).isEqualTo(288);
        // Large furniture is along the room's axes in most scans, and far less often along the scan's own axes.
        assertThat(alignedRoom / big).isGreaterThan(0.6);
        assertThat(alignedRoom / big).isGreaterThan(alignedScene / big + 0.25);
    }

    @Test
    void simulatorsGiveTheirWalls() {
        Scene thor = new Ai2ThorMetadataSource(TestPaths.sharedData().resolve(
                "ai2thor/instance_segmentation_metadata.json")).scene("iTHOR_Kitchen_Val_09");
        assertThat(RoomAxes.of(thor)).isEqualTo(new RoomAxes(0, RoomAxes.WALLS));
        SceneSource procthor = new ProcThorHouseSource(TestPaths.sharedData().resolve("ai2thor/procthor_train_1.json"),
                new dev.v2l.source.ProcThorAssets(TestPaths.sharedData().resolve("procthor/asset-database.json")));
        Scene house = procthor.scene(procthor.ids().get(0));
        assertThat(RoomAxes.of(house).source()).isEqualTo(RoomAxes.WALLS);
        assertThat(RoomAxes.of(house).angleRadians()).isCloseTo(0, within(1e-9));
    }

    static Scene turned(Scene s, double a) {
        List<SceneObject> out = new ArrayList<>();
        for (SceneObject o : s.objects()) {
            OrientedBox b = o.box();
            out.add(new SceneObject(o.id(), o.label(), new OrientedBox(rot(b.center(), a), rot(b.axis0(), a),
                    rot(b.axis1(), a), rot(b.axis2(), a), b.length0(), b.length1(), b.length2())));
        }
        return s.withObjects(out);
    }

    static Vec3 rot(Vec3 v, double a) {
        return new Vec3(v.x() * Math.cos(a) - v.y() * Math.sin(a), v.x() * Math.sin(a) + v.y() * Math.cos(a), v.z());
    }
}
