package dev.v2l.source.procedural;

import java.util.List;

/**
 * The kinds of room procedural scenes are, with their floor-area ranges (m²), drawn log-uniformly: together they spread
 * about as the rooms of VSI-Bench's scans do (2–128 m², half under 18 m²), so no single room size is a good guess.
 */
enum RoomType {
    BEDROOM("bedroom", 7, 35),
    LIVING_ROOM("living room", 14, 90),
    KITCHEN("kitchen", 5, 32),
    BATHROOM("bathroom", 3.5, 12),
    OFFICE("office", 6, 48),
    DINING_ROOM("dining room", 9, 50);

    final String label;
    final double minArea;
    final double maxArea;

    RoomType(String label, double minArea, double maxArea) {
        this.label = label;
        this.minArea = minArea;
        this.maxArea = maxArea;
    }

    static final List<RoomType> ALL = List.of(values());
}
