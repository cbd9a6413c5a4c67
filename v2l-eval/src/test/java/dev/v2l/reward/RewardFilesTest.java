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
            RewardInput fast = asciiRead(b, 2, len);
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
        char[] alphabet = {'a', 'b', ' ', ' ', '\n', '\t', '\r', 0x0b, 0x0c, 0x1c, 0x1f, '<', '>', '/', '"'};
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(5);
        for (int k = 0; k < 200_000; k++) {
            StringBuilder sb = new StringBuilder();
            int len = rnd.nextInt(0, 24);
            for (int i = 0; i < len; i++) {
                sb.append(alphabet[rnd.nextInt(alphabet.length)]);
            }
            String s = sb.toString();
            byte[] line = ("{\"response\": " + dev.v2l.io.JsonStrings.quoteUtf8(s) + ", \"ground_truth\": \"1\"}")
                    .getBytes(StandardCharsets.UTF_8);
            RewardInput r = asciiRead(line, 0, line.length);
            assertThat(r).as("'%s'", s).isNotNull();
            assertThat(r.response()).isEqualTo(s);
            assertThat(cleaned(line)).as("'%s'", s)
                    .isEqualTo(dev.v2l.metrics.V2loReward.removeSpaceAroundTagCharacters(s));
        }
        assertThat(cleaned(lines().get(6).getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("<map>[]</map><think>a/b</think><answer>3</answer>");
    }

    /** The byte reader's record on the line {@code b[off, off + len)}, or null when it hands the line over. */
    static RewardInput asciiRead(byte[] b, int off, int len) {
        RewardFiles.Scratch sc = new RewardFiles.Scratch();
        sc.ensure(len);
        return RewardFiles.asciiRecord(b, off, off + len, sc) == off + len ? sc.input(b) : null;
    }

    /** The response as the byte reader cleans it (the whole array is one common record). */
    static String cleaned(byte[] line) {
        RewardFiles.Scratch sc = new RewardFiles.Scratch();
        sc.ensure(line.length);
        assertThat(RewardFiles.asciiRecord(line, 0, line.length, sc)).isEqualTo(line.length);
        return new String(sc.cleaned, 0, sc.cleanedLength, StandardCharsets.ISO_8859_1);
    }

    /**
     * Scored from its bytes (the format check and the answer search visiting only the {@code <} characters), a
     * rollout gets exactly the reward of its response as a string, over 100,000 random arrangements of the tags,
     * stray tag characters, whitespace and answers.
     */
    @Test
    void scoringFromBytesIsScoringTheString() throws Exception {
        String[] pieces = {"<map>", "</map>", "<think>", "</think>", "<answer>", "</answer>", " ", "\n", "\t", "1.5",
            "2", "a", "A", "/", "<", ">", "</", "<answer", "answer>", "  <map>[]</map>  "};
        String[] truths = {"1.5", "2", "a", "B"};
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(7);
        RewardFunction fn = Rewards.v2lo();
        StringBuilder in = new StringBuilder();
        StringBuilder expected = new StringBuilder();
        int formatOk = 0;
        for (int k = 0; k < 100_000; k++) {
            StringBuilder sb = new StringBuilder();
            if (rnd.nextInt(3) == 0) { // a well-formed start, so the later checks are reached often
                sb.append("<map>x</map>").append(rnd.nextBoolean() ? " " : "").append("<think>y</think>");
            }
            int len = rnd.nextInt(0, 12);
            for (int i = 0; i < len; i++) {
                sb.append(pieces[rnd.nextInt(pieces.length)]);
            }
            if (rnd.nextBoolean()) {
                sb.append("<answer>").append(truths[rnd.nextInt(truths.length)]).append(pieces[rnd.nextInt(7, 9)])
                        .append("</answer>").append(rnd.nextBoolean() ? " \n" : "");
            }
            String s = sb.toString();
            String truth = truths[rnd.nextInt(truths.length)];
            in.append("{\"response\": ").append(dev.v2l.io.JsonStrings.quoteUtf8(s)).append(", \"ground_truth\": \"")
                    .append(truth).append("\"}\n");
            RewardResult want = fn.score(s, truth);
            formatOk += want.format() == 1 ? 1 : 0;
            expected.append(want.toJson()).append('\n');
        }
        // thousands of tags in one response, the answer after them
        String many = "<map>" + "<b>x</b> ".repeat(3_000) + "</map><think>t</think><answer> 2 </answer>";
        in.append("{\"response\": \"").append(many).append("\", \"ground_truth\": \"2\"}\n");
        expected.append(fn.score(many, "2").toJson()).append('\n');
        assertThat(fn.score(many, "2").overall()).isEqualTo(1.0);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RewardFiles.Counts c = RewardFiles.score(new ByteArrayInputStream(in.toString().getBytes(StandardCharsets.UTF_8)),
                out, fn, 2);
        assertThat(c.errors()).isZero();
        assertThat(formatOk).as("well-formed responses among them").isGreaterThan(1000);
        String[] got = out.toString(StandardCharsets.UTF_8).split("\n");
        String[] want = expected.toString().split("\n");
        String[] rows = in.toString().split("\n");
        for (int i = 0; i < want.length; i++) {
            assertThat(got[i]).as(rows[i]).isEqualTo(want[i]);
        }
        assertThat(got).hasSameSizeAs(want);
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
                        : RewardFiles.scoreParsed(b, 0, b.length, fn, false).toJson();
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

    /** Bad lines in later blocks get their own line numbers, in place, however the input was cut into blocks. */
    @Test
    void errorLinesKeepTheirNumbersAcrossBlocks() throws Exception {
        String good = lines().get(0);
        java.util.Set<Integer> bad = java.util.Set.of(1, 777, 2_000, 2_001, 9_999, 10_000);
        StringBuilder in = new StringBuilder();
        for (int i = 1; i <= 10_000; i++) {
            in.append(bad.contains(i) ? "{\"response\": 3}" : good).append('\n');
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RewardFiles.Counts c = RewardFiles.score(new ByteArrayInputStream(in.toString().getBytes(StandardCharsets.UTF_8)),
                out, Rewards.v2lo(), 3);
        assertThat(in.length()).as("several blocks").isGreaterThan(4 << 18);
        assertThat(c.lines()).isEqualTo(10_000);
        assertThat(c.errors()).isEqualTo(6);
        assertThat(c.firstError()).startsWith("line 1: ");
        String[] got = out.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(got).hasSize(10_000);
        for (int i = 1; i <= 10_000; i++) {
            if (bad.contains(i)) {
                assertThat(got[i - 1]).startsWith("{\"line\": " + i + ", \"error\": ");
            } else {
                assertThat(got[i - 1]).isEqualTo(got[1]).startsWith("{\"overall\": ");
            }
        }
    }
}
