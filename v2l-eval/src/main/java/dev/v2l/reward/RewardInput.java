package dev.v2l.reward;

import dev.v2l.metrics.GroundTruth;
import dev.v2l.qa.QuestionObject;
import java.util.List;
import java.util.Map;

/**
 * One rollout to score: the response and the ground truth (required), and optionally what the {@code v2l-map}
 * reward needs: the question type, its options, the objects with their roles (and params), and the ground-truth map
 * of the sample's frames as map text.
 */
public record RewardInput(String response, GroundTruth groundTruth, String questionType, List<String> options,
        List<QuestionObject> objects, Map<String, String> params, String gtLayout) {

    public RewardInput {
        options = options == null ? List.of() : List.copyOf(options);
        objects = objects == null ? List.of() : List.copyOf(objects);
        params = params == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(params));
    }

    public static RewardInput of(String response, String groundTruth) {
        return new RewardInput(response, GroundTruth.of(groundTruth), null, null, null, null, null);
    }
}
