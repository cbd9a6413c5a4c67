package dev.v2l.layout.text;

import dev.v2l.layout.GridMap;
import dev.v2l.layout.Layout;
import java.util.List;

/**
 * What the parser recovered from a text: a metric {@link Layout} (v2lo and extended forms) or a {@link GridMap}
 * (grid form), or neither, and every diagnostic with its offset.
 */
public record MapParseResult(MapForm form, Layout layout, GridMap grid, List<MapDiagnostic> diagnostics) {

    public MapParseResult {
        diagnostics = List.copyOf(diagnostics);
    }

    /** True when a map (possibly an explicitly empty one) was recovered. */
    public boolean recovered() {
        return layout != null || grid != null;
    }

    public long count(MapDiagnostic.Kind kind) {
        return diagnostics.stream().filter(d -> d.kind() == kind).count();
    }

    /** True when anything had to be repaired. */
    public boolean repaired() {
        return count(MapDiagnostic.Kind.REPAIR) > 0;
    }

    public long dropped() {
        return count(MapDiagnostic.Kind.DROPPED);
    }

    public boolean has(String code) {
        return diagnostics.stream().anyMatch(d -> d.code().equals(code));
    }
}
