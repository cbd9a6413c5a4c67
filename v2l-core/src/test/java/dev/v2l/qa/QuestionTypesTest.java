package dev.v2l.qa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.v2l.layout.Layouts;
import dev.v2l.metrics.PyText;
import dev.v2l.metrics.VsiMetrics;
import dev.v2l.reason.EngineContext;
import dev.v2l.scene.Scene;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The registry is complete and every type has every piece; a new type that misses one fails here. */
class QuestionTypesTest {

    /** lmms-eval {@code tasks/vsibench/utils.py}: MCA_QUESTION_TYPES and NA_QUESTION_TYPES. */
    static final Set<String> REFERENCE_MCA = Set.of("object_rel_direction_easy", "object_rel_direction_medium",
            "object_rel_direction_hard", "object_rel_distance", "route_planning", "obj_appearance_order");
    static final Set<String> REFERENCE_NA = Set.of("object_abs_distance", "object_counting",
            "object_size_estimation", "room_size_estimation");

    @Test
    void namesAreUniqueAndLookUpTheSameObject() {
        Set<String> codes = new HashSet<>();
        for (QuestionType t : QuestionType.values()) {
            assertThat(codes.add(t.code())).as(t.code()).isTrue();
            assertThat(QuestionType.byName(t.code().toUpperCase())).isSameAs(t);
            assertThat(QuestionType.values().get(t.index())).isSameAs(t);
            assertThat(t.description()).isNotBlank();
        }
        assertThat(QuestionType.values()).hasSize(16);
    }

    @Test
    void vsiTypesAndMetricsAreVsiBenchsOwn() {
        Set<String> mca = new HashSet<>();
        Set<String> na = new HashSet<>();
        for (QuestionType t : QuestionType.family(QuestionType.Family.VSI)) {
            (t.isMultipleChoice() ? mca : na).add(t.code());
            assertThat(VsiMetrics.vsiType(t.code())).containsSame(t);
            assertThat(t.metric()).isEqualTo(t.isMultipleChoice() ? VsiMetrics.ACCURACY : VsiMetrics.MRA);
        }
        assertThat(mca).isEqualTo(REFERENCE_MCA);
        assertThat(na).isEqualTo(REFERENCE_NA);
        assertThat(VsiMetrics.REPORT_ORDER).containsExactly("object_counting", "object_abs_distance",
                "object_size_estimation", "room_size_estimation", "object_rel_distance", "object_rel_direction",
                "route_planning", "obj_appearance_order");
        for (QuestionType t : QuestionType.family(QuestionType.Family.QVS)) {
            assertThat(VsiMetrics.vsiType(t.code())).isEmpty();
        }
    }

    @Test
    void qvsMixIsThePapers() {
        Map<String, Double> mix = new LinkedHashMap<>();
        QuestionType.family(QuestionType.Family.QVS).forEach(t -> mix.put(t.code(), t.mixWeight()));
        assertThat(mix).containsExactly(Map.entry("vertical_direction", 0.25), Map.entry("horizontal_direction", 0.25),
                Map.entry("min_distance", 0.125), Map.entry("object_size", 0.125), Map.entry("nearest_center", 0.125),
                Map.entry("object_count", 0.125));
    }

    @Test
    void everyTypeDraftsAnswersAndHasABlindPrior() {
        Scene s = QuestionGeneratorTest.room();
        Map<String, Double> times = new LinkedHashMap<>();
        for (int i = 0; i < s.objects().size(); i++) {
            times.put(s.objects().get(i).id(), 0.5 + 1.5 * i);
        }
        QuestionGenerator g = new QuestionGenerator(QuestionType.values(), 3, 5, Thresholds.DEFAULT);
        List<Question> qs = new QuestionGenerator.Finisher(g.settings()).finish(g.draft(new QaInput(s,
                Layouts.fromScene(s), times)));
        Set<QuestionType> seen = new HashSet<>();
        for (Question q : qs) {
            seen.add(q.type());
            checkPieces(q, new SceneFacts(new QaInput(s, Layouts.fromScene(s), times)).context, s);
        }
        assertThat(seen).containsExactlyInAnyOrderElementsOf(QuestionType.values());
    }

    /** What every consumer needs of a type: its query reproduces the truth, its blind and random answers are valid. */
    static void checkPieces(Question q, EngineContext ctx, Scene s) {
        QuestionType t = q.type();
        assertThat(Questions.answerOf(q, Questions.derive(q, Layouts.fromScene(s), ctx))).as(q.id())
                .isEqualTo(q.groundTruth());
        String blind = t.blindAnswer(q, LabelPriors.standard());
        if (t.isMultipleChoice()) {
            assertThat(t.plausibleRange()).as(t.code()).isNull();
            assertThat(blind).as(t.code()).matches("[A-" + (char) ('A' + q.options().size() - 1) + "]");
        } else {
            double[] r = t.plausibleRange();
            assertThat(r).as(t.code()).hasSize(2);
            assertThat(r[0]).isPositive().isLessThan(r[1]);
            assertThat(PyText.parseFloat(blind)).as(t.code() + " blind answer").isNotNull().isPositive();
            if (t.answerKind() == QuestionType.AnswerKind.INTEGER) {
                assertThat(q.groundTruth()).matches("\\d+");
            }
        }
    }
}
