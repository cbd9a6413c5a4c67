package dev.v2l.detect;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Path;

/** Reads depth frames: 16-bit PNG in millimetres, 0 where unknown (as {@code v2l render} and bench build write). */
public final class DepthImages {

    private DepthImages() {
    }

    public static FloorLifter.Depth read(Path file) throws IOException {
        BufferedImage img = FrameDetector.read(file, "a depth image (a 16-bit PNG in millimetres)");
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
