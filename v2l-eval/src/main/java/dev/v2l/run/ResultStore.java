package dev.v2l.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code samples.jsonl}, append-only: each record is one line, written with a single write of the whole line, so a
 * crash (even {@code kill -9}) leaves at most a partial last line. Opening the store for a rerun keeps every complete
 * successful record and drops a partial last line and the records of failed requests (they are asked again), by
 * rewriting the file atomically when there is anything to drop. Given the benchmark's items, a stored record counts
 * only when it was made for the same item content ({@code item_hash}): records of items whose content changed, or
 * that the benchmark no longer has, are moved to {@code stale.jsonl} (nothing is lost) and those items are asked
 * again. The keys kept are {@link #done()}.
 */
public final class ResultStore implements AutoCloseable {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Path file;
    private final FileChannel channel;
    private final Set<String> done = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final int partialDropped;
    private final int failuresDropped;
    private final int changedDropped;
    private final int removedDropped;

    private ResultStore(Path file, int partial, int failures, int changed, int removed) throws IOException {
        this.file = file;
        this.partialDropped = partial;
        this.failuresDropped = failures;
        this.changedDropped = changed;
        this.removedDropped = removed;
        this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
    }

    /** Opens (creating) {@code dir/samples.jsonl}, ready to resume, without checking item content. */
    public static ResultStore open(Path dir) throws IOException {
        return open(dir, null);
    }

    /**
     * Opens (creating) {@code dir/samples.jsonl}, ready to resume: with {@code itemHashes} (item id → content hash,
     * {@link BenchItems#hashes}), records of changed or removed items are moved to {@code stale.jsonl}.
     */
    public static ResultStore open(Path dir, java.util.Map<String, String> itemHashes) throws IOException {
        Files.createDirectories(dir);
        Path f = dir.resolve("samples.jsonl");
        List<String> keep = new ArrayList<>();
        List<String> stale = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        int partial = 0;
        int failures = 0;
        int changed = 0;
        int removed = 0;
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
                    n = dev.v2l.io.JsonLines.STRICT.readTree(line);
                } catch (JsonProcessingException e) {
                    partial++;
                    rewrite = true;
                    continue;
                }
                if (itemHashes != null) {
                    String want = itemHashes.get(n.path("item_id").asText());
                    if (want == null || !want.equals(n.path("item_hash").asText(null))) {
                        if (!n.hasNonNull("error")) {
                            stale.add(line);
                            if (want == null) {
                                removed++;
                            } else {
                                changed++;
                            }
                        }
                        rewrite = true;
                        continue;
                    }
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
            if (!stale.isEmpty()) {
                // appended before the rewrite, so a crash in between duplicates nothing in samples.jsonl
                Path sf = dir.resolve(STALE);
                Files.write(sf, (String.join("\n", stale) + "\n").getBytes(StandardCharsets.UTF_8),
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            }
            if (rewrite) {
                try (dev.v2l.io.AtomicFiles.Output out = dev.v2l.io.AtomicFiles.create(f)) {
                    java.io.Writer w = out.writer();
                    for (String line : keep) {
                        w.write(line);
                        w.write('\n');
                    }
                    out.commit();
                }
            }
        }
        ResultStore s = new ResultStore(f, partial, failures, changed, removed);
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

    /** The file stale records are moved to, beside {@code samples.jsonl}. */
    public static final String STALE = "stale.jsonl";

    /** Stored results whose item's content changed since: moved to {@link #STALE}, the items asked again. */
    public int changedDropped() {
        return changedDropped;
    }

    /** Stored results of items the benchmark no longer has: moved to {@link #STALE}. */
    public int removedDropped() {
        return removedDropped;
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
        try (dev.v2l.io.JsonLines r = dev.v2l.io.JsonLines.open(f, "samples.jsonl written by 'v2l eval', or its "
                + "folder")) {
            String line;
            while ((line = r.nextLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                try {
                    out.add(dev.v2l.io.JsonLines.STRICT.readTree(line));
                } catch (JsonProcessingException e) {
                    throw new dev.v2l.io.BadInputException(f.toString(), "line " + r.lineNumber(), null,
                            dev.v2l.io.JsonLines.problem(e) + " (an interrupted run is repaired by running eval "
                                    + "again)");
                }
            }
        }
        return out;
    }

    @Override
    public synchronized void close() throws IOException {
        channel.close();
    }
}
