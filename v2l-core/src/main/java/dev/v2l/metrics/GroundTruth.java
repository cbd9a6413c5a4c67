package dev.v2l.metrics;

/**
 * A ground truth as the reference's Python sees it: a string, a number or a boolean (JSON), or None. Python's
 * {@code float(gt)} and {@code str(gt)} depend on the type: {@code float(True)} is 1.0, {@code float(None)} raises
 * TypeError and {@code str(None)} is "None"; a number's {@code str} is its repr ({@code 3}, {@code 2.5},
 * {@code 1e+20}).
 */
public record GroundTruth(Kind kind, String text, double number) {

    /** The Python type of the value. */
    public enum Kind { STRING, NUMBER, BOOLEAN, NONE }

    public static GroundTruth of(String s) {
        return new GroundTruth(Kind.STRING, s, Double.NaN);
    }

    /** A JSON number; {@code pythonStr} is how Python would print it. */
    public static GroundTruth ofNumber(double v, String pythonStr) {
        return new GroundTruth(Kind.NUMBER, pythonStr, v);
    }

    public static GroundTruth ofBoolean(boolean b) {
        return new GroundTruth(Kind.BOOLEAN, b ? "True" : "False", b ? 1 : 0);
    }

    public static GroundTruth none() {
        return new GroundTruth(Kind.NONE, "None", Double.NaN);
    }

    /**
     * From a JSON value: strings as they are; integers with their digits as {@code str}; other numbers with
     * Python's float repr; booleans; null as None. Lists and objects are not ground truths (null is returned so the
     * caller can report the record).
     */
    public static GroundTruth fromJson(com.fasterxml.jackson.databind.JsonNode n) {
        if (n == null || n.isNull()) {
            return none();
        }
        if (n.isTextual()) {
            return of(n.asText());
        }
        if (n.isBoolean()) {
            return ofBoolean(n.asBoolean());
        }
        if (n.isIntegralNumber()) {
            return ofNumber(n.asDouble(), n.bigIntegerValue().toString());
        }
        if (n.isNumber()) {
            return ofNumber(n.asDouble(), pythonRepr(n.asDouble()));
        }
        return null;
    }

    /** Python's {@code repr(float)}: the shortest round-tripping digits, exponent form below 1e-4 and from 1e16. */
    public static String pythonRepr(double v) {
        if (Double.isNaN(v)) {
            return "nan";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        if (v == 0) {
            return (1 / v < 0) ? "-0.0" : "0.0";
        }
        boolean negative = v < 0;
        String digits;
        int exp;
        String[] shortest = shortestDigits(Math.abs(v));
        if (shortest != null) {
            digits = shortest[0];
            exp = Integer.parseInt(shortest[1]);
        } else {
            String sci = SLOW.get(v);
            if (sci == null) {
                sci = shortestScientific(v);
                if (SLOW.size() < 4096) {
                    SLOW.put(v, sci);
                }
            }
            int e = sci.indexOf('e');
            String mantissa = sci.substring(0, e).replace(".", "");
            digits = negative ? mantissa.substring(1) : mantissa;
            exp = Integer.parseInt(sci.substring(e + 1));
        }
        StringBuilder sb = new StringBuilder(negative ? "-" : "");
        if (exp < -4 || exp >= 16) {
            sb.append(digits.charAt(0));
            if (digits.length() > 1) {
                sb.append('.').append(digits, 1, digits.length());
            }
            sb.append('e').append(exp < 0 ? '-' : '+');
            int a = Math.abs(exp);
            sb.append(a < 10 ? "0" + a : Integer.toString(a));
            return sb.toString();
        }
        if (exp < 0) {
            sb.append("0.");
            for (int i = -1; i > exp; i--) {
                sb.append('0');
            }
            return sb.append(digits).toString();
        }
        if (digits.length() <= exp + 1) {
            sb.append(digits);
            for (int i = digits.length(); i <= exp; i++) {
                sb.append('0');
            }
            return sb.append(".0").toString();
        }
        return sb.append(digits, 0, exp + 1).append('.').append(digits, exp + 1, digits.length()).toString();
    }

    /** Sixteen- and seventeen-digit values seen before (rewards repeat a few sums of weights). */
    private static final java.util.concurrent.ConcurrentHashMap<Double, String> SLOW =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** The shortest {@code %.Ne} form that reads back as {@code v}: slow, and the definition. */
    static String shortestScientific(double v) {
        for (int p = 1; p <= 17; p++) {
            String s = String.format(java.util.Locale.ROOT, "%." + (p - 1) + "e", v);
            if (Double.parseDouble(s) == v) {
                return s;
            }
        }
        throw new IllegalStateException("no round-tripping form of " + v);
    }

    /**
     * The significant digits and decimal exponent of {@link Double#toString} when it has at most 15 significant
     * digits, else null. Two different decimals of at most 15 significant digits never round to the same double
     * (10^15 < 2^53), so such digits are the shortest that round-trip, which is what Python's repr prints.
     */
    private static String[] shortestDigits(double a) {
        String t = Double.toString(a);
        int e = t.indexOf('E');
        int exp10 = e < 0 ? 0 : Integer.parseInt(t.substring(e + 1));
        String m = e < 0 ? t : t.substring(0, e);
        int dot = m.indexOf('.');
        String all = m.substring(0, dot) + m.substring(dot + 1);
        int pointAfter = dot; // digits before the decimal point
        int lead = 0;
        while (lead < all.length() - 1 && all.charAt(lead) == '0') {
            lead++;
        }
        int end = all.length();
        while (end > lead + 1 && all.charAt(end - 1) == '0') {
            end--;
        }
        String digits = all.substring(lead, end);
        if (digits.length() > 15) {
            return null;
        }
        int exp = exp10 + pointAfter - lead - 1;
        return new String[] {digits, Integer.toString(exp)};
    }

    /** {@code float(gt)}, or null where Python raises ValueError or TypeError. */
    public Double asPythonFloat() {
        return switch (kind) {
            case STRING -> PyText.parseFloat(text);
            case NUMBER, BOOLEAN -> number;
            case NONE -> null;
        };
    }

    /** {@code str(gt)}. */
    public String asPythonStr() {
        return text;
    }
}
