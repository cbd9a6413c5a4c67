package dev.v2l.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class InputTensorTest {

    @Test
    void mapsChannelsToMinusOneToOneInRgbOrder() {
        BufferedImage img = new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 2; y++) {
            for (int x = 0; x < 2; x++) {
                img.setRGB(x, y, 0xFF0080);
            }
        }
        float[] t = InputTensor.of(img, 3, 3);
        for (int i = 0; i < 9; i++) {
            assertThat(t[3 * i]).isCloseTo(1f, within(1e-6f));
            assertThat(t[3 * i + 1]).isCloseTo(-1f, within(1e-6f));
            assertThat(t[3 * i + 2]).isCloseTo(128 / 127.5f - 1, within(1e-6f));
        }
    }

    @Test
    void shrinkingAveragesAreasAndGrowingInterpolates() {
        // 4 columns 0, 0, 255, 255 shrunk to 2: each output is the mean of two; grown to 8: a ramp in the middle.
        BufferedImage img = new BufferedImage(4, 1, BufferedImage.TYPE_INT_RGB);
        img.setRGB(2, 0, 0xFFFFFF);
        img.setRGB(3, 0, 0xFFFFFF);
        float[] small = InputTensor.of(img, 2, 1);
        assertThat(small[0]).isCloseTo(-1f, within(1e-6f));
        assertThat(small[3]).isCloseTo(1f, within(1e-6f));
        float[] three = InputTensor.of(img, 3, 1); // output 1 covers input [1.33, 2.67): 0.67 black, 0.67 white
        assertThat(three[3]).isCloseTo(0f, within(1e-5f));
        float[] big = InputTensor.of(img, 8, 1);
        assertThat(big[0]).isCloseTo(-1f, within(1e-6f));
        assertThat(big[3 * 3]).isCloseTo(-0.5f, within(1e-5f)); // centre 1.75 → 25 % of the way to white
        assertThat(big[3 * 4]).isCloseTo(0.5f, within(1e-5f));
        assertThat(big[3 * 7]).isCloseTo(1f, within(1e-6f));
    }
}
