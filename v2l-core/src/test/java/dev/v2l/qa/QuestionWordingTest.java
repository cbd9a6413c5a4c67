package dev.v2l.qa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.v2l.layout.Layouts;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * QVS-Bench questions in the Video2Layout paper's own words (issue 13.9): the task table of its repository's
 * {@code figs/benchmark.png} with its placeholders filled, and for nearest centre the question of
 * {@code figs/data_example.png}.
 */
class QuestionWordingTest {

    /** The paper's templates, placeholders as regular-expression groups of one label each. */
    static final Map<String, String> PAPER = Map.of(
            "vertical_direction", "Considering the vector from (\\w+) to (\\w+) as the 'forward/backward' direction, "
                    + "how is the (\\w+) positioned relative to the (\\w+)\\?",
            // The table writes "to the left/right of": the question names the side it means.
            "horizontal_direction", "If the (\\w+) is directly to the (left|right) of the (\\w+), what is the "
                    + "direction of the (\\w+) from the (\\w+)\\?",
            "min_distance", "Measuring from the closest points between the two objects, what is the distance between "
                    + "the (\\w+) and the (\\w+) in meters\\?",
            "object_size", "What is the maximum dimension \\(either width or length\\) of the (\\w+) in meters\\?",
            "nearest_center", "Considering the center point of the (\\w+) as a reference point, which of these objects "
                    + "has the nearest center point to it\\?",
            "object_count", "How many '(\\w+)' objects are there in this scene\\?");

    @Test
    void qvsQuestionsUseThePapersWording() {
        var s = QuestionGeneratorTest.room();
        QuestionGenerator g = new QuestionGenerator(QuestionType.family(QuestionType.Family.QVS), 4, 3,
                Thresholds.DEFAULT);
        List<Question> qs = new QuestionGenerator.Finisher(g.settings()).finish(g.draft(QaInput.of(s)));
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (Question q : qs) {
            assertThat(q.question()).as(q.type().code()).matches(PAPER.get(q.type().code()));
            seen.merge(q.type().code(), 1, Integer::sum);
        }
        assertThat(seen.keySet()).containsExactlyInAnyOrderElementsOf(PAPER.keySet());
        // The horizontal question's side is its frame rule.
        qs.stream().filter(q -> q.type() == QuestionTypes.HORIZONTAL_DIRECTION).forEach(q -> assertThat(q.question())
                .contains("directly to the " + q.params().get("side") + " of the " + q.label("a")));
        // Nearest centre names only the target; the four choices are the options, answered from the map.
        qs.stream().filter(q -> q.type() == QuestionTypes.NEAREST_CENTER).forEach(q -> assertThat(Questions.answerOf(q,
                Questions.derive(q, Layouts.fromScene(s), dev.v2l.reason.EngineContext.NONE))).isEqualTo(
                        q.groundTruth()));
    }
}
