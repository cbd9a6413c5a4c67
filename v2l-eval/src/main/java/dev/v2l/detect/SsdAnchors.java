package dev.v2l.detect;

import java.util.List;

/**
 * SSD anchor boxes as TensorFlow's Object Detection API generates them for an {@code ssd_anchor_generator} (and
 * MediaPipe's {@code SsdAnchorsCalculator} reproduces): per layer a grid of {@code ceil(input / stride)} cells, each
 * cell's anchors centred at {@code (cell + 0.5) / cells}; scale {@code min + (max - min) · layer / (layers - 1)};
 * per aspect ratio r a box {@code scale / √r} high and {@code scale · √r} wide; the lowest layer reduced to
 * (0.1, 1), (scale, 2), (scale, 0.5); every other layer adds one box of scale {@code √(scale · next scale)} at the
 * interpolated aspect ratio (next scale 1 after the last layer). Order: layer, row, column, box — the order of the
 * model's 1917 outputs. Coordinates are normalised to the input (0–1).
 *
 * @param yCenter box centres (normalised rows), one per anchor
 * @param xCenter box centres (normalised columns)
 * @param height  box heights (normalised)
 * @param width   box widths (normalised)
 */
public record SsdAnchors(float[] yCenter, float[] xCenter, float[] height, float[] width) {

    /** The generator's settings. */
    public record Options(int inputHeight, int inputWidth, double minScale, double maxScale, List<Integer> strides,
            List<Double> aspectRatios, boolean reduceBoxesInLowestLayer, double interpolatedScaleAspectRatio) {
    }

    /**
     * The Objectron SSD's settings: MediaPipe's {@code object_detection_oid_v4_cpu.pbtxt} and the TF Object
     * Detection API's {@code ssd_mobilenet_v2_oid_v4.config} (6 layers, scales 0.2–0.95, aspect ratios 1, 2, 0.5, 3,
     * 0.3333, 300 × 300 input; strides 16–512 give the 19, 10, 5, 3, 2, 1 cell grids of MobileNetV2's feature maps).
     */
    public static final Options OBJECTRON = new Options(300, 300, 0.2, 0.95, List.of(16, 32, 64, 128, 256, 512),
            List.of(1.0, 2.0, 0.5, 3.0, 0.3333), true, 1.0);

    public int size() {
        return yCenter.length;
    }

    public static SsdAnchors generate(Options o) {
        int layers = o.strides().size();
        int total = 0;
        for (int l = 0; l < layers; l++) {
            total += cells(o.inputHeight(), o.strides().get(l)) * cells(o.inputWidth(), o.strides().get(l))
                    * boxesPerCell(o, l);
        }
        float[] yc = new float[total];
        float[] xc = new float[total];
        float[] h = new float[total];
        float[] w = new float[total];
        int k = 0;
        for (int l = 0; l < layers; l++) {
            float scale = scale(o, l, layers);
            int n = boxesPerCell(o, l);
            float[] bh = new float[n];
            float[] bw = new float[n];
            if (l == 0 && o.reduceBoxesInLowestLayer()) {
                float[][] specs = {{0.1f, 1.0f}, {scale, 2.0f}, {scale, 0.5f}};
                for (int i = 0; i < 3; i++) {
                    float r = (float) Math.sqrt(specs[i][1]);
                    bh[i] = specs[i][0] / r;
                    bw[i] = specs[i][0] * r;
                }
            } else {
                for (int i = 0; i < o.aspectRatios().size(); i++) {
                    float r = (float) Math.sqrt(o.aspectRatios().get(i).floatValue());
                    bh[i] = scale / r;
                    bw[i] = scale * r;
                }
                if (o.interpolatedScaleAspectRatio() > 0) {
                    float next = l == layers - 1 ? 1.0f : scale(o, l + 1, layers);
                    float s = (float) Math.sqrt(scale * next);
                    float r = (float) Math.sqrt((float) o.interpolatedScaleAspectRatio());
                    bh[n - 1] = s / r;
                    bw[n - 1] = s * r;
                }
            }
            int rows = cells(o.inputHeight(), o.strides().get(l));
            int cols = cells(o.inputWidth(), o.strides().get(l));
            for (int y = 0; y < rows; y++) {
                for (int x = 0; x < cols; x++) {
                    for (int i = 0; i < n; i++) {
                        yc[k] = (y + 0.5f) / rows;
                        xc[k] = (x + 0.5f) / cols;
                        h[k] = bh[i];
                        w[k] = bw[i];
                        k++;
                    }
                }
            }
        }
        return new SsdAnchors(yc, xc, h, w);
    }

    private static int cells(int input, int stride) {
        return (int) Math.ceil((double) input / stride);
    }

    private static int boxesPerCell(Options o, int layer) {
        if (layer == 0 && o.reduceBoxesInLowestLayer()) {
            return 3;
        }
        return o.aspectRatios().size() + (o.interpolatedScaleAspectRatio() > 0 ? 1 : 0);
    }

    private static float scale(Options o, int layer, int layers) {
        return layers == 1 ? (float) ((o.minScale() + o.maxScale()) / 2)
                : (float) (o.minScale() + (o.maxScale() - o.minScale()) * layer / (layers - 1.0));
    }
}
