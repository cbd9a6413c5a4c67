package dev.v2l.dataset;

import dev.v2l.layout.text.MapForm;
import dev.v2l.qa.Question;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The prompt wording, kept as data files ({@code prompts/*.txt}) and pinned by tests: the system prompt tells the
 * model to build the map, reason, then answer, in the three tags (Video2Layout's style); the user turn is one
 * {@code <image>} per frame, the question, and the options for multiple choice.
 */
public final class Prompts {

    /** The image placeholder ms-swift, LLaMA-Factory and EasyR1 expect. */
    public static final String IMAGE = "<image>";

    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

    private Prompts() {
    }

    static String resource(String name) {
        return CACHE.computeIfAbsent(name, n -> {
            try (InputStream in = Prompts.class.getResourceAsStream("prompts/" + n)) {
                if (in == null) {
                    throw new IllegalStateException("prompt template " + n + " is missing");
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** The system prompt for a map form, or for text-only samples whose map is given. */
    public static String system(MapForm form, boolean mapGiven) {
        if (mapGiven) {
            return resource("system-map-given.txt");
        }
        return switch (form) {
            case V2LO -> resource("system-v2lo.txt");
            case EXTENDED -> resource("system-extended.txt");
            case GRID -> resource("system-grid.txt");
        };
    }

    /**
     * The user turn: {@code images} placeholders, then (for text-only samples) the given map, the question and the
     * options.
     */
    public static String user(Question q, int images, String givenMap) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < images; i++) {
            sb.append(IMAGE);
        }
        if (givenMap != null) {
            sb.append("<map>").append(givenMap).append("</map>\n");
        }
        sb.append(q.question());
        if (!q.options().isEmpty()) {
            sb.append("\nOptions:\n").append(String.join("\n", q.options()));
        }
        return sb.toString();
    }

    /** The assistant target. */
    public static String target(String map, String think, String answer) {
        return "<map>" + map + "</map><think>" + think + "</think><answer>" + answer + "</answer>";
    }
}
