package dev.v2l.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.v2l.io.BadInputException;
import dev.v2l.scene.Scene;
import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RenderTruthTest {

    /** What a rendered instance buffer shows, as {@link RenderTruth} reads it from the mask PNG. */
    static List<RenderTruth.Visible> visible(int[] mask, int w, int h, List<String> ids, Scene scene) {
        Map<Integer, RenderTruth.Instance> inst = new LinkedHashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            inst.put(i + 1, new RenderTruth.Instance(ids.get(i), scene.object(ids.get(i)).orElseThrow().label()));
        }
        return RenderTruth.visible(raster(mask, w, h), inst);
    }

    static WritableRaster raster(int[] mask, int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_USHORT_GRAY);
        WritableRaster r = img.getRaster();
        r.setPixels(0, 0, w, h, mask);
        return r;
    }

    @Test
    void eachObjectIsItsVisiblePixelsBoxAndShare() {
        int w = 10;
        int h = 5;
        int[] m = new int[w * h];
        m[1 * w + 2] = 1; // object 1: pixels (2,1) and (4,3)
        m[3 * w + 4] = 1;
        for (int x = 0; x < w; x++) {
            m[4 * w + x] = 2; // object 2: the bottom row
        }
        m[0] = 7; // a value with no instance is ignored
        var v = RenderTruth.visible(raster(m, w, h), Map.of(1, new RenderTruth.Instance("chair_0", "chair"), 2,
                new RenderTruth.Instance("table_0", "table")));
        assertThat(v).extracting(RenderTruth.Visible::id).containsExactly("table_0", "chair_0");
        assertThat(v.get(1).box()).isEqualTo(new PixelBox(2, 1, 5, 4));
        assertThat(v.get(1).share()).isEqualTo(2 / 50.0);
        assertThat(v.get(0).box()).isEqualTo(new PixelBox(0, 4, 10, 5));
    }

    @Test
    void aFolderThatIsNoRenderIsBadInputNamingWhatIsMissing(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> RenderTruth.open(dir)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("instances.json").hasMessageContaining("v2l render");
        Files.writeString(dir.resolve("instances.json"), "{\"instances\": {\"x\": {}}}");
        assertThatThrownBy(() -> RenderTruth.open(dir)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("instances.x");
        Files.writeString(dir.resolve("instances.json"), "{\"instances\": {\"1\": {\"id\": \"a\", \"label\": \"b\"}}}");
        assertThatThrownBy(() -> RenderTruth.open(dir)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("rgb/ and instance/");
    }
}
