package dev.v2l.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Video2Layout's reward ({@code qa.py}) case by case: {@code reward-parity.jsonl} holds 373 inputs — spacing around
 * tags, missing, repeated and out-of-order tags, text outside tags, number spellings Python's {@code float()} accepts
 * or refuses, truth 0, threshold boundaries in floating point, case and Unicode in string answers, ground truths
 * typed as JSON numbers, booleans and null, format weights — each with the reference's three numbers.
 */
class RewardParityTest {

    record Case(String name, String response, JsonNode groundTruth, double formatWeight, double format,
            double accuracy, double overall) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Case> cases() throws IOException {
        ObjectMapper m = new ObjectMapper();
        List<Case> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                RewardParityTest.class.getResourceAsStream("/reward-parity.jsonl"), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                JsonNode n = m.readTree(line);
                out.add(new Case(n.get("name").asText(), n.get("response").asText(), n.get("ground_truth"),
                        n.has("format_weight") ? n.get("format_weight").asDouble() : 0.1,
                        n.get("format").asDouble(), n.get("accuracy").asDouble(), n.get("overall").asDouble()));
            }
        }
        return out;
    }

    static Stream<Case> table() throws IOException {
        return cases().stream();
    }

    static Stream<Case> asciiTable() throws IOException {
        return cases().stream().filter(c -> c.response().chars().allMatch(ch -> ch < 0x80));
    }

    /**
     * The tag-to-tag whitespace removal equals the plain left-to-right scan of {@code re.sub(r"\s*(<|>|/)\s*",
     * r"\1", s)} (Python's {@code \s}: {@link PyText#isSpace}) on 300,000 strings of tags, letters and whitespace.
     */
    @Test
    void whitespaceAroundTagCharactersGoesAsThePythonRegexRemovesIt() {
        char[] alphabet = {'a', 'b', ' ', ' ', '\n', '\t', '<', '>', '/', '\u3000', '\u001c', '\u0085', 'é'};
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(11);
        for (int k = 0; k < 300_000; k++) {
            StringBuilder sb = new StringBuilder();
            int len = rnd.nextInt(0, 24);
            for (int i = 0; i < len; i++) {
                sb.append(alphabet[rnd.nextInt(alphabet.length)]);
            }
            String s = sb.toString();
            assertThat(V2loReward.removeSpaceAroundTagCharacters(s)).as("'%s'", s).isEqualTo(regexScan(s));
        }
    }

    /** The regex's matches, one scan from left to right: whitespace, one tag character, whitespace. */
    static String regexScan(String s) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < s.length()) {
            int j = i;
            while (j < s.length() && PyText.isSpace(s.charAt(j))) {
                j++;
            }
            char c = j < s.length() ? s.charAt(j) : 0;
            if (c == '<' || c == '>' || c == '/') {
                int k = j + 1;
                while (k < s.length() && PyText.isSpace(s.charAt(k))) {
                    k++;
                }
                out.append(c);
                i = k;
            } else {
                out.append(s.charAt(i)); // no match starts here
                i++;
            }
        }
        return out.toString();
    }

    @Test
    void theTableHasAtLeast300Cases() throws IOException {
        assertThat(cases()).hasSizeGreaterThanOrEqualTo(300);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void sameThreeNumbersAsTheReference(Case c) {
        V2loReward.Score s = new V2loReward(c.formatWeight()).score(c.response(), GroundTruth.fromJson(c.groundTruth()));
        assertThat(s.format()).as("format").isEqualTo(c.format());
        assertThat(s.accuracy()).as("accuracy").isEqualTo(c.accuracy());
        assertThat(s.overall()).as("overall").isEqualTo(c.overall());
    }

    /** The byte path (cleaned ASCII response, tags found from its {@code <} characters) on every ASCII case. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("asciiTable")
    void theBytePathGivesTheSameThreeNumbers(Case c) {
        String cleaned = V2loReward.removeSpaceAroundTagCharacters(c.response());
        byte[] b = cleaned.getBytes(StandardCharsets.ISO_8859_1);
        int[] lt = new int[b.length];
        int count = 0;
        for (int i = 0; i < b.length; i++) {
            if (b[i] == '<') {
                lt[count++] = i;
            }
        }
        V2loReward.Score s = new V2loReward(c.formatWeight()).scoreCleanedAscii(b, b.length, lt, count,
                GroundTruth.fromJson(c.groundTruth()));
        assertThat(s.format()).as("format").isEqualTo(c.format());
        assertThat(s.accuracy()).as("accuracy").isEqualTo(c.accuracy());
        assertThat(s.overall()).as("overall").isEqualTo(c.overall());
    }
}
