package dev.v2l.detect;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How real rendered frames look to a real detector: detections scored against the frames' instance masks.
 *
 * <ul>
 *   <li>Truth: each object whose label the detector can see ({@link DetectorLabels}) and whose visible pixels cover
 *       at least {@code minShare} of the frame (2 % by default), with its visible pixels' bounding box.</li>
 *   <li>Per frame and group, detections of the group's classes are taken best first; each matches the unmatched
 *       truth object of that group with the highest IoU, if that IoU is at least {@code minIou} (0.5).</li>
 *   <li>A detection that matches no counted object but overlaps (IoU ≥ {@code minIou}) an object of its group that
 *       is too small to count is ignored (neither right nor wrong), as detection benchmarks treat such regions.</li>
 *   <li>Recall = matched truth objects / truth objects; precision = matched detections / detections not ignored.
 *       Detections of classes of no group (a "Car" in a bedroom) count against overall precision.</li>
 * </ul>
 * Also per scene label (recall of {@code office chair} apart from {@code chair}).
 */
public final class Realism {

    /** Scoring settings. */
    public record Settings(double minShare, double minIou) {
        public static final Settings DEFAULT = new Settings(0.02, 0.5);
    }

    /** Counts of one group, label or the whole. */
    public static final class Count {
        int truth;
        int found;
        int detections;
        int correct;
        int ignored;

        public int truth() {
            return truth;
        }

        public int found() {
            return found;
        }

        public int detections() {
            return detections;
        }

        public int correct() {
            return correct;
        }

        /** Recall, or NaN without truth objects. */
        public double recall() {
            return truth == 0 ? Double.NaN : found / (double) truth;
        }

        /** Precision, or NaN without detections. */
        public double precision() {
            return detections == 0 ? Double.NaN : correct / (double) detections;
        }
    }

    private final Settings s;
    private final Count overall = new Count();
    private final Map<String, Count> byGroup = new LinkedHashMap<>();
    private final Map<String, Count> bySceneLabel = new TreeMap<>();
    private final Map<String, Integer> missedAs = new TreeMap<>();
    private int frames;

    public Realism(Settings settings) {
        this.s = settings;
        for (DetectorLabels.Group g : DetectorLabels.groups()) {
            byGroup.put(g.name(), new Count());
        }
    }

    /** Adds one frame: what it shows and what the detector found in it. */
    public synchronized void add(List<RenderTruth.Visible> visible, List<Detection> detections) {
        frames++;
        for (DetectorLabels.Group g : DetectorLabels.groups()) {
            List<RenderTruth.Visible> counted = new ArrayList<>();
            List<RenderTruth.Visible> small = new ArrayList<>();
            for (RenderTruth.Visible v : visible) {
                if (DetectorLabels.ofSceneLabel(v.label()) == g) {
                    (v.share() >= s.minShare() ? counted : small).add(v);
                }
            }
            List<Detection> mine = new ArrayList<>();
            for (Detection d : detections) {
                if (g.classes().contains(d.label())) {
                    mine.add(d);
                }
            }
            mine.sort((a, b) -> Double.compare(b.score(), a.score()));
            boolean[] taken = new boolean[counted.size()];
            Count c = byGroup.get(g.name());
            for (Detection d : mine) {
                int best = -1;
                double bestIou = s.minIou();
                for (int i = 0; i < counted.size(); i++) {
                    double iou = counted.get(i).box().iou(d.box());
                    if (!taken[i] && iou >= bestIou) {
                        best = i;
                        bestIou = iou;
                    }
                }
                if (best >= 0) {
                    taken[best] = true;
                    c.detections++;
                    c.correct++;
                } else if (small.stream().anyMatch(v -> v.box().iou(d.box()) >= s.minIou())) {
                    c.ignored++;
                } else {
                    c.detections++;
                }
            }
            for (int i = 0; i < counted.size(); i++) {
                RenderTruth.Visible v = counted.get(i);
                Count l = bySceneLabel.computeIfAbsent(v.label(), k -> new Count());
                c.truth++;
                l.truth++;
                if (taken[i]) {
                    c.found++;
                    l.found++;
                } else {
                    missedAs.merge(g.name() + " → " + nearest(v, detections), 1, Integer::sum);
                }
            }
        }
        for (Detection d : detections) {
            if (DetectorLabels.ofClass(d.label()) == null) {
                overall.detections++;
            }
        }
    }

    /** What the detector made of a missed object: the class of the detection overlapping it most, or "nothing". */
    private String nearest(RenderTruth.Visible v, List<Detection> detections) {
        Detection best = null;
        double bestIou = 0.1;
        for (Detection d : detections) {
            double iou = d.box().iou(v.box());
            if (iou > bestIou) {
                best = d;
                bestIou = iou;
            }
        }
        return best == null ? "nothing" : best.label();
    }

    /** The overall counts (all groups together, plus detections of classes of no group). */
    public synchronized Count overall() {
        Count o = new Count();
        for (Count c : byGroup.values()) {
            o.truth += c.truth;
            o.found += c.found;
            o.detections += c.detections;
            o.correct += c.correct;
            o.ignored += c.ignored;
        }
        o.detections += overall.detections;
        return o;
    }

    public synchronized Count group(String name) {
        return byGroup.get(name);
    }

    public synchronized Count sceneLabel(String label) {
        return bySceneLabel.getOrDefault(label, new Count());
    }

    /**
     * The figure as JSON: settings, frames, {@code overall}, {@code labels} (per group with truth objects,
     * detections or ignored detections), {@code scene_labels}, and {@code missed_as} (what missed objects were taken for).
     */
    public synchronized ObjectNode toJson() {
        ObjectNode n = new ObjectMapper().createObjectNode();
        n.put("frames", frames);
        n.put("min_share", s.minShare());
        n.put("min_iou", s.minIou());
        n.set("overall", json(overall()));
        ObjectNode labels = n.putObject("labels");
        byGroup.forEach((k, c) -> {
            if (c.truth > 0 || c.detections > 0 || c.ignored > 0) {
                labels.set(k, json(c));
            }
        });
        ObjectNode sl = n.putObject("scene_labels");
        bySceneLabel.forEach((k, c) -> {
            ObjectNode o = sl.putObject(k);
            o.put("truth", c.truth);
            o.put("found", c.found);
            putRate(o, "recall", c.recall());
        });
        ObjectNode missed = n.putObject("missed_as");
        missedAs.forEach(missed::put);
        return n;
    }

    private static ObjectNode json(Count c) {
        ObjectNode o = new ObjectMapper().createObjectNode();
        o.put("truth", c.truth);
        o.put("found", c.found);
        putRate(o, "recall", c.recall());
        o.put("detections", c.detections);
        o.put("correct", c.correct);
        o.put("ignored", c.ignored);
        putRate(o, "precision", c.precision());
        return o;
    }

    private static void putRate(ObjectNode o, String k, double v) {
        if (Double.isNaN(v)) {
            o.putNull(k);
        } else {
            o.put(k, v);
        }
    }
}
