package dev.v2l.reward;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One {@code POST /score} body turned into a reply, independent of the HTTP server: the JSON list is parsed with
 * fixed limits (nesting depth, string length; nothing may follow the list), each record is read with only the
 * fields the reward uses, and any problem becomes a 4xx whose message names the record and field.
 */
final class ScoreRequest {

    /** Records are flat objects; a map given as JSON in {@code gt_layout} needs a few levels more. */
    static final int MAX_DEPTH = 64;
    /** Jackson's default, stated: one JSON string (a response, a map) may hold at most this many characters. */
    static final int MAX_STRING_CHARS = 20_000_000;

    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH)
                    .maxStringLength(MAX_STRING_CHARS).build()).build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** What to answer: an HTTP status and a JSON body. */
    record Reply(int status, String json, int records) {
        static Reply error(int status, String message) {
            return new Reply(status, "{\"error\": " + RewardRecords.jsonString(message) + "}", 0);
        }
    }

    private ScoreRequest() {
    }

    /** The reward a query string asks for ({@code format_weight=W}), or an error reply. */
    static Object withQuery(RewardFunction fn, String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return fn;
        }
        RewardFunction out = fn;
        for (String kv : rawQuery.split("&")) {
            if (kv.isEmpty()) {
                continue;
            }
            int eq = kv.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? kv : kv.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8);
            if (!key.equals("format_weight")) {
                return Reply.error(400, "unknown query parameter '" + key + "'; available: format_weight");
            }
            double w;
            try {
                w = Double.parseDouble(value.strip());
            } catch (NumberFormatException e) {
                return Reply.error(400, "format_weight: expected a number in [0, 1], got '" + value + "'");
            }
            try {
                out = out.withFormatWeight(w);
            } catch (IllegalArgumentException e) {
                return Reply.error(400, "format_weight: " + e.getMessage());
            }
        }
        return out;
    }

    /** Scores a body: 200 with the scores in order, or a 4xx naming what is wrong. */
    static Reply score(RewardFunction fn, byte[] body, int length) {
        JsonNode root;
        try {
            root = MAPPER.readTree(body, 0, length);
        } catch (StreamConstraintsException e) {
            String m = e.getOriginalMessage();
            if (m != null && m.toLowerCase(Locale.ROOT).contains("depth")) {
                return Reply.error(400, "invalid JSON: nested deeper than " + MAX_DEPTH + " levels (a record is "
                        + "a flat object)");
            }
            if (m != null && m.toLowerCase(Locale.ROOT).contains("string")) {
                return Reply.error(413, "a JSON string is longer than the limit of " + MAX_STRING_CHARS
                        + " characters");
            }
            return Reply.error(400, "invalid JSON: " + m);
        } catch (JsonProcessingException e) {
            return Reply.error(400, "invalid JSON: " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            return Reply.error(400, "invalid JSON: " + e.getMessage());
        }
        if (root == null || root.isMissingNode()) {
            return Reply.error(400, "empty body: expected a JSON list of records");
        }
        if (!root.isArray()) {
            return Reply.error(400, "expected a JSON list of records, found " + RewardRecords.describe(root));
        }
        boolean question = fn.readsQuestionFields();
        StringBuilder out = new StringBuilder(root.size() * 64 + 2).append('[');
        for (int i = 0; i < root.size(); i++) {
            RewardResult r;
            try {
                r = fn.score(RewardRecords.read(root.get(i), question));
            } catch (IllegalArgumentException e) {
                return Reply.error(400, "record " + i + ": " + e.getMessage());
            }
            if (i > 0) {
                out.append(", ");
            }
            out.append(r.toJson());
        }
        return new Reply(200, out.append(']').toString(), root.size());
    }

    /** True for {@code application/json} and {@code application/*+json}, with or without parameters. */
    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String t = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return t.equals("application/json") || t.startsWith("application/") && t.endsWith("+json");
    }
}
