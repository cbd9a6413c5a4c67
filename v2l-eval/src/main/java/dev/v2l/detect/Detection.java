package dev.v2l.detect;

/**
 * One detected object: the detector's class name ({@code Chair}, {@code Computer monitor}, …), its class index in the
 * label map, the score (sigmoid of the class logit, 0–1) and the box in the image's pixels.
 */
public record Detection(String label, int classIndex, double score, PixelBox box) {
}
