package dev.v2l.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.v2l.io.Provenance;
import dev.v2l.layout.Labels;
import dev.v2l.layout.Layout;
import dev.v2l.layout.text.MapForm;
import dev.v2l.layout.text.MapParser;
import dev.v2l.qa.QuestionType;
import dev.v2l.source.SceneSources;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchBuildTest {

    static DatasetOptions options() {
        return new DatasetOptions(List.of(1, 4, 8, 12, 16), QuestionType.parseList("qvs"), 1,
                List.of(Exporter.JSONL), MapForm.V2LO, new double[] {0, 0, 1}, 3, "uniform", 32, 4, 160, 120, 60, 0,
                false, 1);
    }

    @Test
    void sharesPerFrameCountAndTheTaskMixAreThePapers(@TempDir Path dir) throws Exception {
        new BenchBuilder(options(), 120, BenchBuilder.QVS_MIX).build(SceneSources.open("procedural:seed=3,count=80"),
                dir, new Provenance("t", "t", "t", List.of()), i -> { });
        List<String> lines = Files.readAllLines(dir.resolve("bench.jsonl"));
        assertThat(lines).hasSize(120);
        Map<Integer, Integer> perFrames = new HashMap<>();
        Map<String, Integer> perType = new HashMap<>();
        ObjectMapper m = new ObjectMapper();
        for (String l : lines) {
            JsonNode n = m.readTree(l);
            perFrames.merge(n.get("frame_count").asInt(), 1, Integer::sum);
            perType.merge(n.get("question_type").asText(), 1, Integer::sum);
            Layout truth = MapParser.lenient().parse(n.get("gt_layout").asText()).layout();
            assertThat(truth.frame().code()).isEqualTo("first-camera");
            for (JsonNode o : n.get("objects")) {
                assertThat(truth.objects().stream().anyMatch(x -> Labels.matches(x.label(), o.get("label").asText())))
                        .as("%s asks about %s", n.get("id"), o.get("label")).isTrue();
            }
        }
        assertThat(perFrames).containsOnlyKeys(1, 4, 8, 12, 16).allSatisfy((k, v) -> assertThat(v).isEqualTo(24));
        assertThat(perType.get("vertical_direction")).isEqualTo(30);
        assertThat(perType.get("horizontal_direction")).isEqualTo(30);
        assertThat(perType.get("min_distance")).isEqualTo(15);
        assertThat(perType.get("object_count")).isEqualTo(15);
        assertThat(Files.readString(dir.resolve("bench_card.md"))).contains("| 16 |");
        // Issue 13 item 6: answers balanced by construction, reported in the card, stats.json and 'bench check'.
        Map<String, Integer> countAnswers = new HashMap<>();
        Map<String, Map<String, Integer>> letters = new HashMap<>();
        for (String l : lines) {
            JsonNode n = m.readTree(l);
            String type = n.get("question_type").asText();
            if (type.equals("object_count")) {
                countAnswers.merge(n.get("ground_truth").asText(), 1, Integer::sum);
            }
            if (n.get("options").size() > 0) {
                letters.computeIfAbsent(type, k -> new HashMap<>()).merge(n.get("ground_truth").asText(), 1,
                        Integer::sum);
            }
        }
        // at most 40 % of the 15 counts share a value (unbalanced, "1" was the answer of about 60 %)
        assertThat(countAnswers.values()).allSatisfy(c -> assertThat(c).isLessThanOrEqualTo(6));
        letters.forEach((t, byLetter) -> {
            int n = byLetter.values().stream().mapToInt(Integer::intValue).sum();
            assertThat(byLetter.values()).as(t).allSatisfy(c -> assertThat(c).isLessThanOrEqualTo((int) (0.4 * n)));
        });
        JsonNode stats = m.readTree(dir.resolve("stats.json").toFile());
        assertThat(stats.path("candidates").path("object_count").path("drafted").asInt()).isGreaterThanOrEqualTo(15);
        assertThat(stats.path("answers").path("object_count").path("best_constant").asText()).isNotEmpty();
        assertThat(stats.path("answers").path("object_count").has("blind_score")).isTrue();
        assertThat(stats.path("balance_violations")).isEmpty();
        assertThat(Files.readString(dir.resolve("bench_card.md"))).contains("## Answers").contains("best constant")
                .contains("| object_count | 15 |");
        dev.v2l.run.BenchCheck.Report check = dev.v2l.run.BenchCheck.check(dir);
        assertThat(check.types()).hasSize(6);
        for (dev.v2l.run.BenchCheck.TypeCheck c : check.types()) {
            if (c.type().isMultipleChoice()) {
                assertThat(c.perfectV2lo()).as(c.type().code()).isEqualTo(1.0);
            }
            assertThat(c.keptByBuilder()).as(c.type().code()).isGreaterThan(0.8);
        }
        assertThat(dev.v2l.run.BenchCheck.table(check)).contains("object_count").contains("best constant");
        // Issue 13 item 1: every number a perfect v2lo map can carry, it resolves (scores >= 0.5; none other asked)
        int representable = 0;
        for (dev.v2l.run.BenchItem it : dev.v2l.run.BenchItems.read(dir)) {
            dev.v2l.qa.Question q = it.question();
            if (!q.type().answerKind().numeric() || "room".equals(q.params().get("scope"))
                    || !dev.v2l.qa.Questions.representableInV2lo(q, it.gtLayout(), it.context())) {
                continue;
            }
            representable++;
            Layout v2lo = dev.v2l.layout.text.MapWriter.asWritten(it.gtLayout(), MapForm.V2LO);
            String a = dev.v2l.qa.Questions.answerOf(q, dev.v2l.qa.Questions.derive(q, v2lo, it.context()));
            assertThat(dev.v2l.metrics.VsiMetrics.score(q.type().code(), a, dev.v2l.metrics.GroundTruth.of(
                    q.groundTruth()), false).score()).as("%s: %s vs %s", q.id(), a, q.groundTruth())
                    .isGreaterThanOrEqualTo(0.5 - 1e-9);
        }
        assertThat(representable).isGreaterThan(10);
    }

    @Test
    void sameSeedSameBenchmark(@TempDir Path dir) throws Exception {
        for (String d : List.of("a", "b")) {
            new BenchBuilder(options(), 40, BenchBuilder.QVS_MIX).build(SceneSources.open("procedural:seed=3,count=40"),
                    dir.resolve(d), new Provenance("t", "t", "t", List.of()), i -> { });
        }
        assertThat(Files.readAllBytes(dir.resolve("a/bench.jsonl"))).isEqualTo(Files.readAllBytes(
                dir.resolve("b/bench.jsonl")));
    }
}
