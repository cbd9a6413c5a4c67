package dev.v2l.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SsdAnchorsTest {

    private final SsdAnchors a = SsdAnchors.generate(SsdAnchors.OBJECTRON);

    @Test
    void givesOneAnchorPerModelOutput() {
        // 19×19 cells × 3 boxes + (10² + 5² + 3² + 2² + 1²) cells × 6 boxes
        assertThat(a.size()).isEqualTo(19 * 19 * 3 + (100 + 25 + 9 + 4 + 1) * 6).isEqualTo(1917);
    }

    @Test
    void theLowestLayerHasTheReducedBoxes() {
        // cell (0, 0) of the 19×19 layer: (0.1, ratio 1), (0.2, ratio 2), (0.2, ratio 0.5)
        float c = 0.5f / 19;
        assertThat(a.yCenter()[0]).isCloseTo(c, within(1e-7f));
        assertThat(a.xCenter()[0]).isCloseTo(c, within(1e-7f));
        assertThat(a.height()[0]).isCloseTo(0.1f, within(1e-7f));
        assertThat(a.width()[0]).isCloseTo(0.1f, within(1e-7f));
        assertThat(a.height()[1]).isCloseTo((float) (0.2 / Math.sqrt(2)), within(1e-6f));
        assertThat(a.width()[1]).isCloseTo((float) (0.2 * Math.sqrt(2)), within(1e-6f));
        assertThat(a.height()[2]).isCloseTo((float) (0.2 / Math.sqrt(0.5)), within(1e-6f));
        // the next cell moves right (columns vary fastest)
        assertThat(a.xCenter()[3]).isCloseTo(1.5f / 19, within(1e-7f));
        assertThat(a.yCenter()[3]).isCloseTo(c, within(1e-7f));
    }

    @Test
    void otherLayersHaveFiveRatiosAndTheInterpolatedScale() {
        int first = 19 * 19 * 3; // layer 1: 10×10, scale 0.2 + 0.75 / 5 = 0.35
        assertThat(a.height()[first]).isCloseTo(0.35f, within(1e-6f));
        assertThat(a.width()[first + 3]).isCloseTo((float) (0.35 * Math.sqrt(3)), within(1e-6f));
        assertThat(a.height()[first + 5]).isCloseTo((float) Math.sqrt(0.35 * 0.5), within(1e-6f));
        assertThat(a.xCenter()[first]).isCloseTo(0.05f, within(1e-7f));
        // the last layer is one cell centred in the image, interpolated scale √(0.95 · 1)
        int last = a.size() - 1;
        assertThat(a.xCenter()[last]).isEqualTo(0.5f);
        assertThat(a.yCenter()[last]).isEqualTo(0.5f);
        assertThat(a.height()[last]).isCloseTo((float) Math.sqrt(0.95), within(1e-6f));
        assertThat(a.height()[last - 5]).isCloseTo(0.95f, within(1e-6f));
    }
}
