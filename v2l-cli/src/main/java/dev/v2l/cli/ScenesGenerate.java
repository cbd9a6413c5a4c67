package dev.v2l.cli;

import dev.v2l.scene.Scene;
import dev.v2l.source.SceneJson;
import dev.v2l.source.procedural.ProceduralSource;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code v2l scenes generate}: procedural rooms written as scene JSON. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Generate furnished rooms (bedrooms, living rooms, kitchens, bathrooms, offices, dining rooms; "
                + "rectangular or L-shaped; a door and windows; real catalog furniture arranged as people arrange it, "
                + "no interpenetration) and write each as our scene JSON, every object naming its model, creator and "
                + "licence. Same seed and catalogs, same files.",
        footer = {"", "Example: v2l scenes generate --count 100 --seed 7 --out scenes/",
            "The same scenes without files: the source procedural:seed=7,count=100."})
final class ScenesGenerate implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--count", required = true, paramLabel = "N", converter = SceneCount.class,
            description = "How many scenes (1..1000000).")
    int count;

    @Mixin
    Mixins.Seed seed;

    @Mixin
    Mixins.OutputFolder out;

    /** 1..1,000,000 scenes. */
    static final class SceneCount extends Converters.IntRange {
        SceneCount() {
            super(1, 1_000_000);
        }
    }

    @picocli.CommandLine.Option(names = "--assets", split = ",", paramLabel = "CATALOG", description = "Furniture "
            + "catalogs (.sh3f files or folders, or 'embedded', 'debian', 'default'). Default: the embedded subset "
            + "plus installed Debian catalogs.")
    java.util.List<String> assets = new java.util.ArrayList<>();

    @Override
    public Integer call() {
        ProceduralSource src = new ProceduralSource(seed.value(), count, dev.v2l.asset.AssetLibrary.fromSpec(assets));
        int objects = 0;
        for (Scene s : src) {
            Inputs.writeAtomically(out.dir().resolve(s.id() + ".json"), SceneJson.write(s));
            objects += s.objects().size();
        }
        spec.commandLine().getErr().printf("wrote %d scenes (%d objects) to %s%n", count, objects, out.dir());
        return Main.EXIT_OK;
    }
}
