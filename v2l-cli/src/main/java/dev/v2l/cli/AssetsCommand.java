package dev.v2l.cli;

import dev.v2l.asset.AssetLibrary;
import dev.v2l.asset.CatalogModel;
import dev.v2l.asset.CatalogPacker;
import dev.v2l.asset.FurnitureCatalog;
import dev.v2l.asset.LabelMap;
import dev.v2l.asset.ModelLoader;
import dev.v2l.io.BadInputException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code v2l assets list|pack}: the furniture catalogs procedural rooms are furnished from. */
@Command(name = "assets", mixinStandardHelpOptions = true,
        description = "The furniture catalogs procedural rooms are furnished from: the embedded CC0 "
        + "subset, the Debian catalogs when installed (apt-get install sweethome3d-furniture sweethome3d), or "
        + "catalogs named with --assets.",
        subcommands = {AssetsCommand.ListAssets.class, AssetsCommand.Pack.class},
        footer = {"", "Example: v2l assets list", "         v2l assets list --assets /usr/share/sweethome3d/furniture/"
            + "Scopia.sh3f --check"})
final class AssetsCommand implements Runnable {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Missing required subcommand");
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Catalogs found (id, models, licence, "
            + "where from), models per label, and the licences of the models rooms may use. --check also parses "
            + "every labelled model, so a corrupt one is reported now (exit 2) rather than mid-render.",
            footer = {"", "Example: v2l assets list --models"})
    static final class ListAssets implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Option(names = "--assets", split = ",", paramLabel = "CATALOG", description = "Catalogs (.sh3f files or "
                + "folders), or 'embedded', 'debian', 'default' (the embedded subset plus installed Debian catalogs; "
                + "the default).")
        List<String> assets = new ArrayList<>();

        @Option(names = "--models", description = "List every labelled model (id, size, creator, licence).")
        boolean models;

        @Option(names = "--check", description = "Parse every labelled model (OBJ, MTL, textures).")
        boolean check;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            AssetLibrary lib = AssetLibrary.fromSpec(assets);
            out.println("catalogs:");
            for (FurnitureCatalog c : lib.catalogs()) {
                out.printf(Locale.ROOT, "  %-40s %4d models  %s%n      %s%n", c.id(), c.models().size(), c.license(),
                        c.source());
            }
            out.println("models per label (questions are asked about these labels):");
            Map<String, Integer> licences = new TreeMap<>();
            int total = 0;
            for (String label : lib.labels()) {
                List<CatalogModel> ms = lib.models(label);
                total += ms.size();
                out.printf(Locale.ROOT, "  %-16s %3d%n", label, ms.size());
                for (CatalogModel m : ms) {
                    licences.merge(m.license(), 1, Integer::sum);
                    if (models) {
                        out.printf(Locale.ROOT, "      %-44s %5.2f x %5.2f x %5.2f m  %s  [%s]%n", m.id(), m.width(),
                                m.depth(), m.height(), m.creator(), m.license());
                    }
                    if (check) {
                        ModelLoader.mesh(m);
                    }
                }
            }
            out.println("licences of labelled models:");
            licences.forEach((l, n) -> out.printf(Locale.ROOT, "  %4d  %s%n", n, l));
            out.printf(Locale.ROOT, "%d labelled models, %d labels%s%n", total, lib.labels().size(),
                    check ? "; all parsed" : "");
            return Main.EXIT_OK;
        }
    }

    @Command(name = "pack", mixinStandardHelpOptions = true, description = "Write a small catalog (.sh3f) from "
            + "models of other catalogs: meshes simplified, textures downscaled, creators and licences kept. The "
            + "embedded default was made with this command (see v2l-sim/src/main/assets/README.md).",
            footer = {"", "Example: v2l assets pack --from /usr/share/sweethome3d/furniture/BlendSwap-CC-0.sh3f "
                + "--models v2l-sim/src/main/assets/embedded-models.txt --out furniture-cc0.sh3f"})
    static final class Pack implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Option(names = "--from", required = true, split = ",", paramLabel = "CATALOG", description = "Source "
                + "catalogs.")
        List<Path> from;

        @Parameters(arity = "0..*", paramLabel = "MODEL_ID", description = "Model ids to pack.")
        List<String> ids = new ArrayList<>();

        @Option(names = "--models", paramLabel = "FILE", description = "A file of model ids, one a line (# comments).")
        Path modelsFile;

        @Option(names = "--max-triangles", defaultValue = "2500", description = "Triangle budget per model. "
                + "Default: ${DEFAULT-VALUE}.")
        int maxTriangles;

        @Option(names = "--max-error", defaultValue = "0.004", description = "Largest surface error, as a share of "
                + "the model's diagonal. Default: ${DEFAULT-VALUE}.")
        double maxError;

        @Option(names = "--max-texture", defaultValue = "256", description = "Largest texture side, pixels. Default: "
                + "${DEFAULT-VALUE}.")
        int maxTexture;

        @Option(names = "--id", defaultValue = "video2layout#furniture-cc0", description = "Id of the new catalog.")
        String id;

        @Option(names = "--name", defaultValue = "video2layout CC0 furniture", description = "Name of the new catalog.")
        String name;

        @Option(names = "--out", required = true, description = "The .sh3f to write.")
        Path out;

        @Override
        public Integer call() throws IOException {
            List<String> wanted = new ArrayList<>(ids);
            if (modelsFile != null) {
                int n = 0;
                for (String line : Files.readAllLines(modelsFile, StandardCharsets.UTF_8)) {
                    n++;
                    String s = line.contains("#  ") ? line.substring(0, line.indexOf("#  ")) : line;
                    s = s.strip();
                    if (!s.isEmpty() && !s.startsWith("# ")) {
                        wanted.add(s);
                    }
                }
            }
            if (wanted.isEmpty()) {
                throw new IllegalArgumentException("no model ids given (arguments or --models FILE)");
            }
            Map<String, CatalogModel> all = new LinkedHashMap<>();
            List<String> sources = new ArrayList<>();
            for (Path p : from) {
                FurnitureCatalog c = FurnitureCatalog.open(p);
                sources.add(c.id() + " v" + c.version() + " (" + c.license() + ")");
                for (CatalogModel m : c.models()) {
                    all.putIfAbsent(m.id(), m);
                }
            }
            List<CatalogModel> chosen = new ArrayList<>();
            for (String w : wanted) {
                CatalogModel m = all.get(w);
                if (m == null) {
                    throw new BadInputException(modelsFile == null ? null : modelsFile.toString(), null, null,
                            "no model '" + w + "' in " + from);
                }
                chosen.add(m);
            }
            String description = "A curated subset of " + String.join(", ", sources) + ": meshes simplified to at "
                    + "most " + maxTriangles + " triangles (surface error <= " + maxError + " of the diagonal), "
                    + "textures at most " + maxTexture + " px. Each model keeps its creator and licence.";
            Map<String, Integer> kept = CatalogPacker.pack(chosen, new CatalogPacker.Options(id, name, description,
                    maxTriangles, maxError, maxTexture), out);
            PrintWriter err = spec.commandLine().getErr();
            LabelMap labels = LabelMap.standard();
            for (CatalogModel m : chosen) {
                err.printf(Locale.ROOT, "  %-40s %-16s %6d triangles%n", m.id(), labels.label(m).orElse("-"),
                        kept.get(m.id()));
            }
            err.printf(Locale.ROOT, "packed %d models into %s (%.1f MB)%n", chosen.size(), out,
                    Files.size(out) / 1e6);
            return Main.EXIT_OK;
        }
    }
}
