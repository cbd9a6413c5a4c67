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
        return scoreCleaned(removeSpaceAroundTagCharacters(response), groundTruth);
    }

    /** {@link #score} of a response whose whitespace around tag characters is already gone. */
    public Score scoreCleaned(String cleaned, GroundTruth groundTruth) {
        double format = formatReward(cleaned);
        double accuracy = accuracy(cleaned, groundTruth);
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

    private static boolean isTagChar(char c) {
        return c == '<' || c == '>' || c == '/';
    }

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
        String answer = extractAnswer(cleaned);
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
