package dev.v2l.asset;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The curated map from catalog models to our labels (ScanNet / VSI-Bench style: {@code bed}, {@code nightstand},
 * {@code trash bin}…), read from {@code label-map.tsv}: rules on the catalog category and English name, first match
 * wins, {@code -} excludes. Exterior pieces, vehicles, people and small props match no label and are never placed.
 */
public final class LabelMap {

    private record Rule(String label, Pattern category, Pattern name, int line) {
    }

    private final List<Rule> rules;

    private LabelMap(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    private static final LabelMap DEFAULT = load();

    public static LabelMap standard() {
        return DEFAULT;
    }

    private static LabelMap load() {
        List<Rule> rules = new ArrayList<>();
        try (InputStream in = LabelMap.class.getResourceAsStream("label-map.tsv")) {
            if (in == null) {
                throw new IllegalStateException("label-map.tsv is missing from the class path");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            int n = 0;
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                n++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] p = line.split("\t");
                if (p.length != 3) {
                    throw new IllegalStateException("label-map.tsv line " + n + ": expected LABEL<TAB>CATEGORY<TAB>NAME");
                }
                rules.add(new Rule(p[0].strip(), Pattern.compile(p[1].strip(), Pattern.CASE_INSENSITIVE),
                        Pattern.compile(p[2].strip(), Pattern.CASE_INSENSITIVE), n));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new LabelMap(rules);
    }

    /** Our label for a catalog model, or empty when it is excluded or matches no rule. */
    public Optional<String> label(CatalogModel m) {
        return label(m.category(), m.name());
    }

    public Optional<String> label(String category, String name) {
        String c = category == null ? "" : category.strip();
        String n = name == null ? "" : name.strip();
        for (Rule r : rules) {
            if (r.category.matcher(c).matches() && r.name.matcher(n).matches()) {
                return r.label.equals("-") ? Optional.empty() : Optional.of(r.label);
            }
        }
        return Optional.empty();
    }

    /** Every label some rule gives, in rule order. */
    public List<String> labels() {
        return rules.stream().map(Rule::label).filter(l -> !l.equals("-")).distinct().toList();
    }
}
