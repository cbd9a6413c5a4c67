package dev.v2l.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.v2l.layout.text.MapForm;
import dev.v2l.qa.Question;
import dev.v2l.qa.QuestionObject;
import dev.v2l.qa.QuestionType;
import dev.v2l.qa.QuestionTypes;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each export format pinned byte for byte on one hand-made sample, and the prompt wording pinned. */
class ExportFormatsTest {

    static Sample sample() {
        Question q = new Question("room_1/f4/object_rel_direction_easy/0", "room_1", "procedural",
                QuestionTypes.OBJECT_REL_DIRECTION_EASY,
                "If I am standing by the sofa and facing the tv, is the lamp to the left or the right of the tv?",
                List.of("A. right", "B. left"), "B", List.of(new QuestionObject("sofa", "sofa_0", "standing"),
                        new QuestionObject("tv", "tv_0", "facing"), new QuestionObject("lamp", "lamp_0", "query")),
                Map.of(), "trace", Map.of("seed", 1));
        String map = "Establish a bird's-eye view : [{\"object_name\": \"sofa\", \"bbox\": [-1.0, 1.0, 1.0, 2.0]}, "
                + "{\"object_name\": \"tv\", \"bbox\": [-0.5, 5.0, 0.5, 5.2]}, {\"object_name\": \"lamp\", \"bbox\": "
                + "[-2.2, 2.8, -1.8, 3.2]}]";
        String think = "Standing at the sofa (0.00, 1.50) and facing the tv (0.00, 5.10): f × v > 0, left.";
        return new Sample("room_1/f4/object_rel_direction_easy/0", "train", 2, List.of(0, 31),
                List.of("images/room_1/000000.jpg", "images/room_1/000031.jpg"), false, q,
                Prompts.system(MapForm.V2LO, false), Prompts.user(q, 2, null), map, think, "B",
                "Establish a bird's-eye view : {\"frame\": \"first-camera\", \"unit\": \"m\", \"objects\": []}",
                null, dev.v2l.reason.EngineContext.NONE);
    }

    static String golden(String name) throws IOException {
        try (InputStream in = ExportFormatsTest.class.getResourceAsStream("/golden/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
    }

    @Test
    void swiftLine() throws IOException {
        assertThat(Exporter.SWIFT.line(sample())).isEqualTo(golden("swift.jsonl"));
    }

    @Test
    void llamaFactoryLine() throws IOException {
        assertThat(Exporter.LLAMAFACTORY.line(sample())).isEqualTo(golden("llamafactory.jsonl"));
    }

    @Test
    void easyR1Line() throws IOException {
        assertThat(Exporter.EASYR1.line(sample())).isEqualTo(golden("easyr1.jsonl"));
    }

    @Test
    void jsonlLine() throws IOException {
        assertThat(Exporter.JSONL.line(sample())).isEqualTo(golden("dataset.jsonl"));
    }

    @Test
    void promptWordingIsPinned() {
        assertThat(Prompts.system(MapForm.V2LO, false)).isEqualTo("You are a spatial reasoning assistant. You are shown "
                + "frames from a video of an indoor scene.\nFirst, establish a bird's-eye view of the objects you see as a"
                + " metric cognitive map inside <map></map>: a JSON list of {\"object_name\": name, \"bbox\": [x_min, "
                + "y_min, x_max, y_max]} in metres, with the camera of the first frame at the origin, x to its right and "
                + "y in the direction it faces.\nThen compute the answer from the map's coordinates inside "
                + "<think></think>.\nFinally, give only the answer inside <answer></answer>: the option's letter for a "
                + "multiple-choice question, a number otherwise.");
        assertThat(Prompts.user(sample().question(), 2, null)).isEqualTo("<image><image>If I am standing by the sofa and"
                + " facing the tv, is the lamp to the left or the right of the tv?\nOptions:\nA. right\nB. left");
        assertThat(Prompts.system(MapForm.GRID, false)).contains("10x10 grid");
        assertThat(Prompts.system(MapForm.EXTENDED, false)).contains("\"corners\"");
        assertThat(Prompts.system(MapForm.V2LO, true)).startsWith("You are a spatial reasoning assistant. You are given "
                + "the bird's-eye-view map");
        assertThat(sample().target()).startsWith("<map>Establish a bird's-eye view : [").contains("</map><think>")
                .endsWith("</think><answer>B</answer>");
    }

    @Test
    void eachLineReadsBackUnderItsToolsSchema() throws IOException {
        ObjectMapper m = new ObjectMapper();
        Sample s = sample();
        SchemaChecks.swift(m.readTree(Exporter.SWIFT.line(s)));
        SchemaChecks.llamaFactory(m.readTree(Exporter.LLAMAFACTORY.line(s)));
        SchemaChecks.easyR1(m.readTree(Exporter.EASYR1.line(s)));
        JsonNode j = m.readTree(Exporter.JSONL.line(s));
        assertThat(j.get("target").asText()).isEqualTo(s.target());
    }
}
