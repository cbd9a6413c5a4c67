package dev.v2l.cli;

import dev.v2l.io.BadInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reading the files and standard input that commands name. */
final class Inputs {

    private Inputs() {
    }

    /** The whole text of a file, or of standard input for "-". */
    static String readText(String fileOrDash) {
        try {
            if (fileOrDash == null || fileOrDash.equals("-")) {
                InputStream in = System.in;
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            return Files.readString(Path.of(fileOrDash), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw BadInputException.ofFile(fileOrDash, "no such file", e);
        } catch (java.nio.charset.MalformedInputException e) {
            throw BadInputException.ofFile(fileOrDash, "not UTF-8 text", e);
        } catch (IOException e) {
            throw BadInputException.ofFile(fileOrDash, "cannot read: " + e.getMessage(), e);
        }
    }

    /** Writes text to a file atomically (temporary file + rename), creating parent directories. */
    static void writeAtomically(Path file, String text) {
        try {
            Path abs = file.toAbsolutePath();
            Files.createDirectories(abs.getParent());
            Path tmp = Files.createTempFile(abs.getParent(), "." + abs.getFileName(), ".tmp");
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, abs, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
