package dev.v2l.io;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * A folder name for an id (a scene's images, a video's frames) that is the same for the same id on every run and
 * never the same for two ids, also on case-insensitive file systems: an id of lower-case letters, digits, {@code _},
 * {@code -} and {@code .} (not leading) is its own name; any other id becomes its lower-cased safe characters, then
 * {@code ~} and 10 hex digits of its SHA-256 ({@code kitchen 1} → {@code kitchen_1~8c5e0b1f3a}). No plain name holds
 * a {@code ~}, so the two kinds never meet.
 */
public final class FolderNames {

    private FolderNames() {
    }

    public static String of(String id) {
        if (id.matches("[a-z0-9_-][a-z0-9._-]{0,99}")) {
            return id;
        }
        String safe = id.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "_");
        if (safe.startsWith(".")) {
            safe = "_" + safe.substring(1);
        }
        if (safe.length() > 60) {
            safe = safe.substring(0, 60);
        }
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
            return safe + "~" + HexFormat.of().formatHex(d).substring(0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
