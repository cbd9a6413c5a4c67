package dev.v2l.reward;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The byte-level reader of the common rollout record gives exactly what the streaming parser gives, or hands the line
 * over (null) when it is anything else; scoring a file gives the same lines whichever reader took each record.
 */
class RewardFilesTest {

    static final String MAP = "<map>Establish a bird's-eye view : [{\\\"object_name\\\": \\\"sofa\\\", \\\"bbox\\\": "
            + "[3.6, 2.8, 4.4, 3.4]}]</map>";

    static List<String> lines() {
        List<String> out = new ArrayList<>();
        String resp = MAP + "\\n<think>left \\/ right</think><answer>2.5</answer>";
        out.add("{\"response\": \"" + resp + "\", \"ground_truth\": \"1.7\"}");
        out.add("{\"ground_truth\":\"2.5\",\"response\":\"" + resp + "\"}");
        out.add("  {\t\"response\" : \"" + resp + "\" ,\r \"ground_truth\" : \"B\" }  ");
        out.add("{\"response\": \"<answer>\\u0041</answer>\", \"ground_truth\": \"A\"}");
        out.add("{\"response\": \"tab\\there \\\\ \\b\\f\\r\", \"ground_truth\": \"x\"}");
        out.add("{\"respons\\u0065\": \"<answer>3</answer>\", \"ground_truth\": \"3\"}");
        out.add("{\"response\": \" <map> [] </map>\\n\\t<think> a / b </think> \\r\\n<answer> 3 </answer> \", "
                + "\"ground_truth\": \"3\"}");
        // handed over: non-ASCII, a number, another field, a duplicate, trailing content, broken JSON
        out.add("{\"response\": \"<answer>été</answer>\", \"ground_truth\": \"été\"}");
        out.add("{\"response\": \"<answer>\\u00e9</answer>\", \"ground_truth\": \"x\"}");
        out.add("{\"response\": \"<answer>3</answer>\", \"ground_truth\": 3}");
        out.add("{\"response\": \"<answer>3</answer>\", \"ground_truth\": \"3\", \"id\": 1}");
        out.add("{\"response\": \"a\", \"response\": \"b\", \"ground_truth\": \"3\"}");
        out.add("{\"response\": \"a\", \"ground_truth\": \"3\"} {}");
        out.add("{\"response\": \"a\", \"ground_truth\": \"3\",}");
        out.add("{\"response\": \"a\\q\", \"ground_truth\": \"3\"}");
        out.add("{\"response\": \"a\u0001\", \"ground_truth\": \"3\"}");
        out.add("{\"response\": \"a\"}");
        out.add("[\"response\", \"a\"]");
        return out;
    }

    @Test
    void theByteReaderAgreesWithTheStreamingParserOrHandsOver() {
        int read = 0;
        for (String l : lines()) {
            byte[] b = ("xx" + l + "yy").getBytes(StandardCharsets.UTF_8); // at an offset, as in a block
            int len = b.length - 4;
            RewardInput fast = RewardFiles.asciiRead(b, 2, len);
            RewardInput parsed = RewardFiles.fastRead(b, 2, len);
            if (fast != null) {
                read++;
                assertThat(parsed).as(l).isNotNull();
                assertThat(fast.response()).as(l).isEqualTo(parsed.response());
                assertThat(fast.groundTruth()).as(l).isEqualTo(parsed.groundTruth());
            }
        }
        assertThat(read).as("the common records are read by bytes").isEqualTo(7);
    }

    @Test
    void theByteReadersWhitespaceRemovalIsTheRewardsOwn() {
        byte[] alphabet = {'a', 'b', ' ', ' ', '\n', '\t', '\r', 0x0b, 0x0c, 0x1c, 0x1f, '<', '>', '/', '"'};
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(5);
        for (int k = 0; k < 200_000; k++) {
            byte[] in = new byte[rnd.nextInt(0, 24)];
            for (int i = 0; i < in.length; i++) {
                in[i] = alphabet[rnd.nextInt(alphabet.length)];
            }
            byte[] out = new byte[in.length];
            int m = RewardFiles.removeSpaceAroundTagCharacters(in, in.length, out);
            String s = new String(in, StandardCharsets.ISO_8859_1);
            assertThat(new String(out, 0, m, StandardCharsets.ISO_8859_1)).as("'%s'", s)
                    .isEqualTo(dev.v2l.metrics.V2loReward.removeSpaceAroundTagCharacters(s));
        }
        RewardInput r = RewardFiles.asciiRead(lines().get(6).getBytes(StandardCharsets.UTF_8), 0,
                lines().get(6).length());
        assertThat(r.cleanedResponse()).isEqualTo("<map>[]</map><think>a/b</think><answer>3</answer>");
    }

    @Test
    void scoringAFileGivesTheSameLinesWhicheverReaderTookEachRecord() throws Exception {
        StringBuilder in = new StringBuilder();
        StringBuilder expected = new StringBuilder();
        RewardFunction fn = Rewards.v2lo();
        long line = 1;
        for (String l : lines()) {
            in.append(l).append('\n');
            byte[] b = l.getBytes(StandardCharsets.UTF_8);
            String want;
            try {
                RewardInput parsed = RewardFiles.fastRead(b, 0, b.length);
                want = parsed != null ? fn.score(parsed).toJson()
                        : RewardFiles.scoreLine(b, 0, b.length, fn, false).toJson();
            } catch (IllegalArgumentException e) {
                want = RewardRecords.errorJson(line, e.getMessage());
            }
            expected.append(want).append('\n');
            line++;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RewardFiles.score(new ByteArrayInputStream(in.toString().getBytes(StandardCharsets.UTF_8)), out, fn, 2);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(expected.toString());
    }
}
