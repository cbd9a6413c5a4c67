package dev.v2l.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import dev.v2l.layout.Labels;
import dev.v2l.layout.text.MapForm;
import dev.v2l.layout.text.MapParser;
import dev.v2l.qa.QuestionGenerator;
import dev.v2l.qa.QuestionType;
import dev.v2l.qa.QuestionTypes;
import dev.v2l.scene.CameraPose;
import dev.v2l.scene.FloorCoverage;
import dev.v2l.scene.Observation.Frame;
import dev.v2l.scene.Scene;
import dev.v2l.source.SceneSources;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13 items 2b and 3 over rendered walk-throughs: training targets ask counting only when the frames show every
 * instance (the map implies the answer), benchmarks ask the room's count whatever the frames show, and room size is
 * asked only when the chosen frames face the foot of every wall.
 */
class CountingAndRoomSizeRulesTest {

    static final Set<QuestionType> COUNTING = Set.of(QuestionTypes.OBJECT_COUNTING, QuestionTypes.OBJECT_COUNT);

    @Test
    void countsAreTheRoomsAndRoomSizeNeedsTheFloorInView(@TempDir Path tmp) throws Exception {
        DatasetOptions o = new DatasetOptions(List.of(1, 4, 16), QuestionType.parseList("all"), 40,
                List.of(Exporter.JSONL), MapForm.V2LO, new double[] {1, 0, 0}, 21, "uniform", 16, 4, 160, 120, 60, 0,
                false, 1);
        int sftCounts = 0;
        int benchCounts = 0;
        int benchCountsBeyondTheFrames = 0;
        int roomSizes = 0;
        int roomSizesAtOneFrame = 0;
        for (Scene scene : SceneSources.open("procedural:seed=21,count=10")) {
            SceneFrames frames = SceneFrames.of(scene, "procedural", o, OutputFiles.local(tmp));
            for (boolean benchmark : new boolean[] {false, true}) {
                SampleBuilder b = new SampleBuilder(new SampleBuilder.Settings(o.types(), 40, MapForm.V2LO,
                        "uniform", o.thresholds(), 21, benchmark));
                QuestionGenerator.Finisher fin = new QuestionGenerator.Finisher(new QuestionGenerator(o.types(), 40,
                        21, o.thresholds()).settings());
                for (int n : o.frameCounts()) {
                    for (Sample s : b.build(scene, frames, n, "train", fin).samples()) {
                        QuestionType t = s.question().type();
                        if (COUNTING.contains(t)) {
                            String key = Labels.key(s.question().objects().get(0).label());
                            long inRoom = scene.objects().stream().filter(x -> Labels.key(x.label()).equals(key))
                                    .count();
                            long onMap = MapParser.lenient().parse(s.gtLayout()).layout().objects().stream()
                                    .filter(x -> Labels.key(x.label()).equals(key)).count();
                            assertThat(s.question().groundTruth()).as(s.id()).isEqualTo(Long.toString(inRoom));
                            assertThat(s.answer()).isEqualTo(Long.toString(inRoom));
                            if (benchmark) {
                                assertThat(s.question().params()).containsEntry("scope", "room");
                                benchCounts++;
                                benchCountsBeyondTheFrames += onMap < inRoom ? 1 : 0;
                            } else {
                                // the map of the frames shows every instance: it implies the answer
                                assertThat(onMap).as(s.id()).isEqualTo(inRoom);
                                assertThat(s.question().params()).doesNotContainKey("scope");
                                sftCounts++;
                            }
                        }
                        if (t == QuestionTypes.ROOM_SIZE_ESTIMATION) {
                            List<CameraPose> poses = new ArrayList<>();
                            for (int i : s.frameIndices()) {
                                Frame f = frames.observation().frames().stream().filter(x -> x.index() == i)
                                        .findFirst().orElseThrow();
                                poses.add(f.pose());
                            }
                            assertThat(FloorCoverage.coversRoom(scene, poses, frames.view())).as(s.id()).isTrue();
                            roomSizes++;
                            roomSizesAtOneFrame += n == 1 ? 1 : 0;
                        }
                    }
                }
            }
        }
        assertThat(sftCounts).isGreaterThan(10);
        assertThat(benchCounts).isGreaterThan(sftCounts);
        assertThat(benchCountsBeyondTheFrames).as("benchmarks count what the frames miss").isGreaterThan(5);
        assertThat(roomSizes).as("some walk-throughs face every wall").isGreaterThanOrEqualTo(2);
        assertThat(roomSizesAtOneFrame).isZero();
    }
}
