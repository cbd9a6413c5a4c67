package dev.v2l.source;

import com.fasterxml.jackson.databind.JsonNode;
import dev.v2l.geom.Vec3;
import dev.v2l.io.BadInputException;
import dev.v2l.io.JsonFields;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * ProcTHOR's asset database ({@code asset-database.json}: objectType → list of assets with {@code assetId} and
 * {@code boundingBox} {x, y, z}, the full extent in metres in the asset's own frame, y up).
 */
public final class ProcThorAssets {

    /** One asset's type and size. */
    public record Asset(String assetId, String objectType, Vec3 size) {
    }

    private final Path file;
    private final Map<String, Asset> byId = new HashMap<>();

    public ProcThorAssets(Path file) {
        this.file = file;
        JsonNode root = JsonFiles.readTree(file);
        if (!root.isObject()) {
            throw new BadInputException(file.toString(), null, null,
                    "expected an asset database object {objectType: [assets]}, found " + root.getNodeType());
        }
        JsonFields f = new JsonFields(file.toString(), null);
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isArray()) {
                throw f.error(e.getKey(), "expected a list of assets, found " + e.getValue().getNodeType());
            }
            int i = 0;
            for (JsonNode a : e.getValue()) {
                String path = e.getKey() + "[" + i++ + "]";
                String id = f.string(a, "assetId", path + ".assetId");
                String type = a.hasNonNull("objectType") ? a.get("objectType").asText() : e.getKey();
                Vec3 size = f.xyz(a.get("boundingBox"), path + ".boundingBox");
                byId.put(id, new Asset(id, type, size));
            }
        }
    }

    public Path file() {
        return file;
    }

    public int size() {
        return byId.size();
    }

    /** The asset, or null when the database has no such id. */
    public Asset get(String assetId) {
        return byId.get(assetId);
    }
}
