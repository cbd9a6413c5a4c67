package dev.v2l.video;

import static org.assertj.core.api.Assertions.assertThat;

import dev.v2l.io.Images;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class FramePngTest {

    static BufferedImage picture(int type, int w, int h) {
        BufferedImage img = new BufferedImage(w, h, type);
        Random rnd = new Random(7);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                // smooth areas (where the filter matters) and noise
                int v = x < w / 2 ? (x * 3 + y * 5) & 255 : rnd.nextInt(1 << 24);
                img.setRGB(x, y, x < w / 2 ? (v << 16) | ((255 - v) << 8) | (v / 2) : v);
            }
        }
        return img;
    }

    @Test
    void decodesToExactlyThePixels() throws Exception {
        for (int type : new int[] {BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_INT_RGB}) {
            for (int[] size : new int[][] {{1, 1}, {3, 7}, {333, 201}}) {
                BufferedImage img = picture(type, size[0], size[1]);
                BufferedImage back = ImageIO.read(new ByteArrayInputStream(FramePng.encode(img)));
                assertThat(back.getWidth()).isEqualTo(size[0]);
                assertThat(back.getColorModel().hasAlpha()).isFalse();
                for (int y = 0; y < size[1]; y++) {
                    for (int x = 0; x < size[0]; x++) {
                        assertThat(back.getRGB(x, y)).as("type %d, %dx%d at %d,%d", type, size[0], size[1], x, y)
                                .isEqualTo(img.getRGB(x, y));
                    }
                }
            }
        }
    }

    @Test
    void sameImageSameBytesAndNoBiggerThanImageIo() {
        BufferedImage img = picture(BufferedImage.TYPE_3BYTE_BGR, 640, 360);
        assertThat(FramePng.encode(img)).isEqualTo(FramePng.encode(img));
        // smooth half compresses well with the Up filter: not larger than the JDK writer's output by more than 10%
        assertThat((double) FramePng.encode(img).length).isLessThan(Images.png(img).length * 1.1);
    }
}
