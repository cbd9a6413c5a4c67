package dev.v2l.layout.text;

import dev.v2l.layout.GridMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the 10×10 grid form of "Thinking in Space" ({@code {"label": [[x, y], ...]}}, or a list of entries with a
 * cell) into a {@link GridMap}: cells must be integer pairs inside the grid; a non-integer cell is rounded (a
 * repair), anything else is dropped with a diagnostic.
 */
final class GridInterpreter {

    private final Diagnostics diags;
    private final int gridSize;

    GridInterpreter(Diagnostics diags, int gridSize) {
        this.diags = diags;
        this.gridSize = gridSize;
    }

    /** A non-empty label → cell(s) dict whose every position is a small integer pair. */
    boolean looksLikeGrid(LenientNode body) {
        if (!(body instanceof LenientNode.Obj obj) || obj.members().isEmpty() || MapKeys.looksLikeEntry(obj)) {
            return false;
        }
        for (LenientNode.Member m : obj.members()) {
            if (!(m.value() instanceof LenientNode.Arr a) || !gridCells(a)) {
                return false;
            }
        }
        return true;
    }

    private boolean gridCells(LenientNode.Arr a) {
        if (a.items().size() == 2 && isCell(a)) {
            return true;
        }
        if (a.items().isEmpty()) {
            return false;
        }
        for (LenientNode n : a.items()) {
            if (!(n instanceof LenientNode.Arr c) || !isCell(c)) {
                return false;
            }
        }
        return true;
    }

    private boolean isCell(LenientNode.Arr c) {
        if (c.items().size() != 2) {
            return false;
        }
        for (LenientNode n : c.items()) {
            if (!(n instanceof LenientNode.Num v) || !v.integral() || v.value() < 0 || v.value() >= gridSize) {
                return false;
            }
        }
        return true;
    }

    MapInterpreter.Interpretation interpret(LenientNode body) {
        Map<String, List<GridMap.Cell>> cells = new LinkedHashMap<>();
        boolean recognized = false;
        if (body instanceof LenientNode.Obj obj) {
            recognized = true;
            for (LenientNode.Member m : obj.members()) {
                String label = MapKeys.cleanLabel(m.key());
                if (!(m.value() instanceof LenientNode.Arr a)) {
                    diags.dropped("bad-geometry", m.keyOffset(), "'" + label + "': grid cells must be [x, y] lists");
                    continue;
                }
                List<LenientNode> items = a.items().size() == 2 && a.items().get(0) instanceof LenientNode.Num
                        ? List.of(a) : a.items();
                for (LenientNode n : items) {
                    GridMap.Cell cell = cell(n, label);
                    if (cell != null) {
                        cells.computeIfAbsent(label, k -> new ArrayList<>()).add(cell);
                    }
                }
            }
        } else if (body instanceof LenientNode.Arr arr) {
            recognized = true;
            for (LenientNode item : arr.items()) {
                if (!(item instanceof LenientNode.Obj o)) {
                    diags.dropped("not-an-entry", item.offset(), "a grid list item must be an object");
                    continue;
                }
                String label = null;
                LenientNode pos = null;
                for (LenientNode.Member m : o.members()) {
                    String k = MapKeys.normalize(m.key());
                    if (MapKeys.LABEL_KEYS.contains(k) && m.value() instanceof LenientNode.Str s) {
                        label = MapKeys.cleanLabel(s.value());
                    } else if (MapKeys.CENTER_KEYS.contains(k)) {
                        pos = m.value();
                    }
                }
                if (label == null) {
                    diags.dropped("missing-label", o.offset(), "a grid entry without a label was dropped");
                    continue;
                }
                GridMap.Cell cell = cell(pos, label);
                if (cell != null) {
                    cells.computeIfAbsent(label, k -> new ArrayList<>()).add(cell);
                }
            }
        }
        if (!recognized) {
            return MapInterpreter.Interpretation.NONE;
        }
        return new MapInterpreter.Interpretation(true, MapForm.GRID, null,
                new GridMap(gridSize, Double.NaN, Double.NaN, Double.NaN, cells));
    }

    private GridMap.Cell cell(LenientNode n, String label) {
        if (!(n instanceof LenientNode.Arr c) || c.items().size() != 2 || LenientNode.numbers(c.items()) == null) {
            diags.dropped("bad-geometry", n == null ? 0 : n.offset(), "'" + label + "': a grid cell must be [x, y]");
            return null;
        }
        double[] xy = LenientNode.numbers(c.items());
        if (!Double.isFinite(xy[0]) || !Double.isFinite(xy[1])) {
            diags.dropped("non-finite", c.offset(), "'" + label + "': a grid cell with a non-finite number");
            return null;
        }
        long x = Math.round(xy[0]);
        long y = Math.round(xy[1]);
        if (x != xy[0] || y != xy[1]) {
            diags.repair("non-integer-cell", c.offset(), "'" + label + "': grid cell rounded to integers");
        }
        if (x < 0 || y < 0 || x >= gridSize || y >= gridSize) {
            diags.dropped("out-of-grid", c.offset(), "'" + label + "': cell [" + x + ", " + y + "] is outside the "
                    + gridSize + "×" + gridSize + " grid");
            return null;
        }
        return new GridMap.Cell((int) x, (int) y);
    }
}
