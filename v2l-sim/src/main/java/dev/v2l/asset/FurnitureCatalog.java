package dev.v2l.asset;

import dev.v2l.io.BadInputException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

/**
 * A Sweet Home 3D furniture catalog read in place: a {@code .sh3f} (a zip holding
 * {@code PluginFurnitureCatalog.properties} and the model files), the same extracted into a folder, or Sweet Home
 * 3D's own {@code sweethome3d.jar} (its {@code DefaultFurnitureCatalog.properties}). Every model keeps its creator and
 * licence. A catalog that is missing, not a zip, has no properties file or a model entry with a bad or missing
 * field is a {@link BadInputException} naming the file and key.
 */
public final class FurnitureCatalog {

    static final String PLUGIN_PROPERTIES = "PluginFurnitureCatalog.properties";
    static final String DEFAULT_PROPERTIES = "com/eteks/sweethome3d/io/DefaultFurnitureCatalog.properties";

    private final String source;
    private final Store store;
    private final String id;
    private final String name;
    private final String license;
    private final String provider;
    private final String version;
    private final List<CatalogModel> models;

    private FurnitureCatalog(String source, Store store, Properties p, String propertiesName) {
        this.source = source;
        this.store = store;
        String file = source + "!" + propertiesName;
        this.id = required(p, "id", file);
        this.name = p.getProperty("name", id).strip();
        this.license = p.getProperty("license", "").strip();
        this.provider = p.getProperty("provider", "").strip();
        this.version = p.getProperty("version", "").strip();
        TreeSet<Integer> indices = new TreeSet<>();
        for (String k : p.stringPropertyNames()) {
            int hash = k.indexOf('#');
            if (k.startsWith("id#")) {
                try {
                    indices.add(Integer.parseInt(k.substring(hash + 1)));
                } catch (NumberFormatException e) {
                    throw new BadInputException(file, null, k, "expected id#N with a number N");
                }
            }
        }
        List<CatalogModel> out = new ArrayList<>();
        for (int i : indices) {
            out.add(model(p, i, file));
        }
        this.models = Collections.unmodifiableList(out);
    }

    private CatalogModel model(Properties p, int i, String file) {
        String mid = required(p, "id#" + i, file);
        String modelPath = required(p, "model#" + i, file);
        if (modelPath.startsWith("/")) {
            modelPath = modelPath.substring(1);
        }
        float[] rotation = null;
        String rot = p.getProperty("modelRotation#" + i);
        if (rot != null && !rot.isBlank()) {
            String[] parts = rot.strip().split("\\s+");
            if (parts.length != 9) {
                throw new BadInputException(file, null, "modelRotation#" + i, "expected 9 numbers, found '" + rot + "'");
            }
            rotation = new float[9];
            for (int k = 0; k < 9; k++) {
                rotation[k] = (float) number(parts[k], "modelRotation#" + i, file);
            }
        }
        String creator = p.getProperty("creator#" + i, "").strip();
        String lic = p.getProperty("license#" + i, "").strip();
        return new CatalogModel(this, i, mid, p.getProperty("name#" + i, mid).strip(),
                p.getProperty("category#" + i, "").strip(), modelPath, size(p, "width#" + i, file),
                size(p, "depth#" + i, file), size(p, "height#" + i, file),
                p.getProperty("elevation#" + i) == null ? 0 : number(p.getProperty("elevation#" + i), "elevation#" + i,
                        file) / 100.0, rotation, Boolean.parseBoolean(p.getProperty("doorOrWindow#" + i, "false")
                        .strip()), creator.isEmpty() ? provider : creator, lic.isEmpty() ? license : lic);
    }

    private static String required(Properties p, String key, String file) {
        String v = p.getProperty(key);
        if (v == null || v.isBlank()) {
            throw new BadInputException(file, null, key, "missing (a catalog entry needs it)");
        }
        return v.strip();
    }

    private static double size(Properties p, String key, String file) {
        double cm = number(required(p, key, file), key, file);
        if (!(cm > 0) || cm > 10_000) {
            throw new BadInputException(file, null, key, "expected a size in centimetres > 0, found " + cm);
        }
        return cm / 100.0;
    }

    private static double number(String s, String key, String file) {
        try {
            double v = Double.parseDouble(s.strip());
            if (!Double.isFinite(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new BadInputException(file, null, key, "expected a number, found '" + s + "'");
        }
    }

    /** Opens a catalog file (.sh3f / .zip / .jar) or folder. */
    public static FurnitureCatalog open(Path path) {
        String name = path.toString();
        if (Files.isDirectory(path)) {
            Path props = path.resolve(PLUGIN_PROPERTIES);
            if (!Files.isRegularFile(props)) {
                throw BadInputException.ofFile(name, "not a furniture catalog: no " + PLUGIN_PROPERTIES + " in it",
                        null);
            }
            Store s = new FolderStore(path);
            return new FurnitureCatalog(name, s, load(s, PLUGIN_PROPERTIES, name), PLUGIN_PROPERTIES);
        }
        if (!Files.isRegularFile(path)) {
            throw BadInputException.ofFile(name, "no such furniture catalog (expected a .sh3f file or a folder)",
                    null);
        }
        ZipFile zip;
        try {
            zip = new ZipFile(path.toFile(), StandardCharsets.UTF_8);
        } catch (ZipException e) {
            throw BadInputException.ofFile(name, "not a furniture catalog: not a zip file (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw BadInputException.ofFile(name, "cannot read: " + e.getMessage(), e);
        }
        Store s = new ZipStore(zip, name);
        String props = zip.getEntry(PLUGIN_PROPERTIES) != null ? PLUGIN_PROPERTIES
                : zip.getEntry(DEFAULT_PROPERTIES) != null ? DEFAULT_PROPERTIES : null;
        if (props == null) {
            throw BadInputException.ofFile(name, "not a furniture catalog: no " + PLUGIN_PROPERTIES + " (or Sweet Home "
                    + "3D's " + DEFAULT_PROPERTIES + ") in it", null);
        }
        return new FurnitureCatalog(name, s, load(s, props, name), props);
    }

    /** A catalog held in memory as the bytes of a {@code .sh3f} (the embedded default). */
    public static FurnitureCatalog ofZipBytes(String name, byte[] zipBytes) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zipBytes), StandardCharsets.UTF_8)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (!e.isDirectory()) {
                    entries.put(e.getName(), in.readAllBytes());
                }
            }
        } catch (IOException e) {
            throw BadInputException.ofFile(name, "not a furniture catalog: corrupt zip (" + e.getMessage() + ")", e);
        }
        Store s = new MemoryStore(entries, name);
        if (!entries.containsKey(PLUGIN_PROPERTIES)) {
            throw BadInputException.ofFile(name, "not a furniture catalog: no " + PLUGIN_PROPERTIES + " in it", null);
        }
        return new FurnitureCatalog(name, s, load(s, PLUGIN_PROPERTIES, name), PLUGIN_PROPERTIES);
    }

    private static Properties load(Store s, String entry, String name) {
        Properties p = new Properties();
        try (InputStream in = s.open(entry)) {
            p.load(in); // ISO-8859-1 with \\u escapes, as Sweet Home 3D writes them
        } catch (IOException | IllegalArgumentException e) {
            throw BadInputException.ofFile(name + "!" + entry, "cannot read the catalog properties: " + e.getMessage(),
                    e);
        }
        return p;
    }

    /** Where the catalog was read from (a file, folder or resource name). */
    public String source() {
        return source;
    }

    /** The catalog's own id ({@code id=} of its properties), stable across installations. */
    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String license() {
        return license;
    }

    public String version() {
        return version;
    }

    public List<CatalogModel> models() {
        return models;
    }

    /** Whether an entry (a model, material or texture file; path without leading slash) exists. */
    public boolean has(String entry) {
        return store.has(entry);
    }

    /** Opens an entry; a missing one is a {@link BadInputException} naming the catalog and entry. */
    public InputStream open(String entry) {
        try {
            return store.open(entry);
        } catch (NoSuchFileException e) {
            throw BadInputException.ofFile(source + "!" + entry, "missing from the catalog", e);
        } catch (IOException e) {
            throw BadInputException.ofFile(source + "!" + entry, "cannot read: " + e.getMessage(), e);
        }
    }

    /** The entry names (for packing subsets). */
    public List<String> entries() {
        return store.names();
    }

    @Override
    public String toString() {
        return id + " (" + source + ")";
    }

    private interface Store {
        InputStream open(String entry) throws IOException;

        boolean has(String entry);

        List<String> names();
    }

    private record FolderStore(Path root) implements Store {
        @Override
        public InputStream open(String entry) throws IOException {
            return Files.newInputStream(root.resolve(entry));
        }

        @Override
        public boolean has(String entry) {
            return Files.isRegularFile(root.resolve(entry));
        }

        @Override
        public List<String> names() {
            try (var s = Files.walk(root)) {
                return s.filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace('\\', '/'))
                        .sorted().toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private record ZipStore(ZipFile zip, String name) implements Store {
        @Override
        public InputStream open(String entry) throws IOException {
            ZipEntry e = zip.getEntry(entry);
            if (e == null) {
                throw new NoSuchFileException(entry);
            }
            return zip.getInputStream(e);
        }

        @Override
        public boolean has(String entry) {
            return zip.getEntry(entry) != null;
        }

        @Override
        public List<String> names() {
            return zip.stream().filter(e -> !e.isDirectory()).map(ZipEntry::getName).sorted().toList();
        }
    }

    private record MemoryStore(Map<String, byte[]> entries, String name) implements Store {
        @Override
        public InputStream open(String entry) throws IOException {
            byte[] b = entries.get(entry);
            if (b == null) {
                throw new NoSuchFileException(entry);
            }
            return new ByteArrayInputStream(b);
        }

        @Override
        public boolean has(String entry) {
            return entries.containsKey(entry);
        }

        @Override
        public List<String> names() {
            return entries.keySet().stream().sorted().toList();
        }
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
