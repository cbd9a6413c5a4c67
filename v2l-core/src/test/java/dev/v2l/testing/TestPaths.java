package dev.v2l.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where tests find the project root and the shared real data ({@code ../shared/data}). */
public final class TestPaths {

    private TestPaths() {
    }

    public static Path root() {
        String p = System.getProperty("v2l.root.dir");
        if (p != null) {
            return Path.of(p);
        }
        Path here = Path.of("").toAbsolutePath();
        while (here != null && !Files.exists(here.resolve("v2l")) && !Files.exists(here.resolve("docs"))) {
            here = here.getParent();
        }
        return here == null ? Path.of("").toAbsolutePath() : here;
    }

    public static Path sharedData() {
        String p = System.getProperty("v2l.shared.dir");
        Path shared = p != null ? Path.of(p) : root().resolve("../shared");
        return shared.resolve("data").normalize();
    }

    public static Path vsiMeta(String file) {
        return sharedData().resolve("vsibench-meta").resolve(file);
    }

    public static final String[] VSI_FILES = {"scannet_meta_info_val.json", "scannetpp_meta_info_val.json",
        "arkitscenes_meta_info_val.json"};
}
