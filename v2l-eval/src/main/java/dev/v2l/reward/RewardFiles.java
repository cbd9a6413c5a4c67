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

    private static final int BLOCK_BYTES = 1 << 18;

    /**
     * Jackson, made only when a line needs it: building the object mapper costs about as long as scoring 50,000
     * common rollouts, and a file of them never needs it.
     */
    private static final class Jackson {
        static final JsonFactory FACTORY = JsonLines.STRICT.getFactory();
    }

    /** What a run did: lines read, lines that were errors, and the first error (null when none). */
    public record Counts(long lines, long errors, String firstError) {
    }

    private RewardFiles() {
    }

    /** Scores {@code in} into {@code out} with {@code threads} workers (at least 1); does not close either. */
    public static Counts score(InputStream in, OutputStream out, RewardFunction fn, int threads)
            throws IOException, InterruptedException {
        int workers = Math.max(1, threads);
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "reward-score");
            t.setDaemon(true);
            return t;
        });
        long lines = 0;
        long errors = 0;
        String firstError = null;
        Deque<Future<Scored>> window = new ArrayDeque<>();
        boolean question = fn.readsQuestionFields();
        ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(Scratch::new);
        try {
            byte[] carry = new byte[0];
            int carryLen = 0;
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
                    int blockLength = cut;
                    window.add(pool.submit(() -> scoreBlock(buf, blockLength, fn, question, scratch.get())));
                }
                if (window.isEmpty()) {
                    break;
                }
                Scored d;
                try {
                    d = window.poll().get();
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException re) {
                        throw re;
                    }
                    throw new IllegalStateException(e.getCause());
                }
                // Workers number lines within their block; the lines before it are known only here.
                int written = 0;
                for (Scored.Error e : d.errorList) {
                    long line = lines + e.lineInBlock();
                    out.write(d.out, written, e.at() - written);
                    out.write((RewardRecords.errorJson(line, e.message()) + "\n").getBytes(StandardCharsets.UTF_8));
                    written = e.at();
                    if (firstError == null) {
                        firstError = "line " + line + ": " + e.message();
                    }
                }
                out.write(d.out, written, d.length - written);
                lines += d.lines;
                errors += d.errorList.size();
            }
        } finally {
            for (Future<Scored> f : window) {
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

    /**
     * A block's output: the result lines of its records in order, without the error lines, which go in at
     * {@link Error#at} once the block's first line number is known.
     */
    private static final class Scored {
        record Error(int at, long lineInBlock, String message) {
        }

        byte[] out;
        int length;
        long lines;
        final java.util.List<Error> errorList = new java.util.ArrayList<>(0);

        void append(byte[] b) {
            ensure(b.length);
            System.arraycopy(b, 0, out, length, b.length);
            length += b.length;
        }

        void ensure(int more) {
            if (length + more > out.length) {
                out = Arrays.copyOf(out, Math.max(out.length * 2, length + more));
            }
        }
    }

    /**
     * A worker's buffers, reused from block to block: the cleaned response and a string (a key or the ground truth),
     * each at least as long as the block, so no decoded string can overflow them; and where the response's {@code <}
     * are (grown as needed).
     */
    static final class Scratch {
        byte[] cleaned = new byte[0];
        int cleanedLength;
        int[] lt = new int[64];
        int ltCount;
        byte[] text = new byte[0];
        int responseAt;
        String truth;
        final long[] numKeys = new long[64];
        final byte[][] numText = new byte[64][];

        void ensure(int n) {
            if (cleaned.length < n) {
                cleaned = new byte[n];
                text = new byte[n];
            }
        }

        /** The record {@link #asciiRecord} read from {@code b} last, as a reward input. */
        RewardInput input(byte[] b) {
            int[] pos = {responseAt};
            int n = asciiString(b, pos, b.length, text);
            return new RewardInput(new String(text, 0, n, StandardCharsets.ISO_8859_1), GroundTruth.of(truth), null,
                    null, null, null, null);
        }

        /** {@link RewardResult#num} as ASCII bytes, remembered (a reward takes few distinct values). */
        byte[] num(double v) {
            long bits = Double.doubleToRawLongBits(v);
            int h = (int) (bits ^ (bits >>> 23) ^ (bits >>> 47)) & 63;
            byte[] t = numText[h];
            if (t == null || numKeys[h] != bits) {
                t = RewardResult.num(v).getBytes(StandardCharsets.ISO_8859_1);
                numText[h] = t;
                numKeys[h] = bits;
            }
            return t;
        }
    }

    private static final byte[] OVERALL = "{\"overall\": ".getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] FORMAT = ", \"format\": ".getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] ACCURACY = ", \"accuracy\": ".getBytes(StandardCharsets.ISO_8859_1);

    private static Scored scoreBlock(byte[] b, int len, RewardFunction fn, boolean question, Scratch sc) {
        Scored s = new Scored();
        s.out = new byte[Math.max(256, len / 4)];
        sc.ensure(len);
        AsciiScorer ascii = fn instanceof AsciiScorer a ? a : null;
        int start = 0;
        while (start < len) {
            s.lines++;
            // The common record is read straight from the bytes, finding its line's end as it goes.
            int end = question ? -1 : asciiRecord(b, start, len, sc);
            RewardResult r = null;
            if (end >= 0) {
                r = ascii != null
                        ? ascii.scoreCleanedAscii(sc.cleaned, sc.cleanedLength, sc.lt, sc.ltCount,
                                GroundTruth.of(sc.truth))
                        : fn.score(sc.input(b));
            } else {
                end = start;
                while (end < len && b[end] != '\n') {
                    end++;
                }
                int stop = end > start && b[end - 1] == '\r' ? end - 1 : end;
                try {
                    r = scoreParsed(b, start, stop - start, fn, question);
                } catch (IllegalArgumentException e) {
                    s.errorList.add(new Scored.Error(s.length, s.lines, e.getMessage()));
                }
            }
            if (r != null) {
                if (r.map() == null && r.consistency() == null) {
                    byte[] o = sc.num(r.overall());
                    byte[] f = sc.num(r.format());
                    byte[] a = sc.num(r.accuracy());
                    s.ensure(OVERALL.length + FORMAT.length + ACCURACY.length + o.length + f.length + a.length + 2);
                    s.length = put(s.out, put(s.out, put(s.out, put(s.out, put(s.out, put(s.out, s.length,
                            OVERALL), o), FORMAT), f), ACCURACY), a);
                    s.out[s.length++] = '}';
                    s.out[s.length++] = '\n';
                } else {
                    s.append((r.toJson() + "\n").getBytes(StandardCharsets.UTF_8));
                }
            }
            start = end + 1;
        }
        return s;
    }

    private static int put(byte[] out, int at, byte[] b) {
        System.arraycopy(b, 0, out, at, b.length);
        return at + b.length;
    }

    /**
     * One line's reward by Jackson: the streaming parser, or the record reader, which names what is wrong
     * ({@link IllegalArgumentException}).
     */
    static RewardResult scoreParsed(byte[] b, int off, int len, RewardFunction fn, boolean question) {
        if (isBlank(b, off, len)) {
            throw new IllegalArgumentException("empty line");
        }
        if (!question) {
            RewardInput fast = fastRead(b, off, len);
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
     * Reads the common record straight from the bytes, starting at {@code off}, into {@code sc}: one object holding
     * exactly the two string fields {@code response} and {@code ground_truth}, in either order, all ASCII (escapes
     * allowed, {@code \\u} below 0x80), alone on its line. The response is kept as the reward first cleans it (the
     * whitespace around {@code <}, {@code >} and {@code /} gone, as Video2Layout's
     * {@code re.sub(r"\\s*(<|>|/)\\s*", r"\\1", s)}: the run on either side of each, ASCII whitespace as Python's
     * {@code str.isspace} has it) with where each {@code <} is, and the ground truth. Returns where the line ends
     * (its {@code \\n}, or {@code end}), or -1 when the line is anything else ({@code sc} is then undefined), which the
     * streaming parser then reads (or the tree reader rejects).
     */
    static int asciiRecord(byte[] b, int off, int end, Scratch sc) {
        int[] pos = {skipBlanks(b, off, end)};
        if (pos[0] >= end || b[pos[0]++] != '{') {
            return -1;
        }
        boolean response = false;
        String truth = null;
        while (true) {
            pos[0] = skipBlanks(b, pos[0], end);
            int n = asciiString(b, pos, end, sc.text);
            pos[0] = skipBlanks(b, pos[0], end);
            if (n < 0 || pos[0] >= end || b[pos[0]++] != ':') {
                return -1;
            }
            pos[0] = skipBlanks(b, pos[0], end);
            if (isKey(n, sc.text, RESPONSE) && !response) {
                sc.responseAt = pos[0];
                if (cleanedString(b, pos, end, sc) < 0) {
                    return -1;
                }
                response = true;
            } else if (isKey(n, sc.text, GROUND_TRUTH) && truth == null) {
                n = asciiString(b, pos, end, sc.text);
                if (n < 0) {
                    return -1;
                }
                truth = new String(sc.text, 0, n, StandardCharsets.ISO_8859_1);
            } else {
                return -1; // another field, or one given twice
            }
            pos[0] = skipBlanks(b, pos[0], end);
            if (pos[0] >= end) {
                return -1;
            }
            byte c = b[pos[0]++];
            if (c == '}') {
                break;
            }
            if (c != ',') {
                return -1;
            }
        }
        int i = skipBlanks(b, pos[0], end);
        if ((i < end && b[i] != '\n') || !response || truth == null) {
            return -1;
        }
        sc.truth = truth;
        return i;
    }

    private static final byte[] RESPONSE = "response".getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] GROUND_TRUTH = "ground_truth".getBytes(StandardCharsets.ISO_8859_1);

    /** Whether the key just decoded ({@code text[0, n)}) is {@code name}. */
    private static boolean isKey(int n, byte[] text, byte[] name) {
        return n == name.length && Arrays.equals(text, 0, n, name, 0, n);
    }

    /** Spaces, tabs and carriage returns: the whitespace of JSON within one line. */
    private static int skipBlanks(byte[] b, int i, int end) {
        while (i < end && (b[i] == ' ' || b[i] == '\t' || b[i] == '\r')) {
            i++;
        }
        return i;
    }

    /**
     * Decodes the ASCII JSON string at {@code pos[0]} into {@code sc.cleaned}, removing the whitespace around tag
     * characters as it goes, and notes where each {@code <} lands; its cleaned length, or -1 if not such a string.
     * Whitespace after a tag character is dropped until something else comes; whitespace before one is taken back
     * when it comes (never past the previous tag character, after which none was kept).
     */
    private static int cleanedString(byte[] b, int[] pos, int end, Scratch sc) {
        int i = pos[0];
        if (i >= end || b[i] != '"') {
            return -1;
        }
        i++;
        byte[] out = sc.cleaned;
        int[] lt = sc.lt;
        int m = 0;
        int k = 0;
        boolean afterTag = false;
        while (i < end) {
            byte c = b[i++];
            if (c >= 0 && PLAIN[c]) { // most characters: one test
                out[m++] = c;
                afterTag = false;
                continue;
            }
            if (c == '"') {
                pos[0] = i;
                sc.cleanedLength = m;
                sc.ltCount = k;
                return m;
            }
            if (c < 0x20) { // a control character (invalid JSON) or a non-ASCII byte
                return -1;
            }
            if (c == '\\') {
                if (i >= end) {
                    return -1;
                }
                int e = unescape(b, i, end);
                if (e < 0) {
                    return -1;
                }
                c = (byte) e;
                i += b[i] == 'u' ? 5 : 1;
            }
            if (c == '<' || c == '>' || c == '/') {
                while (m > 0 && isAsciiSpace(out[m - 1])) {
                    m--;
                }
                if (c == '<') {
                    if (k == lt.length) {
                        sc.lt = lt = Arrays.copyOf(lt, 2 * k);
                    }
                    lt[k++] = m;
                }
                out[m++] = c;
                afterTag = true;
            } else if (!afterTag || !isAsciiSpace(c)) {
                out[m++] = c;
                afterTag = false;
            }
        }
        return -1;
    }

    /** ASCII characters a JSON string holds as they are and the cleaning keeps: not whitespace or a tag character. */
    private static final boolean[] PLAIN = new boolean[128];

    static {
        for (int c = 0x21; c < 0x80; c++) {
            PLAIN[c] = c != '"' && c != '\\' && c != '<' && c != '>' && c != '/';
        }
    }

    /** The character of the escape whose letter is at {@code b[i]} (after the backslash), or -1 (or not ASCII). */
    private static int unescape(byte[] b, int i, int end) {
        byte e = b[i];
        switch (e) {
            case '"', '\\', '/' -> {
                return e;
            }
            case 'b' -> {
                return '\b';
            }
            case 'f' -> {
                return '\f';
            }
            case 'n' -> {
                return '\n';
            }
            case 'r' -> {
                return '\r';
            }
            case 't' -> {
                return '\t';
            }
            case 'u' -> {
                if (i + 5 > end) {
                    return -1;
                }
                int v = 0;
                for (int k = 1; k <= 4; k++) {
                    int d = Character.digit(b[i + k], 16);
                    if (d < 0) {
                        return -1;
                    }
                    v = v * 16 + d;
                }
                return v < 0x80 ? v : -1;
            }
            default -> {
                return -1;
            }
        }
    }

    private static boolean isAsciiSpace(byte c) {
        return c == ' ' || (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x1F);
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
            if (c == '\\') {
                int e = i < end ? unescape(b, i, end) : -1;
                if (e < 0) {
                    return -1;
                }
                c = (byte) e;
                i += b[i] == 'u' ? 5 : 1;
            }
            buf[n++] = c;
        }
        return -1;
    }

    /**
     * {@code response} and {@code ground_truth} of a well-formed record with the streaming parser, or null when the
     * line is anything else (the tree reader then names the problem).
     */
    static RewardInput fastRead(byte[] b, int off, int len) {
        try (JsonParser p = Jackson.FACTORY.createParser(b, off, len)) {
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
