package dev.v2l.layout;

/**
 * The frame a layout's coordinates are in.
 *
 * <ul>
 *   <li>{@link #SCENE}: the scene's own floor axes (see {@code UpAxis}).</li>
 *   <li>{@link #FIRST_CAMERA}: origin on the floor under the first frame's camera, +y the camera's forward direction
 *       on the floor, +x to its right (Video2Layout's frame).</li>
 *   <li>{@link #UNSPECIFIED}: parsed from text that did not say.</li>
 * </ul>
 */
public enum MapFrame {
    SCENE("scene"), FIRST_CAMERA("first-camera"), UNSPECIFIED("unspecified");

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
