package dev.v2l.source.procedural;

import dev.v2l.asset.AssetLibrary;
import dev.v2l.geom.OrientedRect;
import dev.v2l.geom.Vec2;
import dev.v2l.geom.Vec3;
import dev.v2l.scene.OrientedBox;
import dev.v2l.scene.Room;
import dev.v2l.scene.RoomRegion;
import dev.v2l.scene.Scene;
import dev.v2l.scene.SceneObject;
import dev.v2l.scene.UpAxis;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Furnished rooms from a seed, furnished with real catalog models ({@link AssetLibrary}): bedrooms, living rooms,
 * kitchens, bathrooms, offices and dining rooms, rectangular or L-shaped, with a door and windows in the walls and
 * the room type's furniture arranged as people arrange it ({@link Furnisher}). Each object's box is the tight box of
 * its placed model (the model scaled to the catalog size times 0.92–1.08), and names the model (asset id, catalog,
 * creator, licence). z is up, metres. Scene {@code i} depends only on (seed, i) and the library.
 */
public final class ProceduralGenerator {

    public static final double WALL_HEIGHT = 2.6;

    private final long seed;
    private final AssetLibrary library;

    /** Rooms furnished from the default catalogs (the embedded subset, plus the Debian ones when installed). */
    public ProceduralGenerator(long seed) {
        this(seed, AssetLibrary.defaults());
    }

    public ProceduralGenerator(long seed, AssetLibrary library) {
        this.seed = seed;
        this.library = library;
    }

    public static String sceneId(long seed, int index) {
        return String.format(Locale.ROOT, "proc-%d-%04d", seed, index);
    }

    public Scene generate(int index) {
        // the room type depends on (seed, index) alone, so types stay evenly spread however often a room is redone
        RoomType type = RoomType.ALL.get(new SplittableRandom(mix(seed, index, -1)).nextInt(RoomType.ALL.size()));
        for (int attempt = 0; attempt < 60; attempt++) {
            SplittableRandom rnd = new SplittableRandom(mix(seed, index, attempt));
            Scene s = build(rnd, type, sceneId(seed, index));
            if (s != null) {
                return s;
            }
        }
        throw new IllegalStateException("could not furnish scene " + index + " of seed " + seed);
    }

    static long mix(long seed, int index, int attempt) {
        long h = seed * 0x9E3779B97F4A7C15L + index * 0xBF58476D1CE4E5B9L + attempt * 0x94D049BB133111EBL;
        h ^= h >>> 31;
        return h * 0xD6E8FEB86659FD93L;
    }

    private Scene build(SplittableRandom rnd, RoomType type, String id) {
        List<Vec2> polygon = room(rnd, type);
        if (polygon == null) {
            return null;
        }
        Furnisher f = new Furnisher(rnd, library, polygon);
        if (!f.door()) {
            return null;
        }
        int windows = type == RoomType.BATHROOM ? rnd.nextInt(2) : 1 + rnd.nextInt(polygon.size() > 4 ? 3 : 2);
        for (int i = 0; i < windows; i++) {
            f.window();
        }
        switch (type) {
            case BEDROOM -> Recipes.bedroom(f);
            case LIVING_ROOM -> Recipes.livingRoom(f);
            case KITCHEN -> Recipes.kitchen(f);
            case BATHROOM -> Recipes.bathroom(f);
            case OFFICE -> Recipes.office(f);
            case DINING_ROOM -> Recipes.diningRoom(f);
        }
        // as dense as real rooms: about one piece per 1.5–2 m² beyond the first few, up to 28 in all
        double area = new RoomRegion("r", "r", polygon).area();
        int target = Math.min(28, (int) Math.round(5 + area / (1.4 + 0.6 * rnd.nextDouble())));
        Recipes.fill(f, type, target);
        // a room is recognised by its main piece: no bed, no bedroom
        String main = switch (type) {
            case BEDROOM -> "bed";
            case LIVING_ROOM -> "sofa";
            case KITCHEN -> "refrigerator";
            case BATHROOM -> "toilet";
            case OFFICE -> "desk";
            case DINING_ROOM -> "chair";
        };
        if (library.has(main) && f.count(main) == 0) {
            return null;
        }
        long furniture = f.placed.stream().filter(p -> !p.label().equals("door") && !p.label().equals("window"))
                .count();
        if (furniture < 5 || f.coverage() > 0.5) {
            return null;
        }
        return toScene(id, type, polygon, f.placed);
    }

    private static List<Vec2> room(SplittableRandom rnd, RoomType type) {
        double area = type.minArea * Math.pow(type.maxArea / type.minArea, rnd.nextDouble());
        double aspect = 1 + rnd.nextDouble() * 0.7;
        double w = Math.sqrt(area * aspect);
        double d = area / w;
        List<Vec2> polygon;
        if (area >= 16 && type != RoomType.BATHROOM && rnd.nextDouble() < 0.3) {
            // L-shape: the rectangle grown so the notch leaves the target area.
            double cx = 0.25 + rnd.nextDouble() * 0.2;
            double cy = 0.25 + rnd.nextDouble() * 0.2;
            double scale = Math.sqrt(1 / (1 - cx * cy));
            w *= scale;
            d *= scale;
            double nx = w * (1 - cx);
            double ny = d * (1 - cy);
            polygon = List.of(new Vec2(0, 0), new Vec2(w, 0), new Vec2(w, ny), new Vec2(nx, ny), new Vec2(nx, d),
                    new Vec2(0, d));
        } else {
            polygon = List.of(new Vec2(0, 0), new Vec2(w, 0), new Vec2(w, d), new Vec2(0, d));
        }
        // round to the centimetre, so scene files show plain numbers
        List<Vec2> rounded = new ArrayList<>();
        for (Vec2 p : polygon) {
            rounded.add(new Vec2(Math.round(p.x() * 100) / 100.0, Math.round(p.y() * 100) / 100.0));
        }
        if (Math.min(w, d) < 2.0) {
            return null;
        }
        return rounded;
    }

    private static Scene toScene(String id, RoomType type, List<Vec2> polygon, List<Furnisher.Placed> placed) {
        List<SceneObject> objs = new ArrayList<>();
        Map<String, Integer> counts = new HashMap<>();
        List<String> ids = new ArrayList<>();
        for (Furnisher.Placed p : placed) {
            int k = counts.merge(p.label(), 1, Integer::sum) - 1;
            ids.add(p.label().replace(' ', '_') + "_" + k);
        }
        for (int i = 0; i < placed.size(); i++) {
            Furnisher.Placed p = placed.get(i);
            OrientedRect f = p.footprint();
            Vec2 u = f.axis();
            Vec2 v = u.leftNormal();
            OrientedBox box = new OrientedBox(new Vec3(f.center().x(), f.center().y(), (p.z0() + p.z1()) / 2),
                    new Vec3(u.x(), u.y(), 0), new Vec3(v.x(), v.y(), 0), new Vec3(0, 0, 1), 2 * f.halfAlongU(),
                    2 * f.halfAlongV(), p.z1() - p.z0());
            objs.add(new SceneObject(ids.get(i), p.label(), box, p.support() < 0 ? null : ids.get(p.support()),
                    null, p.asset()));
        }
        RoomRegion region = new RoomRegion("room", type.label, polygon);
        return new Scene(id, "procedural", UpAxis.Z, Room.ofRegions(List.of(region)), objs);
    }
}
