package dev.v2l.video;

import java.awt.image.BufferedImage;

/** A decoded frame: its index in the video, its time in seconds from the first frame, and the picture. */
public record DecodedFrame(int index, double timeSeconds, BufferedImage image) {
}
