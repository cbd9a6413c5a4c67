package dev.v2l.reward;

import dev.v2l.metrics.GroundTruth;

/**
 * A reward that needs only the response, cleaned as Video2Layout's reward first cleans it, and the ground truth: it
 * scores the common rollout record straight from the bytes {@link RewardFiles} decoded it into.
 */
interface AsciiScorer {

    /**
     * The reward of the cleaned response {@code cleaned[0, n)} (ASCII), whose {@code <} characters are at
     * {@code lt[0, count)}; the same as {@link RewardFunction#score} of that rollout.
     */
    RewardResult scoreCleanedAscii(byte[] cleaned, int n, int[] lt, int count, GroundTruth groundTruth);
}
