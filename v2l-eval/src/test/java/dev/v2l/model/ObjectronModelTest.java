package dev.v2l.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.v2l.dataset.BenchBuilder;
import dev.v2l.dataset.DatasetOptions;
import dev.v2l.dataset.Exporter;
import dev.v2l.detect.Detection;
import dev.v2l.detect.DetectorLabels;
import dev.v2l.detect.PixelBox;
import dev.v2l.geom.Vec2;
import dev.v2l.io.Provenance;
import dev.v2l.layout.Labels;
import dev.v2l.layout.Layout;
import dev.v2l.layout.LayoutObject;
import dev.v2l.layout.MapFrame;
import dev.v2l.layout.text.MapForm;
import dev.v2l.metrics.MapMetrics;
import dev.v2l.metrics.V2loReward;
import dev.v2l.qa.Question;
import dev.v2l.qa.QuestionObject;
import dev.v2l.qa.QuestionType;
import dev.v2l.qa.QuestionTypes;
import dev.v2l.render.SceneRenderer;
import dev.v2l.run.BenchItem;
import dev.v2l.run.BenchItems;
import dev.v2l.run.PromptKind;
import dev.v2l.scene.CameraTrack;
import dev.v2l.scene.Scene;
import dev.v2l.source.SceneSource;
import dev.v2l.source.SceneSources;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The detector baseline on a rendered benchmark: cameras in the items, the map frame, the answers. */
class ObjectronModelTest {

    static final String SOURCE = "procedural:seed=13,count=2"; // a kitchen and a living room: chairs, a table, a sofa

    @TempDir
    static Path dir;
    static List<BenchItem> items;

    @BeforeAll
    static void buildBench() throws IOException {
        DatasetOptions o = new DatasetOptions(List.of(4, 8), QuestionType.parseList("all"), 1,
                List.of(Exporter.JSONL), MapForm.V2LO, new double[] {0, 0, 1}, 5, "uniform", 16, 4, 320, 240, 60, 0,
                true, 1);
        new BenchBuilder(o, 24, BenchBuilder.mixFor(QuestionType.parseList("all"))).build(SceneSources.open(SOURCE),
                dir, new Provenance("t", "t", "t", List.of()), i -> { });
        items = BenchItems.read(dir);
    }

    static List<ModelRequest.Image> images(BenchItem item) {
        List<ModelRequest.Image> out = new ArrayList<>();
        for (String rel : item.images()) {
            try {
                out.add(new ModelRequest.Image(Files.readAllBytes(dir.resolve(rel)), "image/jpeg"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    static CameraTrack resolved(CameraTrack t) {
        return t.withDepth(t.depth().stream().map(d -> dir.resolve(d).toString()).toList());
    }

    @Test
    void itemsCarryTheirFramesCamerasDepthAndTheMapFrame() throws Exception {
        SceneSource src = SceneSources.open(SOURCE);
        for (BenchItem it : items) {
            CameraTrack c = it.cameras();
            assertThat(c).as(it.id()).isNotNull();
            assertThat(c.poses()).hasSameSizeAs(it.images());
            assertThat(c.intrinsics().width()).isEqualTo(320);
            for (String d : c.depth()) {
                assertThat(dir.resolve(d)).isRegularFile();
            }
            // The map frame puts the first camera at the origin, and the stored true map is the scene's objects
            // moved by it.
            Scene scene = src.scene(it.sceneId());
            Vec2 origin = c.toMap().apply(scene.up().floor(c.poses().get(0).position()));
            assertThat(origin.length()).isLessThan(1e-9);
            for (LayoutObject o : it.gtLayout().objects()) {
                Vec2 world = dev.v2l.scene.Footprints.prismOf(scene.object(o.instanceId() == null ? "" : o.instanceId())
                        .orElseGet(() -> byLabel(scene, o, c)).box(), scene.up()).footprint().center();
                assertThat(c.toMap().apply(world).distanceTo(o.center())).isLessThan(0.01);
            }
        }
    }

    /** The scene object whose footprint, moved into the map frame, lands on a map object (maps keep no ids). */
    private static dev.v2l.scene.SceneObject byLabel(Scene scene, LayoutObject o, CameraTrack c) {
        dev.v2l.scene.SceneObject best = null;
        double bestD = Double.MAX_VALUE;
        for (dev.v2l.scene.SceneObject s : scene.objects()) {
            if (Labels.matches(s.label(), o.label())) {
                double d = c.toMap().apply(dev.v2l.scene.Footprints.prismOf(s.box(), scene.up()).footprint().center())
                        .distanceTo(o.center());
                if (d < bestD) {
                    best = s;
                    bestD = d;
                }
            }
        }
        return best;
    }

    @Test
    void givenTheTrueBoxesItsMapIsTheTrueMapOfWhatTheDetectorCanSee() throws Exception {
        // The detector's eyes replaced by the objects' visible boxes (from the instance buffer, as rendered from the
        // item's own cameras): what remains is lifting, the map frame, merging and naming.
        SceneSource src = SceneSources.open(SOURCE);
        int compared = 0;
        double f1 = 0;
        int alignmentAddsNothing = 0;
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (BenchItem it : items) {
            if (!seen.add(it.sceneId() + " " + it.frameIndices())) {
                continue; // the items of one frame set share one perception
            }
            Scene scene = src.scene(it.sceneId());
            CameraTrack c = resolved(it.cameras());
            SceneRenderer r = new SceneRenderer(scene, c.intrinsics());
            List<String> ids = r.mesh().instanceIds();
            List<ModelRequest.Image> imgs = images(it);
            Map<ModelRequest.Image, List<Detection>> boxes = new IdentityHashMap<>();
            for (int i = 0; i < imgs.size(); i++) {
                List<Detection> ds = new ArrayList<>();
                int frame = i;
                r.render(List.of(c.poses().get(i)), 4, 1, (k, pose, t) -> {
                    Map<Integer, int[]> acc = new HashMap<>();
                    for (int p = 0; p < t.instance.length; p++) {
                        if (t.instance[p] > 0) {
                            int[] a = acc.computeIfAbsent(t.instance[p], x -> new int[] {9999, 9999, -1, -1, 0});
                            int x = p % t.width;
                            int y = p / t.width;
                            a[0] = Math.min(a[0], x);
                            a[1] = Math.min(a[1], y);
                            a[2] = Math.max(a[2], x);
                            a[3] = Math.max(a[3], y);
                            a[4]++;
                        }
                    }
                    acc.forEach((v, a) -> {
                        String label = scene.object(ids.get(v - 1)).orElseThrow().label();
                        DetectorLabels.Group g = DetectorLabels.ofSceneLabel(label);
                        if (g != null && a[4] >= 0.02 * t.width * t.height) {
                            ds.add(new Detection(g.classes().iterator().next(), 0, 0.9, new PixelBox(a[0], a[1],
                                    a[2] + 1, a[3] + 1)));
                        }
                    });
                });
                boxes.put(imgs.get(frame), ds);
            }
            ObjectronModel.Perceived p = ObjectronModel.perceive(imgs, c, DetectorLabels::mapLabel,
                    (img, i) -> new ObjectronModel.Seen(320, 240, boxes.get(img)));
            assertThat(p.depth()).isTrue();
            // the truth: the item's true map, detectable labels only, named by group
            List<LayoutObject> truth = new ArrayList<>();
            for (LayoutObject o : it.gtLayout().objects()) {
                DetectorLabels.Group g = DetectorLabels.ofSceneLabel(o.label());
                if (g != null) {
                    truth.add(new LayoutObject(g.name(), o.footprint(), o.height(), o.instanceId()));
                }
            }
            if (truth.isEmpty() || p.layout().isEmpty()) {
                continue;
            }
            MapMetrics.Comparison cmp = MapMetrics.compare(p.layout(), new Layout(MapFrame.FIRST_CAMERA, truth),
                    1.0);
            f1 += cmp.stated().f1();
            if (cmp.stated().f1() >= cmp.aligned().f1()) {
                alignmentAddsNothing++;
            }
            compared++;
        }
        assertThat(compared).isGreaterThanOrEqualTo(3);
        assertThat(f1 / compared).as("mean map F1 of lifted true boxes").isGreaterThan(0.7);
        // as stated, in the benchmark's frame: no alignment needed. A wrong frame makes the rigid fit gain in every
        // frame set, while one occluded object lifted onto what stands in front of it lets the fit gain in one.
        assertThat(alignmentAddsNothing).as("frame sets where a rigid alignment gains nothing, of " + compared)
                .isGreaterThanOrEqualTo((int) Math.ceil(0.7 * compared));
    }

    @Test
    void theRealDetectorAnswersInTheThreeTagsFromItsOwnMap() throws Exception {
        VisionLanguageModel m = Models.open("objectron", Models.Options.defaults());
        assertThat(m.name()).isEqualTo("objectron");
        int n = 0;
        for (BenchItem it : items.subList(0, Math.min(6, items.size()))) {
            ModelRequest req = PromptKind.V2LO.request(it, images(it), ModelRequest.Settings.DEFAULT,
                    resolved(it.cameras()));
            String text = m.complete(req).text();
            assertThat(V2loReward.formatReward(V2loReward.removeSpaceAroundTagCharacters(text))).as(text).isEqualTo(1.0);
            assertThat(text).contains("The detector found");
            assertThat(dev.v2l.layout.text.MapParser.lenient().parse(text).layout()).as(text).isNotNull();
            assertThat(text.substring(text.indexOf("<answer>") + 8, text.indexOf("</answer>"))).isNotBlank();
            assertThat(m.complete(req).text()).isEqualTo(text); // same frames, same answer
            // direct prompts get the answer alone; without cameras it still answers (an assumed camera)
            String direct = m.complete(PromptKind.DIRECT.request(it, images(it), ModelRequest.Settings.DEFAULT,
                    null)).text();
            assertThat(direct).doesNotContain("<").isNotBlank();
            n++;
        }
        assertThat(n).isPositive();
    }

    @Test
    void questionWordsNameTheDetectorsGroupsOnlyWhenUnambiguous() {
        Question one = question(List.of(new QuestionObject("office chair", "c1", "a"), new QuestionObject("sofa", "s",
                "b")), List.of());
        assertThat(ObjectronModel.questionNames(one)).containsExactly(Map.entry("chair", "office chair"));
        Question two = question(List.of(new QuestionObject("dining table", "t1", "target")), List.of(
                "A. coffee table", "B. dining table", "C. bed"));
        assertThat(ObjectronModel.questionNames(two)).isEmpty();
        // the prior then follows the word: a side table is smaller than a table
        assertThat(ObjectronModel.prior("side table").width()).isLessThan(ObjectronModel.prior("table").width());
        assertThat(ObjectronModel.mergeRadius("chair")).isEqualTo(0.3);
        assertThat(ObjectronModel.mergeRadius("dining table")).isCloseTo(0.8, within(1e-9));
    }

    private static Question question(List<QuestionObject> objects, List<String> options) {
        return new Question("q", "s", "procedural", QuestionTypes.OBJECT_REL_DISTANCE, "?", options, "A", objects,
                Map.of(), "", Map.of());
    }
}
