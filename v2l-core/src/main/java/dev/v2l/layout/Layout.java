package dev.v2l.layout;

import dev.v2l.geom.Rigid2;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A metric cognitive map: labelled floor footprints in metres, in a declared {@link MapFrame}. Immutable; objects keep
 * the order they were given in (the order a map is written in).
 */
public record Layout(MapFrame frame, List<LayoutObject> objects) {

    public Layout {
        Objects.requireNonNull(frame, "frame");
        objects = List.copyOf(objects);
    }

    public static Layout empty(MapFrame frame) {
        return new Layout(frame, List.of());
    }

    public int size() {
        return objects.size();
    }

    public boolean isEmpty() {
        return objects.isEmpty();
    }

    /** Objects with this label (exact match), in order. */
    public List<LayoutObject> withLabel(String label) {
        List<LayoutObject> out = new ArrayList<>();
        for (LayoutObject o : objects) {
            if (o.label().equals(label)) {
                out.add(o);
            }
        }
        return out;
    }

    public int count(String label) {
        int n = 0;
        for (LayoutObject o : objects) {
            if (o.label().equals(label)) {
                n++;
            }
        }
        return n;
    }

    /** Instances per label, in order of first appearance. */
    public Map<String, Integer> labelCounts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (LayoutObject o : objects) {
            counts.merge(o.label(), 1, Integer::sum);
        }
        return counts;
    }

    public Optional<LayoutObject> byInstance(String instanceId) {
        return objects.stream().filter(o -> instanceId.equals(o.instanceId())).findFirst();
    }

    /** Every footprint moved by a rigid motion; the frame is kept (the caller says what it now means). */
    public Layout transformed(Rigid2 t, MapFrame newFrame) {
        List<LayoutObject> moved = new ArrayList<>(objects.size());
        for (LayoutObject o : objects) {
            moved.add(o.transformed(t));
        }
        return new Layout(newFrame, moved);
    }
}
