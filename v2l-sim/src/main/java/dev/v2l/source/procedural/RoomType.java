package dev.v2l.source.procedural;

import java.util.List;

/** The kinds of room procedural scenes are, with their floor-area ranges (m²). */
enum RoomType {
    BEDROOM("bedroom", 10, 26),
    LIVING_ROOM("living room", 16, 45),
    KITCHEN("kitchen", 9, 24),
    BATHROOM("bathroom", 5, 12),
    OFFICE("office", 9, 30),
    DINING_ROOM("dining room", 12, 32);

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
