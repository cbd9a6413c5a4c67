package dev.v2l.io;

/**
 * JSON string literals for the JSON we write by hand (the map text, reward lines, service replies): escaped as
 * Python's {@code json.dumps} escapes them — quote, backslash and control characters, and with {@code asciiOnly}
 * (its default, {@code ensure_ascii}) every character outside printable ASCII as {@code \}{@code uXXXX}.
 */
public final class JsonStrings {

    private JsonStrings() {
    }

    /** {@code "…"}, ASCII only, as {@code json.dumps(s)}. */
    public static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2);
        append(sb, s, true);
        return sb.toString();
    }

    /** {@code "…"} keeping non-ASCII characters, as {@code json.dumps(s, ensure_ascii=False)}. */
    public static String quoteUtf8(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2);
        append(sb, s, false);
        return sb.toString();
    }

    public static void append(StringBuilder sb, String s, boolean asciiOnly) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (c < 0x20 || (asciiOnly && c > 0x7e)) {
                        sb.append("\\u").append(HEX[c >> 12]).append(HEX[(c >> 8) & 15]).append(HEX[(c >> 4) & 15])
                                .append(HEX[c & 15]);
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

    private static final char[] HEX = "0123456789abcdef".toCharArray();
}
