package dev.v2l.layout;

import dev.v2l.geom.Vec2;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The grid cognitive map of "Thinking in Space" / SpaceR: each object reduced to the cell of its centre on a
 * {@code size}×{@code size} grid laid over the scene, written as {@code {"label": [[x, y], ...]}}. Cell {@code x}
 * counts columns from the smallest floor x, {@code y} rows from the smallest floor y, both from 0.
 *
 * <p>The grid's placement in metres ({@code originX}, {@code originY}, {@code cellMetres}) is kept when the grid was
 * made from a layout, so cells can be turned back into metric centres; a grid parsed from text has cellMetres NaN.
 */
public record GridMap(int size, double originX, double originY, double cellMetres, Map<String, List<Cell>> cells) {

    public static final int DEFAULT_SIZE = 10;

    /** One grid cell. */
    public record Cell(int x, int y) {
    }

    public GridMap {
        if (size <= 0) {
            throw new IllegalArgumentException("grid size must be positive, got " + size);
        }
        Map<String, List<Cell>> copy = new LinkedHashMap<>();
        cells.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        cells = java.util.Collections.unmodifiableMap(copy);
    }

    /**
     * The grid of a layout's object centres: a square of {@code size} cells centred on the bounding box of all
     * footprints, its side the larger extent (at least 1 cm so a single point still has a grid).
     */
    public static GridMap of(Layout layout, int size) {
        double minX = Double.POSITIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (LayoutObject o : layout.objects()) {
            double[] b = o.footprint().bounds();
            minX = Math.min(minX, b[0]);
            minY = Math.min(minY, b[1]);
            maxX = Math.max(maxX, b[2]);
            maxY = Math.max(maxY, b[3]);
        }
        if (layout.isEmpty()) {
            return new GridMap(size, 0, 0, 1.0 / size, Map.of());
        }
        double side = Math.max(0.01, Math.max(maxX - minX, maxY - minY));
        double ox = (minX + maxX) / 2 - side / 2;
        double oy = (minY + maxY) / 2 - side / 2;
        double cell = side / size;
        Map<String, List<Cell>> cells = new LinkedHashMap<>();
        for (LayoutObject o : layout.objects()) {
            Vec2 c = o.center();
            int x = clamp((int) Math.floor((c.x() - ox) / cell), size);
            int y = clamp((int) Math.floor((c.y() - oy) / cell), size);
            cells.computeIfAbsent(o.label(), k -> new ArrayList<>()).add(new Cell(x, y));
        }
        return new GridMap(size, ox, oy, cell, cells);
    }

    public static GridMap of(Layout layout) {
        return of(layout, DEFAULT_SIZE);
    }

    private static int clamp(int i, int size) {
        return Math.max(0, Math.min(size - 1, i));
    }

    /** Whether cells can be converted back to metres. */
    public boolean isPlaced() {
        return Double.isFinite(cellMetres);
    }

    /** The metric centre of a cell (requires {@link #isPlaced()}). */
    public Vec2 cellCenter(Cell c) {
        if (!isPlaced()) {
            throw new IllegalStateException("this grid has no metric placement");
        }
        return new Vec2(originX + (c.x() + 0.5) * cellMetres, originY + (c.y() + 0.5) * cellMetres);
    }

    public int count(String label) {
        List<Cell> l = cells.get(label);
        return l == null ? 0 : l.size();
    }
}
