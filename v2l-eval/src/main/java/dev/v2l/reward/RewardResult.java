package dev.v2l.reward;

/**
 * A reward: {@code overall}, {@code format} and {@code accuracy} (the reference's three), plus {@code map} and
 * {@code consistency} for the {@code v2l-map} kind (null when not computed).
 */
public record RewardResult(double overall, double format, double accuracy, Double map, Double consistency) {

    /** The JSON object, numbers in Python's float repr so they read back to the same double. */
    public String toJson() {
        StringBuilder sb = new StringBuilder(96);
        sb.append("{\"overall\": ").append(num(overall)).append(", \"format\": ").append(num(format))
                .append(", \"accuracy\": ").append(num(accuracy));
        if (map != null) {
            sb.append(", \"map\": ").append(num(map));
        }
        if (consistency != null) {
            sb.append(", \"consistency\": ").append(num(consistency));
        }
        return sb.append('}').toString();
    }

    static String num(double v) {
        if (v == 0) {
            return "0.0";
        }
        if (v == 1) {
            return "1.0";
        }
        return Double.isFinite(v) ? dev.v2l.metrics.GroundTruth.pythonRepr(v) : "null";
    }
}
