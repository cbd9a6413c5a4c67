package dev.v2l.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reading JSON Lines strictly: one JSON value per line and nothing after it (a line holding two records, or a record
 * followed by garbage, is an error, not a silently dropped record), UTF-8 checked, blank lines skipped. Errors are
 * {@link BadInputException}s naming the file and line.
 */
public final class JsonLines implements AutoCloseable {

    /** A mapper that refuses anything after the first value. */
    public static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    private final String name;
    private final BufferedReader reader;
    private long lineNumber;

    private JsonLines(String name, InputStream in) {
        this.name = name;
        this.reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)),
                1 << 16);
    }

    /** Opens a file ({@code expected} says what it should be, for errors), or standard input for "-". */
    public static JsonLines open(String fileOrDash, String expected) {
        if (fileOrDash.equals("-")) {
            return new JsonLines("standard input", System.in);
        }
        Path p = FileProblems.readableFile(Path.of(fileOrDash), expected);
        try {
            return new JsonLines(fileOrDash, Files.newInputStream(p));
        } catch (IOException e) {
            throw FileProblems.reading(p, e);
        }
    }

    public static JsonLines open(Path file, String expected) {
        return open(file.toString(), expected);
    }

    /** Over any stream (tests, pipes); {@code name} is what errors call it. */
    public static JsonLines of(String name, InputStream in) {
        return new JsonLines(name, in);
    }

    public String name() {
        return name;
    }

    /** The number of the line last read (1-based). */
    public long lineNumber() {
        return lineNumber;
    }

    /** The next line's text (blank lines included), or null at the end; invalid UTF-8 is bad input. */
    public String nextLine() {
        try {
            String line = reader.readLine();
            if (line != null) {
                lineNumber++;
            }
            return line;
        } catch (CharacterCodingException e) {
            throw new BadInputException(name, "line " + (lineNumber + 1), null, "not UTF-8 text (a binary file?); "
                    + "expected JSON Lines", e);
        } catch (IOException e) {
            throw BadInputException.ofFile(name, "cannot read: " + FileProblems.describe(e), e);
        }
    }

    /** The next non-blank line as JSON, or null at the end. */
    public JsonNode next() {
        String line;
        do {
            line = nextLine();
            if (line == null) {
                return null;
            }
        } while (line.isBlank());
        return parse(line, name, lineNumber);
    }

    /** One line as one JSON value; anything after it is an error naming the line. */
    public static JsonNode parse(String line, String name, long lineNumber) {
        try {
            return STRICT.readTree(line);
        } catch (JsonProcessingException e) {
            throw new BadInputException(name, "line " + lineNumber, null, problem(e), e);
        }
    }

    /** What is wrong with a line, in words ("not valid JSON: …", "more than one JSON value on the line"). */
    public static String problem(JsonProcessingException e) {
        String m = message(e);
        if (m != null && m.startsWith("Trailing token")) {
            return "more than one JSON value on the line (one record per line; found something after the first)";
        }
        return "not valid JSON: " + m;
    }

    /** Jackson's message without its "[Source: …]" notes (Java class names, not the user's file). */
    public static String message(JsonProcessingException e) {
        String m = e.getOriginalMessage();
        return m == null ? "" : m.replaceAll("\\s*\\(start marker at \\[Source: [^\\]]*\\][^)]*\\)", "")
                .replaceAll("\\s*at \\[Source: [^\\]]*\\]", "").replaceAll("\\[Source: [^\\]]*\\]", "");
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
