package dev.v2l.qa;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ambiguity filters of question generation, as named options. Defaults follow the public generators of SIMS-V
 * and VLM-3R.
 *
 * @param minDistanceMetres       distance answers below this are rejected (too small to estimate)
 * @param relDistanceMarginMetres the runner-up of a closest-object question must be this much farther…
 * @param relDistanceMarginRatio  …and this fraction farther (both must hold)
 * @param angleMarginDegrees      direction angles must be this far from every boundary between answer options
 * @param minSeparationMetres     facing and queried objects must be this far from the observer (centre to centre)
 * @param appearanceGapSeconds    first appearances of the four categories must be this far apart
 * @param minCountVsi             VSI counting asks only about labels with at least this many instances
 * @param minCountQvs             QVS counting asks only about labels with at least this many instances
 * @param maxTiltMetres           size questions skip boxes whose map dimensions differ from the box's by more
 */
public record Thresholds(double minDistanceMetres, double relDistanceMarginMetres, double relDistanceMarginRatio,
        double angleMarginDegrees, double minSeparationMetres, double appearanceGapSeconds, int minCountVsi,
        int minCountQvs, double maxTiltMetres) {

    public static final Thresholds DEFAULT = new Thresholds(0.2, 0.15, 0.10, 10, 0.3, 1.0, 2, 1, 0.01);

    public Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("min_distance_m", minDistanceMetres);
        m.put("rel_distance_margin_m", relDistanceMarginMetres);
        m.put("rel_distance_margin_ratio", relDistanceMarginRatio);
        m.put("angle_margin_deg", angleMarginDegrees);
        m.put("min_separation_m", minSeparationMetres);
        m.put("appearance_gap_s", appearanceGapSeconds);
        m.put("min_count_vsi", minCountVsi);
        m.put("min_count_qvs", minCountQvs);
        m.put("max_tilt_m", maxTiltMetres);
        return m;
    }
}
