package dev.v2l.source;

import com.fasterxml.jackson.databind.JsonNode;
import dev.v2l.io.BadInputException;
import dev.v2l.io.JsonFields;
import dev.v2l.scene.Scene;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Scenes in our own format ({@value SceneJson#FORMAT}): one scene file, a JSON Lines file of scenes, or a directory
 * of {@code *.json} scene files (read in file-name order).
 */
public final class V2lSceneSource implements SceneSource {

    private final Path path;
    private final Map<String, Path> files = new LinkedHashMap<>();
    private final Map<String, JsonNode> lines = new LinkedHashMap<>();
    private final Map<String, String> locations = new LinkedHashMap<>();

    public V2lSceneSource(Path path) {
        this.path = path;
        if (Files.isDirectory(path)) {
            List<Path> jsons = new ArrayList<>();
            try (Stream<Path> s = Files.list(path)) {
                s.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().forEach(jsons::add);
            } catch (IOException e) {
                throw BadInputException.ofFile(path.toString(), "cannot list directory: " + e.getMessage(), e);
            }
            for (Path p : jsons) {
                JsonNode n = JsonFiles.readTree(p);
                String id = idOf(n, p, null);
                put(id, p.toString(), () -> files.put(id, p));
            }
        } else if (JsonFiles.isJsonLines(path)) {
            List<JsonNode> records = JsonFiles.readLines(path);
            for (int i = 0; i < records.size(); i++) {
                JsonNode n = records.get(i);
                String id = idOf(n, path, "record " + (i + 1));
                put(id, "record " + (i + 1), () -> lines.put(id, n));
            }
        } else {
            JsonNode n = JsonFiles.readTree(path);
            String id = idOf(n, path, null);
            put(id, null, () -> lines.put(id, n));
        }
    }

    private void put(String id, String location, Runnable store) {
        if (locations.containsKey(id)) {
            throw new BadInputException(path.toString(), location, "id", "duplicate scene id \"" + id
                    + "\" (also in " + locations.get(id) + ")");
        }
        locations.put(id, location);
        store.run();
    }

    private static String idOf(JsonNode n, Path file, String location) {
        JsonFields f = new JsonFields(file.toString(), location);
        if (!n.isObject()) {
            throw f.error(null, "expected a scene object, found " + n.getNodeType());
        }
        return f.string(n, "id", "id");
    }

    @Override
    public String kind() {
        return "v2l";
    }

    @Override
    public String spec() {
        return "v2l:" + path;
    }

    @Override
    public List<String> ids() {
        return List.copyOf(locations.keySet());
    }

    @Override
    public Scene scene(String id) {
        if (!locations.containsKey(id)) {
            throw SceneSource.unknownScene(this, id);
        }
        Path file = files.get(id);
        if (file != null) {
            return SceneJson.read(JsonFiles.readTree(file), new JsonFields(file.toString(), null));
        }
        return SceneJson.read(lines.get(id), new JsonFields(path.toString(), locations.get(id)));
    }
}
