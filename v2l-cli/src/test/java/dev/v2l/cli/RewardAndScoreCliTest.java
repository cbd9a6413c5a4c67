package dev.v2l.cli;

import static dev.v2l.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RewardAndScoreCliTest {

    static final ObjectMapper M = new ObjectMapper();

    @Test
    void rewardScoreWritesOneLinePerInputLineWithErrorRecords(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("rollouts.jsonl");
        Files.writeString(in, String.join("\n",
                "{\"response\": \"<map>m</map><think>t</think><answer>B</answer>\", \"ground_truth\": \"B\"}",
                "{\"response\": \"<answer>3.1</answer>\", \"ground_truth\": 3}",
                "not json",
                "",
                "{\"response\": [1], \"ground_truth\": \"B\"}",
                "{\"response\": \"<map>m</map><think>t</think><answer>2</answer>\", \"ground_truth\": \"4\"}") + "\n");
        Path out = dir.resolve("scores.jsonl");
        CliTest.Run r = run("reward", "score", "--input", in.toString(), "--output", out.toString());
        // one output line per input line, and exit 2 naming the first line that is not a record
        assertThat(r.code()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).contains("scored 6 lines (3 errors) with v2lo").contains("3 line(s) are not reward "
                + "records").contains("first: line 3: not valid JSON");
        List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSize(6);
        assertThat(lines.get(0)).isEqualTo("{\"overall\": 1.0, \"format\": 1.0, \"accuracy\": 1.0}");
        assertThat(M.readTree(lines.get(1)).get("accuracy").asDouble()).isEqualTo(1.0);
        assertThat(lines.get(1)).contains("\"format\": 0.0");
        assertThat(lines.get(2)).startsWith("{\"line\": 3, \"error\": \"not valid JSON");
        assertThat(lines.get(3)).isEqualTo("{\"line\": 4, \"error\": \"empty line\"}");
        assertThat(lines.get(4)).contains("\"line\": 5").contains("field 'response': expected a string");
        // 2 vs 4: relative error 0.5 passes only the 0.5 threshold: accuracy 0.1, overall 0.9*0.1 + 0.1.
        JsonNode last = M.readTree(lines.get(5));
        assertThat(last.get("accuracy").asDouble()).isEqualTo(0.1);
        assertThat(last.get("overall").asDouble()).isEqualTo(0.9 * 0.1 + 0.1);
        CliTest.Run bad = run("reward", "score", "--input", dir.resolve("none.jsonl").toString());
        assertThat(bad.code()).isEqualTo(2);
        CliTest.Run kind = run("reward", "score", "--input", in.toString(), "--map-weight", "0.2");
        assertThat(kind.code()).isEqualTo(2);
        assertThat(kind.err()).contains("need --kind v2l-map");
    }

    @Test
    void scoreVsibenchPrintsTheReferenceKeys(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("pred.jsonl");
        Files.writeString(in, String.join("\n",
                "{\"question_type\": \"object_counting\", \"ground_truth\": \"4\", \"prediction\": \"4\"}",
                "{\"question_type\": \"object_counting\", \"ground_truth\": \"4\", \"prediction\": \"four\"}",
                "{\"question_type\": \"object_rel_direction_easy\", \"ground_truth\": \"A\", \"prediction\": \"A. left\"}",
                "{\"question_type\": \"object_rel_direction_medium\", \"ground_truth\": \"B\", \"prediction\": "
                        + "\"<map>[]</map><think>t</think><answer>B</answer>\"}",
                "{\"question_type\": \"object_rel_direction_hard\", \"ground_truth\": \"C\", \"prediction\": \"D\"}",
                "{\"question_type\": \"min_distance\", \"ground_truth\": \"2.0\", \"prediction\": \"2.0\"}",
                "{\"question_type\": \"made_up\", \"ground_truth\": \"A\", \"prediction\": \"A\"}") + "\n");
        Path samples = dir.resolve("scored.jsonl");
        CliTest.Run r = run("score", "vsibench", "--input", in.toString(), "--samples", samples.toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode s = M.readTree(r.out());
        // counting: (1 + 0) / 2 = 0.5; direction: (1 + 1 + 0) / 3; overall = mean of the two.
        assertThat(s.get("object_counting_MRA:.5:.95:.05").asDouble()).isEqualTo(50.0);
        assertThat(s.get("object_rel_direction_accuracy").asDouble()).isEqualTo(2.0 / 3 * 100);
        assertThat(s.get("overall").asDouble()).isEqualTo((0.5 + 2.0 / 3) / 2 * 100);
        assertThat(s.get("tabulated_keys").asText()).isEqualTo(
                "overall, object_counting_MRA:.5:.95:.05, object_rel_direction_accuracy");
        assertThat(s.get("v2l").get("unparseable_per_type").get("object_counting").asInt()).isEqualTo(1);
        assertThat(s.get("v2l").get("qvs").get("min_distance_MRA:.5:.95:.05").asDouble()).isEqualTo(100.0);
        assertThat(s.get("v2l").get("errors").toString()).contains("line 7: unknown question type 'made_up'");
        assertThat(Files.readAllLines(samples)).hasSize(6).anySatisfy(l -> assertThat(l)
                .contains("\"extracted_answer\":\"B\""));
    }

    @Test
    void scoreMapPrintsStatedAndAligned(@TempDir Path dir) throws Exception {
        Path gt = dir.resolve("gt.txt");
        Path pred = dir.resolve("pred.txt");
        Files.writeString(gt, "[{\"object_name\": \"sofa\", \"bbox\": [0, 0, 2, 1]}, {\"object_name\": \"tv\", "
                + "\"bbox\": [0, 3, 1, 3.2]}, {\"object_name\": \"bed\", \"bbox\": [4, 4, 6, 6]}]");
        // The same map shifted 10 m along x.
        Files.writeString(pred, "<map>[{\"object_name\": \"sofa\", \"bbox\": [10, 0, 12, 1]}, {\"object_name\": "
                + "\"tv\", \"bbox\": [10, 3, 11, 3.2]}, {\"object_name\": \"bed\", \"bbox\": [14, 4, 16, 6]}]</map>");
        CliTest.Run r = run("score", "map", "--pred", pred.toString(), "--gt", gt.toString(), "--align");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode s = M.readTree(r.out());
        assertThat(s.get("stated").get("f1").asDouble()).isZero();
        assertThat(s.get("aligned").get("f1").asDouble()).isEqualTo(1.0);
        assertThat(s.get("alignment").get("dx").asDouble()).isCloseTo(-10, org.assertj.core.api.Assertions.within(1e-9));
    }
}
