package dev.v2l.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.v2l.layout.Layout;
import dev.v2l.layout.text.MapParser;
import dev.v2l.model.ModelResponse;
import dev.v2l.qa.Question;
import dev.v2l.qa.QuestionObject;
import dev.v2l.qa.QuestionType;
import dev.v2l.qa.QuestionTypes;
import dev.v2l.reason.EngineContext;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PromptAndScoringTest {

    static final String TRUE_MAP = "{\"frame\": \"first-camera\", \"unit\": \"m\", \"objects\": ["
            + "{\"object_name\": \"sofa\", \"bbox\": [-1.0, 2.0, 1.0, 3.0]},"
            + "{\"object_name\": \"tv\", \"bbox\": [-0.5, 6.0, 0.5, 6.2]},"
            + "{\"object_name\": \"lamp\", \"bbox\": [-3.2, 3.8, -2.8, 4.2]}]}";

    static BenchItem item(Question q) {
        Layout gt = MapParser.lenient().parse(TRUE_MAP).layout();
        return new BenchItem(q.id(), "s", "procedural", 4, List.of(0, 1, 2, 3), List.of(), true, q, gt, TRUE_MAP, gt,
                EngineContext.NONE);
    }

    static Question direction() {
        return new Question("s/f4/object_rel_direction_easy/0", "s", "procedural",
                QuestionTypes.OBJECT_REL_DIRECTION_EASY, "If I am standing by the sofa and facing the tv, is the lamp "
                + "to my left or right?", List.of("A. right", "B. left"), "B", List.of(new QuestionObject("sofa",
                "sofa_0", "standing"), new QuestionObject("tv", "tv_0", "facing"), new QuestionObject("lamp",
                "lamp_0", "query")), Map.of(), "", Map.of());
    }

    static Question distance() {
        return new Question("s/f4/object_abs_distance/0", "s", "procedural", QuestionTypes.OBJECT_ABS_DISTANCE,
                "What is the distance between the sofa and the tv (in meters)?", List.of(), "3.0", List.of(
                new QuestionObject("sofa", "sofa_0", "a"), new QuestionObject("tv", "tv_0", "b")), Map.of(), "",
                Map.of());
    }

    @Test
    void vsiPromptIsTheReferencesWithDefaultKwargs() {
        assertThat(PromptKind.VSI.user(item(direction()))).isEqualTo("These are frames of a video.\n"
                + "If I am standing by the sofa and facing the tv, is the lamp to my left or right?\n"
                + "Options:\nA. right\nB. left\n"
                + "Answer with the option's letter from the given choices directly.");
        assertThat(PromptKind.VSI.user(item(distance()))).isEqualTo("These are frames of a video.\n"
                + "What is the distance between the sofa and the tv (in meters)?\n"
                + "Please answer the question using a single word or phrase.");
        assertThat(PromptKind.VSI.system(item(distance()))).isNull();
        assertThat(PromptKind.VSI.defaultMaxTokens()).isEqualTo(16);
        assertThat(PromptKind.V2LO.system(item(distance()))).contains("<map></map>");
        // a text-only item gives the map in the user turn
        assertThat(PromptKind.V2LO.user(item(distance()))).startsWith("<map>Establish a bird's-eye view : [")
                .contains("\"sofa\"");
        assertThat(PromptKind.DIRECT.user(item(direction()))).endsWith("Answer with the option's letter only.");
    }

    static ObjectNode score(Question q, String response) {
        return new SampleScorer(1.0).score(item(q), "m", PromptKind.V2LO, new ModelResponse(response, 10, 5, 12, 1,
                false));
    }

    @Test
    void mapThenComputeSplitsPerceptionFromReasoning() {
        String good = "<map>[{\"object_name\": \"sofa\", \"bbox\": [-1.0, 2.0, 1.0, 3.0]}, {\"object_name\": \"tv\","
                + " \"bbox\": [-0.5, 6.0, 0.5, 6.2]}, {\"object_name\": \"lamp\", \"bbox\": [-3.2, 3.8, -2.8, 4.2]}]"
                + "</map>";
        String mirrored = good.replace("-3.2, 3.8, -2.8, 4.2", "2.8, 3.8, 3.2, 4.2");
        ObjectNode correct = score(direction(), good + "<think>left</think><answer>B</answer>");
        assertThat(correct.path("decomposition").path("category").asText()).isEqualTo("correct");
        assertThat(correct.path("decomposition").path("consistent").asBoolean()).isTrue();
        assertThat(correct.path("map_scores").path("stated").path("f1").asDouble()).isEqualTo(1.0);
        assertThat(correct.path("format").asDouble()).isEqualTo(1.0);

        ObjectNode reasoning = score(direction(), good + "<think>right</think><answer>A</answer>");
        assertThat(reasoning.path("decomposition").path("category").asText()).isEqualTo("reasoning");
        assertThat(reasoning.path("decomposition").path("map_answer").asText()).isEqualTo("B");
        assertThat(reasoning.path("decomposition").path("consistent").asBoolean()).isFalse();

        ObjectNode perception = score(direction(), mirrored + "<think>right</think><answer>A</answer>");
        assertThat(perception.path("decomposition").path("category").asText()).isEqualTo("perception");
        assertThat(perception.path("decomposition").path("consistent").asBoolean()).isTrue();
        assertThat(perception.path("map_scores").path("stated").path("matched").asInt()).isEqualTo(2);

        ObjectNode noMap = score(direction(), "B");
        assertThat(noMap.path("map").path("present").asBoolean()).isFalse();
        assertThat(noMap.path("score").asDouble()).isEqualTo(1.0);
        ObjectNode wrongNoMap = score(direction(), "<answer>A</answer>");
        assertThat(wrongNoMap.path("decomposition").path("category").asText()).isEqualTo("no-map");
    }

    @Test
    void numbersAreScoredByMraAndCorrectMeansWithinThirtyPercent() {
        String map = "<map>[{\"object_name\": \"sofa\", \"bbox\": [-1.0, 2.0, 1.0, 3.0]}, {\"object_name\": \"tv\", "
                + "\"bbox\": [-0.5, 6.0, 0.5, 6.2]}]</map>";
        ObjectNode close = score(distance(), map + "<answer>3.2</answer>");
        assertThat(close.path("metric").asText()).isEqualTo("MRA:.5:.95:.05");
        assertThat(close.path("score").asDouble()).isEqualTo(0.9); // |3.2-3|/3 = 0.067 passes 9 of 10 thresholds
        assertThat(close.path("correct").asBoolean()).isTrue();
        assertThat(close.path("decomposition").path("map_answer").asText()).isEqualTo("3.0");
        ObjectNode far = score(distance(), map + "<answer>5</answer>");
        assertThat(far.path("correct").asBoolean()).isFalse();
        assertThat(far.path("decomposition").path("category").asText()).isEqualTo("reasoning");
        ObjectNode words = score(distance(), "<answer>about three metres</answer>");
        assertThat(words.path("unparseable").asBoolean()).isTrue();
        assertThat(words.path("score").asDouble()).isZero();
    }

    @Test
    void mapTextIsFoundWithLooseTagsAndUnclosedMaps() {
        assertThat(SampleScorer.mapText("< map >[1]</ map ><think>")).isEqualTo("[1]");
        assertThat(SampleScorer.mapText("<map>[1, 2<think>x</think>")).isEqualTo("[1, 2");
        assertThat(SampleScorer.mapText("<map>[1, 2")).isEqualTo("[1, 2");
        assertThat(SampleScorer.mapText("no map")).isNull();
    }
}
