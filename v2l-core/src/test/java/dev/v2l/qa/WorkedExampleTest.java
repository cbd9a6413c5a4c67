package dev.v2l.qa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.v2l.layout.Layouts;
import dev.v2l.reason.EngineContext;
import dev.v2l.scene.Scene;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The type of docs/architecture.md's worked example works end to end from its one file. */
class WorkedExampleTest {

    @Test
    void aNewTypeFromOneFileDraftsAnswersAndGuesses() {
        Scene s = QuestionGeneratorTest.room();
        ObjectHeight height = new ObjectHeight();
        QuestionGenerator g = new QuestionGenerator(List.of(height), 4, 1, Thresholds.DEFAULT);
        List<Question> qs = new QuestionGenerator.Finisher(g.settings()).finish(g.draft(QaInput.of(s)));
        assertThat(qs).hasSize(4);
        for (Question q : qs) {
            assertThat(q.question()).matches("How tall is the \\w+ \\(in meters\\)\\?");
            // every object of the synthetic room is as tall as it is wide: 0.4 m
            assertThat(q.groundTruth()).isEqualTo("0.4");
            assertThat(q.trace()).contains("so it is 0.40 m tall");
            QuestionTypesTest.checkPieces(q, EngineContext.NONE, s);
        }
        // A v2lo map has no heights: the engine says so instead of guessing.
        Question q = qs.get(0);
        var flat = new dev.v2l.layout.Layout(dev.v2l.layout.MapFrame.SCENE, Layouts.fromScene(s).objects().stream()
                .map(o -> new dev.v2l.layout.LayoutObject(o.label(), o.footprint())).toList());
        assertThat(Questions.derive(q, flat, EngineContext.NONE).failure()).contains("no height");
        assertThat(Map.of("x", height.mixWeight())).containsEntry("x", 0.0);
    }
}
