package dev.v2l.model;

/**
 * A model's answer: the text, token counts when the server reports them (else -1), latency in milliseconds (of the
 * successful attempt), how many attempts it took, and whether it came from the response cache.
 */
public record ModelResponse(String text, int promptTokens, int completionTokens, long latencyMillis, int attempts,
        boolean cached) {

    /** A built-in model's answer: no tokens, one attempt. */
    public static ModelResponse local(String text, long latencyMillis) {
        return new ModelResponse(text, -1, -1, latencyMillis, 1, false);
    }

    public ModelResponse asCached() {
        return new ModelResponse(text, promptTokens, completionTokens, latencyMillis, attempts, true);
    }
}
