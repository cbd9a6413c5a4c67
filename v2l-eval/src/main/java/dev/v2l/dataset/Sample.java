package dev.v2l.dataset;

import dev.v2l.qa.Question;
import java.util.List;

/**
 * One training or benchmark sample: the frames shown (indices into the scene's walk-through and image paths
 * relative to the output folder; none for text-only samples), the question, and the target text
 * {@code <map>…</map><think>…</think><answer>…</answer>} whose think and answer were computed from the map as
 * written. {@code gtLayout} is the true map of those frames in the extended form (for map scoring and rewards).
 */
public record Sample(String id, String split, int frameCount, List<Integer> frameIndices, List<String> images,
        boolean textOnly, Question question, String system, String user, String map, String think, String answer,
        String gtLayout) {

    public Sample {
        frameIndices = List.copyOf(frameIndices);
        images = List.copyOf(images);
    }

    public String target() {
        return Prompts.target(map, think, answer);
    }
}
