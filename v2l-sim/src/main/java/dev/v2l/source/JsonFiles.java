package dev.v2l.source;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.v2l.io.BadInputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/** Reading JSON and JSON Lines files (optionally gzipped) into trees, with errors that name file and line. */
final class JsonFiles {

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .enable(JsonParser.Feature.ALLOW_NON_NUMERIC_NUMBERS)
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
        try (InputStream in = open(file)) {
            return MAPPER.readTree(in);
        } catch (NoSuchFileException e) {
            throw BadInputException.ofFile(file.toString(), "no such file", e);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw BadInputException.ofFile(file.toString(), "not valid JSON at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw BadInputException.ofFile(file.toString(), "cannot read: " + e.getMessage(), e);
        }
    }

    /** Each non-blank line of a JSON Lines file as a tree; line numbers from 1. */
    static List<JsonNode> readLines(Path file) {
        List<JsonNode> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(open(file), StandardCharsets.UTF_8))) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    out.add(MAPPER.readTree(line));
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    throw new BadInputException(file.toString(), "line " + n, null,
                            "not valid JSON: " + e.getOriginalMessage(), e);
                }
            }
        } catch (NoSuchFileException e) {
            throw BadInputException.ofFile(file.toString(), "no such file", e);
        } catch (IOException e) {
            throw BadInputException.ofFile(file.toString(), "cannot read: " + e.getMessage(), e);
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
