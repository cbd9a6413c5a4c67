package dev.v2l.qa;

/** VSI-Bench's {@code object_counting}: labels with at least two instances, VSI-Bench's wording. */
final class ObjectCounting extends CountingType {

    ObjectCounting() {
        super("object_counting", Family.VSI, "How many {label}(s) are in this room? (labels with 2+ instances)");
    }

    @Override
    int minCount(Thresholds th) {
        return th.minCountVsi();
    }

    @Override
    String wording(String label) {
        return "How many " + label + "(s) are in this room?";
    }

    @Override
    public double mixWeight() {
        return 1;
    }
}
