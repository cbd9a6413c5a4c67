package dev.v2l.asset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.v2l.io.BadInputException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FurnitureCatalogTest {

    static final List<String> REQUIRED = List.of("bed", "nightstand", "sofa", "armchair", "chair", "table", "desk",
            "wardrobe", "cabinet", "bookshelf", "tv", "lamp", "plant", "refrigerator", "sink", "toilet", "stool");

    @Test
    void theEmbeddedSubsetIsCc0WithCreditsAndCoversTheRequiredLabels() {
        FurnitureCatalog c = AssetLibrary.embeddedCatalog();
        assertThat(c.id()).isEqualTo("video2layout#furniture-cc0");
        assertThat(c.models()).hasSizeGreaterThanOrEqualTo(60);
        Set<String> ids = new HashSet<>();
        for (CatalogModel m : c.models()) {
            assertThat(ids.add(m.id())).as("unique id %s", m.id()).isTrue();
            assertThat(m.creator()).as(m.id()).isNotBlank();
            assertThat(m.license()).as(m.id()).isEqualTo("Public domain");
            assertThat(m.width() * m.depth() * m.height()).as(m.id()).isPositive();
            assertThat(c.has(m.modelPath())).as(m.id()).isTrue();
        }
        AssetLibrary lib = AssetLibrary.embeddedOnly();
        for (String label : REQUIRED) {
            assertThat(lib.models(label)).as(label).isNotEmpty();
        }
        assertThat(lib.has("stove") || lib.has("oven")).isTrue();
        assertThat(lib.has("shower") || lib.has("bathtub")).isTrue();
    }

    @Test
    void everyEmbeddedModelParsesSimplifiedAndFillsItsBoxExactly() {
        for (CatalogModel m : AssetLibrary.embeddedCatalog().models()) {
            ModelMesh mesh = ModelLoader.mesh(m);
            assertThat(mesh.triangles).as(m.id()).isBetween(10, 7000);
            float[] lo = {1, 1, 1};
            float[] hi = {-1, -1, -1};
            for (int i = 0; i < mesh.position.length; i += 3) {
                for (int a = 0; a < 3; a++) {
                    lo[a] = Math.min(lo[a], mesh.position[i + a]);
                    hi[a] = Math.max(hi[a], mesh.position[i + a]);
                }
            }
            for (int a = 0; a < 3; a++) {
                // the placed model's tight box is the object's box
                assertThat((double) lo[a]).as("%s axis %d", m.id(), a).isCloseTo(-0.5, within(1e-5));
                assertThat((double) hi[a]).as("%s axis %d", m.id(), a).isCloseTo(0.5, within(1e-5));
            }
            for (int i = 0; i < mesh.normal.length; i += 3) {
                double len = Math.sqrt(mesh.normal[i] * mesh.normal[i] + mesh.normal[i + 1] * mesh.normal[i + 1]
                        + mesh.normal[i + 2] * mesh.normal[i + 2]);
                assertThat(len).as(m.id()).isCloseTo(1, within(1e-3));
            }
        }
        // parsed once: asking again returns the cached mesh
        CatalogModel first = AssetLibrary.embeddedCatalog().models().get(0);
        assertThat(ModelLoader.mesh(first)).isSameAs(ModelLoader.mesh(first));
    }

    @Test
    void badCatalogsAreClearErrorsNamingTheFile(@TempDir Path dir) throws IOException {
        Path missing = dir.resolve("none.sh3f");
        assertThatThrownBy(() -> FurnitureCatalog.open(missing)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("none.sh3f").hasMessageContaining("no such furniture catalog");
        Path text = dir.resolve("text.sh3f");
        Files.writeString(text, "not a zip");
        assertThatThrownBy(() -> FurnitureCatalog.open(text)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("text.sh3f").hasMessageContaining("not a zip");
        Path noWidth = zip(dir.resolve("nowidth.sh3f"), "id=x\nid#1=x#a\nname#1=A\nmodel#1=/a/a.obj\ndepth#1=10\n"
                + "height#1=10\n", "a/a.obj", "v 0 0 0\nv 1 0 0\nv 0 1 0\nf 1 2 3\n");
        assertThatThrownBy(() -> FurnitureCatalog.open(noWidth)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("nowidth.sh3f").hasMessageContaining("width#1");
        Path badObj = zip(dir.resolve("badobj.sh3f"), "id=x\nid#1=x#a\nname#1=Bed\ncategory#1=Bedroom\n"
                + "model#1=/a/a.obj\nwidth#1=10\ndepth#1=10\nheight#1=10\n", "a/a.obj", "v 0 0 0\nf 1 2 7\n");
        FurnitureCatalog c = FurnitureCatalog.open(badObj);
        assertThatThrownBy(() -> ModelLoader.mesh(c.models().get(0))).isInstanceOf(BadInputException.class)
                .hasMessageContaining("badobj.sh3f!a/a.obj");
        Path noModel = zip(dir.resolve("nomodel.sh3f"), "id=x\nid#1=x#a\nname#1=Bed\nmodel#1=/a/gone.obj\n"
                + "width#1=10\ndepth#1=10\nheight#1=10\n", "a/a.obj", "v 0 0 0\n");
        FurnitureCatalog c2 = FurnitureCatalog.open(noModel);
        assertThatThrownBy(() -> ModelLoader.mesh(c2.models().get(0))).isInstanceOf(BadInputException.class)
                .hasMessageContaining("nomodel.sh3f!a/gone.obj").hasMessageContaining("missing");
    }

    @Test
    void aFolderCatalogReadsLikeItsZip(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("a"));
        Files.writeString(dir.resolve(FurnitureCatalog.PLUGIN_PROPERTIES), "id=folder\nlicense=CC0\n"
                + "id#1=folder#t\nname#1=Table\ncategory#1=Living room\nmodel#1=/a/t.obj\nwidth#1=120\n"
                + "depth#1=80\nheight#1=75\ncreator#1=Someone\n");
        Files.writeString(dir.resolve("a/t.obj"), "v 0 0 0\nv 1 0 0\nv 1 1 0\nv 0 1 1\nf 1 2 3 4\n");
        FurnitureCatalog c = FurnitureCatalog.open(dir);
        CatalogModel m = c.models().get(0);
        assertThat(m.width()).isEqualTo(1.2);
        assertThat(m.creator()).isEqualTo("Someone");
        assertThat(m.license()).isEqualTo("CC0");
        assertThat(LabelMap.standard().label(m)).contains("table");
        assertThat(ModelLoader.mesh(m).triangles).isEqualTo(2);
    }

    @Test
    void theDebianCatalogsReadInPlaceWithCreatorsAndLicences() {
        List<Path> installed = AssetLibrary.installedDebianCatalogs();
        Assumptions.assumeTrue(installed.size() >= 6, "Debian catalogs not installed (apt-get install "
                + "sweethome3d-furniture sweethome3d); .ci/run installs them");
        AssetLibrary lib = AssetLibrary.of(installed);
        int models = 0;
        for (FurnitureCatalog c : lib.catalogs()) {
            models += c.models().size();
            for (CatalogModel m : c.models()) {
                assertThat(m.license()).as(m.id()).isNotBlank();
                assertThat(m.creator()).as(m.id()).isNotBlank();
            }
        }
        assertThat(models).as("embedded + 820 + the default catalog's").isGreaterThan(900);
        for (String label : REQUIRED) {
            assertThat(lib.models(label)).as(label).isNotEmpty();
        }
        for (String label : List.of("door", "window", "microwave", "washing machine", "bathtub", "laptop")) {
            assertThat(lib.models(label)).as(label).isNotEmpty();
        }
        // every labelled model of the Debian catalogs parses (what rooms may use; v2l assets list --check): one
        // MTL of Scopia's had a statement before its first material, which stopped every procedural build
        for (FurnitureCatalog c : lib.catalogs().subList(1, lib.catalogs().size())) {
            c.models().stream().filter(m -> LabelMap.standard().label(m).isPresent())
                    .forEach(m -> assertThat(ModelLoader.raw(m).triangles).as(m.id()).isPositive());
        }
    }

    @Test
    void mtlStatementsBeforeTheFirstMaterialAreIgnoredAsSweetHome3dDoes() throws IOException {
        // Debian's Scopia catalog (islandBath.mtl) starts with "Ns 20" before any newmtl: javagl's reader refuses it
        String mtl = "# exported\nNs 20\nKd 1 0 0\n\nnewmtl white\nKd 0.9 0.9 0.9\nnewmtl red\nKd 1 0 0\n";
        String kept = ModelLoader.fromFirstMaterial(new java.io.ByteArrayInputStream(mtl.getBytes(StandardCharsets.UTF_8)));
        List<de.javagl.obj.Mtl> read = de.javagl.obj.MtlReader.read(new java.io.StringReader(kept));
        assertThat(read).extracting(de.javagl.obj.Mtl::getName).containsExactly("white", "red");
        assertThat(read.get(0).getKd().getX()).isEqualTo(0.9f);
        assertThat(ModelLoader.fromFirstMaterial(new java.io.ByteArrayInputStream("Ns 20\n".getBytes(
                StandardCharsets.UTF_8)))).isEmpty();
    }

    static Path zip(Path out, String props, String entry, String content) throws IOException {
        try (OutputStream o = Files.newOutputStream(out); ZipOutputStream z = new ZipOutputStream(o)) {
            z.putNextEntry(new ZipEntry(FurnitureCatalog.PLUGIN_PROPERTIES));
            z.write(props.getBytes(StandardCharsets.ISO_8859_1));
            z.putNextEntry(new ZipEntry(entry));
            z.write(content.getBytes(StandardCharsets.UTF_8));
        }
        return out;
    }
}
