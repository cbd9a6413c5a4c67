package dev.v2l.source;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.v2l.io.BadInputException;
import dev.v2l.io.FileProblems;
import dev.v2l.io.JsonLines;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/** Reading JSON and JSON Lines files (optionally gzipped) into trees, with errors that name file and line. */
final class JsonFiles {

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .enable(JsonParser.Feature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private JsonFiles() {
    }

    static InputStream open(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        return file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(in, 1 << 16) : in;
    }

    static boolean isJsonLines(Path file) {
        String n = file.getFileName().toString();
        return n.endsWith(".jsonl") || n.endsWith(".jsonl.gz") || n.endsWith(".ndjson");
    }

    /** The whole file as one JSON tree. */
    static JsonNode readTree(Path file) {
        FileProblems.readableFile(file, "a JSON scene file");
        try (InputStream in = open(file)) {
            JsonNode n = MAPPER.readTree(in);
            if (n == null || n.isMissingNode()) {
                throw BadInputException.ofFile(file.toString(), "empty file; expected JSON", null);
            }
            return n;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            String what = e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Trailing token")
                    ? "something follows the JSON value (one value per file; for several, use a list or JSON Lines)"
                    : JsonLines.message(e);
            throw BadInputException.ofFile(file.toString(), "not valid JSON at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ": " + what, e);
        } catch (IOException e) {
            throw FileProblems.reading(file, e);
        }
    }

    /** Each non-blank line of a JSON Lines file as a tree; line numbers from 1. */
    static List<JsonNode> readLines(Path file) {
        FileProblems.readableFile(file, "a JSON Lines file of scenes");
        List<JsonNode> out = new ArrayList<>();
        try (JsonLines r = JsonLines.of(file.toString(), open(file))) {
            String line;
            while ((line = r.nextLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                try {
                    out.add(MAPPER.readTree(line));
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    throw new BadInputException(file.toString(), "line " + r.lineNumber(), null,
                            JsonLines.problem(e), e);
                }
            }
        } catch (IOException e) {
            throw FileProblems.reading(file, e);
        }
        return out;
    }

    /** A file's records: the lines of a JSON Lines file, the items of a top-level list, or the one object. */
    static List<JsonNode> records(Path file) {
        if (isJsonLines(file)) {
            return readLines(file);
        }
        JsonNode root = readTree(file);
        List<JsonNode> out = new ArrayList<>();
        if (root.isArray()) {
            root.forEach(out::add);
        } else {
            out.add(root);
        }
        return out;
    }

    static String stem(Path file) {
        String n = file.getFileName().toString();
        for (String ext : new String[] {".jsonl.gz", ".json.gz", ".jsonl", ".json", ".ndjson"}) {
            if (n.endsWith(ext)) {
                return n.substring(0, n.length() - ext.length());
            }
        }
        return n;
    }
}
