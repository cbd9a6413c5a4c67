package dev.v2l.cli;

import static dev.v2l.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AssetsCliTest {

    @Test
    void assetsListShowsCatalogsModelsPerLabelAndLicences() {
        CliTest.Run r = run("assets", "list", "--assets", "embedded", "--models");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("video2layout#furniture-cc0").contains("models per label")
                .contains("nightstand").contains("Blend Swap CC-0#bed1").contains("Public domain")
                .contains("licences of labelled models");
    }

    @Test
    void aMissingOrCorruptCatalogIsExitTwoNamingTheFile(@TempDir Path dir) throws Exception {
        CliTest.Run missing = run("assets", "list", "--assets", dir.resolve("gone.sh3f").toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("gone.sh3f");
        Path bad = dir.resolve("bad.sh3f");
        Files.writeString(bad, "not a zip at all");
        CliTest.Run corrupt = run("assets", "list", "--assets", bad.toString());
        assertThat(corrupt.code()).isEqualTo(2);
        assertThat(corrupt.err()).contains("bad.sh3f").contains("not a zip");
    }

    @Test
    void aSceneNamingAnUnknownCatalogIsExitTwoAndBoxesStillRender(@TempDir Path dir) throws Exception {
        CliTest.Run gen = run("scenes", "generate", "--count", "1", "--seed", "3", "--assets", "embedded", "--out",
                dir.resolve("s").toString());
        assertThat(gen.code()).as(gen.err()).isZero();
        Path scene = dir.resolve("s/proc-3-0000.json");
        String json = Files.readString(scene);
        assertThat(json).contains("\"asset\":{\"catalog\":\"video2layout#furniture-cc0\"");
        Files.writeString(scene, json.replace("video2layout#furniture-cc0", "someone#missing-catalog"));
        CliTest.Run r = run("render", dir.resolve("s").toString(), "--scene", "proc-3-0000", "--frames", "2",
                "--size", "64x48", "--no-video", "--out", dir.resolve("f").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("someone#missing-catalog").contains("--assets");
        CliTest.Run boxes = run("render", dir.resolve("s").toString(), "--scene", "proc-3-0000", "--frames", "2",
                "--size", "64x48", "--no-video", "--style", "boxes", "--out", dir.resolve("b").toString());
        assertThat(boxes.code()).as(boxes.err()).isZero();
        assertThat(Files.readString(dir.resolve("b/instances.json"))).contains("\"model\"").contains("\"license\"");
    }
}
