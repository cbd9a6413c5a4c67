package dev.v2l.reward;

import java.util.ArrayList;
import java.util.List;

/** A rule reward over rollouts; implementations are immutable and thread-safe. */
public interface RewardFunction {

    /** {@code v2lo} or {@code v2l-map}. */
    String kind();

    RewardResult score(RewardInput input);

    /**
     * Whether the reward reads the question fields of a record ({@code question_type}, {@code options},
     * {@code objects}, {@code params}, {@code gt_layout}); when not, records are checked for response and ground
     * truth only.
     */
    default boolean readsQuestionFields() {
        return false;
    }

    default RewardResult score(String response, String groundTruth) {
        return score(RewardInput.of(response, groundTruth));
    }

    /** Scores in input order. */
    default List<RewardResult> scoreBatch(List<RewardInput> inputs) {
        List<RewardResult> out = new ArrayList<>(inputs.size());
        for (RewardInput in : inputs) {
            out.add(score(in));
        }
        return out;
    }

    /** The same reward with another format weight. */
    RewardFunction withFormatWeight(double formatWeight);
}
