package dev.v2l.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.v2l.geom.Vec2;
import dev.v2l.geom.Vec3;
import dev.v2l.io.BadInputException;
import dev.v2l.io.JsonFields;
import dev.v2l.scene.CameraPose;
import dev.v2l.scene.Intrinsics;
import dev.v2l.scene.OrientedBox;
import dev.v2l.scene.Room;
import dev.v2l.scene.RoomRegion;
import dev.v2l.scene.Scene;
import dev.v2l.scene.SceneObject;
import dev.v2l.scene.UpAxis;
import dev.v2l.testing.TestPaths;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SceneJsonTest {

    private static Schema schema;

    @BeforeAll
    static void loadSchema() throws IOException {
        String text = Files.readString(TestPaths.root().resolve("docs/schema/v2l-scene-1.schema.json"));
        schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(text,
                InputFormat.JSON);
    }

    static Scene small() {
        double t = Math.toRadians(30);
        return new Scene("tiny_room", "test", UpAxis.Z, new Room(12.5, List.of(new RoomRegion("r0", "Bedroom",
                List.of(new Vec2(0, 0), new Vec2(4, 0), new Vec2(4, 3), new Vec2(0, 3))))), List.of(
                        new SceneObject("bed_0", "bed", new OrientedBox(new Vec3(1, 1.5, 0.25), new Vec3(1, 0, 0),
                                new Vec3(0, 1, 0), new Vec3(0, 0, 1), 2, 1.6, 0.5)),
                        new SceneObject("lamp_0", "lamp", new OrientedBox(new Vec3(3, 0.5, 0.8),
                                new Vec3(Math.cos(t), Math.sin(t), 0), new Vec3(-Math.sin(t), Math.cos(t), 0),
                                new Vec3(0, 0, 1), 0.25, 0.25, 0.5), "bed_0", true)),
                new CameraPose(new Vec3(3.5, 2.5, 1.5), new Vec3(-1, -1, 0), new Vec3(0, 0, 1)),
                Intrinsics.fromVerticalFov(640, 480, 60));
    }

    static String resource(String name) throws IOException {
        try (InputStream in = SceneJsonTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void writtenFormIsPinnedByAGoldenFile() throws IOException {
        assertThat(SceneJson.write(small())).isEqualTo(resource("/golden/tiny_room.scene.json"));
    }

    @Test
    void readingWhatWasWrittenGivesTheSameScene() {
        Scene s = small();
        Scene back = SceneJson.read(tree(SceneJson.write(s)), new JsonFields("mem", null));
        assertThat(back).isEqualTo(s);
        assertThat(SceneJson.write(back)).isEqualTo(SceneJson.write(s));
    }

    @Test
    void everyRealSceneConvertsToValidSceneJsonAndBack() {
        List<Scene> scenes = new ArrayList<>(VsiMetaInfoSourceTest.allRealScenes());
        scenes.add(new Ai2ThorMetadataSource(Ai2ThorAndProcThorTest.THOR).scene("iTHOR_Kitchen_Val_09"));
        scenes.add(new ProcThorHouseSource(Ai2ThorAndProcThorTest.HOUSE,
                new ProcThorAssets(Ai2ThorAndProcThorTest.ASSETS)).scene("procthor_train_1"));
        scenes.add(small());
        for (Scene s : scenes) {
            String json = SceneJson.write(s);
            List<Error> errors = schema.validate(json, InputFormat.JSON);
            assertThat(errors).as(s.id()).isEmpty();
            assertThat(SceneJson.read(tree(json), new JsonFields("mem", null))).as(s.id()).isEqualTo(s);
        }
    }

    @Test
    void theSchemaRejectsWhatTheReaderRejects() {
        String bad = SceneJson.write(small()).replace("\"up\": \"z\"", "\"up\": \"x\"");
        assertThat(schema.validate(bad, InputFormat.JSON)).isNotEmpty();
        assertThatThrownBy(() -> SceneJson.read(tree(bad), new JsonFields("f.json", null)))
                .hasMessageContaining("f.json: scene tiny_room: field 'up': expected \"z\" or \"y\", found \"x\"");
    }

    @Test
    void badFieldsAreNamed() {
        String noSize = SceneJson.write(small()).replaceFirst("\"size\":\\[2\\.0,1\\.6,0\\.5\\]", "\"size\":[2.0,1.6]");
        assertThatThrownBy(() -> SceneJson.read(tree(noSize), new JsonFields("f.json", null)))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("field 'objects[0].size': expected a list of 3 numbers");
        String dup = SceneJson.write(small()).replace("\"lamp_0\"", "\"bed_0\"");
        assertThatThrownBy(() -> SceneJson.read(tree(dup), new JsonFields("f.json", null)))
                .hasMessageContaining("objects[1].id").hasMessageContaining("duplicate object id");
        String wrongFormat = SceneJson.write(small()).replace("v2l-scene/1", "v2l-scene/9");
        assertThatThrownBy(() -> SceneJson.read(tree(wrongFormat), new JsonFields("f.json", null)))
                .hasMessageContaining("expected \"v2l-scene/1\", found \"v2l-scene/9\"");
    }

    @Test
    void aDirectoryOfScenesIsASource(@TempDir Path dir) throws IOException {
        Scene a = small();
        Scene b = new Scene("other", "test", UpAxis.Y, Room.ofArea(3), a.objects());
        Files.writeString(dir.resolve("b.json"), SceneJson.write(b));
        Files.writeString(dir.resolve("a.json"), SceneJson.write(a));
        Files.writeString(dir.resolve("notes.txt"), "ignored");
        SceneSource src = SceneSources.open(dir.toString());
        assertThat(src.kind()).isEqualTo("v2l");
        assertThat(src.ids()).containsExactly("tiny_room", "other"); // file-name order
        assertThat(src.scene("other")).isEqualTo(b);
        Path lines = dir.resolve("scenes.jsonl");
        Files.writeString(lines, SceneJson.writeLine(a) + "\n" + SceneJson.writeLine(b) + "\n");
        SceneSource l = SceneSources.open(lines.toString());
        assertThat(l.kind()).isEqualTo("v2l");
        assertThat(l.loadAll()).containsExactly(a, b);
        Files.writeString(lines, SceneJson.writeLine(a) + "\n" + SceneJson.writeLine(a) + "\n");
        assertThatThrownBy(() -> SceneSources.open(lines.toString())).hasMessageContaining("record 2")
                .hasMessageContaining("duplicate scene id \"tiny_room\"");
    }

    private static com.fasterxml.jackson.databind.JsonNode tree(String json) {
        try {
            return JsonFiles.MAPPER.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
