package dev.v2l.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code samples.jsonl}, append-only: each record is one line, written with a single write of the whole line, so a
 * crash (even {@code kill -9}) leaves at most a partial last line. Opening the store for a rerun keeps every complete
 * successful record and drops a partial last line and the records of failed requests (they are asked again), by
 * rewriting the file atomically when there is anything to drop. The keys kept are {@link #done()}.
 */
public final class ResultStore implements AutoCloseable {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Path file;
    private final FileChannel channel;
    private final Set<String> done = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final int partialDropped;
    private final int failuresDropped;

    private ResultStore(Path file, int partial, int failures) throws IOException {
        this.file = file;
        this.partialDropped = partial;
        this.failuresDropped = failures;
        this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
    }

    /** Opens (creating) {@code dir/samples.jsonl}, ready to resume. */
    public static ResultStore open(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path f = dir.resolve("samples.jsonl");
        List<String> keep = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        int partial = 0;
        int failures = 0;
        boolean rewrite = false;
        if (Files.exists(f)) {
            byte[] all = Files.readAllBytes(f);
            int end = all.length;
            if (end > 0 && all[end - 1] != '\n') {
                // an interrupted write: the last line is incomplete
                int nl = end - 1;
                while (nl >= 0 && all[nl] != '\n') {
                    nl--;
                }
                end = nl + 1;
                partial = 1;
                rewrite = true;
            }
            String text = new String(all, 0, end, StandardCharsets.UTF_8);
            for (String line : text.split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode n;
                try {
                    n = MAPPER.readTree(line);
                } catch (JsonProcessingException e) {
                    partial++;
                    rewrite = true;
                    continue;
                }
                String k = SampleScorer.key(n.path("item_id").asText(), n.path("model").asText(),
                        n.path("prompt").asText());
                if (n.hasNonNull("error")) {
                    failures++;
                    rewrite = true;
                    continue;
                }
                if (!keys.add(k)) {
                    rewrite = true; // a duplicate cannot come from this writer; keep the first
                    continue;
                }
                keep.add(line);
            }
            if (rewrite) {
                Path tmp = dir.resolve(".samples.jsonl.tmp");
                try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                    for (String line : keep) {
                        w.write(line);
                        w.write('\n');
                    }
                }
                Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        }
        ResultStore s = new ResultStore(f, partial, failures);
        s.done.addAll(keys);
        return s;
    }

    public Path file() {
        return file;
    }

    /** Keys ({@link SampleScorer#key}) of the records already stored. */
    public Set<String> done() {
        return java.util.Collections.unmodifiableSet(done);
    }

    /** Incomplete lines dropped on opening (0 or 1 after a crash). */
    public int partialDropped() {
        return partialDropped;
    }

    /** Failed requests dropped on opening, to be asked again. */
    public int failuresDropped() {
        return failuresDropped;
    }

    /** Appends one record as one line, in one write. */
    public void append(ObjectNode record) throws IOException {
        byte[] line = (MAPPER.writeValueAsString(record) + "\n").getBytes(StandardCharsets.UTF_8);
        synchronized (this) {
            ByteBuffer b = ByteBuffer.wrap(line);
            while (b.hasRemaining()) {
                channel.write(b);
            }
        }
        if (!record.hasNonNull("error")) {
            done.add(SampleScorer.key(record.path("item_id").asText(), record.path("model").asText(),
                    record.path("prompt").asText()));
        }
    }

    /** Every record in the file (one per line). */
    public static List<JsonNode> readAll(Path dir) throws IOException {
        Path f = Files.isDirectory(dir) ? dir.resolve("samples.jsonl") : dir;
        List<JsonNode> out = new ArrayList<>();
        int no = 0;
        for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
            no++;
            if (line.isBlank()) {
                continue;
            }
            try {
                out.add(MAPPER.readTree(line));
            } catch (JsonProcessingException e) {
                throw new dev.v2l.io.BadInputException(f.toString(), "line " + no, null, "not a JSON record ("
                        + e.getOriginalMessage() + "); an interrupted run is repaired by running eval again");
            }
        }
        return out;
    }

    @Override
    public synchronized void close() throws IOException {
        channel.close();
    }
}
