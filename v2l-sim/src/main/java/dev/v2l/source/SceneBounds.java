package dev.v2l.source;

import dev.v2l.geom.Vec2;
import dev.v2l.geom.Vec3;
import dev.v2l.io.JsonFields;
import dev.v2l.scene.RoomRegion;
import dev.v2l.scene.Scene;
import dev.v2l.scene.SceneObject;
import java.util.Locale;

/**
 * The sizes a scene of rooms can have, checked when a scene is read: an object at most 100 m along any axis,
 * everything within 1 km of the origin and the whole scene within 500 m on the floor, a stated floor area up to
 * 100,000 m². A scene outside them (an object 10 km wide, a coordinate of 1e6) is a broken file, and would otherwise
 * make the renderer's and the free-space planner's grids run out of memory; the error names the object and field.
 */
public final class SceneBounds {

    public static final double MAX_OBJECT_METRES = 100;
    public static final double MAX_COORDINATE_METRES = 1000;
    public static final double MAX_EXTENT_METRES = 500;
    public static final double MAX_AREA_SQUARE_METRES = 100_000;

    private SceneBounds() {
    }

    /** The scene, or bad input naming the first thing out of bounds. */
    public static Scene check(Scene s, JsonFields f) {
        JsonFields at = f.location() == null ? f.at("scene " + s.id()) : f;
        double minX = Double.POSITIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (SceneObject o : s.objects()) {
            double[] len = o.box().lengths();
            for (int k = 0; k < 3; k++) {
                if (len[k] > MAX_OBJECT_METRES) {
                    throw at.error("object " + o.id() + " size", String.format(Locale.ROOT, "an object %.4g m "
                            + "long is not furniture; expected at most %.0f m along each axis (metres, not "
                            + "millimetres?)", len[k], MAX_OBJECT_METRES));
                }
            }
            Vec3 c = o.box().center();
            checkCoordinate(at, "object " + o.id() + " center", c.x(), c.y(), c.z());
            Vec2 floor = s.up().floor(c);
            minX = Math.min(minX, floor.x());
            maxX = Math.max(maxX, floor.x());
            minY = Math.min(minY, floor.y());
            maxY = Math.max(maxY, floor.y());
        }
        for (RoomRegion r : s.room().regions()) {
            for (Vec2 p : r.polygon()) {
                checkCoordinate(at, "room region " + r.id() + " polygon", p.x(), p.y(), 0);
                minX = Math.min(minX, p.x());
                maxX = Math.max(maxX, p.x());
                minY = Math.min(minY, p.y());
                maxY = Math.max(maxY, p.y());
            }
        }
        double span = Math.max(maxX - minX, maxY - minY);
        if (span > MAX_EXTENT_METRES) {
            throw at.error(null, String.format(Locale.ROOT, "the scene spans %.4g m on the floor; expected a "
                    + "building of at most %.0f m", span, MAX_EXTENT_METRES));
        }
        if (s.room().area().isPresent() && s.room().area().getAsDouble() > MAX_AREA_SQUARE_METRES) {
            throw at.error("room area", String.format(Locale.ROOT, "%.4g m² is not a floor area of rooms; expected "
                    + "at most %.0f m²", s.room().area().getAsDouble(), MAX_AREA_SQUARE_METRES));
        }
        if (s.camera() != null) {
            Vec3 p = s.camera().position();
            checkCoordinate(at, "camera position", p.x(), p.y(), p.z());
        }
        return s;
    }

    private static void checkCoordinate(JsonFields f, String field, double x, double y, double z) {
        double m = Math.max(Math.abs(x), Math.max(Math.abs(y), Math.abs(z)));
        if (m > MAX_COORDINATE_METRES) {
            throw f.error(field, String.format(Locale.ROOT, "a coordinate of %.4g m is outside any building; expected "
                    + "within %.0f m of the origin", m, MAX_COORDINATE_METRES));
        }
    }
}
