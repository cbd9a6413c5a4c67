package dev.v2l.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.v2l.layout.text.MapForm;
import dev.v2l.qa.QuestionType;
import dev.v2l.source.SceneSources;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13 item 8: what a frame shows is judged at one internal resolution, so the maps and questions do not depend
 * on the size the images are written at, nor on whether they are written at all.
 */
class VisibilityIndependenceTest {

    static DatasetOptions options(int width, int height, boolean images) {
        return new DatasetOptions(List.of(1, 4, 8), QuestionType.parseList("all"), 6, List.of(Exporter.JSONL),
                MapForm.V2LO, new double[] {0.6, 0.2, 0.2}, 5, "uniform", 8, 4, width, height, 60, 0, images, 2);
    }

    @Test
    void sameMapsAndQuestionsAtTwoSizesAndWithoutImages(@TempDir Path tmp) throws Exception {
        String src = "procedural:seed=4,count=3";
        new DatasetBuilder(options(160, 120, true)).build(SceneSources.open(src), tmp.resolve("small"),
                DatasetBuildTest.prov(), i -> { });
        new DatasetBuilder(options(320, 240, true)).build(SceneSources.open(src), tmp.resolve("large"),
                DatasetBuildTest.prov(), i -> { });
        new DatasetBuilder(options(320, 240, false)).build(SceneSources.open(src), tmp.resolve("none"),
                DatasetBuildTest.prov(), i -> { });
        List<JsonNode> small = DatasetBuildTest.all(tmp.resolve("small/jsonl"));
        List<JsonNode> large = DatasetBuildTest.all(tmp.resolve("large/jsonl"));
        List<JsonNode> none = DatasetBuildTest.all(tmp.resolve("none/jsonl"));
        assertThat(small).hasSizeGreaterThan(30).hasSameSizeAs(large).hasSameSizeAs(none);
        for (int i = 0; i < small.size(); i++) {
            for (String field : List.of("id", "question", "map", "think", "answer", "gt_layout", "frame_indices")) {
                assertThat(large.get(i).get(field)).as("%s %s", small.get(i).get("id"), field)
                        .isEqualTo(small.get(i).get(field));
                assertThat(none.get(i).get(field)).as("%s %s", small.get(i).get("id"), field)
                        .isEqualTo(small.get(i).get(field));
            }
            assertThat(small.get(i).get("images").size()).isEqualTo(small.get(i).get("frame_count").asInt());
            assertThat(none.get(i).get("images").size()).isZero();
        }
    }
}
