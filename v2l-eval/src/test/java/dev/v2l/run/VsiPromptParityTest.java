package dev.v2l.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.v2l.qa.Question;
import dev.v2l.qa.QuestionType;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@code --prompt vsi} against lmms-eval: {@code vsi-prompts-lmms-eval.jsonl} holds prompts made by running
 * {@code vsibench_doc_to_text} of lmms-eval's {@code lmms_eval/tasks/vsibench/utils.py} (with the keyword arguments
 * {@code lmms_eval/api/task.py} passes a model without its own entry: the task's dict updated with {@code default})
 * on one document per question type and two with stray whitespace, newlines and non-ASCII text.
 */
class VsiPromptParityTest {

    @Test
    void promptIsByteIdenticalToLmmsEvalForEveryQuestionType() throws Exception {
        ObjectMapper m = new ObjectMapper();
        Set<String> seen = new HashSet<>();
        int n = 0;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(getClass().getResourceAsStream(
                "/vsi-prompts-lmms-eval.jsonl"), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                JsonNode d = m.readTree(line);
                QuestionType type = QuestionType.byName(d.get("question_type").asText());
                List<String> options = new ArrayList<>();
                d.path("options").forEach(o -> options.add(o.asText()));
                Question q = new Question("q" + n, "scene", "scannet", type, d.get("question").asText(), options,
                        type.isMultipleChoice() ? "A" : "1", List.of(), Map.of(), "", Map.of());
                assertThat(PromptKind.vsi(q)).as(line).isEqualTo(d.get("prompt").asText());
                seen.add(type.code());
                n++;
            }
        }
        assertThat(seen).containsAll(QuestionType.family(QuestionType.Family.VSI).stream().map(QuestionType::code)
                .toList());
        assertThat(PromptKind.VSI.defaultMaxTokens()).isEqualTo(16); // generation_kwargs.max_new_tokens
    }

    @Test
    void vsiSendsLmmsEvalsGenerationSettings() {
        assertThat(PromptKind.VSI.extraBody(null)).isEqualTo("{\"top_p\":1.0}");
        assertThat(PromptKind.VSI.extraBody("{\"top_k\": 1}")).isEqualTo("{\"top_k\":1,\"top_p\":1.0}");
        assertThat(PromptKind.VSI.extraBody("{\"top_p\": 0.9}")).isEqualTo("{\"top_p\":0.9}");
        assertThat(PromptKind.V2LO.extraBody(null)).isNull();
    }
}
