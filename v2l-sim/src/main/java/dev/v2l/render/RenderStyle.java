package dev.v2l.render;

import java.util.Locale;

/**
 * How objects are drawn: {@code furniture} draws each object's catalog model (textured, lit, on textured floors and
 * painted walls; objects without a model are drawn as their box), {@code boxes} draws every object as its box in a
 * flat colour per label — the old look, chosen only when asked for.
 */
public enum RenderStyle {
    FURNITURE, BOXES;

    public static RenderStyle parse(String s) {
        for (RenderStyle r : values()) {
            if (r.name().equalsIgnoreCase(s)) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown --style '" + s + "'; available: furniture, boxes");
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
