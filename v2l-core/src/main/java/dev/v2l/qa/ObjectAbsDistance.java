package dev.v2l.qa;

/** VSI-Bench's {@code object_abs_distance}: closest points, heights included, VSI-Bench's wording. */
final class ObjectAbsDistance extends PairDistanceType {

    ObjectAbsDistance() {
        super("object_abs_distance", Family.VSI, "closest-point distance between two objects, metres, 1 decimal",
                true);
    }

    @Override
    String wording(String a, String b) {
        return "Measuring from the closest point of each object, what is the direct distance between the " + a
                + " and the " + b + " (in meters)?";
    }

    @Override
    public String blindAnswer(Question q, LabelPriors priors) {
        return "1.5";
    }

    @Override
    public double mixWeight() {
        return 1;
    }
}
