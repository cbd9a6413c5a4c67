package dev.v2l.qa;

import dev.v2l.layout.Labels;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Typical sizes of indoor categories ({@code label-priors.tsv}): what a model that sees nothing can still know. The
 * {@code blind} model answers from them through each type's {@link QuestionType#blindAnswer}.
 */
public final class LabelPriors {

    /** Width, depth and height, metres. */
    public record Size(double width, double depth, double height) {
        public double longest() {
            return Math.max(width, Math.max(depth, height));
        }

        public double floorMax() {
            return Math.max(width, depth);
        }

        public double floorArea() {
            return width * depth;
        }
    }

    private static final LabelPriors STANDARD = new LabelPriors(load());

    private final Map<String, Size> table;
    private final Size fallback;

    private LabelPriors(Map<String, Size> table) {
        this.table = table;
        this.fallback = table.get("*");
    }

    /** The shipped table. */
    public static LabelPriors standard() {
        return STANDARD;
    }

    private static Map<String, Size> load() {
        Map<String, Size> m = new LinkedHashMap<>();
        try (InputStream in = LabelPriors.class.getResourceAsStream("label-priors.tsv");
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            boolean header = true;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                String[] f = line.split("\t");
                m.put(f[0].equals("*") ? "*" : Labels.key(f[0]), new Size(Double.parseDouble(f[1]),
                        Double.parseDouble(f[2]), Double.parseDouble(f[3])));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return m;
    }

    /** The prior of a label: its own row, else the row of its last word ("wooden chair" → chair), else the median. */
    public Size of(String label) {
        Size s = table.get(Labels.key(label));
        if (s != null) {
            return s;
        }
        String n = Labels.normalize(label);
        int sp = n.lastIndexOf(' ');
        if (sp >= 0) {
            s = table.get(Labels.key(n.substring(sp + 1)));
        }
        return s == null ? fallback : s;
    }
}
