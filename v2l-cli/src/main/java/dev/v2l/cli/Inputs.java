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

    /** The whole text of a file, or of standard input for "-": UTF-8 text, not binary data. */
    static String readText(String fileOrDash) {
        String name = fileOrDash == null || fileOrDash.equals("-") ? "standard input" : fileOrDash;
        try {
            byte[] bytes;
            if (fileOrDash == null || fileOrDash.equals("-")) {
                InputStream in = System.in;
                bytes = in.readAllBytes();
            } else {
                bytes = Files.readAllBytes(Path.of(fileOrDash));
            }
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
            int nul = text.indexOf('\0');
            if (nul >= 0) {
                throw BadInputException.ofFile(name, "binary data, not text (a NUL character at offset " + nul + ")",
                        null);
            }
            return text;
        } catch (NoSuchFileException e) {
            throw BadInputException.ofFile(fileOrDash, "no such file", e);
        } catch (java.nio.charset.CharacterCodingException e) {
            throw BadInputException.ofFile(name, "not UTF-8 text (binary data?)", e);
        } catch (IOException e) {
            throw BadInputException.ofFile(fileOrDash, "cannot read: " + e.getMessage(), e);
        }
    }

    /**
     * Writes text to a file atomically (temporary file + rename, removed on failure, normal permissions), creating
     * parent directories.
     */
    static void writeAtomically(Path file, String text) {
        dev.v2l.io.AtomicFiles.writeString(file, text);
    }
}
