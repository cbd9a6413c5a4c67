package dev.v2l.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import dev.v2l.qa.Question;
import dev.v2l.qa.QuestionObject;
import dev.v2l.qa.QuestionType;
import dev.v2l.qa.QuestionTypes;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The benchmark builder's balance rule (issue 13 item 6), class by class. */
class AnswerBalanceTest {

    static Question q(QuestionType t, String truth, List<String> options) {
        return new Question("s/" + t.code() + "/0", "s", "test", t, "?", options, truth,
                List.of(new QuestionObject("chair", null, "target")), Map.of(), "", Map.of());
    }

    @Test
    void answerClasses() {
        assertThat(AnswerBalance.classes(q(QuestionTypes.OBJECT_COUNT, "3", List.of()))).containsExactly("value:3");
        assertThat(AnswerBalance.classes(q(QuestionTypes.OBJECT_COUNTING, "9", List.of()))).containsExactly(
                "value:6+");
        // other numbers: ×1.25 log-scale bins (1.0 m and 1.2 m together, 1.3 m apart)
        assertThat(AnswerBalance.numberClass(QuestionTypes.MIN_DISTANCE, "1.0")).isEqualTo(AnswerBalance
                .numberClass(QuestionTypes.MIN_DISTANCE, "1.2"));
        assertThat(AnswerBalance.numberClass(QuestionTypes.MIN_DISTANCE, "1.3")).isNotEqualTo(AnswerBalance
                .numberClass(QuestionTypes.MIN_DISTANCE, "1.2"));
        assertThat(AnswerBalance.classes(q(QuestionTypes.OBJECT_REL_DIRECTION_MEDIUM, "B", List.of("A. left",
                "B. back", "C. right")))).containsExactly("letter:B", "option:back");
        assertThat(AnswerBalance.cap("letter:A", 2)).isEqualTo(0.55);
        assertThat(AnswerBalance.cap("letter:A", 4)).isEqualTo(0.40);
        assertThat(AnswerBalance.cap("option:left", 3)).isCloseTo(0.4333, org.assertj.core.api.Assertions.within(
                1e-3));
    }

    @Test
    void aClassIsAdmittedUpToFortyPercentOfTheTypesQuota() {
        AnswerBalance b = new AnswerBalance(Map.of(QuestionTypes.OBJECT_COUNT, 10));
        int admitted = 0;
        for (int i = 0; i < 10; i++) {
            Question one = q(QuestionTypes.OBJECT_COUNT, "1", List.of());
            if (b.admits(one)) {
                b.add(one);
                admitted++;
            }
        }
        assertThat(admitted).isEqualTo(4);
        assertThat(b.admits(q(QuestionTypes.OBJECT_COUNT, "2", List.of()))).isTrue();
        AnswerStats stats = new AnswerStats();
        for (int i = 0; i < 30; i++) {
            stats.add(q(QuestionTypes.OBJECT_COUNT, i < 13 ? "1" : Integer.toString(2 + i % 4), List.of()));
        }
        assertThat(stats.violations()).containsExactly("object_count: answer 1 in 43 % of items (at most 40 %)");
        assertThat(stats.compute().get(0).bestConstant()).isEqualTo("1");
    }
}
