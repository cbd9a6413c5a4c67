package dev.v2l.qa;

/**
 * Types answered by an option letter: they have no numeric range, and a model that sees nothing answers the first
 * option unless the family knows better (closest-object questions pick the largest object).
 */
abstract class LetterType extends QuestionType {

    LetterType(String code, Family family, String description) {
        super(code, family, AnswerKind.LETTER, description);
    }

    @Override
    public String blindAnswer(Question q, LabelPriors priors) {
        return "A";
    }

    @Override
    public final double[] plausibleRange() {
        return null;
    }
}
