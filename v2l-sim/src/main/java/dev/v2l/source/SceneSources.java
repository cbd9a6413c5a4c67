package dev.v2l.source;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.v2l.io.BadInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Opens scene sources from spec strings: {@code [kind:]path[,option=value…]}. Kinds: {@code vsi}, {@code ai2thor},
 * {@code procthor}, {@code v2l}; the kind is detected from the file's content when omitted. Options:
 * {@code procthor:house.json,assets=asset-database.json} (default: {@code asset-database.json} beside the house,
 * then {@code $V2L_PROCTHOR_ASSETS}) and {@code ai2thor:dump.json,structural} (keep Floor/Wall objects).
 */
public final class SceneSources {

    public static final List<String> KINDS = List.of("vsi", "ai2thor", "procthor", "v2l", "procedural");

    private SceneSources() {
    }

    /** A parsed spec. */
    record Spec(String kind, Path path, Map<String, String> options) {
    }

    static Spec parseSpec(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException("a scene source is needed: [kind:]path, kinds " + KINDS);
        }
        String kind = null;
        String rest = spec;
        int colon = spec.indexOf(':');
        if (colon > 0 && spec.substring(0, colon).matches("[a-z0-9-]+") && colon != 1) {
            kind = spec.substring(0, colon);
            rest = spec.substring(colon + 1);
            if (!KINDS.contains(kind)) {
                throw new IllegalArgumentException("unknown scene source kind '" + kind + "'; available: "
                        + String.join(", ", KINDS));
            }
        }
        String[] parts = rest.split(",");
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].strip();
            int eq = p.indexOf('=');
            options.put(eq < 0 ? p : p.substring(0, eq), eq < 0 ? "true" : p.substring(eq + 1));
        }
        return new Spec(kind, Path.of(parts[0]), options);
    }

    /** Opens the source a spec names; bad specs and unreadable files raise {@link BadInputException}. */
    public static SceneSource open(String spec) {
        Spec s;
        try {
            s = parseSpec(spec);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(null, null, null, e.getMessage());
        }
        if ("procedural".equals(s.kind())) {
            return procedural(spec);
        }
        Path path = s.path();
        if (!Files.exists(path)) {
            throw BadInputException.ofFile(path.toString(), "no such file or directory", null);
        }
        String kind = s.kind() != null ? s.kind() : detect(path);
        return switch (kind) {
            case "vsi" -> new VsiMetaInfoSource(path);
            case "ai2thor" -> new Ai2ThorMetadataSource(path, s.options().containsKey("structural"));
            case "procthor" -> new ProcThorHouseSource(path, new ProcThorAssets(assetsFor(path, s.options())));
            case "v2l" -> new V2lSceneSource(path);
            default -> throw new BadInputException(path.toString(), null, null, "cannot open a '" + kind
                    + "' source from a file");
        };
    }

    /**
     * {@code procedural:seed=7,count=100[,assets=embedded|default|debian|PATH;PATH]} (defaults: seed 0, count 10,
     * assets: the embedded subset plus installed Debian catalogs).
     */
    private static SceneSource procedural(String spec) {
        String params = spec.substring("procedural:".length());
        long seed = 0;
        int count = 10;
        List<String> assets = List.of();
        for (String kv : params.split(",")) {
            String p = kv.strip();
            if (p.isEmpty()) {
                continue;
            }
            int eq = p.indexOf('=');
            String k = eq < 0 ? p : p.substring(0, eq);
            String v = eq < 0 ? "" : p.substring(eq + 1);
            try {
                switch (k) {
                    case "seed" -> seed = Long.parseLong(v);
                    case "count" -> count = Integer.parseInt(v);
                    case "assets" -> assets = List.of(v.split(";"));
                    default -> throw new BadInputException(null, null, null, "unknown procedural parameter '" + k
                            + "'; available: seed, count, assets (e.g. procedural:seed=7,count=100)");
                }
            } catch (NumberFormatException e) {
                throw new BadInputException(null, null, null, "procedural parameter '" + k + "' must be a whole "
                        + "number, got '" + v + "'");
            }
        }
        if (count < 0 || count > 1_000_000) {
            throw new BadInputException(null, null, null, "procedural count must be in 0..1000000, got " + count);
        }
        return new dev.v2l.source.procedural.ProceduralSource(seed, count,
                dev.v2l.asset.AssetLibrary.fromSpec(assets));
    }

    private static Path assetsFor(Path house, Map<String, String> options) {
        if (options.containsKey("assets")) {
            return Path.of(options.get("assets"));
        }
        Path beside = house.toAbsolutePath().getParent().resolve("asset-database.json");
        if (Files.exists(beside)) {
            return beside;
        }
        String env = System.getenv("V2L_PROCTHOR_ASSETS");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        throw BadInputException.ofFile(house.toString(), "a ProcTHOR house needs the asset database: write "
                + "procthor:" + house + ",assets=PATH/asset-database.json or set V2L_PROCTHOR_ASSETS", null);
    }

    /** The kind of a file or directory, from its content. */
    static String detect(Path path) {
        if (Files.isDirectory(path)) {
            return "v2l";
        }
        try (InputStream in = JsonFiles.open(path); JsonParser p = JsonFiles.MAPPER.createParser(in)) {
            JsonToken t = p.nextToken();
            if (t == JsonToken.START_ARRAY) {
                t = p.nextToken();
            }
            if (t != JsonToken.START_OBJECT) {
                throw BadInputException.ofFile(path.toString(), "cannot tell what kind of scene source this is: "
                        + "expected a JSON object; name the kind (" + String.join(":, ", KINDS) + ":)", null);
            }
            // Top-level keys of the first record decide.
            boolean objects = false;
            boolean rooms = false;
            boolean agent = false;
            int depth = 0;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                    depth++;
                } else if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                    if (depth == 0) {
                        break;
                    }
                    depth--;
                } else if (t == JsonToken.FIELD_NAME && depth == 0) {
                    String name = p.currentName();
                    if (name.equals("format")) {
                        p.nextToken();
                        if (p.getText().startsWith("v2l-scene/")) {
                            return "v2l";
                        }
                    } else if (name.equals("objects")) {
                        objects = true;
                    } else if (name.equals("rooms")) {
                        rooms = true;
                    } else if (name.equals("agent") || name.equals("sceneName") || name.equals("metadata")) {
                        agent = true;
                    }
                } else if (t == JsonToken.FIELD_NAME && depth == 1 && p.currentName().equals("object_bbox")) {
                    return "vsi";
                }
            }
            if (rooms && objects) {
                return "procthor";
            }
            if (agent) {
                return "ai2thor";
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw BadInputException.ofFile(path.toString(), "not JSON (a binary file?): " + e.getOriginalMessage()
                    + "; expected a scene source", e);
        } catch (IOException e) {
            throw dev.v2l.io.FileProblems.reading(path, e);
        }
        throw BadInputException.ofFile(path.toString(), "cannot tell what kind of scene source this is; name the "
                + "kind: " + String.join(":, ", KINDS) + ":", null);
    }
}
