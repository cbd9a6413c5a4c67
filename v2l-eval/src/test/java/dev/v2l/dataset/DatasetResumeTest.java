package dev.v2l.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.v2l.io.FolderNames;
import dev.v2l.io.Provenance;
import dev.v2l.layout.text.MapForm;
import dev.v2l.qa.QuestionType;
import dev.v2l.scene.Scene;
import dev.v2l.source.SceneJson;
import dev.v2l.source.SceneSource;
import dev.v2l.source.SceneSources;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** dataset build commits scene by scene and resumes where it stopped; image folders never collide. */
class DatasetResumeTest {

    static DatasetOptions options(boolean images) {
        return new DatasetOptions(List.of(1, 4), QuestionType.parseList("all"), 3, List.of(Exporter.JSONL,
                Exporter.SWIFT), MapForm.V2LO, new double[] {0.6, 0.2, 0.2}, 7, "uniform", 8, 4, 96, 72, 60, 0,
                images, 2);
    }

    static Provenance prov() {
        return new Provenance("video2layout", "test", "test", List.of("test"));
    }

    static final class Killed extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    /** Every output file's bytes, except provenance (it records when), by relative path. */
    static List<String> snapshot(Path dir) throws Exception {
        List<String> out = new ArrayList<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
                String rel = dir.relativize(p).toString();
                if (rel.equals("provenance.json")) {
                    continue;
                }
                String text = new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1);
                if (rel.equals("stats.json")) {
                    ObjectNode n = (ObjectNode) SceneParts.MAPPER.readTree(text);
                    n.remove("provenance");
                    text = n.toString();
                }
                out.add(rel + "\n" + text);
            }
        }
        return out;
    }

    @Test
    void aBuildKilledMidwayRestartsAtTheSceneItStoppedAtAndEndsWithTheSameBytes(@TempDir Path tmp) throws Exception {
        SceneSource src = SceneSources.open("procedural:seed=3,count=10");
        Path whole = tmp.resolve("whole");
        new DatasetBuilder(options(false)).build(src, whole, prov(), i -> { });
        Path resumed = tmp.resolve("resumed");
        assertThatThrownBy(() -> new DatasetBuilder(options(false)).build(src, resumed, prov(), done -> {
            if (done == 6) {
                throw new Killed(); // the process dies after 6 of 10 scenes
            }
        })).isInstanceOf(Killed.class);
        assertThat(resumed.resolve("jsonl/train.jsonl")).doesNotExist();
        try (Stream<Path> s = Files.walk(resumed)) {
            assertThat(s.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList()).isEmpty();
        }
        List<Integer> seen = new ArrayList<>();
        new DatasetBuilder(options(false)).build(src, resumed, prov(), seen::add);
        assertThat(seen.get(0)).as("restarts from the 6 scenes committed").isEqualTo(6);
        assertThat(seen).containsExactly(6, 7, 8, 9, 10);
        assertThat(resumed.resolve(SceneParts.DIR)).doesNotExist();
        assertThat(snapshot(resumed)).isEqualTo(snapshot(whole));
        // other settings in the same folder: the old parts are not reused
        Path again = tmp.resolve("again");
        assertThatThrownBy(() -> new DatasetBuilder(options(false)).build(src, again, prov(), done -> {
            if (done == 3) {
                throw new Killed();
            }
        })).isInstanceOf(Killed.class);
        List<Integer> fresh = new ArrayList<>();
        DatasetOptions other = new DatasetOptions(List.of(1, 4), QuestionType.parseList("all"), 2,
                List.of(Exporter.JSONL, Exporter.SWIFT), MapForm.V2LO, new double[] {0.6, 0.2, 0.2}, 7, "uniform", 8,
                4, 96, 72, 60, 0, false, 2);
        new DatasetBuilder(other).build(src, again, prov(), fresh::add);
        assertThat(fresh.get(0)).isEqualTo(1);
        Set<PosixFilePermission> perms = Files.getPosixFilePermissions(resumed.resolve("jsonl/train.jsonl"));
        assertThat(perms).contains(PosixFilePermission.OTHERS_READ, PosixFilePermission.GROUP_READ);
    }

    @Test
    void scenesWhoseIdsLookAlikeGetTheirOwnImageFolders(@TempDir Path tmp) throws Exception {
        Scene base = SceneSources.open("procedural:seed=2,count=1").scene(SceneSources.open(
                "procedural:seed=2,count=1").ids().get(0));
        Path scenes = Files.createDirectories(tmp.resolve("scenes"));
        List<String> ids = List.of("kitchen 1", "kitchen_1", "Kitchen_1", "场景-ü", "房间-é");
        for (int i = 0; i < ids.size(); i++) {
            Scene s = new Scene(ids.get(i), "test", base.up(), base.room(), base.objects().subList(0,
                    base.objects().size() - i), null, null);
            Files.writeString(scenes.resolve(i + ".json"), SceneJson.write(s));
        }
        Set<String> folders = new HashSet<>();
        for (String id : ids) {
            assertThat(folders.add(FolderNames.of(id).toLowerCase())).as("folder of %s", id).isTrue();
            assertThat(FolderNames.of(id)).isEqualTo(FolderNames.of(id)).matches("[a-z0-9._~-]+");
        }
        assertThat(FolderNames.of("scene0645_00")).isEqualTo("scene0645_00");
        Path out = tmp.resolve("out");
        new DatasetBuilder(options(true)).build(SceneSources.open(scenes.toString()), out, prov(), i -> { });
        for (String f : List.of("train", "val", "test")) {
            for (String line : Files.readAllLines(out.resolve("jsonl/" + f + ".jsonl"))) {
                JsonNode n = SceneParts.MAPPER.readTree(line);
                String scene = n.path("question").path("scene_id").asText(n.path("scene_id").asText());
                for (JsonNode img : n.path("images")) {
                    assertThat(img.asText()).as("an image of %s", scene)
                            .startsWith("images/" + FolderNames.of(scene) + "/");
                    assertThat(out.resolve(img.asText())).exists();
                }
            }
        }
        try (Stream<Path> s = Files.list(out.resolve("images"))) {
            assertThat(s.count()).isEqualTo(ids.size());
        }
    }
}
