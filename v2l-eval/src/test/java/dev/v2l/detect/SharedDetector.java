package dev.v2l.detect;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/**
 * One Objectron detector for every test in this JVM (loading the model takes about half a second; the tests share
 * it instead), and the free-licence photographs under {@code photos/}.
 */
public final class SharedDetector {

    private static Detector detector;

    private SharedDetector() {
    }

    public static synchronized Detector get() {
        if (detector == null) {
            try {
                detector = Detector.objectron(2);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return detector;
    }

    /**
     * A photograph of scikit-image's sample data: {@code coffee} (CC0, Rachel Michetti), {@code chelsea} (CC0,
     * Stefan van der Walt), {@code astronaut} (NASA, public domain); see {@code photos/README.md}.
     */
    public static BufferedImage photo(String name) {
        try (InputStream in = SharedDetector.class.getResourceAsStream("photos/" + name + ".png")) {
            return ImageIO.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
