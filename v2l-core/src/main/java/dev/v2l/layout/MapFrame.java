package dev.v2l.layout;

/**
 * The frame a layout's coordinates are in.
 *
 * <ul>
 *   <li>{@link #SCENE}: the scene's own floor axes (see {@code UpAxis}).</li>
 *   <li>{@link #FIRST_CAMERA}: the room-aligned first-camera frame (Video2Layout's "Global Right / Global Forward"):
 *       origin on the floor under the first chosen frame's camera, axes the room's own ({@link RoomAxes}), +y the
 *       room axis nearest the camera's forward direction on the floor, +x to its right. Wall-aligned furniture gets
 *       tight axis-aligned boxes.</li>
 *   <li>{@link #ROOM}: for scenes without a camera (VSI-Bench meta_info): the scene's floor turned to the room's
 *       axes, +y the room axis nearest the scene's +y, origin the scene's.</li>
 *   <li>{@link #UNSPECIFIED}: parsed from text that did not say.</li>
 * </ul>
 */
public enum MapFrame {
    SCENE("scene"), FIRST_CAMERA("first-camera"), ROOM("room"), UNSPECIFIED("unspecified");

    private final String code;

    MapFrame(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** The frame named by {@code code}, or null when it names none. */
    public static MapFrame fromCode(String code) {
        for (MapFrame f : values()) {
            if (f.code.equalsIgnoreCase(code)) {
                return f;
            }
        }
        return null;
    }
}
