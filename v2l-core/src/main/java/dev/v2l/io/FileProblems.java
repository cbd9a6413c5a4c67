package dev.v2l.io;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/**
 * File-system failures as a person would say them ("permission denied", "is a directory"), never as Java class
 * names, and the checks every reader makes before opening a file.
 */
public final class FileProblems {

    private FileProblems() {
    }

    /** What went wrong, in words: no exception class names. */
    public static String describe(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NotDirectoryException) {
            return "a path component is a file, not a folder";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "a file of that name is in the way";
        }
        if (e instanceof DirectoryNotEmptyException) {
            return "a non-empty folder is in the way";
        }
        if (e instanceof CharacterCodingException) {
            return "not UTF-8 text (a binary file?)";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return lower(f.getReason());
        }
        String m = e.getMessage();
        return m == null || m.isBlank() ? "input/output error" : lower(m);
    }

    private static String lower(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    /**
     * A readable regular file, or bad input naming it and what was expected ({@code expected}, e.g. "a JSON Lines
     * file of predictions").
     */
    public static Path readableFile(Path file, String expected) {
        if (Files.isDirectory(file)) {
            throw BadInputException.ofFile(file.toString(), "is a folder; expected " + expected, null);
        }
        if (!Files.exists(file)) {
            throw BadInputException.ofFile(file.toString(), "no such file; expected " + expected, null);
        }
        if (!Files.isReadable(file)) {
            throw BadInputException.ofFile(file.toString(), "permission denied; expected " + expected
                    + " that can be read", null);
        }
        return file;
    }

    /** A read failure naming the file. */
    public static BadInputException reading(Path file, IOException e) {
        return BadInputException.ofFile(file.toString(), "cannot read: " + describe(e), e);
    }

    /** A write failure naming the file; the CLI exits with 2 (the output path is the user's to fix). */
    public static BadInputException writing(Path file, IOException e) {
        return BadInputException.ofFile(file.toString(), "cannot write: " + describe(e), e);
    }
}
