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
        double format = formatReward(cleaned);
        double accuracy = accuracy(cleaned, groundTruth);
        return new Score((1 - formatWeight) * accuracy + formatWeight * format, format, accuracy);
    }

    public Score score(String response, String groundTruth) {
        return score(response, GroundTruth.of(groundTruth));
    }

    /** {@code re.sub(r"\s*(<|>|/)\s*", r"\1", s)}: whitespace on either side of {@code <}, {@code >}, {@code /} goes. */
    public static String removeSpaceAroundTagCharacters(String s) {
        if (!spaceNextToTagCharacter(s)) {
            return s; // the usual case, found with the vectorised indexOf alone
        }
        int n = s.length();
        StringBuilder out = null;
        int i = 0;
        int copied = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (PyText.isSpace(c)) {
                int j = i;
                while (j < n && PyText.isSpace(s.charAt(j))) {
                    j++;
                }
                boolean before = j < n && isTagChar(s.charAt(j));
                boolean after = i > 0 && isTagChar(s.charAt(i - 1));
                if (before || after) {
                    if (out == null) {
                        out = new StringBuilder(n);
                    }
                    out.append(s, copied, i);
                    copied = j;
                }
                i = j;
            } else {
                i++;
            }
        }
        if (out == null) {
            return s;
        }
        return out.append(s, copied, n).toString();
    }

    /** Whether whitespace touches some {@code <}, {@code >} or {@code /} in {@code s}. */
    private static boolean spaceNextToTagCharacter(String s) {
        return spaceNextTo(s, '<') || spaceNextTo(s, '>') || spaceNextTo(s, '/');
    }

    private static boolean spaceNextTo(String s, char tag) {
        int n = s.length();
        for (int i = s.indexOf(tag); i >= 0; i = s.indexOf(tag, i + 1)) {
            if ((i > 0 && PyText.isSpace(s.charAt(i - 1))) || (i + 1 < n && PyText.isSpace(s.charAt(i + 1)))) {
                return true;
            }
        }
        return false;
    }

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
