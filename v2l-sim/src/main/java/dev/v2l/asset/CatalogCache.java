package dev.v2l.asset;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Catalogs opened once per process (their zip stays open; models are read from it as needed). */
final class CatalogCache {

    private static final Map<Path, FurnitureCatalog> OPEN = new ConcurrentHashMap<>();

    private CatalogCache() {
    }

    /** A catalog of that id opened earlier in this process, if any. */
    static FurnitureCatalog byId(String id) {
        for (FurnitureCatalog c : OPEN.values()) {
            if (c.id().equals(id)) {
                return c;
            }
        }
        return null;
    }

    static FurnitureCatalog open(Path p) {
        Path key = p.toAbsolutePath().normalize();
        FurnitureCatalog c = OPEN.get(key);
        if (c != null) {
            return c;
        }
        c = FurnitureCatalog.open(p);
        FurnitureCatalog prev = OPEN.putIfAbsent(key, c);
        return prev != null ? prev : c;
    }
}
