package dev.v2l.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.v2l.io.BadInputException;
import dev.v2l.scene.Scene;
import dev.v2l.testing.TestPaths;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ProcTHOR-10K's released split files: gzipped JSON Lines, one house per line, ids by line ({@code train_0} is line
 * 1), and a bad line reported with its number when its house is asked for while the others stay readable.
 */
class ProcThorJsonLinesTest {

    static final Path HOUSE = TestPaths.sharedData().resolve("ai2thor/procthor_train_1.json");
    static final Path ASSETS = TestPaths.sharedData().resolve("procthor/asset-database.json");

    @TempDir
    Path tmp;

    Path write(String name, List<String> lines) throws Exception {
        Path f = tmp.resolve(name);
        try (OutputStream os = new GZIPOutputStream(Files.newOutputStream(f));
             Writer w = new java.io.OutputStreamWriter(os, StandardCharsets.UTF_8)) {
            for (String l : lines) {
                w.write(l);
                w.write('\n');
            }
        }
        return f;
    }

    @Test
    void housesAreNamedByLineAndBadLinesFailOnlyTheirOwnHouse() throws Exception {
        ObjectMapper m = new ObjectMapper();
        String house = m.writeValueAsString(m.readTree(HOUSE.toFile()));
        ObjectNode named = (ObjectNode) m.readTree(house);
        named.put("id", "my-house");
        Path f = write("train.jsonl.gz", List.of(house, "", "{\"rooms\": [", m.writeValueAsString(named), house,
                "{\"id\": \"my-house\", \"rooms\": [], \"objects\": []}", "[1, 2]"));

        SceneSource src = SceneSources.open("procthor:" + f + ",assets=" + ASSETS);
        assertThat(src.ids()).containsExactly("train_0", "train_2", "my-house", "train_4", "my-house@line6",
                "train_6");
        Scene first = src.scene("train_0");
        assertThat(first.objects()).hasSize(177);
        assertThat(src.scene("train_4").objects()).hasSize(177);
        assertThat(src.scene("my-house").objects()).hasSize(177);
        assertThatThrownBy(() -> src.scene("train_2")).isInstanceOf(BadInputException.class)
                .hasMessageContaining("train.jsonl.gz: line 3 (house train_2): not valid JSON");
        assertThatThrownBy(() -> src.scene("my-house@line6")).isInstanceOf(BadInputException.class)
                .hasMessageContaining("line 6").hasMessageContaining("'my-house' is already used by line 4");
        assertThatThrownBy(() -> src.scene("train_6")).isInstanceOf(BadInputException.class)
                .hasMessageContaining("line 7").hasMessageContaining("a house is a JSON object");
    }

    @Test
    void aHouseWithAnUnknownAssetNamesItsLine() throws Exception {
        ObjectMapper m = new ObjectMapper();
        ObjectNode h = (ObjectNode) m.readTree(HOUSE.toFile());
        ((ObjectNode) h.get("objects").get(2)).put("assetId", "Nowhere_1");
        Path f = write("val.jsonl.gz", List.of(m.writeValueAsString(m.readTree(HOUSE.toFile())),
                m.writeValueAsString(h)));
        SceneSource src = SceneSources.open("procthor:" + f + ",assets=" + ASSETS);
        assertThat(src.ids()).containsExactly("val_0", "val_1");
        assertThatThrownBy(() -> src.scene("val_1")).isInstanceOf(BadInputException.class)
                .hasMessageContaining("line 2 (house val_1)").hasMessageContaining("objects[2].assetId")
                .hasMessageContaining("Nowhere_1");
    }
}
