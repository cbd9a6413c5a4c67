package dev.v2l.detect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.v2l.testing.TestPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ObjectronAssetsTest {

    @Test
    void theCommittedFilesAreTheBytesExtractedFromTheNpmPackage() throws Exception {
        // model() and labels() check the SHA-256 themselves; here the checkout's files are checked too, so a changed
        // file fails even before it reaches the class path.
        assertThat(ObjectronAssets.sha256(ObjectronAssets.model())).isEqualTo(ObjectronAssets.MODEL_SHA256);
        Path dir = TestPaths.root().resolve("models/objectron");
        assertThat(ObjectronAssets.sha256(Files.readAllBytes(dir.resolve(ObjectronAssets.MODEL))))
                .isEqualTo(ObjectronAssets.MODEL_SHA256);
        assertThat(ObjectronAssets.sha256(Files.readAllBytes(dir.resolve(ObjectronAssets.LABEL_MAP))))
                .isEqualTo(ObjectronAssets.LABEL_MAP_SHA256);
        assertThat(Files.size(dir.resolve(ObjectronAssets.MODEL))).isEqualTo(9_987_912 - 184);
        assertThat(Files.readString(dir.resolve("LICENSE"))).contains("Apache License", "Version 2.0");
        assertThat(Files.readString(dir.resolve("NOTICE"))).contains("@mediapipe/objectron", "0.4.1675468480");
    }

    @Test
    void theLabelMapHasTheBackgroundFirstAndTheIndoorClasses() throws Exception {
        var labels = ObjectronAssets.labels();
        assertThat(labels).hasSize(24).startsWith("???");
        assertThat(labels).contains("Chair", "Table", "Desk", "Computer monitor", "Laptop", "Book", "Bottle", "Mug",
                "Coffee cup", "Box", "Person");
        assertThat(labels.indexOf("Chair")).isEqualTo(5);
    }

    @Test
    void everyGroupNamesOnlyClassesOfTheLabelMap() throws Exception {
        var labels = ObjectronAssets.labels();
        for (DetectorLabels.Group g : DetectorLabels.groups()) {
            assertThat(labels).as(g.name()).containsAll(g.classes());
        }
        // and every class but the background belongs to a group
        for (String c : labels.subList(1, labels.size())) {
            assertThat(DetectorLabels.ofClass(c)).as(c).isNotNull();
        }
        assertThat(DetectorLabels.ofSceneLabel("Office_Chairs").name()).isEqualTo("chair");
        assertThat(DetectorLabels.ofSceneLabel("dining table").name()).isEqualTo("table");
        assertThat(DetectorLabels.ofSceneLabel("sofa")).isNull();
        assertThat(DetectorLabels.mapLabel("Computer monitor")).isEqualTo("monitor");
    }
}
