package dev.v2l.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Readers written to each tool's documented data schema, as independent checks of our exports:
 * ms-swift's messages + images, LLaMA-Factory's ShareGPT form, EasyR1's prompt/answer/image keys.
 */
final class SchemaChecks {

    private SchemaChecks() {
    }

    static int placeholders(String s) {
        int n = 0;
        for (int i = s.indexOf("<image>"); i >= 0; i = s.indexOf("<image>", i + 1)) {
            n++;
        }
        return n;
    }

    /** ms-swift: {"messages": [{"role": system|user|assistant, "content": str}...], "images": [str...]}. */
    static void swift(JsonNode n) {
        JsonNode msgs = n.get("messages");
        assertThat(msgs.isArray()).isTrue();
        List<String> roles = new java.util.ArrayList<>();
        int images = 0;
        for (JsonNode m : msgs) {
            assertThat(m.get("content").isTextual()).isTrue();
            roles.add(m.get("role").asText());
            images += placeholders(m.get("content").asText());
        }
        assertThat(roles).containsExactly("system", "user", "assistant");
        assertThat(n.get("images").size()).isEqualTo(images);
        n.get("images").forEach(p -> assertThat(p.asText()).doesNotStartWith("/"));
        assertThat(msgs.get(2).get("content").asText()).matches("(?s)<map>.*</map><think>.*</think><answer>.*</answer>");
    }

    /** LLaMA-Factory ShareGPT: conversations alternate human/gpt starting with human; system; images. */
    static void llamaFactory(JsonNode n) {
        JsonNode conv = n.get("conversations");
        assertThat(conv.size() % 2).isZero();
        for (int i = 0; i < conv.size(); i++) {
            assertThat(conv.get(i).get("from").asText()).isEqualTo(i % 2 == 0 ? "human" : "gpt");
            assertThat(conv.get(i).get("value").isTextual()).isTrue();
        }
        assertThat(n.get("system").isTextual()).isTrue();
        assertThat(n.get("images").size()).isEqualTo(placeholders(conv.get(0).get("value").asText()));
    }

    /** EasyR1: prompt_key problem (str), answer_key answer (str, the ground truth only), image_key images. */
    static void easyR1(JsonNode n) {
        assertThat(n.get("problem").isTextual()).isTrue();
        assertThat(n.get("answer").isTextual()).isTrue();
        assertThat(n.get("answer").asText()).doesNotContain("<answer>");
        assertThat(n.get("images").size()).isEqualTo(placeholders(n.get("problem").asText()));
    }
}
