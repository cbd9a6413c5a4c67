package dev.v2l.dataset;

import dev.v2l.metrics.GroundTruth;
import dev.v2l.metrics.VsiMetrics;
import dev.v2l.qa.QuestionType;

/**
 * When the answer a map <em>as written</em> gives may stand for a question's answer. Training targets compute the
 * answer from the written map, so a model learns to compute from its own map; a number within {@link #TOLERANCE} of
 * the truth (VSI-Bench's MRA ≥ 0.9) is kept, since a map at the written precision cannot say more (a 0.64 m wide
 * table written from 0.2 to 0.9 is 0.7 m wide). Letters must agree exactly; benchmarks ask for exact agreement.
 */
public final class WrittenAnswers {

    /** The largest relative difference from the truth a training target's number may have. */
    public static final double TOLERANCE = 0.10;

    private WrittenAnswers() {
    }

    /** Whether {@code mapAnswer} may stand as the answer of a question of type {@code t} whose truth is {@code truth}. */
    public static boolean acceptable(QuestionType t, String mapAnswer, String truth, boolean exact) {
        if (mapAnswer == null) {
            return false;
        }
        if (mapAnswer.equals(truth)) {
            return true;
        }
        if (exact || !t.answerKind().numeric()) {
            return false;
        }
        return VsiMetrics.score(t.code(), mapAnswer, GroundTruth.of(truth), false).score() >= 1 - TOLERANCE - 1e-9;
    }
}
