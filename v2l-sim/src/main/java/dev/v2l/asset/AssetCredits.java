package dev.v2l.asset;

import dev.v2l.scene.AssetRef;
import dev.v2l.scene.Scene;
import dev.v2l.scene.SceneObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The furniture models scenes were furnished with, for the credits of dataset cards, benchmark cards and reports:
 * per model its name, creator, licence and catalog, with how many objects use it. Thread-safe.
 */
public final class AssetCredits {

    private final Map<String, AssetRef> models = new TreeMap<>();
    private final Map<String, Integer> uses = new TreeMap<>();

    public void add(Scene scene) {
        add(refs(scene));
    }

    /** Credits objects' models given as {@link #refs} gave them (one entry per object). */
    public synchronized void add(List<AssetRef> objectModels) {
        for (AssetRef a : objectModels) {
            String key = a.catalog() + " / " + a.model();
            models.putIfAbsent(key, a);
            uses.merge(key, 1, Integer::sum);
        }
    }

    /** The model of each of a scene's objects that names one, in object order. */
    public static List<AssetRef> refs(Scene scene) {
        List<AssetRef> out = new ArrayList<>();
        for (SceneObject o : scene.objects()) {
            if (o.asset() != null) {
                out.add(o.asset());
            }
        }
        return out;
    }

    public synchronized boolean isEmpty() {
        return models.isEmpty();
    }

    /** Objects per licence. */
    public synchronized Map<String, Integer> licences() {
        Map<String, Integer> out = new TreeMap<>();
        models.forEach((k, a) -> out.merge(a.license().isEmpty() ? "(none stated)" : a.license(), uses.get(k),
                Integer::sum));
        return out;
    }

    /** A Markdown section: licences, then one line per model. Empty when no object names a model. */
    public synchronized String markdown() {
        if (models.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder("\n## Furniture models and credits\n\n");
        sb.append("Objects are rendered with these 3D models (Sweet Home 3D catalogs; each model's creator and licence "
                + "as its catalog states them).\n\n| licence | objects |\n|---|---|\n");
        licences().forEach((l, n) -> sb.append("| ").append(l).append(" | ").append(n).append(" |\n"));
        sb.append("\n| model | name | creator | licence | catalog | objects |\n|---|---|---|---|---|---|\n");
        models.forEach((k, a) -> sb.append("| ").append(a.model()).append(" | ").append(a.name()).append(" | ")
                .append(a.creator()).append(" | ").append(a.license()).append(" | ").append(a.catalog()).append(" | ")
                .append(uses.get(k)).append(" |\n"));
        return sb.toString();
    }

    /** One line per model, for provenance files. */
    public synchronized List<String> lines() {
        List<String> out = new ArrayList<>();
        models.forEach((k, a) -> out.add(a.model() + " | " + a.name() + " | " + a.creator() + " | " + a.license()
                + " | " + a.catalog()));
        return out;
    }
}
