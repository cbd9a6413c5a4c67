package dev.v2l.model;

/** Anything that answers {@link ModelRequest}s: a remote OpenAI-compatible server or a built-in model. Thread-safe. */
public interface VisionLanguageModel {

    /** The model's name as results record it ({@code oracle}, {@code qwen2.5-vl-7b@http://…}). */
    String name();

    ModelResponse complete(ModelRequest request) throws ModelFailure;
}
