package dev.v2l.layout.text;

import dev.v2l.layout.GridMap;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads cognitive maps from what models write, leniently, and says exactly what it had to do.
 *
 * <p>It finds the map (inside {@code <map>…</map>} when present, else before any {@code <think>}/{@code <answer>}
 * tag, else anywhere), skips lead-in prose and code fences, reads the first bracketed value that is a map with
 * {@link LenientJson}, and interprets it with {@link MapInterpreter}. It never throws on model text: the
 * {@link MapParseResult} says whether a map was recovered and lists every repair and dropped entry with its offset.
 *
 * <p>{@code MapParser.lenient().parse(text)} is the one-call form; use the builder to fix the form (v2lo/extended vs grid) or the
 * grid size.
 */
public final class MapParser {

    private static final Pattern OPEN_TAG = Pattern.compile("<\\s*map\\s*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern CLOSE_TAG = Pattern.compile("<\\s*/\\s*map\\s*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern OTHER_TAG = Pattern.compile("<\\s*/?\\s*(think|answer)\\s*>",
            Pattern.CASE_INSENSITIVE);
    /** How many bracketed candidates to try before giving up (bounds the work on adversarial text). */
    private static final int MAX_CANDIDATES = 32;

    private final MapForm form;
    private final int gridSize;

    private MapParser(MapForm form, int gridSize) {
        this.form = form;
        this.gridSize = gridSize;
    }

    /** Any form, detected from the text; 10×10 grids. */
    public static MapParser lenient() {
        return new MapParser(null, GridMap.DEFAULT_SIZE);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Options for {@link MapParser}. */
    public static final class Builder {
        private MapForm form;
        private int gridSize = GridMap.DEFAULT_SIZE;

        /** The form to read: metric ({@code V2LO}/{@code EXTENDED} read the same) or {@code GRID}; null detects. */
        public Builder form(MapForm f) {
            this.form = f;
            return this;
        }

        public Builder gridSize(int n) {
            if (n <= 0) {
                throw new IllegalArgumentException("grid size must be positive, got " + n);
            }
            this.gridSize = n;
            return this;
        }

        public MapParser build() {
            return new MapParser(form, gridSize);
        }
    }

    public MapParseResult parse(String text) {
        Diagnostics d = new Diagnostics();
        if (text == null || text.isBlank()) {
            d.add(MapDiagnostic.Kind.ERROR, "no-text", 0, "the text is empty");
            return new MapParseResult(form, null, null, d.finish());
        }
        int[] region = locate(text, d);
        String source = unescapeIfNeeded(text, region, d);
        int start = region[0];
        int end = region[1];
        if (source.indexOf("```", start) >= 0 && source.indexOf("```", start) < end) {
            d.repair("code-fence", source.indexOf("```", start), "the map was inside a code fence");
        }
        MapInterpreter interpreter = new MapInterpreter(d, form, gridSize);
        int at = start;
        for (int tries = 0; tries < MAX_CANDIDATES; tries++) {
            at = nextOpening(source, at, end);
            if (at < 0) {
                break;
            }
            int mark = d.mark();
            LenientJson json = new LenientJson(source, at, end, d);
            LenientNode node = json.readValue();
            MapInterpreter.Interpretation r = interpreter.interpret(node);
            if (r.recognized()) {
                if (hasProseBefore(source, start, at)) {
                    d.note("lead-in", start, "text before the map was skipped");
                }
                return new MapParseResult(r.form(), r.layout(), r.grid(), d.finish());
            }
            d.reset(mark);
            // A complete value that is not a map (prose like "[x_min, y_min]") is skipped whole; its insides are
            // not candidates.
            at = Math.max(at + 1, json.position());
        }
        d.add(MapDiagnostic.Kind.ERROR, "no-map", start, "no map could be recovered from the text");
        return new MapParseResult(form, null, null, d.finish());
    }

    /** The [start, end) of the text where the map is expected. */
    private static int[] locate(String text, Diagnostics d) {
        if (text.indexOf('<') < 0) {
            return new int[] {0, text.length()};
        }
        // Fast path: the exact tags, once each.
        int o = text.indexOf("<map>");
        if (o >= 0) {
            int c = text.indexOf("</map>", o + 5);
            if (c >= 0 && text.indexOf("<map>", c) < 0 && text.lastIndexOf("<map>", c) == o
                    && !OPEN_TAG.matcher(text).region(0, o).find()) {
                return new int[] {o + 5, c};
            }
        }
        Matcher open = OPEN_TAG.matcher(text);
        if (open.find()) {
            int start = open.end();
            Matcher close = CLOSE_TAG.matcher(text);
            if (close.find(start)) {
                if (open.find(close.end())) {
                    d.note("multiple-map-blocks", open.start(), "more than one <map> block; the first was read");
                }
                return new int[] {start, close.start()};
            }
            Matcher other = OTHER_TAG.matcher(text);
            int end = other.find(start) ? other.start() : text.length();
            d.repair("unterminated-map-tag", start, "<map> was never closed; read up to "
                    + (end == text.length() ? "the end" : "the next tag"));
            return new int[] {start, end};
        }
        Matcher close = CLOSE_TAG.matcher(text);
        if (close.find()) {
            d.repair("missing-open-tag", close.start(), "</map> without <map>; read the text before it");
            return new int[] {0, close.start()};
        }
        Matcher other = OTHER_TAG.matcher(text);
        if (other.find()) {
            d.note("no-map-tag", 0, "no <map> tag; looked for a map before the first <think>/<answer> tag");
            return new int[] {0, other.start()};
        }
        return new int[] {0, text.length()};
    }

    /**
     * Text that is itself JSON-escaped ({@code [{\"object_name\": ...}]}) is unescaped in a copy of the same length
     * (each escaping backslash becomes a space), so offsets stay true.
     */
    private static String unescapeIfNeeded(String text, int[] region, Diagnostics d) {
        int firstQuote = -1;
        for (int i = region[0]; i < region[1]; i++) {
            if (text.charAt(i) == '"') {
                firstQuote = i;
                break;
            }
        }
        if (firstQuote <= region[0] || text.charAt(firstQuote - 1) != '\\') {
            return text;
        }
        char[] c = text.toCharArray();
        for (int i = region[0]; i + 1 < region[1]; i++) {
            if (c[i] == '\\' && (c[i + 1] == '"' || c[i + 1] == 'n' || c[i + 1] == 't')) {
                if (c[i + 1] != '"') {
                    c[i + 1] = ' ';
                }
                c[i] = ' ';
                i++;
            }
        }
        d.repair("escaped-json", firstQuote - 1, "the map was JSON-escaped (\\\"); read unescaped");
        return new String(c);
    }

    private static int nextOpening(String s, int from, int end) {
        for (int i = from; i < end; i++) {
            char c = LenientJson.canonical(s.charAt(i));
            if (c == '[' || c == '{') {
                return i;
            }
        }
        return -1;
    }

    /** Letters before the map other than Video2Layout's own lead-in and code-fence info words. */
    private static boolean hasProseBefore(String s, int start, int at) {
        int i = firstNonSpace(s, start);
        if (s.startsWith(MapWriter.LEAD_IN, i)) {
            i += MapWriter.LEAD_IN.length();
        }
        for (; i < at; i++) {
            char c = s.charAt(i);
            if (c == '`') {
                while (i + 1 < at && (s.charAt(i + 1) == '`' || Character.isLetter(s.charAt(i + 1)))) {
                    i++;
                }
            } else if (Character.isLetter(c)) {
                return true;
            }
        }
        return false;
    }

    private static int firstNonSpace(String s, int i) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /** The codes of a result's diagnostics, in order (handy in tests and reports). */
    public static List<String> codes(MapParseResult r) {
        return r.diagnostics().stream().map(MapDiagnostic::code).toList();
    }
}
