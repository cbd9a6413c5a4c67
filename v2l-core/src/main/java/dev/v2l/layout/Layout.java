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
 *
 * @param frame   the frame of reference
 * @param objects the entries
 * @param axes    for room-aligned frames ({@link MapFrame#FIRST_CAMERA}, {@link MapFrame#ROOM}), where the room's
 *                axes came from ({@link RoomAxes#source}: {@code walls}, {@code footprints}, {@code scene}); null
 *                when not stated
 */
public record Layout(MapFrame frame, List<LayoutObject> objects, String axes) {

    public Layout {
        Objects.requireNonNull(frame, "frame");
        objects = List.copyOf(objects);
    }

    public Layout(MapFrame frame, List<LayoutObject> objects) {
        this(frame, objects, null);
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

    /**
     * Same frame, same labels in the same order, footprints within {@code tolerance} metres
     * ({@link dev.v2l.geom.OrientedRect#approximatelyEquals}) and the same height ranges within tolerance.
     */
    public boolean approximatelyEquals(Layout other, double tolerance) {
        if (frame != other.frame || objects.size() != other.objects.size()) {
            return false;
        }
        for (int i = 0; i < objects.size(); i++) {
            LayoutObject a = objects.get(i);
            LayoutObject b = other.objects.get(i);
            if (!a.label().equals(b.label()) || !a.footprint().approximatelyEquals(b.footprint(), tolerance)
                    || a.hasHeight() != b.hasHeight()) {
                return false;
            }
            if (a.hasHeight() && (Math.abs(a.height().min() - b.height().min()) > tolerance
                    || Math.abs(a.height().max() - b.height().max()) > tolerance)) {
                return false;
            }
        }
        return true;
    }

    /** Every footprint moved by a rigid motion; the frame is kept (the caller says what it now means). */
    public Layout transformed(Rigid2 t, MapFrame newFrame) {
        List<LayoutObject> moved = new ArrayList<>(objects.size());
        for (LayoutObject o : objects) {
            moved.add(o.transformed(t));
        }
        return new Layout(newFrame, moved, newFrame == frame ? axes : null);
    }
}
