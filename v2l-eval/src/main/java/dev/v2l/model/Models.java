package dev.v2l.model;

import dev.v2l.io.BadInputException;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The model registry: spec strings to models. {@code oracle}, {@code scene-oracle}, {@code blind},
 * {@code random} (or {@code random:SEED}), {@code objectron} (the CPU detector baseline), and {@code openai:http://host:8000/v1#MODEL} for any OpenAI-compatible
 * server ({@code #MODEL} may be left out when the server serves one model: it is then asked).
 */
public final class Models {

    /** How remote models are reached. */
    public record Options(String apiKeyEnv, Duration timeout, int retries, Duration backoff, long maxPixels,
            UnaryOperator<String> env) {
        public static Options defaults() {
            return new Options(null, Duration.ofSeconds(120), 4, Duration.ofMillis(500), 0, System::getenv);
        }
    }

    private static final Map<String, String> BUILTIN = new LinkedHashMap<>();

    static {
        BUILTIN.put("oracle", "true map of the sample's frames + the engine's answer: the upper bound (100 % by "
                + "construction)");
        BUILTIN.put("scene-oracle", "true map of the whole scene + the engine's answer: what full observation gives");
        BUILTIN.put("blind", "no images: label priors, typical values and the most likely option");
        BUILTIN.put("random", "seeded guesses (random:SEED for another seed)");
        BUILTIN.put("objectron", "a real CPU detector (MediaPipe Objectron's SSD): detections placed on the floor with "
                + "the frames' cameras and depth, merged into a map, the engine's answer from it");
        BUILTIN.put("openai:URL#MODEL", "any OpenAI-compatible server: vLLM, SGLang, Ollama, llama.cpp, LM Studio, "
                + "hosted APIs (e.g. openai:http://127.0.0.1:8000/v1#Qwen/Qwen2.5-VL-7B-Instruct)");
    }

    private Models() {
    }

    /** Spec → description, for {@code v2l models}. */
    public static Map<String, String> list() {
        return java.util.Collections.unmodifiableMap(BUILTIN);
    }

    /** True for specs that need no server. */
    public static boolean isBuiltin(String spec) {
        String s = spec.strip().toLowerCase(Locale.ROOT);
        return s.equals("oracle") || s.equals("scene-oracle") || s.equals("blind") || s.equals("random")
                || s.startsWith("random:") || s.equals(ObjectronModel.NAME);
    }

    /** @throws BadInputException for an unknown or malformed spec (naming what is available) */
    public static VisionLanguageModel open(String spec, Options o) {
        String s = spec.strip();
        String lower = s.toLowerCase(Locale.ROOT);
        switch (lower) {
            case "oracle":
                return BuiltinModels.oracle(false);
            case "scene-oracle":
                return BuiltinModels.oracle(true);
            case "blind":
                return BuiltinModels.blind();
            case "random":
                return BuiltinModels.random(0);
            case ObjectronModel.NAME:
                return ObjectronModel.open();
            default:
                break;
        }
        if (lower.startsWith("random:")) {
            try {
                return BuiltinModels.random(Long.parseLong(s.substring(7)));
            } catch (NumberFormatException e) {
                throw new BadInputException(null, null, null,
                        "random:SEED needs a whole number, got '" + s.substring(7) + "'");
            }
        }
        if (lower.startsWith("openai:")) {
            String rest = s.substring(7);
            int hash = rest.indexOf('#');
            String url = hash < 0 ? rest : rest.substring(0, hash);
            URI base;
            try {
                base = URI.create(url);
            } catch (IllegalArgumentException e) {
                throw new BadInputException(null, null, null, "model spec " + spec + ": '" + url + "' is not a URL");
            }
            String model = hash < 0 || hash == rest.length() - 1
                    ? OpenAiClient.servedModel(base, o.apiKeyEnv(), o.env(), o.timeout()) : rest.substring(hash + 1);
            return new OpenAiClient(new OpenAiClient.Config(base, model, o.apiKeyEnv(), o.timeout(), o.retries(),
                    o.backoff(), o.maxPixels()), o.env());
        }
        throw new BadInputException(null, null, null, "unknown model '" + spec + "'; available: oracle, scene-oracle, "
                + "blind, random[:SEED], objectron, openai:http://HOST:PORT/v1#MODEL (see v2l models)");
    }

    /**
     * The models of the specs, in order; remote ones answer from {@code cache} first (when it is not null); a plain
     * {@code random} takes the run's seed.
     */
    public static java.util.List<VisionLanguageModel> openAll(java.util.List<String> specs, Options o,
            ResponseCache cache, long seed) {
        java.util.List<VisionLanguageModel> ms = new java.util.ArrayList<>();
        for (String m : specs) {
            VisionLanguageModel model = open(m.strip().toLowerCase(Locale.ROOT).equals("random") ? "random:" + seed
                    : m, o);
            ms.add(cache == null || isBuiltin(m) ? model : cache.wrap(model, o.maxPixels()));
        }
        return ms;
    }
}
