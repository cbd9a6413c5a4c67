package dev.v2l.layout.text;

import java.util.ArrayList;
import java.util.List;

/**
 * A forgiving JSON reader for what language models write: single and curly quotes, bare words, Python literals
 * ({@code None}, {@code True}), tuples, trailing or missing commas, {@code =} for {@code :}, comments, full-width
 * (Chinese) punctuation, numbers with units ({@code 1.2m}, {@code 35 cm}), ellipses, mismatched brackets and text cut
 * off mid-way (open structures are closed). Each such repair is reported to {@link Diagnostics} with its offset.
 * It never throws on text; it stops at the end of the first complete value.
 */
final class LenientJson {

    private static final int MAX_DEPTH = 64;

    private final String text;
    private final int end;
    private final Diagnostics diags;
    private int pos;
    private int lastFullwidthAt = -1;

    LenientJson(String text, int start, int end, Diagnostics diags) {
        this.text = text;
        this.pos = start;
        this.end = end;
        this.diags = diags;
    }

    int position() {
        return pos;
    }

    /** Reads one value starting at the current position (which must be at '[' or '{' or '('). */
    LenientNode readValue() {
        return value(0);
    }

    // ---- characters -------------------------------------------------------------------------------------------

    /** The ASCII character a full-width or typographic one stands for; the character itself otherwise. */
    static char canonical(char c) {
        if (c < 0x80) {
            return c;
        }
        if (c >= '\uFF10' && c <= '\uFF19') {
            return (char) ('0' + (c - '\uFF10'));
        }
        return switch (c) {
            case '\uFF0C', '\u3001' -> ','; // ， 、
            case '\uFF1A' -> ':'; // ：
            case '\uFF1B' -> ';';
            case '\u3010', '\uFF3B' -> '['; // 【 ［
            case '\u3011', '\uFF3D' -> ']'; // 】 ］
            case '\uFF5B' -> '{';
            case '\uFF5D' -> '}';
            case '\uFF08' -> '('; // （
            case '\uFF09' -> ')'; // ）
            case '\u201C', '\u201D', '\uFF02', '\u201E' -> '"'; // “ ” ＂
            case '\u2018', '\u2019', '\uFF07' -> '\''; // ‘ ’
            case '\uFF0D', '\u2212', '\u2013' -> '-'; // － − –
            case '\uFF0B' -> '+';
            case '\uFF0E' -> '.';
            case '\u3000', '\u00A0', '\u2009', '\u202F' -> ' ';
            case '\u2026' -> '\u2026'; // … handled as ellipsis
            default -> c;
        };
    }

    private char peekRaw() {
        return text.charAt(pos);
    }

    /** Canonical character at pos, reporting full-width punctuation once. */
    private char peek() {
        char raw = text.charAt(pos);
        char c = canonical(raw);
        if (c != raw && raw != '\u2026' && pos != lastFullwidthAt) {
            lastFullwidthAt = pos;
            diags.repairOnce("fullwidth-punctuation", pos,
                    "full-width or typographic punctuation ('" + raw + "') read as '" + c + "'");
        }
        return c;
    }

    private void skipSpaceAndComments() {
        while (pos < end) {
            char c = canonical(peekRaw());
            if (c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f') {
                pos++;
            } else if (c == '/' && pos + 1 < end && text.charAt(pos + 1) == '/') {
                diags.repair("comment", pos, "skipped a // comment");
                while (pos < end && text.charAt(pos) != '\n') {
                    pos++;
                }
            } else if (c == '/' && pos + 1 < end && text.charAt(pos + 1) == '*') {
                diags.repair("comment", pos, "skipped a /* */ comment");
                int close = text.indexOf("*/", pos + 2);
                pos = close < 0 || close >= end ? end : close + 2;
            } else if (c == '#') {
                diags.repair("comment", pos, "skipped a # comment");
                while (pos < end && text.charAt(pos) != '\n') {
                    pos++;
                }
            } else if (c == '`') {
                // Code fences inside the structure (rare): skip the backticks and an info word.
                int start = pos;
                while (pos < end && text.charAt(pos) == '`') {
                    pos++;
                }
                while (pos < end && Character.isLetter(text.charAt(pos))) {
                    pos++;
                }
                diags.repairOnce("code-fence", start, "skipped a code fence");
            } else {
                return;
            }
        }
    }

    // ---- values -----------------------------------------------------------------------------------------------

    private LenientNode value(int depth) {
        skipSpaceAndComments();
        if (pos >= end) {
            return null;
        }
        if (depth > MAX_DEPTH) {
            diags.dropped("too-deep", pos, "nesting deeper than " + MAX_DEPTH + " levels; the rest is ignored");
            pos = end;
            return null;
        }
        char c = peek();
        return switch (c) {
            case '{' -> object(depth);
            case '[' -> array(depth, ']');
            case '(' -> {
                diags.repairOnce("tuple", pos, "a parenthesised tuple read as a list");
                yield array(depth, ')');
            }
            case '"', '\'' -> string();
            default -> {
                if (c == '-' || c == '+' || c == '.' || (c >= '0' && c <= '9')) {
                    yield number();
                }
                yield bareWord();
            }
        };
    }

    private LenientNode object(int depth) {
        int start = pos;
        pos++; // {
        List<LenientNode.Member> members = new ArrayList<>();
        boolean expectMember = true;
        boolean junk = false;
        while (true) {
            skipSpaceAndComments();
            if (pos >= end) {
                diags.repairOnce("truncated", pos, "the text ends inside a structure; open brackets were closed");
                return new LenientNode.Obj(start, members, junk);
            }
            char c = peek();
            if (c == '}') {
                pos++;
                return new LenientNode.Obj(start, members, junk);
            }
            if (c == ']' || c == ')') {
                // A closer of the enclosing list: the '}' was forgotten. Leave it for the list.
                diags.repair("missing-bracket", pos, "a '}' was missing before '" + c + "'");
                return new LenientNode.Obj(start, members, junk);
            }
            if (c == ',' || c == ';') {
                if (expectMember && !members.isEmpty()) {
                    diags.repair("extra-comma", pos, "an extra comma was ignored");
                }
                pos++;
                expectMember = true;
                continue;
            }
            if (!expectMember) {
                diags.repair("missing-comma", pos, "a comma was missing between object members");
            }
            int keyOffset = pos;
            String key = key();
            if (key == null) {
                // Not a key at all: skip one character to make progress.
                diags.dropped("unexpected-character", pos, "unexpected '" + text.charAt(pos) + "' in an object");
                pos++;
                junk = true;
                continue;
            }
            skipSpaceAndComments();
            LenientNode v;
            if (pos < end && (peek() == ':' || peek() == '=')) {
                if (peek() == '=') {
                    diags.repairOnce("equals-for-colon", pos, "'=' read as ':'");
                }
                pos++;
                v = value(depth + 1);
            } else if (pos < end && peek() != ',' && peek() != '}') {
                diags.repair("missing-colon", pos, "a colon was missing after key '" + key + "'");
                v = value(depth + 1);
            } else {
                v = null;
            }
            if (v == null && pos >= end) {
                diags.repairOnce("truncated", pos, "the text ends inside a structure; open brackets were closed");
            }
            members.add(new LenientNode.Member(key, keyOffset, v));
            expectMember = consumeComma();
        }
    }

    /**
     * After a member or item: consumes a following comma (a comma directly followed by a closer is reported as a
     * trailing comma). Returns whether a comma was consumed.
     */
    private boolean consumeComma() {
        skipSpaceAndComments();
        if (pos < end && peek() == ',') {
            int commaAt = pos;
            pos++;
            skipSpaceAndComments();
            if (pos < end && (peek() == ']' || peek() == '}' || peek() == ')')) {
                diags.repairOnce("trailing-comma", commaAt, "a trailing comma was ignored");
            }
            return true;
        }
        return false;
    }

    private String key() {
        char c = peek();
        if (c == '"' || c == '\'') {
            LenientNode n = string();
            return n instanceof LenientNode.Str s ? s.value() : null;
        }
        int start = pos;
        while (pos < end) {
            char k = canonical(text.charAt(pos));
            if (Character.isLetterOrDigit(k) || k == '_' || k == '-' || k == ' ' || k == '.') {
                pos++;
            } else {
                break;
            }
        }
        if (pos == start) {
            return null;
        }
        String key = text.substring(start, pos).strip();
        diags.repairOnce("unquoted-key", start, "an unquoted key ('" + key + "') was accepted");
        return key;
    }

    private LenientNode array(int depth, char closer) {
        int start = pos;
        pos++;
        List<LenientNode> items = new ArrayList<>();
        boolean expectItem = true;
        boolean junk = false;
        while (true) {
            skipSpaceAndComments();
            if (pos >= end) {
                diags.repairOnce("truncated", pos, "the text ends inside a structure; open brackets were closed");
                return new LenientNode.Arr(start, items, junk);
            }
            char c = peek();
            if (c == closer) {
                pos++;
                return new LenientNode.Arr(start, items, junk);
            }
            if (c == ']' || c == '}' || c == ')') {
                // A closer of an enclosing structure: this list's own closer was forgotten.
                diags.repair("missing-bracket", pos, "a '" + closer + "' was missing before '" + c + "'");
                return new LenientNode.Arr(start, items, junk);
            }
            if (c == ',' || c == ';') {
                if (expectItem && !items.isEmpty()) {
                    diags.repair("extra-comma", pos, "an extra comma was ignored");
                }
                pos++;
                expectItem = true;
                continue;
            }
            if (isEllipsisAt(pos)) {
                diags.dropped("ellipsis", pos, "an ellipsis ('...') stands for entries that were not written");
                pos += text.charAt(pos) == '\u2026' ? 1 : 3;
                expectItem = false;
                continue;
            }
            if (!expectItem) {
                diags.repair("missing-comma", pos, "a comma was missing between list items");
            }
            int before = pos;
            LenientNode v = value(depth + 1);
            if (v != null) {
                items.add(v);
            } else {
                junk = true;
                if (pos == before) {
                    pos++; // make progress on junk
                }
            }
            expectItem = consumeComma();
        }
    }

    private boolean isEllipsisAt(int i) {
        return text.charAt(i) == '\u2026' || text.startsWith("...", i);
    }

    private LenientNode string() {
        int start = pos;
        char open = peek();
        if (open == '\'') {
            diags.repairOnce("single-quotes", pos, "a single-quoted string was accepted");
        }
        pos++;
        // Fast path: a plain ASCII string closed by the same quote, no escapes.
        for (int i = pos; i < end; i++) {
            char raw = text.charAt(i);
            if (raw == open) {
                String v = text.substring(pos, i);
                pos = i + 1;
                return new LenientNode.Str(start, v);
            }
            if (raw == '\\' || raw >= 0x80 || raw == '\n') {
                break;
            }
        }
        StringBuilder sb = new StringBuilder();
        while (pos < end) {
            char raw = text.charAt(pos);
            char c = canonical(raw);
            boolean apostrophe = raw == '\u2019' && isLetterAt(pos + 1);
            if (c == open && !apostrophe) {
                pos++;
                return new LenientNode.Str(start, sb.toString());
            }
            if (raw == '\\' && pos + 1 < end) {
                char e = text.charAt(pos + 1);
                pos += 2;
                switch (e) {
                    case 'n' -> sb.append('\n');
                    case 't' -> sb.append('\t');
                    case 'r' -> sb.append('\r');
                    case 'b' -> sb.append('\b');
                    case 'f' -> sb.append('\f');
                    case 'u' -> {
                        if (pos + 4 <= end && isHex(text, pos, 4)) {
                            sb.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                            pos += 4;
                        } else {
                            sb.append('u');
                        }
                    }
                    default -> sb.append(e);
                }
                continue;
            }
            if (raw == '\n' && open == '\'') {
                // An apostrophe is more likely than a multi-line single-quoted string: give up on this string.
                break;
            }
            sb.append(raw);
            pos++;
        }
        diags.repairOnce("truncated", pos, "the text ends inside a string; it was closed");
        return new LenientNode.Str(start, sb.toString());
    }

    private boolean isLetterAt(int i) {
        return i < end && Character.isLetter(text.charAt(i));
    }

    private static boolean isHex(String s, int from, int n) {
        for (int i = from; i < from + n; i++) {
            if (Character.digit(s.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    private LenientNode number() {
        int start = pos;
        StringBuilder sb = new StringBuilder(12);
        char c = peek();
        if (c == '-' || c == '+') {
            if (c == '-') {
                sb.append('-');
            }
            pos++;
            skipInlineSpace();
        }
        boolean digits = false;
        boolean dot = false;
        boolean exp = false;
        while (pos < end) {
            c = canonical(text.charAt(pos));
            if (c >= '0' && c <= '9') {
                digits = true;
                sb.append(c);
            } else if (c == '.' && !dot && !exp && !text.startsWith("...", pos)) {
                dot = true;
                sb.append(c);
            } else if ((c == 'e' || c == 'E') && digits && !exp && pos + 1 < end
                    && (Character.isDigit(text.charAt(pos + 1))
                        || ((text.charAt(pos + 1) == '-' || text.charAt(pos + 1) == '+') && pos + 2 < end
                            && Character.isDigit(text.charAt(pos + 2))))) {
                exp = true;
                sb.append('e').append(text.charAt(pos + 1));
                pos++;
            } else {
                break;
            }
            pos++;
        }
        if (!digits) {
            // A lone sign or dot: not a number. Read it as a bare word so the caller can drop it.
            pos = start;
            return bareWord();
        }
        double value;
        try {
            value = exp ? Double.parseDouble(sb.toString()) : parseDecimal(sb);
        } catch (NumberFormatException e) {
            diags.dropped("bad-number", start, "'" + sb + "' is not a number");
            return new LenientNode.Lit(start, null);
        }
        boolean integral = !dot && !exp;
        double scale = unitScale(start);
        if (scale != 1) {
            integral = false;
        }
        return new LenientNode.Num(start, value * scale, integral);
    }

    private static final double[] POW10 = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13,
        1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

    /**
     * A plain decimal ({@code -12.345}) with at most 15 significant digits is an exact integer divided by an exact
     * power of ten, and IEEE division rounds correctly, so this equals {@link Double#parseDouble}; longer ones go
     * through it.
     */
    static double parseDecimal(CharSequence s) {
        int i = 0;
        boolean negative = false;
        if (s.length() > 0 && s.charAt(0) == '-') {
            negative = true;
            i = 1;
        }
        long mantissa = 0;
        int digits = 0;
        int fraction = -1;
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '.') {
                fraction = 0;
                continue;
            }
            if (mantissa != 0 || c != '0') {
                digits++;
            }
            if (digits > 15) {
                return Double.parseDouble(s.toString());
            }
            mantissa = mantissa * 10 + (c - '0');
            if (fraction >= 0) {
                fraction++;
            }
        }
        if (fraction >= POW10.length) {
            return Double.parseDouble(s.toString());
        }
        double v = fraction > 0 ? mantissa / POW10[fraction] : mantissa;
        return negative ? -v : v;
    }

    private void skipInlineSpace() {
        while (pos < end && (text.charAt(pos) == ' ' || text.charAt(pos) == '\t')) {
            pos++;
        }
    }

    private static final String[][] UNITS = {
        {"millimetres", "0.001"}, {"millimeters", "0.001"}, {"centimetres", "0.01"}, {"centimeters", "0.01"},
        {"metres", "1"}, {"meters", "1"}, {"metre", "1"}, {"meter", "1"}, {"mm", "0.001"}, {"cm", "0.01"},
        {"m", "1"}, {"厘米", "0.01"}, {"毫米", "0.001"}, {"米", "1"},
    };

    /** Consumes a unit after a number, if any, returning the factor to metres (1 when none). */
    private double unitScale(int numberStart) {
        int save = pos;
        skipInlineSpace();
        if (pos >= end || !Character.isLetter(text.charAt(pos))) {
            pos = save;
            return 1;
        }
        for (String[] u : UNITS) {
            String name = u[0];
            if (text.regionMatches(true, pos, name, 0, name.length())) {
                int after = pos + name.length();
                if (after < end && Character.isLetter(text.charAt(after)) && name.charAt(0) < 0x80) {
                    continue; // part of a longer word
                }
                pos = after;
                double f = Double.parseDouble(u[1]);
                diags.repairOnce("number-unit", numberStart, "a number with a unit ('" + name + "') was read in metres");
                return f;
            }
        }
        pos = save;
        return 1;
    }

    private LenientNode bareWord() {
        int start = pos;
        while (pos < end) {
            char c = canonical(text.charAt(pos));
            if (c == ',' || c == ':' || c == ']' || c == '}' || c == ')' || c == '[' || c == '{' || c == '\n'
                    || c == '"' || c == ';') {
                break;
            }
            pos++;
        }
        String word = text.substring(start, pos).strip();
        switch (word) {
            case "null", "None", "none", "NULL" -> {
                return new LenientNode.Lit(start, null);
            }
            case "true", "True", "TRUE" -> {
                return new LenientNode.Lit(start, Boolean.TRUE);
            }
            case "false", "False", "FALSE" -> {
                return new LenientNode.Lit(start, Boolean.FALSE);
            }
            case "NaN", "nan", "Infinity", "-Infinity", "inf", "-inf" -> {
                return new LenientNode.Num(start, word.startsWith("-") ? Double.NEGATIVE_INFINITY
                        : word.toLowerCase(java.util.Locale.ROOT).startsWith("nan") ? Double.NaN
                                : Double.POSITIVE_INFINITY, false);
            }
            default -> {
            }
        }
        if (word.isEmpty()) {
            if (pos < end) {
                pos++;
            }
            return null;
        }
        diags.repairOnce("unquoted-string", start, "an unquoted word ('" + word + "') was read as a string");
        return new LenientNode.Str(start, word);
    }
}
