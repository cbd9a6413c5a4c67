package dev.v2l.reward;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.v2l.io.JsonLines;
import dev.v2l.metrics.GroundTruth;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Scores a JSON Lines stream of rollouts into a JSON Lines stream of rewards, one output line per input line, in
 * input order, on every core, holding only a few blocks of input at a time. The input is cut into blocks of whole
 * lines; workers parse (Jackson's streaming parser for the two fields {@code v2lo} reads; the full record reader
 * otherwise, and for anything unusual, so error messages are the record reader's) and score them; blocks are written
 * in order. A line that is not one valid record (invalid JSON, a second value after the first, a wrong field, not
 * UTF-8, blank) becomes {@code {"line": N, "error": "…"}} and is counted.
 */
public final class RewardFiles {

    private static final JsonFactory FACTORY = JsonLines.STRICT.getFactory();
    private static final int BLOCK_BYTES = 1 << 18;

    /** What a run did: lines read, lines that were errors, and the first error (null when none). */
    public record Counts(long lines, long errors, String firstError) {
    }

    private RewardFiles() {
    }

    /** Scores {@code in} into {@code out} with {@code threads} workers (at least 1); does not close either. */
    public static Counts score(InputStream in, OutputStream out, RewardFunction fn, int threads)
            throws IOException, InterruptedException {
        record Block(byte[] bytes, int length, long firstLine) {
        }
        record Done(byte[] bytes, int length, long lines, long errors, String firstError) {
        }
        int workers = Math.max(1, threads);
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "reward-score");
            t.setDaemon(true);
            return t;
        });
        long lines = 0;
        long errors = 0;
        String firstError = null;
        Deque<Future<Done>> window = new ArrayDeque<>();
        boolean question = fn.readsQuestionFields();
        try {
            byte[] carry = new byte[0];
            int carryLen = 0;
            long nextLine = 1;
            boolean eof = false;
            while (!eof || !window.isEmpty()) {
                while (!eof && window.size() < 2 * workers + 2) {
                    byte[] buf = Arrays.copyOf(carry, Math.max(BLOCK_BYTES, carryLen + BLOCK_BYTES / 2));
                    int len = carryLen;
                    int n;
                    while (len < buf.length && (n = in.read(buf, len, buf.length - len)) > 0) {
                        len += n;
                    }
                    eof = len < buf.length;
                    int cut = len;
                    if (!eof) {
                        cut = lastNewline(buf, len) + 1;
                        if (cut == 0) { // one line longer than the block: keep reading it
                            carry = buf;
                            carryLen = len;
                            continue;
                        }
                    }
                    carryLen = len - cut;
                    carry = Arrays.copyOfRange(buf, cut, cut + Math.max(carryLen, 0));
                    if (cut == 0) {
                        break;
                    }
                    Block b = new Block(buf, cut, nextLine);
                    nextLine += countLines(buf, cut);
                    window.add(pool.submit(() -> {
                        Scored s = scoreBlock(b.bytes(), b.length(), b.firstLine(), fn, question);
                        return new Done(s.out, s.length, s.lines, s.errors, s.firstError);
                    }));
                }
                if (window.isEmpty()) {
                    break;
                }
                Done d;
                try {
                    d = window.poll().get();
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException re) {
                        throw re;
                    }
                    throw new IllegalStateException(e.getCause());
                }
                out.write(d.bytes(), 0, d.length());
                lines += d.lines();
                errors += d.errors();
                if (firstError == null) {
                    firstError = d.firstError();
                }
            }
        } finally {
            for (Future<Done> f : window) {
                f.cancel(true);
            }
            pool.shutdownNow();
        }
        out.flush();
        return new Counts(lines, errors, firstError);
    }

    private static int lastNewline(byte[] b, int len) {
        for (int i = len - 1; i >= 0; i--) {
            if (b[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** Lines in a block: its newlines, plus one for a last line without a newline. */
    private static long countLines(byte[] b, int len) {
        long n = 0;
        for (int i = 0; i < len; i++) {
            if (b[i] == '\n') {
                n++;
            }
        }
        return len > 0 && b[len - 1] != '\n' ? n + 1 : n;
    }

    private static final class Scored {
        byte[] out;
        int length;
        long lines;
        long errors;
        String firstError;

        void append(byte[] b) {
            if (length + b.length > out.length) {
                out = Arrays.copyOf(out, Math.max(out.length * 2, length + b.length));
            }
            System.arraycopy(b, 0, out, length, b.length);
            length += b.length;
        }
    }

    private static Scored scoreBlock(byte[] b, int len, long firstLine, RewardFunction fn, boolean question) {
        Scored s = new Scored();
        s.out = new byte[Math.max(256, len / 4)];
        int start = 0;
        long line = firstLine;
        while (start < len) {
            int end = start;
            while (end < len && b[end] != '\n') {
                end++;
            }
            int stop = end > start && b[end - 1] == '\r' ? end - 1 : end;
            String json;
            try {
                json = scoreLine(b, start, stop - start, fn, question).toJson();
            } catch (IllegalArgumentException e) {
                s.errors++;
                String msg = e.getMessage();
                if (s.firstError == null) {
                    s.firstError = "line " + line + ": " + msg;
                }
                json = RewardRecords.errorJson(line, msg);
            }
            s.append((json + "\n").getBytes(StandardCharsets.UTF_8));
            s.lines++;
            line++;
            start = end + 1;
        }
        return s;
    }

    /** One line's reward; {@link IllegalArgumentException} says what is wrong with the line. */
    static RewardResult scoreLine(byte[] b, int off, int len, RewardFunction fn, boolean question) {
        if (isBlank(b, off, len)) {
            throw new IllegalArgumentException("empty line");
        }
        if (!question) {
            RewardInput fast = asciiRead(b, off, len);
            if (fast == null) {
                fast = fastRead(b, off, len);
            }
            if (fast != null) {
                return fn.score(fast);
            }
        }
        JsonNode n;
        try {
            n = JsonLines.STRICT.readTree(b, off, len);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(JsonLines.problem(e));
        } catch (IOException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getMessage());
        }
        return fn.score(RewardRecords.read(n, question));
    }

    private static boolean isBlank(byte[] b, int off, int len) {
        for (int i = off; i < off + len; i++) {
            if (b[i] != ' ' && b[i] != '\t' && b[i] != '\r') {
                return false;
            }
        }
        return true;
    }

    /**
     * The common record, read straight from the bytes: one object holding exactly the two string fields
     * {@code response} and {@code ground_truth}, in either order, all ASCII (escapes allowed, {@code \\u} below
     * 0x80). Null for anything else, which the streaming parser then reads (or the tree reader rejects).
     */
    static RewardInput asciiRead(byte[] b, int off, int len) {
        int end = off + len;
        int[] pos = {skipWhitespace(b, off, end)};
        if (pos[0] >= end || b[pos[0]++] != '{') {
            return null;
        }
        String response = null;
        String cleaned = null;
        String truth = null;
        byte[] buf = new byte[len];
        while (true) {
            pos[0] = skipWhitespace(b, pos[0], end);
            int n = asciiString(b, pos, end, buf);
            String key = n < 0 ? null : new String(buf, 0, n, StandardCharsets.ISO_8859_1);
            pos[0] = skipWhitespace(b, pos[0], end);
            if (key == null || pos[0] >= end || b[pos[0]++] != ':') {
                return null;
            }
            pos[0] = skipWhitespace(b, pos[0], end);
            n = asciiString(b, pos, end, buf);
            if (n < 0) {
                return null;
            }
            String value = new String(buf, 0, n, StandardCharsets.ISO_8859_1);
            if (key.equals("response") && response == null) {
                response = value;
                byte[] out = new byte[n];
                int m = removeSpaceAroundTagCharacters(buf, n, out);
                cleaned = m == n ? value : new String(out, 0, m, StandardCharsets.ISO_8859_1);
            } else if (key.equals("ground_truth") && truth == null) {
                truth = value;
            } else {
                return null; // another field, or one given twice
            }
            pos[0] = skipWhitespace(b, pos[0], end);
            if (pos[0] >= end) {
                return null;
            }
            byte c = b[pos[0]++];
            if (c == '}') {
                break;
            }
            if (c != ',') {
                return null;
            }
        }
        if (skipWhitespace(b, pos[0], end) != end || response == null || truth == null) {
            return null;
        }
        return new RewardInput(response, GroundTruth.of(truth), null, null, null, null, null, cleaned);
    }

    /**
     * Video2Layout's first step, {@code re.sub(r"\s*(<|>|/)\s*", r"\1", s)}, on the ASCII bytes {@code in[0, n)}
     * into {@code out}: the whitespace run on either side of each {@code <}, {@code >} or {@code /} goes (ASCII
     * whitespace as Python's {@code str.isspace} has it). Returns the length written.
     */
    static int removeSpaceAroundTagCharacters(byte[] in, int n, byte[] out) {
        int m = 0;
        for (int i = 0; i < n; i++) {
            byte c = in[i];
            if (c == '<' || c == '>' || c == '/') {
                while (m > 0 && isAsciiSpace(out[m - 1])) { // a tag character before it ends a run: never crossed
                    m--;
                }
                out[m++] = c;
                while (i + 1 < n && isAsciiSpace(in[i + 1])) {
                    i++;
                }
            } else {
                out[m++] = c;
            }
        }
        return m;
    }

    private static boolean isAsciiSpace(byte c) {
        return c == ' ' || (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x1F);
    }

    private static int skipWhitespace(byte[] b, int i, int end) {
        while (i < end && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r')) {
            i++;
        }
        return i;
    }

    /** A JSON string of ASCII characters at {@code pos[0]} decoded into {@code buf} (its length; -1 if not one). */
    private static int asciiString(byte[] b, int[] pos, int end, byte[] buf) {
        int i = pos[0];
        if (i >= end || b[i] != '"') {
            return -1;
        }
        i++;
        int n = 0;
        while (i < end) {
            byte c = b[i++];
            if (c == '"') {
                pos[0] = i;
                return n;
            }
            if (c < 0x20) { // a control character (invalid JSON) or a non-ASCII byte
                return -1;
            }
            if (c != '\\') {
                buf[n++] = c;
                continue;
            }
            if (i >= end) {
                return -1;
            }
            byte e = b[i++];
            switch (e) {
                case '"', '\\', '/' -> buf[n++] = e;
                case 'b' -> buf[n++] = '\b';
                case 'f' -> buf[n++] = '\f';
                case 'n' -> buf[n++] = '\n';
                case 'r' -> buf[n++] = '\r';
                case 't' -> buf[n++] = '\t';
                case 'u' -> {
                    if (i + 4 > end) {
                        return -1;
                    }
                    int v = 0;
                    for (int k = 0; k < 4; k++) {
                        int d = Character.digit(b[i++], 16);
                        if (d < 0) {
                            return -1;
                        }
                        v = v * 16 + d;
                    }
                    if (v >= 0x80) {
                        return -1;
                    }
                    buf[n++] = (byte) v;
                }
                default -> {
                    return -1;
                }
            }
        }
        return -1;
    }

    /**
     * {@code response} and {@code ground_truth} of a well-formed record with the streaming parser, or null when the
     * line is anything else (the tree reader then names the problem).
     */
    static RewardInput fastRead(byte[] b, int off, int len) {
        try (JsonParser p = FACTORY.createParser(b, off, len)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            String response = null;
            GroundTruth gt = null;
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                if (name.equals("response")) {
                    if (v != JsonToken.VALUE_STRING) {
                        return null;
                    }
                    response = p.getText();
                } else if (name.equals("ground_truth")) {
                    gt = switch (v) {
                        case VALUE_STRING -> GroundTruth.of(p.getText());
                        case VALUE_NUMBER_INT -> GroundTruth.ofNumber(p.getDoubleValue(),
                                p.getBigIntegerValue().toString());
                        case VALUE_NUMBER_FLOAT -> GroundTruth.ofNumber(p.getDoubleValue(),
                                GroundTruth.pythonRepr(p.getDoubleValue()));
                        case VALUE_TRUE -> GroundTruth.ofBoolean(true);
                        case VALUE_FALSE -> GroundTruth.ofBoolean(false);
                        case VALUE_NULL -> GroundTruth.none();
                        default -> null;
                    };
                    if (gt == null) {
                        return null;
                    }
                } else {
                    p.skipChildren();
                }
            }
            if (t != JsonToken.END_OBJECT || p.nextToken() != null || response == null || gt == null) {
                return null;
            }
            return new RewardInput(response, gt, null, null, null, null, null);
        } catch (IOException e) {
            return null;
        }
    }
}
