package dev.v2l.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * VSI-Bench scoring against the reference's own numbers: 232 single predictions (fuzzy matching of letters, every
 * float spelling, MRA at its floating-point boundaries, gt 0) and 40 whole summaries (random task mixes, direction
 * sub-types present or not), each recorded with the reference's output.
 */
class VsiParityTest {

    static List<JsonNode> lines(String resource) throws IOException {
        ObjectMapper m = new ObjectMapper();
        List<JsonNode> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                VsiParityTest.class.getResourceAsStream(resource), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                out.add(m.readTree(line));
            }
        }
        return out;
    }

    static Stream<JsonNode> samples() throws IOException {
        return lines("/vsi-parity-samples.jsonl").stream();
    }

    static Stream<JsonNode> summaries() throws IOException {
        return lines("/vsi-parity-summaries.jsonl").stream();
    }

    static VsiMetrics.SampleScore score(JsonNode n) {
        String type = n.get("question_type").asText();
        return VsiMetrics.score(type, n.get("prediction").asText(), GroundTruth.fromJson(n.get("ground_truth")),
                VsiMetrics.vsiType(type).orElseThrow().isMultipleChoice());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void sampleScoresEqualTheReference(JsonNode n) {
        VsiMetrics.SampleScore s = score(n);
        if (n.has("error")) {
            assertThat(s.error()).as("the reference raised %s", n.get("error").asText()).isNotNull();
            assertThat(s.score()).isZero();
        } else {
            assertThat(s.score()).isEqualTo(n.get("score").asDouble());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("summaries")
    void summariesEqualTheReference(JsonNode n) {
        Map<String, List<Double>> byType = new LinkedHashMap<>();
        for (JsonNode r : n.get("records")) {
            byType.computeIfAbsent(r.get("question_type").asText(), k -> new ArrayList<>()).add(score(r).score());
        }
        VsiMetrics.Summary s = VsiMetrics.summarize(byType);
        if (n.has("error")) {
            assertThat(s.warnings()).isNotEmpty();
            return;
        }
        JsonNode expected = n.get("summary");
        Map<String, Double> exp = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getValue().isNumber()) {
                exp.put(e.getKey(), e.getValue().asDouble());
            }
        }
        assertThat(s.reported()).containsExactlyEntriesOf(exp);
        assertThat(s.tabulatedKeys()).isEqualTo(expected.get("tabulated_keys").asText());
        assertThat(s.tabulatedResults()).isEqualTo(expected.get("tabulated_results").asText());
        assertThat(s.warnings()).isEmpty();
    }

    @Test
    void fuzzyMatchingEdgeCases() {
        assertThat(VsiMetrics.fuzzyMatching("A. sofa")).isEqualTo("A");
        assertThat(VsiMetrics.fuzzyMatching(" A")).isEmpty();
        assertThat(VsiMetrics.fuzzyMatching("A.\n")).isEqualTo("A."); // rstrip('.') runs before strip()
        assertThat(VsiMetrics.fuzzyMatching("3 m")).isEqualTo("3");
        assertThat(VsiMetrics.fuzzyMatching("")).isEmpty();
    }

    @Test
    void thresholdsAreNumpysLinspace() {
        // linspace(0.5, 0.05, 10) = 0.5 + i·(-0.45/9); the 7th is just below 0.2, the last exactly 0.05.
        assertThat(Mra.V2LO_THRESHOLDS[0]).isEqualTo(0.5);
        assertThat(Mra.V2LO_THRESHOLDS[6]).isEqualTo(0.19999999999999996);
        assertThat(Mra.V2LO_THRESHOLDS[9]).isEqualTo(0.05);
        assertThat(Mra.VSI_THRESHOLDS[0]).isEqualTo(0.5);
        assertThat(Mra.VSI_THRESHOLDS[9]).isEqualTo(1 - 0.95);
        // The two variants disagree at boundaries: a relative error of exactly 0.1 passes 8 of V2LO's thresholds
        // (its 0.1 is 0.09999999999999998) and 9 of VSI's (1 - 0.9 = 0.10000000000000009); 0.45 the other way.
        assertThat(Mra.v2lo(11, 10)).isEqualTo(0.8);
        assertThat(Mra.vsi(11, 10)).isEqualTo(0.9);
        assertThat(Mra.v2lo(14.5, 10)).isEqualTo(0.2);
        assertThat(Mra.vsi(14.5, 10)).isEqualTo(0.1);
        assertThat(Mra.v2lo(0.2, 0)).isEqualTo(0.6); // absolute error when the truth is 0
    }
}
