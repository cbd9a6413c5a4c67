package dev.v2l.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SsdDecoderTest {

    private static final SsdAnchors A = SsdAnchors.generate(SsdAnchors.OBJECTRON);
    private static final int C = 4;

    private static float logit(double p) {
        return (float) Math.log(p / (1 - p));
    }

    private static float[] codes() {
        return new float[A.size() * 4];
    }

    private static float[] logits() {
        float[] l = new float[A.size() * C];
        java.util.Arrays.fill(l, -10f);
        return l;
    }

    @Test
    void zeroCodesGiveTheAnchorAndCodesFollowTheBoxCoder() {
        int i = 19 * 19 * 3 + (5 * 10 + 5) * 6 + 1; // cell (5, 5) of the 10×10 layer, ratio 2: well inside
        SsdDecoder.Box b = SsdDecoder.decode(codes(), i, A);
        assertThat((b.ymin() + b.ymax()) / 2).isCloseTo(A.yCenter()[i], within(1e-6f));
        assertThat(b.xmax() - b.xmin()).isCloseTo(A.width()[i], within(1e-6f));
        float[] c = codes();
        // ty = -10 moves the centre one anchor height up; th = 5 · ln 2 doubles the height
        c[4 * i] = -10f;
        c[4 * i + 1] = -5f;
        c[4 * i + 2] = (float) (5 * Math.log(2));
        b = SsdDecoder.decode(c, i, A);
        assertThat((b.ymin() + b.ymax()) / 2).isCloseTo(A.yCenter()[i] - A.height()[i], within(1e-6f));
        assertThat((b.xmin() + b.xmax()) / 2).isCloseTo(A.xCenter()[i] - A.width()[i] / 2, within(1e-6f));
        assertThat(b.ymax() - b.ymin()).isCloseTo(2 * A.height()[i], within(1e-5f));
    }

    @Test
    void boxesAreClippedToTheImage() {
        SsdDecoder.Box b = SsdDecoder.decode(codes(), 0, A); // centred 0.026 from the corner, 0.1 wide
        assertThat(b.xmin()).isZero();
        assertThat(b.ymin()).isZero();
        assertThat(b.xmax()).isCloseTo(0.5f / 19 + 0.05f, within(1e-6f));
    }

    @Test
    void scoresAreSigmoidsAboveTheThresholdAndTheBackgroundIsNeverReported() {
        float[] l = logits();
        l[10 * C] = logit(0.99); // background of anchor 10
        l[11 * C + 1] = logit(0.8);
        l[12 * C + 2] = logit(0.29);
        var out = SsdDecoder.decode(codes(), l, C, A, SsdDecoder.Settings.DEFAULT);
        assertThat(out).hasSize(1);
        assertThat(out.get(0).classIndex()).isEqualTo(1);
        assertThat(out.get(0).score()).isCloseTo(0.8f, within(1e-6f));
        assertThat(SsdDecoder.decode(codes(), l, C, A, SsdDecoder.Settings.DEFAULT.withMinScore(0.25))).hasSize(2);
    }

    @Test
    void suppressionIsPerClassAtTheIouThreshold() {
        // Anchor `big` is the 0.35 square of cell (5, 5) of the 10×10 layer; big + 5 the interpolated
        // √(0.35 · 0.5) square at the same centre: IoU 0.35² / 0.175 = 0.7.
        float[] c = codes();
        float[] l = logits();
        int big = 19 * 19 * 3 + (5 * 10 + 5) * 6;
        l[big * C + 1] = logit(0.9);
        l[(big + 5) * C + 1] = logit(0.7); // same class: dropped or kept by the threshold
        l[(big + 5) * C + 2] = logit(0.6); // another class on the same box: always kept
        SsdDecoder.Box b0 = SsdDecoder.decode(c, big, A);
        SsdDecoder.Box b5 = SsdDecoder.decode(c, big + 5, A);
        double iou = b0.iou(b5);
        assertThat(iou).isCloseTo(0.7, within(1e-3));
        var strict = SsdDecoder.decode(c, l, C, A, new SsdDecoder.Settings(0.3, iou - 0.01, 100));
        assertThat(strict).extracting(SsdDecoder.Raw::classIndex).containsExactly(1, 2);
        var loose = SsdDecoder.decode(c, l, C, A, new SsdDecoder.Settings(0.3, iou + 0.01, 100));
        assertThat(loose).extracting(SsdDecoder.Raw::score).containsExactly(0.9f, 0.7f, 0.6f);
        var capped = SsdDecoder.decode(c, l, C, A, new SsdDecoder.Settings(0.3, iou + 0.01, 2));
        assertThat(capped).hasSize(2);
    }

    @Test
    void outputsOfTheWrongSizeAreRejected() {
        assertThatThrownBy(() -> SsdDecoder.decode(new float[8], new float[8], 2, A, SsdDecoder.Settings.DEFAULT))
                .hasMessageContaining("do not match the anchors");
        assertThatThrownBy(() -> SsdDecoder.Settings.DEFAULT.withMinScore(1.5)).hasMessageContaining("--min-score");
    }
}
