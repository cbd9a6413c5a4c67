package dev.v2l.metrics;

/**
 * Python's text semantics where the reference scorers depend on them: {@code str.isspace}/{@code str.strip} (and
 * the {@code \s} of Python's {@code re} on str patterns), and {@code float(str)}.
 */
public final class PyText {

    private PyText() {
    }

    /**
     * Python's {@code str.isspace()} for one code point: the characters with bidirectional type WS, B or S, or
     * category Zs — including the ASCII separators U+001C–U+001F and U+0085, but not U+200B or U+180E.
     */
    public static boolean isSpace(int c) {
        if (c <= 0x20) {
            return c == 0x20 || (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x1F);
        }
        if (c < 0x85) {
            return false;
        }
        return c == 0x85 || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029
                || c == 0x202F || c == 0x205F || c == 0x3000;
    }

    /** Python's {@code str.strip()} with no argument. */
    public static String strip(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isSpace(s.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(s.charAt(end - 1))) {
            end--;
        }
        return start == 0 && end == s.length() ? s : s.substring(start, end);
    }

    /**
     * Python's {@code float(s)} for a string: null where Python raises ValueError. Accepts surrounding whitespace,
     * a sign, digits with single underscores between them, a decimal point with digits on either side, an exponent,
     * {@code inf}/{@code infinity}/{@code nan} in any case, and any Unicode decimal digits (as Python converts them);
     * refuses everything else ({@code "1,000"}, {@code "0x10"}, {@code "1e"}, {@code "1_"}, {@code "nan(1)"}, "").
     * Values are correctly rounded, like Python's.
     */
    public static Double parseFloat(String s) {
        int n = s.length();
        int i = 0;
        while (i < n && isSpace(s.charAt(i))) {
            i++;
        }
        int end = n;
        while (end > i && isSpace(s.charAt(end - 1))) {
            end--;
        }
        if (i >= end) {
            return null;
        }
        StringBuilder ascii = new StringBuilder(end - i);
        boolean negative = false;
        char first = s.charAt(i);
        if (first == '+' || first == '-') {
            negative = first == '-';
            i++;
        }
        // Special values.
        String rest = s.substring(i, end);
        if (asciiEqualsIgnoreCase(rest, "inf") || asciiEqualsIgnoreCase(rest, "infinity")) {
            return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (asciiEqualsIgnoreCase(rest, "nan")) {
            return Double.NaN;
        }
        if (negative) {
            ascii.append('-');
        }
        // digitpart? ('.' digitpart?)? exponent?
        int[] pos = {i};
        int intDigits = digitPart(s, pos, end, ascii);
        if (intDigits < 0) {
            return null;
        }
        int fracDigits = 0;
        if (pos[0] < end && s.charAt(pos[0]) == '.') {
            ascii.append('.');
            pos[0]++;
            fracDigits = digitPart(s, pos, end, ascii);
            if (fracDigits < 0) {
                return null;
            }
        }
        if (intDigits == 0 && fracDigits == 0) {
            return null;
        }
        if (pos[0] < end && (s.charAt(pos[0]) == 'e' || s.charAt(pos[0]) == 'E')) {
            ascii.append('e');
            pos[0]++;
            if (pos[0] < end && (s.charAt(pos[0]) == '+' || s.charAt(pos[0]) == '-')) {
                ascii.append(s.charAt(pos[0]));
                pos[0]++;
            }
            int expDigits = digitPart(s, pos, end, ascii);
            if (expDigits <= 0) {
                return null;
            }
        }
        if (pos[0] != end) {
            return null;
        }
        try {
            return Double.parseDouble(ascii.toString());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Case-insensitive over ASCII letters only, as Python compares "inf" and "nan" (no dotless i, no Kelvin sign). */
    private static boolean asciiEqualsIgnoreCase(String s, String lowerAscii) {
        if (s.length() != lowerAscii.length()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                c = (char) (c + 32);
            }
            if (c != lowerAscii.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Reads digits with single underscores between them ({@code 1_000}); returns how many digits, or -1 when an
     * underscore is misplaced.
     */
    private static int digitPart(String s, int[] pos, int end, StringBuilder out) {
        int count = 0;
        boolean lastUnderscore = false;
        while (pos[0] < end) {
            int cp = s.codePointAt(pos[0]);
            int d = Character.getType(cp) == Character.DECIMAL_DIGIT_NUMBER ? Character.digit(cp, 10) : -1;
            if (d >= 0) {
                out.append((char) ('0' + d));
                count++;
                lastUnderscore = false;
                pos[0] += Character.charCount(cp);
            } else if (cp == '_') {
                if (count == 0 || lastUnderscore) {
                    return -1;
                }
                lastUnderscore = true;
                pos[0]++;
            } else {
                break;
            }
        }
        return lastUnderscore ? -1 : count;
    }

    /** Python's {@code str.lower()} (full Unicode lower-casing, final sigma included). */
    public static String lower(String s) {
        return s.toLowerCase(java.util.Locale.ROOT);
    }
}
