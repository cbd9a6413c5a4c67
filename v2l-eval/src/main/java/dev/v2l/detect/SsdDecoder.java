package dev.v2l.detect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Turns the SSD's raw outputs into detections, as the TF Object Detection API's post-processing for this model does
 * ({@code faster_rcnn_box_coder} with scales 10, 10, 5, 5; {@code score_converter: SIGMOID};
 * {@code batch_non_max_suppression} per class):
 *
 * <ol>
 *   <li>box codes {@code (ty, tx, th, tw)} relative to anchor {@code a}: centre {@code y = ty / 10 · a.h + a.y},
 *       {@code x = tx / 10 · a.w + a.x}, size {@code h = exp(th / 5) · a.h}, {@code w = exp(tw / 5) · a.w};
 *       corners clipped to the image (0–1);</li>
 *   <li>score of class c = sigmoid(logit c); class 0 is the background and never reported;</li>
 *   <li>per class: candidates with score ≥ {@code minScore}, highest first, greedy non-maximum suppression dropping
 *       boxes whose IoU with a kept box exceeds {@code iouThreshold}, at most {@code maxDetections} kept;</li>
 *   <li>all classes together, highest score first, at most {@code maxDetections}.</li>
 * </ol>
 * A box may so be reported under two classes (a desk that is also a table), as the reference post-processing does.
 */
public final class SsdDecoder {

    /** Post-processing settings; the defaults are the training config's IoU 0.6 and 100 detections. */
    public record Settings(double minScore, double iouThreshold, int maxDetections) {
        public static final Settings DEFAULT = new Settings(0.3, 0.6, 100);

        public Settings {
            if (!(minScore >= 0 && minScore <= 1)) {
                throw new IllegalArgumentException("--min-score must be in [0, 1], got " + minScore);
            }
            if (!(iouThreshold > 0 && iouThreshold <= 1)) {
                throw new IllegalArgumentException("the NMS IoU threshold must be in (0, 1], got " + iouThreshold);
            }
            if (maxDetections < 1) {
                throw new IllegalArgumentException("max detections must be at least 1, got " + maxDetections);
            }
        }

        public Settings withMinScore(double s) {
            return new Settings(s, iouThreshold, maxDetections);
        }
    }

    static final float Y_SCALE = 10;
    static final float X_SCALE = 10;
    static final float H_SCALE = 5;
    static final float W_SCALE = 5;

    private SsdDecoder() {
    }

    /** A decoded box, normalised to the input (0–1): top, left, bottom, right. */
    record Box(float ymin, float xmin, float ymax, float xmax) {
        float area() {
            return Math.max(0, ymax - ymin) * Math.max(0, xmax - xmin);
        }

        float iou(Box o) {
            float ih = Math.min(ymax, o.ymax) - Math.max(ymin, o.ymin);
            float iw = Math.min(xmax, o.xmax) - Math.max(xmin, o.xmin);
            if (ih <= 0 || iw <= 0) {
                return 0;
            }
            float inter = ih * iw;
            return inter / (area() + o.area() - inter);
        }
    }

    /** A detection before it is scaled to an image: class index, score, normalised box. */
    record Raw(int classIndex, float score, Box box) {
    }

    /** Decodes box {@code i} of {@code codes} (4 floats per anchor) against its anchor, clipped to 0–1. */
    static Box decode(float[] codes, int i, SsdAnchors a) {
        float ty = codes[4 * i];
        float tx = codes[4 * i + 1];
        float th = codes[4 * i + 2];
        float tw = codes[4 * i + 3];
        float yc = ty / Y_SCALE * a.height()[i] + a.yCenter()[i];
        float xc = tx / X_SCALE * a.width()[i] + a.xCenter()[i];
        float h = (float) Math.exp(th / H_SCALE) * a.height()[i];
        float w = (float) Math.exp(tw / W_SCALE) * a.width()[i];
        return new Box(clip(yc - h / 2), clip(xc - w / 2), clip(yc + h / 2), clip(xc + w / 2));
    }

    private static float clip(float v) {
        return Math.max(0, Math.min(1, v));
    }

    /**
     * @param codes  box codes, anchors × 4
     * @param logits class logits, anchors × classes (class 0: background)
     */
    static List<Raw> decode(float[] codes, float[] logits, int classes, SsdAnchors anchors, Settings s) {
        int n = anchors.size();
        if (codes.length != 4 * n || logits.length != classes * n) {
            throw new IllegalArgumentException("model outputs do not match the anchors: " + codes.length
                    + " box values and " + logits.length + " scores for " + n + " anchors and " + classes
                    + " classes");
        }
        // sigmoid(x) >= t  <=>  x >= logit(t): compare logits, take sigmoid of the survivors only.
        double t = s.minScore();
        float minLogit = t <= 0 ? Float.NEGATIVE_INFINITY : t >= 1 ? Float.POSITIVE_INFINITY
                : (float) Math.log(t / (1 - t));
        Box[] boxes = new Box[n];
        List<Raw> all = new ArrayList<>();
        for (int c = 1; c < classes; c++) {
            List<Raw> cand = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                float x = logits[i * classes + c];
                if (x >= minLogit) {
                    float score = (float) (1 / (1 + Math.exp(-x)));
                    if (score < t) {
                        continue;
                    }
                    if (boxes[i] == null) {
                        boxes[i] = decode(codes, i, anchors);
                    }
                    if (boxes[i].area() > 0) {
                        cand.add(new Raw(c, score, boxes[i]));
                    }
                }
            }
            all.addAll(nms(cand, s.iouThreshold(), s.maxDetections()));
        }
        all.sort(ORDER);
        return all.size() > s.maxDetections() ? new ArrayList<>(all.subList(0, s.maxDetections())) : all;
    }

    /** Highest score first; ties by class, then box position, so the order never depends on the input order. */
    static final Comparator<Raw> ORDER = Comparator.comparingDouble((Raw r) -> -r.score())
            .thenComparingInt(Raw::classIndex).thenComparingDouble(r -> r.box().ymin())
            .thenComparingDouble(r -> r.box().xmin());

    /** Greedy non-maximum suppression: keeps the best, drops what overlaps it by more than {@code iou}, repeats. */
    static List<Raw> nms(List<Raw> cand, double iou, int max) {
        cand.sort(ORDER);
        List<Raw> kept = new ArrayList<>();
        for (Raw r : cand) {
            if (kept.size() >= max) {
                break;
            }
            boolean keep = true;
            for (Raw k : kept) {
                if (k.box().iou(r.box()) > iou) {
                    keep = false;
                    break;
                }
            }
            if (keep) {
                kept.add(r);
            }
        }
        return kept;
    }
}
