package dev.v2l.asset;

import dev.v2l.io.BadInputException;
import dev.v2l.scene.AssetRef;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The furniture catalogs a run uses and their models per label. The embedded default (a curated CC0 subset of Blend
 * Swap's catalog, simplified, shipped in the jar) always comes first; the Debian catalogs ({@code
 * sweethome3d-furniture}: {@value #DEBIAN_FURNITURE}, and {@code sweethome3d}'s default catalog in {@value
 * #DEBIAN_JAR}) join when installed, or the catalogs named with {@code --assets}. A model id present in two catalogs
 * is taken from the first. Models excluded by the {@link LabelMap} are never placed.
 */
public final class AssetLibrary {

    public static final String DEBIAN_FURNITURE = "/usr/share/sweethome3d/furniture";
    public static final String DEBIAN_JAR = "/usr/share/sweethome3d/sweethome3d.jar";
    public static final String EMBEDDED_RESOURCE = "furniture-cc0.sh3f";

    private static volatile FurnitureCatalog embedded;
    private static volatile AssetLibrary defaults;

    private final List<FurnitureCatalog> catalogs;
    private final Map<String, List<CatalogModel>> byLabel;
    private final Map<String, CatalogModel> byId;

    private AssetLibrary(List<FurnitureCatalog> catalogs, LabelMap labels) {
        this.catalogs = List.copyOf(catalogs);
        Map<String, List<CatalogModel>> map = new LinkedHashMap<>();
        for (String l : labels.labels()) {
            map.put(l, new ArrayList<>());
        }
        Map<String, CatalogModel> ids = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (FurnitureCatalog c : catalogs) {
            for (CatalogModel m : c.models()) {
                ids.putIfAbsent(c.id() + "\u0000" + m.id(), m);
                if (!seen.add(m.id())) {
                    continue;
                }
                labels.label(m).ifPresent(l -> map.get(l).add(m));
            }
        }
        map.values().removeIf(List::isEmpty);
        map.replaceAll((k, v) -> Collections.unmodifiableList(v));
        this.byLabel = Collections.unmodifiableMap(map);
        this.byId = ids;
    }

    /** The embedded CC0 subset alone. */
    public static AssetLibrary embeddedOnly() {
        return new AssetLibrary(List.of(embeddedCatalog()), LabelMap.standard());
    }

    /** The embedded subset plus the Debian catalogs that are installed. */
    public static AssetLibrary defaults() {
        AssetLibrary d = defaults;
        if (d == null) {
            synchronized (AssetLibrary.class) {
                if (defaults == null) {
                    defaults = of(installedDebianCatalogs());
                }
                d = defaults;
            }
        }
        return d;
    }

    /** The embedded subset plus the given catalogs (files or folders). */
    public static AssetLibrary of(List<Path> catalogPaths) {
        List<FurnitureCatalog> cs = new ArrayList<>();
        cs.add(embeddedCatalog());
        for (Path p : catalogPaths) {
            cs.add(CatalogCache.open(p));
        }
        return new AssetLibrary(cs, LabelMap.standard());
    }

    /**
     * A library from {@code --assets} words: {@code embedded} (the subset alone), {@code default} (the subset plus
     * installed Debian catalogs), {@code debian} (the installed Debian catalogs, an error when none are) or paths.
     */
    public static AssetLibrary fromSpec(List<String> spec) {
        if (spec == null || spec.isEmpty()) {
            return defaults();
        }
        List<Path> paths = new ArrayList<>();
        boolean onlyEmbedded = false;
        for (String s : spec) {
            switch (s) {
                case "default" -> paths.addAll(installedDebianCatalogs());
                case "embedded" -> onlyEmbedded = true;
                case "debian" -> {
                    List<Path> d = installedDebianCatalogs();
                    if (d.isEmpty()) {
                        throw BadInputException.ofFile(DEBIAN_FURNITURE, "no Debian furniture catalogs installed "
                                + "(apt-get install sweethome3d-furniture sweethome3d)", null);
                    }
                    paths.addAll(d);
                }
                default -> paths.add(Path.of(s));
            }
        }
        if (onlyEmbedded && paths.isEmpty()) {
            return embeddedOnly();
        }
        return of(paths);
    }

    /** The Debian catalog files present on this machine, in a fixed order. */
    public static List<Path> installedDebianCatalogs() {
        List<Path> out = new ArrayList<>();
        Path dir = Path.of(DEBIAN_FURNITURE);
        if (Files.isDirectory(dir)) {
            try (Stream<Path> s = Files.list(dir)) {
                s.filter(p -> p.getFileName().toString().endsWith(".sh3f")).sorted().forEach(out::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Path jar = Path.of(DEBIAN_JAR);
        if (Files.isRegularFile(jar)) {
            out.add(jar);
        }
        return out;
    }

    public static FurnitureCatalog embeddedCatalog() {
        FurnitureCatalog e = embedded;
        if (e == null) {
            synchronized (AssetLibrary.class) {
                if (embedded == null) {
                    try (InputStream in = AssetLibrary.class.getResourceAsStream(EMBEDDED_RESOURCE)) {
                        if (in == null) {
                            throw new IllegalStateException(EMBEDDED_RESOURCE + " is missing from the class path");
                        }
                        embedded = FurnitureCatalog.ofZipBytes("embedded:" + EMBEDDED_RESOURCE, in.readAllBytes());
                    } catch (IOException ex) {
                        throw new UncheckedIOException(ex);
                    }
                }
                e = embedded;
            }
        }
        return e;
    }

    public List<FurnitureCatalog> catalogs() {
        return catalogs;
    }

    /** Labels with at least one model, in label-map order. */
    public Set<String> labels() {
        return byLabel.keySet();
    }

    /** The models of a label (empty when there are none). */
    public List<CatalogModel> models(String label) {
        return byLabel.getOrDefault(label, List.of());
    }

    public boolean has(String label) {
        return byLabel.containsKey(label);
    }

    /**
     * The model an asset reference names: built-in doors and windows, else the model of that id in that catalog.
     * A catalog that is not loaded is a {@link BadInputException} saying which one to add with {@code --assets}.
     */
    public CatalogModel resolve(AssetRef ref) {
        CatalogModel m = byId.get(ref.catalog() + "\u0000" + ref.model());
        if (m != null) {
            return m;
        }
        // a catalog this process opened for another library (the rooms were furnished from it)
        FurnitureCatalog other = CatalogCache.byId(ref.catalog());
        if (other != null) {
            for (CatalogModel cm : other.models()) {
                if (cm.id().equals(ref.model())) {
                    return cm;
                }
            }
        }
        boolean known = catalogs.stream().anyMatch(c -> c.id().equals(ref.catalog()));
        throw new BadInputException(null, null, "asset", known
                ? "model '" + ref.model() + "' is not in catalog " + ref.catalog()
                : "furniture catalog " + ref.catalog() + " (model '" + ref.model() + "') is not loaded; name it with "
                        + "--assets, or install it (Debian: apt-get install sweethome3d-furniture sweethome3d)");
    }

    /** One line per catalog: id, models, source, licence (for provenance and cards). */
    public List<String> describe() {
        List<String> out = new ArrayList<>();
        for (FurnitureCatalog c : catalogs) {
            out.add(c.id() + " v" + c.version() + " (" + c.models().size() + " models, " + c.license() + ") from "
                    + c.source());
        }
        return out;
    }
}
