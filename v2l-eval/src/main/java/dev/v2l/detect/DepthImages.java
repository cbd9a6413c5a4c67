package dev.v2l.detect;

import dev.v2l.io.BadInputException;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Reads depth frames: 16-bit PNG in millimetres, 0 where unknown (as {@code v2l render} and bench build write). */
public final class DepthImages {

    private DepthImages() {
    }

    public static FloorLifter.Depth read(Path file) throws IOException {
        BufferedImage img;
        try {
            img = ImageIO.read(file.toFile());
        } catch (javax.imageio.IIOException e) {
            throw BadInputException.ofFile(file.toString(), "cannot read the depth image: " + e.getMessage(), e);
        }
        if (img == null) {
            throw BadInputException.ofFile(file.toString(), "not a depth image (expected a 16-bit PNG in "
                    + "millimetres)", null);
        }
        Raster r = img.getRaster();
        int w = r.getWidth();
        int h = r.getHeight();
        int[] px = r.getPixels(0, 0, w, h, (int[]) null);
        float[] m = new float[w * h];
        for (int i = 0; i < m.length; i++) {
            m[i] = px[i] == 0 ? Float.NaN : px[i] / 1000f;
        }
        return new FloorLifter.Depth(m, w, h);
    }
}
