package dev.v2l.importer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.v2l.geom.Vec3;
import dev.v2l.qa.QaInput;
import dev.v2l.qa.Question;
import dev.v2l.qa.QuestionGenerator;
import dev.v2l.qa.QuestionType;
import dev.v2l.qa.Thresholds;
import dev.v2l.scene.OrientedBox;
import dev.v2l.scene.Room;
import dev.v2l.scene.Scene;
import dev.v2l.scene.SceneObject;
import dev.v2l.scene.UpAxis;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every QVS question video2layout writes (in the paper's wording) is read back as its type and objects. */
class QvsTemplatesTest {

    @Test
    void generatedQuestionsAreRecognised() {
        String[] labels = {"sofa", "tv", "bed", "lamp", "desk", "plant", "fridge", "sink"};
        List<SceneObject> objs = new ArrayList<>();
        for (int i = 0; i < labels.length; i++) {
            double a = 2 * Math.PI * i / labels.length;
            double x = 3 + 2.5 * Math.cos(a);
            double y = 3 + 2.5 * Math.sin(a * 1.7);
            objs.add(new SceneObject(labels[i] + "_0", labels[i], OrientedBox.axisAligned(new Vec3(x - 0.2, y - 0.2, 0),
                    new Vec3(x + 0.2, y + 0.2, 0.4))));
        }
        Scene s = new Scene("t", "test", UpAxis.Z, Room.ofArea(36), objs);
        QuestionGenerator g = new QuestionGenerator(QuestionType.family(QuestionType.Family.QVS), 4, 9,
                Thresholds.DEFAULT);
        List<Question> qs = new QuestionGenerator.Finisher(g.settings()).finish(g.draft(QaInput.of(s)));
        assertThat(qs).hasSizeGreaterThan(12);
        for (Question q : qs) {
            QvsTemplates.Parsed p = QvsTemplates.parse(q.question());
            assertThat(p.type()).as(q.question()).isEqualTo(q.type().code());
            List<String> want = q.objects().stream().filter(o -> !o.role().equals("choice") || q.type().code()
                    .equals("object_count")).map(o -> o.role() + ":" + o.label()).toList();
            List<String> got = p.objects().stream().map(o -> o.role() + ":" + o.label()).toList();
            if (q.type().code().equals("object_count")) {
                assertThat(got).containsExactly("target:" + q.labels("target").get(0));
            } else {
                assertThat(got).as(q.question()).containsExactlyElementsOf(want);
            }
            assertThat(p.params()).isEqualTo(q.params());
        }
    }

}
