package dev.v2l.source;

import dev.v2l.io.BadInputException;
import dev.v2l.scene.Scene;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * A named collection of scenes: a VSI-Bench meta_info file, an AI2-THOR dump, ProcTHOR houses, our own scene files,
 * or the procedural generator. Scenes are loaded on demand by id.
 */
public interface SceneSource extends Iterable<Scene> {

    /** The source kind as written in a source spec: {@code vsi}, {@code ai2thor}, {@code procthor}, {@code v2l}… */
    String kind();

    /** The spec that opens this source again (kind prefix and path or parameters). */
    String spec();

    /** Scene ids, in the source's own order. */
    List<String> ids();

    /**
     * The scene with this id.
     *
     * @throws BadInputException when the source has no such scene (the message lists a few ids)
     * @throws dev.v2l.io.BadInputException when the scene's data is malformed
     */
    Scene scene(String id);

    /** Every scene, in order, loaded one at a time. */
    @Override
    default Iterator<Scene> iterator() {
        Iterator<String> ids = ids().iterator();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return ids.hasNext();
            }

            @Override
            public Scene next() {
                return scene(ids.next());
            }
        };
    }

    default List<Scene> loadAll() {
        List<Scene> out = new ArrayList<>();
        forEach(out::add);
        return out;
    }

    /** The error for an unknown id, naming up to five that exist. */
    static BadInputException unknownScene(SceneSource source, String id) {
        List<String> ids = source.ids();
        String some = String.join(", ", ids.subList(0, Math.min(5, ids.size())));
        return new BadInputException(null, null, null, "no scene '" + id + "' in " + source.spec() + " ("
                + ids.size() + " scenes" + (ids.isEmpty() ? "" : ", e.g. " + some) + ")");
    }
}
