package dev.v2l.render;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferUShort;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import javax.imageio.ImageIO;

/**
 * Writing frames as images: RGB PNG, depth as 16-bit PNG in millimetres (0 where nothing was hit, saturating at
 * 65.535 m), instance masks as 16-bit PNG (object index + 1; 0 for structure and background). Each file is written
 * to a temporary name and renamed.
 */
public final class FrameFiles {

    private FrameFiles() {
    }

    public static BufferedImage rgbImage(RenderTarget t) {
        BufferedImage img = new BufferedImage(t.width, t.height, BufferedImage.TYPE_INT_RGB);
        img.setRGB(0, 0, t.width, t.height, t.rgb, 0, t.width);
        return img;
    }

    public static BufferedImage depthImage(RenderTarget t) {
        BufferedImage img = new BufferedImage(t.width, t.height, BufferedImage.TYPE_USHORT_GRAY);
        short[] data = ((DataBufferUShort) img.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < data.length; i++) {
            float z = t.depth[i];
            long mm = Float.isInfinite(z) ? 0 : Math.round(z * 1000.0);
            data[i] = (short) Math.min(65535, Math.max(0, mm));
        }
        return img;
    }

    public static BufferedImage instanceImage(RenderTarget t) {
        BufferedImage img = new BufferedImage(t.width, t.height, BufferedImage.TYPE_USHORT_GRAY);
        short[] data = ((DataBufferUShort) img.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < data.length; i++) {
            data[i] = (short) Math.min(65535, t.instance[i]);
        }
        return img;
    }

    public static void writePng(BufferedImage img, Path file) throws IOException {
        Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
        if (!ImageIO.write(img, "png", tmp.toFile())) {
            throw new IOException("no PNG writer for " + file);
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Depth in metres from a 16-bit millimetre PNG (NaN where 0). */
    public static float[] readDepth(Path file) throws IOException {
        BufferedImage img = ImageIO.read(file.toFile());
        float[] out = new float[img.getWidth() * img.getHeight()];
        int[] px = img.getRaster().getPixels(0, 0, img.getWidth(), img.getHeight(), (int[]) null);
        for (int i = 0; i < out.length; i++) {
            out[i] = px[i] == 0 ? Float.NaN : px[i] / 1000f;
        }
        return out;
    }
}
