package dev.v2l.qa;

/** QVS-Bench's {@code object_count}: any label, wording verbatim from the paper's QVS-Bench task table. */
final class ObjectCount extends CountingType {

    ObjectCount() {
        super("object_count", Family.QVS, "How many '{label}' objects are there in this scene?");
    }

    @Override
    int minCount(Thresholds th) {
        return th.minCountQvs();
    }

    @Override
    String wording(String label) {
        return "How many '" + label + "' objects are there in this scene?";
    }

    @Override
    public double mixWeight() {
        return 0.125;
    }
}
