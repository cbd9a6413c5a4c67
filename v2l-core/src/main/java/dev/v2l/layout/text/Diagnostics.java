package dev.v2l.layout.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects parse diagnostics. Repairs that can repeat many times in one text (full-width punctuation, units) are
 * reported once, at their first offset, with a count appended when the text is finished.
 */
final class Diagnostics {

    private final List<MapDiagnostic> list = new ArrayList<>();
    private final Map<String, int[]> onceIndex = new HashMap<>();

    void add(MapDiagnostic.Kind kind, String code, int offset, String message) {
        list.add(new MapDiagnostic(kind, code, offset, message));
    }

    void repair(String code, int offset, String message) {
        add(MapDiagnostic.Kind.REPAIR, code, offset, message);
    }

    void dropped(String code, int offset, String message) {
        add(MapDiagnostic.Kind.DROPPED, code, offset, message);
    }

    void note(String code, int offset, String message) {
        add(MapDiagnostic.Kind.NOTE, code, offset, message);
    }

    /** A repair reported once per code; later occurrences only increase its count. */
    void repairOnce(String code, int offset, String message) {
        int[] slot = onceIndex.get(code);
        if (slot != null) {
            slot[1]++;
            return;
        }
        onceIndex.put(code, new int[] {list.size(), 1});
        repair(code, offset, message);
    }

    int mark() {
        return list.size();
    }

    /** Forgets everything after {@code mark} (a failed attempt at one candidate). */
    void reset(int mark) {
        while (list.size() > mark) {
            list.remove(list.size() - 1);
        }
        onceIndex.values().removeIf(slot -> slot[0] >= mark);
    }

    List<MapDiagnostic> finish() {
        List<MapDiagnostic> out = new ArrayList<>(list);
        for (int[] slot : onceIndex.values()) {
            if (slot[1] > 1) {
                MapDiagnostic d = out.get(slot[0]);
                out.set(slot[0], new MapDiagnostic(d.kind(), d.code(), d.offset(),
                        d.message() + " (" + slot[1] + " times)"));
            }
        }
        return out;
    }
}
