package dev.v2l.metrics;

/**
 * Video2Layout's RL reward ({@code src/EasyR1/examples/reward_function/qa.py}), reproduced for every input:
 *
 * <ol>
 *   <li>whitespace (Python's {@code \s}) around every {@code <}, {@code >} and {@code /} is removed;</li>
 *   <li>format = 1 when the stripped response fully matches
 *       {@code <map>.*?</map>\s*<think>.*?</think>\s*<answer>.*?</answer>} (dot matches newline), else 0;</li>
 *   <li>the answer is the first {@code <answer>…</answer>} content, stripped; no answer scores 0;</li>
 *   <li>if both the ground truth and the answer parse as Python floats, accuracy is {@link Mra#v2lo};
 *       otherwise it is case-insensitive string equality with {@code str(ground_truth)};</li>
 *   <li>overall = (1 − w)·accuracy + w·format, w = 0.1 by default.</li>
 * </ol>
 *
 * <p>No regular expressions on the hot path: the format check is a linear scan equivalent to the full match.
 */
public final class V2loReward {

    public static final double DEFAULT_FORMAT_WEIGHT = 0.1;

    private final double formatWeight;

    public V2loReward(double formatWeight) {
        if (!(formatWeight >= 0 && formatWeight <= 1)) {
            throw new IllegalArgumentException("format weight must be in [0, 1], got " + formatWeight);
        }
        this.formatWeight = formatWeight;
    }

    public V2loReward() {
        this(DEFAULT_FORMAT_WEIGHT);
    }

    public double formatWeight() {
        return formatWeight;
    }

    /** The three numbers of the reference. */
    public record Score(double overall, double format, double accuracy) {
    }

    public Score score(String response, GroundTruth groundTruth) {
        String cleaned = removeSpaceAroundTagCharacters(response);
        return combine(formatReward(cleaned), accuracy(cleaned, groundTruth));
    }

    private Score combine(double format, double accuracy) {
        return new Score((1 - formatWeight) * accuracy + formatWeight * format, format, accuracy);
    }

    public Score score(String response, String groundTruth) {
        return score(response, GroundTruth.of(groundTruth));
    }

    /** {@code re.sub(r"\s*(<|>|/)\s*", r"\1", s)}: whitespace on either side of {@code <}, {@code >}, {@code /} goes. */
    public static String removeSpaceAroundTagCharacters(String s) {
        // From tag character to tag character (found with the vectorised indexOf): the whitespace run on each side
        // of one goes, as the regex's matches do from left to right.
        int n = s.length();
        StringBuilder out = null;
        int copied = 0; // s[copied, n) is still to be copied; nothing before it is whitespace a match may take
        int[] next = {-2, -2, -2}; // where each tag character occurs next (-2: not looked for yet)
        for (int i = nextTagCharacter(s, 0, next); i >= 0; ) {
            int l = i;
            while (l > copied && PyText.isSpace(s.charAt(l - 1))) {
                l--;
            }
            int r = i + 1;
            while (r < n && PyText.isSpace(s.charAt(r))) {
                r++;
            }
            if (l < i || r > i + 1) {
                if (out == null) {
                    out = new StringBuilder(n);
                }
                out.append(s, copied, l).append(s.charAt(i));
                copied = r;
            }
            i = nextTagCharacter(s, r, next);
        }
        return out == null ? s : out.append(s, copied, n).toString();
    }

    /**
     * The first {@code <}, {@code >} or {@code /} at or after {@code from}, or -1; {@code next} remembers each one's
     * next position so every character of {@code s} is searched once per tag character.
     */
    private static int nextTagCharacter(String s, int from, int[] next) {
        int best = -1;
        for (int t = 0; t < TAG_CHARACTERS.length; t++) {
            if (next[t] == -2 || (next[t] >= 0 && next[t] < from)) {
                next[t] = s.indexOf(TAG_CHARACTERS[t], from);
            }
            if (next[t] >= 0 && (best < 0 || next[t] < best)) {
                best = next[t];
            }
        }
        return best;
    }

    private static final char[] TAG_CHARACTERS = {'<', '>', '/'};

    /** 1 when the stripped, cleaned response fully matches the map–think–answer pattern. */
    public static double formatReward(String cleaned) {
        String s = PyText.strip(cleaned);
        int n = s.length();
        if (!s.startsWith("<map>") || !s.endsWith("</answer>")) {
            return 0;
        }
        int closingAnswer = n - "</answer>".length();
        // Earliest end of "</map>" \s* "<think>" at or after index 5.
        int end1 = -1;
        for (int p = s.indexOf("</map>", 5); p >= 0; p = s.indexOf("</map>", p + 1)) {
            int q = skipSpace(s, p + 6);
            if (s.startsWith("<think>", q)) {
                end1 = q + 7;
                break;
            }
        }
        if (end1 < 0) {
            return 0;
        }
        for (int r = s.indexOf("</think>", end1); r >= 0; r = s.indexOf("</think>", r + 1)) {
            int t = skipSpace(s, r + 8);
            if (s.startsWith("<answer>", t) && t + 8 <= closingAnswer) {
                return 1;
            }
        }
        return 0;
    }

    private static int skipSpace(String s, int i) {
        while (i < s.length() && PyText.isSpace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /**
     * {@link #score} of a response already cleaned ({@link #removeSpaceAroundTagCharacters}) and held as ASCII bytes
     * {@code s[0, n)}, given where each {@code <} is ({@code lt[0, count)}, ascending; every tag starts at one, so the
     * format check and the answer search visit only those).
     */
    public Score scoreCleanedAscii(byte[] s, int n, int[] lt, int count, GroundTruth gt) {
        return combine(formatRewardAscii(s, n, lt, count), accuracyOfAnswer(extractAnswerAscii(s, n, lt, count), gt));
    }

    private static final byte[] MAP_OPEN = ascii("<map>");
    private static final byte[] MAP_CLOSE = ascii("</map>");
    private static final byte[] THINK_OPEN = ascii("<think>");
    private static final byte[] THINK_CLOSE = ascii("</think>");
    private static final byte[] ANSWER_OPEN = ascii("<answer>");
    private static final byte[] ANSWER_CLOSE = ascii("</answer>");

    private static byte[] ascii(String t) {
        return t.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    /** Whether {@code t} occurs in {@code s} at {@code at}, ending at or before {@code to}. */
    private static boolean at(byte[] s, int at, int to, byte[] t) {
        if (at < 0 || at + t.length > to) {
            return false;
        }
        for (int i = 0; i < t.length; i++) {
            if (s[at + i] != t[i]) {
                return false;
            }
        }
        return true;
    }

    /** {@link #formatReward} on ASCII bytes (see {@link #scoreCleanedAscii}). */
    static double formatRewardAscii(byte[] s, int n, int[] lt, int count) {
        int from = 0;
        int to = n;
        while (from < to && PyText.isSpace(s[from])) {
            from++;
        }
        while (to > from && PyText.isSpace(s[to - 1])) {
            to--;
        }
        int closingAnswer = to - ANSWER_CLOSE.length;
        if (closingAnswer < from || !at(s, from, to, MAP_OPEN) || !at(s, closingAnswer, to, ANSWER_CLOSE)) {
            return 0;
        }
        int k = 0;
        int end1 = -1;
        for (; k < count && end1 < 0; k++) { // earliest "</map>" \s* "<think>" at or after from + 5
            int p = lt[k];
            if (p >= from + MAP_OPEN.length && at(s, p, to, MAP_CLOSE)) {
                int q = skipSpace(s, p + MAP_CLOSE.length, to);
                if (at(s, q, to, THINK_OPEN)) {
                    end1 = q + THINK_OPEN.length;
                }
            }
        }
        if (end1 < 0) {
            return 0;
        }
        for (k = 0; k < count; k++) {
            int r = lt[k];
            if (r >= end1 && at(s, r, to, THINK_CLOSE)) {
                int t = skipSpace(s, r + THINK_CLOSE.length, to);
                if (at(s, t, to, ANSWER_OPEN) && t + ANSWER_OPEN.length <= closingAnswer) {
                    return 1;
                }
            }
        }
        return 0;
    }

    private static int skipSpace(byte[] s, int i, int to) {
        while (i < to && PyText.isSpace(s[i])) {
            i++;
        }
        return i;
    }

    /** {@link #extractAnswer} on ASCII bytes (see {@link #scoreCleanedAscii}). */
    static String extractAnswerAscii(byte[] s, int n, int[] lt, int count) {
        int k = 0;
        while (k < count && !at(s, lt[k], n, ANSWER_OPEN)) {
            k++;
        }
        if (k == count) {
            return null;
        }
        int open = lt[k] + ANSWER_OPEN.length;
        while (k < count && (lt[k] < open || !at(s, lt[k], n, ANSWER_CLOSE))) {
            k++;
        }
        if (k == count) {
            return null;
        }
        int a = open;
        int b = lt[k];
        while (a < b && PyText.isSpace(s[a])) {
            a++;
        }
        while (b > a && PyText.isSpace(s[b - 1])) {
            b--;
        }
        return new String(s, a, b - a, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    /** {@code re.search(r"<answer>(.*?)</answer>", s, re.DOTALL)} stripped, or null. */
    public static String extractAnswer(String cleaned) {
        int open = cleaned.indexOf("<answer>");
        if (open < 0) {
            return null;
        }
        int close = cleaned.indexOf("</answer>", open + 8);
        if (close < 0) {
            return null;
        }
        return PyText.strip(cleaned.substring(open + 8, close));
    }

    static double accuracy(String cleaned, GroundTruth gt) {
        return accuracyOfAnswer(extractAnswer(cleaned), gt);
    }

    /** Accuracy of an extracted answer (null: none, which scores 0). */
    static double accuracyOfAnswer(String answer, GroundTruth gt) {
        if (answer == null) {
            return 0;
        }
        Double gtNum = gt.asPythonFloat();
        Double pred = gtNum == null ? null : PyText.parseFloat(answer);
        if (gtNum != null && pred != null) {
            return Mra.v2lo(pred, gtNum);
        }
        return PyText.lower(answer).equals(PyText.lower(gt.asPythonStr())) ? 1 : 0;
    }
}
