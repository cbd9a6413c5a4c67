package dev.v2l.model;

/** Anything that answers {@link ModelRequest}s: a remote OpenAI-compatible server or a built-in model. Thread-safe. */
public interface VisionLanguageModel {

    /** The model's name as results record it ({@code oracle}, {@code qwen2.5-vl-7b@http://…}). */
    String name();

    ModelResponse complete(ModelRequest request) throws ModelFailure;

    /** The answering part of a model. */
    @FunctionalInterface
    interface Answerer {
        ModelResponse complete(ModelRequest request) throws ModelFailure;
    }

    /** A model from its name and how it answers. */
    static VisionLanguageModel of(String name, Answerer answerer) {
        return new VisionLanguageModel() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public ModelResponse complete(ModelRequest request) throws ModelFailure {
                return answerer.complete(request);
            }
        };
    }
}
