package dev.v2l.layout.text;

/** The text forms of a cognitive map (ARCHITECTURE §4). */
public enum MapForm {
    /** Video2Layout's own: lead-in + JSON list of {"object_name", "bbox": [x_min, y_min, x_max, y_max]}, 1 decimal. */
    V2LO("v2lo"),
    /** Ours: the same entries plus optional "corners" and "z", wrapped with frame and unit, 2 decimals. */
    EXTENDED("extended"),
    /** The 10×10 grid of object centres of "Thinking in Space": {"label": [[x, y], ...]}. */
    GRID("grid");

    private final String code;

    MapForm(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static MapForm fromCode(String code) {
        for (MapForm f : values()) {
            if (f.code.equalsIgnoreCase(code) || (f == EXTENDED && "v2l-extended".equalsIgnoreCase(code))) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown map form '" + code + "'; available: v2lo, extended, grid");
    }
}
