package dev.v2l.layout;

import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Label matching between a question (or a ground-truth map) and what a model wrote: lower case, underscores and
 * hyphens as spaces, runs of spaces collapsed; a plural ({@code chairs}, {@code boxes}) matches its singular.
 */
public final class Labels {

    /** Keys of labels seen so far: the vocabulary is small, and matching runs in inner loops. */
    private static final ConcurrentHashMap<String, String> KEYS = new ConcurrentHashMap<>();
    private static final int MAX_CACHED = 100_000;

    private Labels() {
    }

    public static String normalize(String label) {
        String s = label.strip().toLowerCase(Locale.ROOT).replace('_', ' ').replace('-', ' ');
        StringBuilder sb = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                space = true;
            } else {
                if (space && sb.length() > 0) {
                    sb.append(' ');
                }
                space = false;
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** The category key of a label: normalized and singular. Two labels match when their keys are equal. */
    public static String key(String label) {
        String k = KEYS.get(label);
        if (k == null) {
            k = singular(normalize(label));
            if (KEYS.size() >= MAX_CACHED) {
                KEYS.clear();
            }
            KEYS.put(label, k);
        }
        return k;
    }

    /** True when the two labels name the same category. */
    public static boolean matches(String a, String b) {
        return a.equals(b) || key(a).equals(key(b));
    }

    static String singular(String s) {
        if (s.endsWith("ies") && s.length() > 4) {
            return s.substring(0, s.length() - 3) + "y";
        }
        if ((s.endsWith("ches") || s.endsWith("shes") || s.endsWith("xes") || s.endsWith("sses"))
                && s.length() > 4) {
            return s.substring(0, s.length() - 2);
        }
        if (s.endsWith("s") && !s.endsWith("ss") && s.length() > 3) {
            return s.substring(0, s.length() - 1);
        }
        return s;
    }
}
