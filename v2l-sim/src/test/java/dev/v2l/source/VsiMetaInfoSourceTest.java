package dev.v2l.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.v2l.geom.Prism;
import dev.v2l.geom.Vec3;
import dev.v2l.io.BadInputException;
import dev.v2l.scene.Footprints;
import dev.v2l.scene.OrientedBox;
import dev.v2l.scene.Scene;
import dev.v2l.scene.SceneObject;
import dev.v2l.scene.UpAxis;
import dev.v2l.testing.TestPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VsiMetaInfoSourceTest {

    static List<Scene> allRealScenes() {
        List<Scene> out = new ArrayList<>();
        for (String f : TestPaths.VSI_FILES) {
            new VsiMetaInfoSource(TestPaths.vsiMeta(f)).forEach(out::add);
        }
        return out;
    }

    @Test
    void curatedCountsAreKeptAndExactDuplicateBoxesAreOneObject() {
        Map<String, Scene> byId = new java.util.HashMap<>();
        allRealScenes().forEach(s -> byId.put(s.id(), s));
        // scene0378_01 lists its printer's box twice; object_counts says 1.
        Scene s = byId.get("scene0378_01");
        assertThat(s.room().statedCounts()).containsEntry("printer", 1);
        assertThat(s.objects().stream().filter(o -> o.label().equals("printer"))).hasSize(1);
        assertThat(s.labelCounts()).containsEntry("printer", 1);
        // After dropping exact duplicates, 3 of 1,525 labels still disagree with object_counts: a chair boxed twice
        // 0.13 m apart, 39 chairs for 38, 5 windows for 7. Every other label's boxes agree with its count.
        List<String> disagree = new ArrayList<>();
        int labels = 0;
        for (Scene sc : byId.values()) {
            assertThat(sc.room().statedCounts()).as(sc.id()).isNotEmpty();
            for (Map.Entry<String, Integer> e : sc.labelCounts().entrySet()) {
                labels++;
                if (!e.getValue().equals(sc.room().statedCounts().get(e.getKey()))) {
                    disagree.add(sc.id() + " " + e.getKey());
                }
            }
        }
        assertThat(labels).isEqualTo(1525);
        assertThat(disagree).containsExactlyInAnyOrder("scene0474_04 chair", "scene0500_00 chair",
                "scene0500_00 window");
    }

    @Test
    void all288ScenesLoadWithEveryBox() {
        List<Scene> scenes = allRealScenes();
        assertThat(scenes).hasSize(288);
        // 3,197 boxes in object_bbox, 12 of them listed twice byte for byte (printers of 10 ScanNet scenes): one object.
        assertThat(scenes.stream().mapToInt(s -> s.objects().size()).sum()).isEqualTo(3185);
        assertThat(scenes.stream().map(Scene::dataset).distinct()).containsExactlyInAnyOrder("scannet", "scannetpp",
                "arkitscenes");
        for (Scene s : scenes) {
            assertThat(s.up()).isEqualTo(UpAxis.Z);
            assertThat(s.room().area().getAsDouble()).as(s.id()).isGreaterThan(0);
            for (SceneObject o : s.objects()) {
                Prism p = Footprints.prismOf(o.box(), s.up());
                assertThat(p.footprint().area()).as("%s %s", s.id(), o.id()).isGreaterThan(0);
                assertThat(p.height()).as("%s %s", s.id(), o.id()).isGreaterThan(0);
            }
        }
    }

    @Test
    void boxesReproduceTheFilesOwnAxisAlignedBounds() throws IOException {
        // Proves the axis convention: normalizedAxes are rows (one axis per row), not columns.
        JsonNode root = JsonFiles.MAPPER.readTree(TestPaths.vsiMeta("scannet_meta_info_val.json").toFile());
        VsiMetaInfoSource src = new VsiMetaInfoSource(TestPaths.vsiMeta("scannet_meta_info_val.json"));
        int checked = 0;
        for (String id : src.ids().subList(0, 20)) {
            Scene s = src.scene(id);
            for (SceneObject o : s.objects()) {
                String label = o.label();
                int index = Integer.parseInt(o.id().substring(o.id().lastIndexOf('_') + 1));
                JsonNode b = root.get(id).get("object_bbox").get(label).get(index);
                double[] min = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE};
                double[] max = {-Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
                for (Vec3 c : o.box().corners()) {
                    double[] a = c.toArray();
                    for (int k = 0; k < 3; k++) {
                        min[k] = Math.min(min[k], a[k]);
                        max[k] = Math.max(max[k], a[k]);
                    }
                }
                for (int k = 0; k < 3; k++) {
                    assertThat(min[k]).isCloseTo(b.get("min").get(k).asDouble(), within(1e-6));
                    assertThat(max[k]).isCloseTo(b.get("max").get(k).asDouble(), within(1e-6));
                }
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(100);
    }

    @Test
    void objectIdsAndCountsFollowTheFile() {
        Scene s = new VsiMetaInfoSource(TestPaths.vsiMeta("scannetpp_meta_info_val.json")).scene("7b6477cb95");
        assertThat(s.labelCounts()).containsEntry("monitor", 5).containsEntry("computer mouse", 1);
        assertThat(s.object("computer_mouse_0")).isPresent();
        assertThat(s.object("monitor_4")).isPresent();
        assertThat(s.object("monitor_5")).isEmpty();
        assertThat(s.room().area().getAsDouble()).isCloseTo(18.381678883006863, within(1e-12));
    }

    @Test
    void rotatingARealSceneAboutTheUpAxisKeepsEveryPairwiseDistance() {
        Scene s = new VsiMetaInfoSource(TestPaths.vsiMeta("scannet_meta_info_val.json")).scene("scene0645_00");
        double t = Math.toRadians(37);
        Vec3 shift = new Vec3(3.5, -2, 0.25);
        List<SceneObject> turned = new ArrayList<>();
        for (SceneObject o : s.objects()) {
            OrientedBox b = o.box();
            turned.add(o.withBox(new OrientedBox(rot(b.center(), t).plus(shift), rot(b.axis0(), t), rot(b.axis1(), t),
                    rot(b.axis2(), t), b.length0(), b.length1(), b.length2())));
        }
        Scene r = s.withObjects(turned);
        int pairs = 0;
        for (int i = 0; i < s.objects().size(); i++) {
            for (int j = i + 1; j < s.objects().size(); j++) {
                double d = prism(s, i).distanceTo(prism(s, j));
                double dr = prism(r, i).distanceTo(prism(r, j));
                // Tilted boxes go through a minimum-area rectangle, which is rotation-invariant up to round-off.
                assertThat(dr).as("%s – %s", s.objects().get(i).id(), s.objects().get(j).id())
                        .isCloseTo(d, within(1e-6));
                pairs++;
            }
        }
        assertThat(pairs).isGreaterThan(100);
    }

    private static Prism prism(Scene s, int i) {
        return Footprints.prismOf(s.objects().get(i).box(), s.up());
    }

    private static Vec3 rot(Vec3 v, double t) {
        return new Vec3(Math.cos(t) * v.x() - Math.sin(t) * v.y(), Math.sin(t) * v.x() + Math.cos(t) * v.y(), v.z());
    }

    @Test
    void badEntriesNameTheFileSceneAndField(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("meta.json");
        Files.writeString(f, """
                {"scene_a": {"dataset": "scannet", "room_size": 20.0, "object_bbox": {"chair": [
                  {"centroid": [0, 0, 0], "normalizedAxes": [1, 0, 0, 0, 1, 0, 0, 0, 1], "axesLengths": [1, 1]}]}},
                 "scene_b": {"dataset": "scannet", "room_size": "big", "object_bbox": {}},
                 "scene_c": {"dataset": "scannet", "room_size": 9, "object_bbox": {"table": [
                  {"centroid": [0, 0, 0], "normalizedAxes": [1, 0, 0, 1, 0, 0, 0, 0, 1], "axesLengths": [1, 1, 1]}]}}}
                """);
        VsiMetaInfoSource src = new VsiMetaInfoSource(f);
        assertThat(src.ids()).containsExactly("scene_a", "scene_b", "scene_c");
        assertThatThrownBy(() -> src.scene("scene_a")).isInstanceOf(BadInputException.class)
                .hasMessageContaining(f.toString()).hasMessageContaining("scene scene_a")
                .hasMessageContaining("object_bbox.chair[0].axesLengths").hasMessageContaining("list of 3 numbers");
        assertThatThrownBy(() -> src.scene("scene_b")).hasMessageContaining("field 'room_size'")
                .hasMessageContaining("expected a number, found a string \"big\"");
        assertThatThrownBy(() -> src.scene("scene_c")).hasMessageContaining("object_bbox.table[0].normalizedAxes")
                .hasMessageContaining("orthonormal");
        assertThatThrownBy(() -> src.scene("nope")).hasMessageContaining("no scene 'nope'")
                .hasMessageContaining("scene_a");
    }

    @Test
    void notJsonAndMissingFilesAreClearErrors(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("broken.json");
        Files.writeString(f, "{\"a\": [1, 2,\n  }");
        assertThatThrownBy(() -> new VsiMetaInfoSource(f)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("broken.json").hasMessageContaining("not valid JSON at line 2");
        assertThatThrownBy(() -> new VsiMetaInfoSource(dir.resolve("missing.json")))
                .hasMessageContaining("missing.json: no such file");
    }

    @Test
    void labelCountsMatchObjectCountsInTheFile() throws IOException {
        JsonNode root = JsonFiles.MAPPER.readTree(TestPaths.vsiMeta("arkitscenes_meta_info_val.json").toFile());
        VsiMetaInfoSource src = new VsiMetaInfoSource(TestPaths.vsiMeta("arkitscenes_meta_info_val.json"));
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            Scene s = src.scene(e.getKey());
            e.getValue().get("object_counts").fields().forEachRemaining(c -> assertThat(s.labelCounts().get(c.getKey()))
                    .as("%s %s", s.id(), c.getKey()).isEqualTo(c.getValue().asInt()));
        }
    }
}
