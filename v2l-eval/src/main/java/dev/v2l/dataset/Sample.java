package dev.v2l.dataset;

import dev.v2l.qa.Question;
import dev.v2l.reason.EngineContext;
import java.util.List;

/**
 * One training or benchmark sample: the frames shown (indices into the scene's walk-through and image paths
 * relative to the output folder; none for text-only samples), the question, and the target text
 * {@code <map>…</map><think>…</think><answer>…</answer>} whose think and answer were computed from the map as
 * written. {@code gtLayout} is the true map of those frames in the extended form (for map scoring and rewards);
 * {@code sceneLayout} the true map of the whole scene in the same frame (what full observation would give), and
 * {@code context} what the engine knows besides a map (room area, first appearance per category).
 */
public record Sample(String id, String split, int frameCount, List<Integer> frameIndices, List<String> images,
        boolean textOnly, Question question, String system, String user, String map, String think, String answer,
        String gtLayout, String sceneLayout, EngineContext context) {

    public Sample {
        frameIndices = List.copyOf(frameIndices);
        images = List.copyOf(images);
    }

    public String target() {
        return Prompts.target(map, think, answer);
    }
}
