package dev.v2l.detect;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The committed Objectron SSD files on the class path ({@code dev/v2l/detect/objectron/}, copied from the
 * repository's {@code models/objectron/}): the TFLite model and its label map, each checked against the SHA-256 of
 * the bytes extracted from npm {@code @mediapipe/objectron} 0.4.1675468480 (see that folder's README).
 */
public final class ObjectronAssets {

    public static final String DIR = "/dev/v2l/detect/objectron/";
    public static final String MODEL = "object_detection_ssd_mobilenetv2_oidv4_fp16.tflite";
    public static final String LABEL_MAP = "object_detection_oidv4_labelmap.txt";
    public static final String MODEL_SHA256 = "d0a5255bf8c4f5a0bc4240741a76c41d5e939f7655078f945f50ab53a9375da6";
    public static final String LABEL_MAP_SHA256 = "c148336a65f673013609a923fdcbdeec0f49df935045029c3746a3828a0e80e0";
    /** Where the files come from, for provenance and model names. */
    public static final String SOURCE = "npm @mediapipe/objectron@0.4.1675468480 (Apache-2.0)";

    private ObjectronAssets() {
    }

    /** True when the model file is on the class path (a build from a checkout always has it). */
    public static boolean available() {
        return ObjectronAssets.class.getResource(DIR + MODEL) != null;
    }

    /** The model's bytes, checked. @throws IOException when missing or not the committed bytes */
    public static byte[] model() throws IOException {
        return read(MODEL, MODEL_SHA256);
    }

    /**
     * The label map: one class name per line, index = the model's class index; index 0 ({@code ???}) is the SSD's
     * background class.
     */
    public static List<String> labels() throws IOException {
        String text = new String(read(LABEL_MAP, LABEL_MAP_SHA256), StandardCharsets.UTF_8);
        List<String> out = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            if (!line.isEmpty()) {
                out.add(line.strip());
            }
        }
        return out;
    }

    static byte[] read(String name, String sha256) throws IOException {
        byte[] b;
        try (InputStream in = ObjectronAssets.class.getResourceAsStream(DIR + name)) {
            if (in == null) {
                throw new IOException("the detector file " + name + " is not on the class path (expected "
                        + DIR + name + ", built from models/objectron/ of the checkout)");
            }
            b = in.readAllBytes();
        }
        String got = sha256(b);
        if (!got.equals(sha256)) {
            throw new IOException("the detector file " + name + " has SHA-256 " + got + ", expected " + sha256
                    + " (the bytes extracted from " + SOURCE + "; see models/objectron/README.md)");
        }
        return b;
    }

    public static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
