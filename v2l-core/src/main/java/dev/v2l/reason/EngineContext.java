package dev.v2l.reason;

import java.util.Map;

/**
 * What the engine may know besides the map: the room's floor area (for room size) and each category's first
 * appearance in the video, seconds (for appearance order). Either may be absent.
 */
public record EngineContext(Double roomAreaSquareMetres, Map<String, Double> firstAppearanceSeconds) {

    public static final EngineContext NONE = new EngineContext(null, Map.of());

    public EngineContext {
        firstAppearanceSeconds = firstAppearanceSeconds == null ? Map.of() : java.util.Collections.unmodifiableMap(
                new java.util.LinkedHashMap<>(firstAppearanceSeconds));
    }

    public static EngineContext ofRoomArea(Double area) {
        return new EngineContext(area, Map.of());
    }
}
