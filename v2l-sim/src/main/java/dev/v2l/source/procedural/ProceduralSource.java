package dev.v2l.source.procedural;

import dev.v2l.scene.Scene;
import dev.v2l.source.SceneSource;
import java.util.ArrayList;
import java.util.List;

/**
 * The procedural generator as a scene source: {@code procedural:seed=7,count=100}. Scene ids are
 * {@code proc-SEED-INDEX}; each scene is generated when asked for.
 */
public final class ProceduralSource implements SceneSource {

    private final long seed;
    private final int count;
    private final ProceduralGenerator generator;
    private final List<String> ids = new ArrayList<>();

    public ProceduralSource(long seed, int count) {
        this(seed, count, dev.v2l.asset.AssetLibrary.defaults());
    }

    /** Rooms furnished from the given catalogs. */
    public ProceduralSource(long seed, int count, dev.v2l.asset.AssetLibrary library) {
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0, got " + count);
        }
        this.seed = seed;
        this.count = count;
        this.generator = new ProceduralGenerator(seed, library);
        for (int i = 0; i < count; i++) {
            ids.add(ProceduralGenerator.sceneId(seed, i));
        }
    }

    @Override
    public String kind() {
        return "procedural";
    }

    @Override
    public String spec() {
        return "procedural:seed=" + seed + ",count=" + count;
    }

    @Override
    public List<String> ids() {
        return List.copyOf(ids);
    }

    @Override
    public Scene scene(String id) {
        int i = ids.indexOf(id);
        if (i < 0) {
            throw SceneSource.unknownScene(this, id);
        }
        return generator.generate(i);
    }
}
