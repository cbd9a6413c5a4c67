package dev.v2l.dataset;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.v2l.metrics.PyText;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts of a build: per type, frame count and split; correct letters; numeric answers; drops and rejections. A
 * build's statistics are the {@linkplain #merge merged} statistics of its scenes, in any order.
 */
public final class DatasetStats implements Serializable {

    private static final long serialVersionUID = 1L;

    final Map<String, Long> perType = new TreeMap<>();
    final Map<Integer, Long> perFrameCount = new TreeMap<>();
    final Map<String, Long> perSplit = new TreeMap<>();
    final Map<String, Long> scenesPerSplit = new TreeMap<>();
    final Map<String, Map<String, Long>> letters = new TreeMap<>();
    final Map<String, List<Double>> numeric = new TreeMap<>();
    final Map<String, Long> dropped = new TreeMap<>();
    final Map<String, Map<String, Long>> rejected = new TreeMap<>();
    long samples;
    long textOnly;
    long images;

    void add(Sample s) {
        add(s.question().type(), s.frameCount(), s.split(), s.textOnly(), s.answer());
    }

    /** One sample, from what a committed scene part keeps of it. */
    void add(dev.v2l.qa.QuestionType type, int frameCount, String split, boolean textOnly, String answer) {
        samples++;
        String t = type.code();
        perType.merge(t, 1L, Long::sum);
        perFrameCount.merge(frameCount, 1L, Long::sum);
        perSplit.merge(split, 1L, Long::sum);
        this.textOnly += textOnly ? 1 : 0;
        if (type.isMultipleChoice()) {
            letters.computeIfAbsent(t, k -> new TreeMap<>()).merge(answer, 1L, Long::sum);
        } else {
            Double v = PyText.parseFloat(answer);
            if (v != null) {
                numeric.computeIfAbsent(t, k -> new ArrayList<>()).add(v);
            }
        }
    }

    /** Adds another part's counts to these (the result does not depend on the order parts are merged in). */
    public void merge(DatasetStats other) {
        samples += other.samples;
        textOnly += other.textOnly;
        images += other.images;
        other.perType.forEach((k, v) -> perType.merge(k, v, Long::sum));
        other.perFrameCount.forEach((k, v) -> perFrameCount.merge(k, v, Long::sum));
        other.perSplit.forEach((k, v) -> perSplit.merge(k, v, Long::sum));
        other.scenesPerSplit.forEach((k, v) -> scenesPerSplit.merge(k, v, Long::sum));
        other.letters.forEach((t, m) -> m.forEach((k, v) -> letters.computeIfAbsent(t, x -> new TreeMap<>())
                .merge(k, v, Long::sum)));
        other.numeric.forEach((t, vs) -> numeric.computeIfAbsent(t, x -> new ArrayList<>()).addAll(vs));
        other.dropped.forEach((k, v) -> dropped.merge(k, v, Long::sum));
        other.rejected.forEach((t, m) -> m.forEach((k, v) -> rejected.computeIfAbsent(t, x -> new TreeMap<>())
                .merge(k, v, Long::sum)));
    }

    public long samples() {
        return samples;
    }

    public Map<String, Long> dropped() {
        return dropped;
    }

    public Map<String, Long> perSplit() {
        return perSplit;
    }

    public Map<String, Long> perType() {
        return perType;
    }

    public Map<Integer, Long> perFrameCount() {
        return perFrameCount;
    }

    ObjectNode toJson(ObjectMapper m) {
        ObjectNode n = m.createObjectNode();
        n.put("samples", samples);
        n.put("text_only_samples", textOnly);
        n.put("images", images);
        n.set("per_type", m.valueToTree(perType));
        n.set("per_frame_count", m.valueToTree(perFrameCount));
        n.set("per_split", m.valueToTree(perSplit));
        n.set("scenes_per_split", m.valueToTree(scenesPerSplit));
        n.set("answer_letters", m.valueToTree(letters));
        ObjectNode num = n.putObject("numeric_answers");
        numeric.forEach((t, vs) -> {
            List<Double> s = new ArrayList<>(vs);
            s.sort(Double::compare);
            ObjectNode q = num.putObject(t);
            q.put("count", s.size());
            q.put("min", s.get(0));
            q.put("p25", s.get(s.size() / 4));
            q.put("median", s.get(s.size() / 2));
            q.put("p75", s.get(3 * s.size() / 4));
            q.put("max", s.get(s.size() - 1));
        });
        n.set("dropped", m.valueToTree(dropped));
        n.set("rejected_candidates", m.valueToTree(rejected));
        return n;
    }
}
