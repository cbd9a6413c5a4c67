package dev.v2l.reward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.v2l.metrics.GroundTruth;
import dev.v2l.qa.QuestionObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RewardsTest {

    /** The 373 reference cases of v2l-core's reward-parity.jsonl. */
    static List<JsonNode> parityCases() throws IOException {
        ObjectMapper m = new ObjectMapper();
        List<JsonNode> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                RewardsTest.class.getResourceAsStream("/reward-parity.jsonl"), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                out.add(m.readTree(line));
            }
        }
        return out;
    }

    @Test
    void libraryAndMapKindWithDefaultWeightsGiveTheReferenceNumbers() throws IOException {
        List<JsonNode> cases = parityCases();
        assertThat(cases).hasSizeGreaterThan(300);
        RewardFunction mapKind = Rewards.v2lMap(Rewards.Weights.DEFAULT);
        for (JsonNode c : cases) {
            double fw = c.has("format_weight") ? c.get("format_weight").asDouble() : 0.1;
            RewardInput in = RewardRecords.read(c);
            for (RewardFunction f : new RewardFunction[] {Rewards.v2lo(fw), mapKind.withFormatWeight(fw)}) {
                RewardResult r = f.score(in);
                assertThat(r.overall()).as("%s %s", f.kind(), c.get("name")).isEqualTo(c.get("overall").asDouble());
                assertThat(r.format()).isEqualTo(c.get("format").asDouble());
                assertThat(r.accuracy()).isEqualTo(c.get("accuracy").asDouble());
            }
        }
        assertThat(Rewards.v2lo().score("<map>x</map><think>y</think><answer>B</answer>", "b").overall())
                .isEqualTo(1.0);
    }

    @Test
    void mapAndConsistencyTerms() {
        String gt = "[{\"object_name\": \"sofa\", \"bbox\": [0, 0, 2, 1]}, {\"object_name\": \"tv\", \"bbox\": [0, 3, 1, "
                + "3.2]}]";
        String good = "<map>" + gt + "</map><think>gap 2.0</think><answer>2.0</answer>";
        String wrongMap = "<map>[{\"object_name\": \"sofa\", \"bbox\": [5, 5, 7, 6]}]</map><think>t</think>"
                + "<answer>2.0</answer>";
        List<QuestionObject> objs = List.of(new QuestionObject("sofa", null, "a"), new QuestionObject("tv", null, "b"));
        RewardFunction f = Rewards.v2lMap(new Rewards.Weights(0.1, 0.2, 0.1, 1.0, false));
        RewardResult r = f.score(new RewardInput(good, GroundTruth.of("2.0"), "min_distance", List.of(), objs, Map.of(),
                gt));
        assertThat(r.map()).isEqualTo(1.0);
        assertThat(r.consistency()).isEqualTo(1.0); // the map's gap is 3.0 - 1.0 = 2.0
        assertThat(r.accuracy()).isEqualTo(1.0);
        assertThat(r.overall()).isEqualTo(0.6 * 1 + 0.1 * 1 + 0.2 * 1 + 0.1 * 1);
        RewardResult w = f.score(new RewardInput(wrongMap, GroundTruth.of("2.0"), "min_distance", List.of(), objs,
                Map.of(), gt));
        assertThat(w.map()).isZero(); // the sofa is 5 m off, no tv
        assertThat(w.consistency()).isZero(); // its own map has no tv
        assertThat(w.overall()).isEqualTo(0.6 * 1 + 0.1 * 1);
        // Without gt_layout or objects, the terms are absent and their weight goes to accuracy.
        RewardResult bare = f.score(RewardInput.of(good, "2.0"));
        assertThat(bare.map()).isNull();
        assertThat(bare.consistency()).isNull();
        assertThat(bare.overall()).isEqualTo(Rewards.v2lo().score(good, "2.0").overall());
    }

    @Test
    void badRecordsAndWeightsAreNamed() throws IOException {
        ObjectMapper m = new ObjectMapper();
        assertThatThrownBy(() -> RewardRecords.read(m.readTree("{\"response\": 3, \"ground_truth\": \"A\"}")))
                .hasMessageContaining("field 'response': expected a string, found number 3");
        assertThatThrownBy(() -> RewardRecords.read(m.readTree("{\"response\": \"x\"}")))
                .hasMessageContaining("field 'ground_truth': missing");
        assertThatThrownBy(() -> RewardRecords.read(m.readTree("{\"response\": \"x\", \"ground_truth\": [1]}")))
                .hasMessageContaining("expected a string, number, boolean or null");
        assertThatThrownBy(() -> new Rewards.Weights(0.5, 0.4, 0.2, 1, false)).hasMessageContaining("sum to at most 1");
        assertThatThrownBy(() -> Rewards.byKind("nope", Rewards.Weights.DEFAULT))
                .hasMessageContaining("unknown reward kind 'nope'; available: v2lo, v2l-map");
    }
}
