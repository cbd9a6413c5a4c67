package dev.v2l.qa;

/**
 * QVS-Bench's {@code min_distance}: closest points of the two floor footprints. Wording verbatim from the paper's
 * QVS-Bench task table.
 */
final class MinDistance extends PairDistanceType {

    MinDistance() {
        super("min_distance", Family.QVS, "distance between the closest points of two footprints, metres, 1 decimal",
                false);
    }

    @Override
    String wording(String a, String b) {
        return "Measuring from the closest points between the two objects, what is the distance between the " + a
                + " and the " + b + " in meters?";
    }

    @Override
    public String blindAnswer(Question q, LabelPriors priors) {
        return "1.0";
    }

    @Override
    public double mixWeight() {
        return 0.125;
    }
}
