package dev.v2l.bench;

import dev.v2l.geom.OrientedRect;
import dev.v2l.geom.Prism;
import dev.v2l.geom.Vec2;
import dev.v2l.layout.Layout;
import dev.v2l.layout.LayoutObject;
import dev.v2l.layout.MapFrame;
import dev.v2l.layout.text.MapWriter;
import dev.v2l.scene.Scene;
import dev.v2l.source.procedural.ProceduralGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** The seeded inputs the benchmarks run on: what models write, what GRPO rollouts look like, scenes. */
public final class Workloads {

    /** The seed of every generated input, so figures are comparable from run to run. */
    public static final long SEED = 7;

    private Workloads() {
    }

    /** Typical model responses: a v2lo map of 6–16 objects in tags, a short think and answer (~840 characters). */
    public static List<String> typicalResponses(long seed, int n) {
        SplittableRandom rnd = new SplittableRandom(seed);
        String[] labels = {"sofa", "chair", "table", "tv", "bed", "lamp", "cabinet", "refrigerator", "plant",
            "desk", "toilet", "sink", "stool", "pillow", "monitor", "door"};
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int k = 6 + rnd.nextInt(11);
            List<LayoutObject> objs = new ArrayList<>();
            for (int j = 0; j < k; j++) {
                double cx = rnd.nextDouble(-4, 4);
                double cy = rnd.nextDouble(0, 7);
                objs.add(new LayoutObject(labels[rnd.nextInt(labels.length)],
                        OrientedRect.fromBounds(cx, cy, cx + rnd.nextDouble(0.2, 2.2), cy + rnd.nextDouble(0.2, 2))));
            }
            String map = MapWriter.writeV2lo(new Layout(MapFrame.FIRST_CAMERA, objs));
            out.add("<map>" + map + "</map><think>The centre of the sofa is (1.2, 3.4); the vector to the table is "
                    + "(0.5, -1.0); the cross product is negative, so it is on the right.</think><answer>B</answer>");
        }
        return out;
    }

    /** A GRPO rollout: the response, its ground truth and question type. */
    public record Rollout(String response, String groundTruth, String questionType) {
    }

    /** Rollouts like a GRPO step produces: a v2lo map of 3–8 objects, a short think, an answer; ~300–700 chars. */
    public static List<Rollout> rollouts(long seed, int n) {
        SplittableRandom r = new SplittableRandom(seed);
        String[] labels = {"sofa", "chair", "table", "tv", "bed", "lamp", "cabinet", "plant"};
        List<Rollout> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            StringBuilder sb = new StringBuilder("<map>Establish a bird's-eye view : [");
            int k = 3 + r.nextInt(6);
            for (int j = 0; j < k; j++) {
                double x = Math.round(r.nextDouble(-4, 4) * 10) / 10.0;
                double y = Math.round(r.nextDouble(0, 7) * 10) / 10.0;
                sb.append(j == 0 ? "" : ", ").append("{\"object_name\": \"").append(labels[r.nextInt(labels.length)])
                        .append("\", \"bbox\": [").append(x).append(", ").append(y).append(", ").append(x + 0.8)
                        .append(", ").append(y + 0.6).append("]}");
            }
            sb.append("]</map>").append(r.nextBoolean() ? "\n" : "").append("<think>Forward is (0.0, 1.0); the lamp is at"
                    + " (-1.2, 0.4); cross < 0 / so it is on the left.</think>");
            boolean letter = r.nextBoolean();
            String gt = letter ? String.valueOf((char) ('A' + r.nextInt(4))) : String.valueOf(1 + r.nextInt(40) / 10.0);
            String ans = r.nextInt(3) == 0 ? (letter ? "B" : "2.5") : gt;
            sb.append("<answer>").append(ans).append("</answer>");
            out.add(new Rollout(sb.toString(), gt, letter ? "object_rel_direction_hard" : "object_abs_distance"));
        }
        return out;
    }

    /** Scenes of 40 random oriented prisms (0.05–1.2 m footprints, up to 1.5 m tall) in an 8 m square. */
    public static List<Prism[]> prismScenes(long seed, int scenes) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<Prism[]> out = new ArrayList<>();
        for (int s = 0; s < scenes; s++) {
            Prism[] p = new Prism[40];
            for (int i = 0; i < p.length; i++) {
                OrientedRect f = new OrientedRect(new Vec2(rnd.nextDouble(0, 8), rnd.nextDouble(0, 8)),
                        new Vec2(Math.cos(rnd.nextDouble(0, Math.PI)), Math.sin(rnd.nextDouble(0, Math.PI))),
                        rnd.nextDouble(0.05, 1.2), rnd.nextDouble(0.05, 1.0));
                double z0 = rnd.nextDouble(0, 1.5);
                p[i] = new Prism(f, z0, z0 + rnd.nextDouble(0.05, 1.5));
            }
            out.add(p);
        }
        return out;
    }

    /**
     * The first procedural room of the seed with at least 25 objects, furnished from the embedded catalog (so the
     * figure is the same on every machine).
     */
    public static Scene roomWith25Objects(long seed) {
        ProceduralGenerator g = new ProceduralGenerator(seed, dev.v2l.asset.AssetLibrary.embeddedOnly());
        for (int i = 0; i < 2000; i++) {
            Scene s = g.generate(i);
            if (s.objects().size() >= 25) {
                return s;
            }
        }
        throw new IllegalStateException("no 25-object procedural scene for seed " + seed);
    }

    /**
     * The scene sources of the question benchmark: {@code -Dv2l.bench.qa-sources=SPEC;SPEC} or the three VSI-Bench
     * meta_info files in {@code ../shared/data/vsibench-meta} (288 real scenes; run from the repository root).
     */
    public static List<String> qaSources() {
        String given = System.getProperty("v2l.bench.qa-sources");
        if (given != null && !given.isBlank()) {
            return List.of(given.split(";"));
        }
        Path dir = Path.of(System.getProperty("v2l.shared.dir", "../shared"), "data", "vsibench-meta");
        List<String> out = new ArrayList<>();
        for (String f : new String[] {"scannet_meta_info_val.json", "scannetpp_meta_info_val.json",
            "arkitscenes_meta_info_val.json"}) {
            if (Files.exists(dir.resolve(f))) {
                out.add("vsi:" + dir.resolve(f));
            }
        }
        if (out.isEmpty()) {
            throw new IllegalStateException("no scenes for the qa benchmark in " + dir.toAbsolutePath() + ": run from "
                    + "the repository root with ../shared beside it, or set -Dv2l.bench.qa-sources=SOURCE;SOURCE");
        }
        return out;
    }
}
