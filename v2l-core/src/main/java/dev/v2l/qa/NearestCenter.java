package dev.v2l.qa;

import java.util.List;

/**
 * QVS-Bench's {@code nearest_center}: closest of four by centres, the four labels as options. Wording verbatim from
 * the question of the paper's data example ({@code figs/data_example.png}); the task table's row for this task shows
 * a direction question instead, an evident slip.
 */
final class NearestCenter extends ClosestChoiceType {

    NearestCenter() {
        super("nearest_center", Family.QVS, "which of four objects has its centre nearest to a target's centre",
                true);
    }

    @Override
    String wording(List<String> choices, String target) {
        return "Considering the center point of the " + target + " as a reference point, which of these objects has "
                + "the nearest center point to it?";
    }

    @Override
    public double mixWeight() {
        return 0.125;
    }
}
