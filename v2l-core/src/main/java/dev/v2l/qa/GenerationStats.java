package dev.v2l.qa;

import java.util.Map;
import java.util.TreeMap;

/** Questions accepted and candidates rejected, per type and reason. Not thread-safe; merge per-scene stats. */
public final class GenerationStats {

    private final Map<String, Long> accepted = new TreeMap<>();
    private final Map<String, Map<String, Long>> rejected = new TreeMap<>();

    void accept(QuestionType t) {
        accepted.merge(t.code(), 1L, Long::sum);
    }

    void reject(QuestionType t, String reason) {
        rejected.computeIfAbsent(t.code(), k -> new TreeMap<>()).merge(reason, 1L, Long::sum);
    }

    public void merge(GenerationStats other) {
        other.accepted.forEach((k, v) -> accepted.merge(k, v, Long::sum));
        other.rejected.forEach((k, m) -> m.forEach((r, v) -> rejected.computeIfAbsent(k, x -> new TreeMap<>())
                .merge(r, v, Long::sum)));
    }

    /** Accepted questions per type code. */
    public Map<String, Long> accepted() {
        return accepted;
    }

    /** Rejected candidates per type code and reason. */
    public Map<String, Map<String, Long>> rejected() {
        return rejected;
    }

    public long total() {
        return accepted.values().stream().mapToLong(Long::longValue).sum();
    }
}
