package dev.v2l.qa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.v2l.geom.Vec3;
import dev.v2l.layout.Layouts;
import dev.v2l.scene.OrientedBox;
import dev.v2l.scene.Room;
import dev.v2l.scene.Scene;
import dev.v2l.scene.SceneObject;
import dev.v2l.scene.UpAxis;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QuestionGeneratorTest {

    static SceneObject obj(String id, String label, double x, double y, double size) {
        return new SceneObject(id, label, OrientedBox.axisAligned(new Vec3(x - size / 2, y - size / 2, 0),
                new Vec3(x + size / 2, y + size / 2, size)));
    }

    /** Ten distinct categories spread over a 6 × 6 m room, plus three chairs. */
    static Scene room() {
        String[] labels = {"sofa", "tv", "bed", "lamp", "desk", "plant", "fridge", "sink", "stool", "toilet"};
        List<SceneObject> objs = new ArrayList<>();
        for (int i = 0; i < labels.length; i++) {
            double a = 2 * Math.PI * i / labels.length;
            objs.add(obj(labels[i] + "_0", labels[i], 3 + 2.5 * Math.cos(a), 3 + 2.5 * Math.sin(a * 1.7), 0.4));
        }
        objs.add(obj("chair_0", "chair", 2, 3, 0.4));
        objs.add(obj("chair_1", "chair", 3, 3.8, 0.4));
        objs.add(obj("chair_2", "chair", 4, 2.2, 0.4));
        return new Scene("synthetic", "test", UpAxis.Z, Room.ofArea(36), objs);
    }

    @Test
    void appearanceOrderNeedsTimesAtLeastTheGapApart() {
        Scene s = room();
        Map<String, Double> times = new LinkedHashMap<>();
        for (int i = 0; i < s.objects().size(); i++) {
            times.put(s.objects().get(i).id(), 0.5 + 1.5 * i);
        }
        QaInput in = new QaInput(s, Layouts.fromScene(s), times);
        QuestionGenerator gen = new QuestionGenerator(List.of(QuestionTypes.OBJ_APPEARANCE_ORDER), 5, 3,
                Thresholds.DEFAULT);
        List<Question> qs = new QuestionGenerator.Finisher(gen.settings()).finish(gen.draft(in));
        assertThat(qs).hasSize(5);
        for (Question q : qs) {
            assertThat(q.options()).hasSize(4);
            String truth = q.optionContents().get(q.groundTruth().charAt(0) - 'A');
            String[] order = truth.split(", ");
            for (int i = 1; i < order.length; i++) {
                assertThat(firstTime(s, times, order[i])).isGreaterThanOrEqualTo(firstTime(s, times, order[i - 1]) + 1);
            }
            assertThat(q.question()).startsWith("What will be the first-time appearance order of the following "
                    + "categories in the video: ");
        }
        // Without times there is nothing to ask.
        QuestionGenerator.SceneDrafts none = gen.draft(QaInput.of(s));
        assertThat(none.drafts()).isEmpty();
        assertThat(none.stats().rejected().get("obj_appearance_order")).containsKey("no-appearance-times");
    }

    private static double firstTime(Scene s, Map<String, Double> times, String label) {
        return s.objects().stream().filter(o -> o.label().equals(label)).mapToDouble(o -> times.get(o.id())).min()
                .orElseThrow();
    }

    @Test
    void countingAsksOnlyAboutRepeatedLabelsForVsiAndAnyForQvs() {
        Scene s = room();
        QuestionGenerator gen = new QuestionGenerator(List.of(QuestionTypes.OBJECT_COUNTING, QuestionTypes.OBJECT_COUNT),
                20, 1, Thresholds.DEFAULT);
        List<Question> qs = new QuestionGenerator.Finisher(gen.settings()).finish(gen.draft(QaInput.of(s)));
        List<Question> vsi = qs.stream().filter(q -> q.type() == QuestionTypes.OBJECT_COUNTING).toList();
        assertThat(vsi).singleElement().satisfies(q -> {
            assertThat(q.question()).isEqualTo("How many chair(s) are in this room?");
            assertThat(q.groundTruth()).isEqualTo("3");
        });
        assertThat(qs.stream().filter(q -> q.type() == QuestionTypes.OBJECT_COUNT)).hasSize(11);
    }

    @Test
    void sameSeedSameQuestionsOtherSeedOtherQuestions() {
        Scene s = room();
        QuestionGenerator a = new QuestionGenerator(QuestionType.values(), 8, 11, Thresholds.DEFAULT);
        QuestionGenerator b = new QuestionGenerator(QuestionType.values(), 8, 11, Thresholds.DEFAULT);
        QuestionGenerator c = new QuestionGenerator(QuestionType.values(), 8, 12, Thresholds.DEFAULT);
        List<String> la = lines(a, s);
        assertThat(la).isEqualTo(lines(b, s));
        assertThat(la).isNotEqualTo(lines(c, s));
        assertThat(la).hasSizeGreaterThan(50);
    }

    private static List<String> lines(QuestionGenerator g, Scene s) {
        return new QuestionGenerator.Finisher(g.settings()).finish(g.draft(QaInput.of(s))).stream()
                .map(QuestionJson::toLine).toList();
    }

    @Test
    void typeNamesAndHelpfulErrors() {
        assertThat(QuestionType.parseList("qvs")).hasSize(6);
        assertThat(QuestionType.parseList("all")).hasSize(QuestionType.values().size());
        assertThat(QuestionType.parseList("route_planning, min_distance")).containsExactly(
                QuestionTypes.ROUTE_PLANNING, QuestionTypes.MIN_DISTANCE);
        assertThatThrownBy(() -> QuestionType.parseList("object_distance"))
                .hasMessageContaining("unknown question type 'object_distance'; available: object_counting, ");
    }

    @Test
    void tracesAreWhatTheEngineWritesAndGroundTruthsAreOptions() {
        Scene s = room();
        QuestionGenerator g = new QuestionGenerator(QuestionType.values(), 5, 2, Thresholds.DEFAULT);
        for (Question q : new QuestionGenerator.Finisher(g.settings()).finish(g.draft(QaInput.of(s)))) {
            var d = Questions.derive(q, Layouts.fromScene(s), new dev.v2l.reason.EngineContext(36.0, Map.of()));
            assertThat(d.trace()).isEqualTo(q.trace());
            assertThat(Questions.answerOf(q, d)).isEqualTo(q.groundTruth());
            if (q.type().isMultipleChoice()) {
                assertThat(q.groundTruth()).matches("[A-D]");
                assertThat(q.options()).allMatch(o -> o.matches("[A-D]\\. .+"));
            } else {
                assertThat(q.options()).isEmpty();
                assertThat(Double.parseDouble(q.groundTruth())).isGreaterThanOrEqualTo(0);
            }
        }
    }
}
