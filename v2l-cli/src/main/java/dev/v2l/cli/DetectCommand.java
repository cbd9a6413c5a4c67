package dev.v2l.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.v2l.detect.BoxDrawing;
import dev.v2l.detect.Detection;
import dev.v2l.detect.DetectionsJson;
import dev.v2l.detect.Detector;
import dev.v2l.detect.FrameDetector;
import dev.v2l.detect.ObjectronAssets;
import dev.v2l.detect.Realism;
import dev.v2l.detect.RenderTruth;
import dev.v2l.detect.SsdDecoder;
import dev.v2l.io.BadInputException;
import dev.v2l.io.Images;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code v2l detect}: the Objectron SSD on frames; with {@code --truth}, the realism figure of rendered frames. */
@Command(name = "detect", mixinStandardHelpOptions = true,
        description = {"Detect objects in frames with a real CPU detector (MediaPipe Objectron's SSD MobileNetV2, "
                + "Open Images classes: Chair, Table, Desk, Computer monitor, Laptop, Book, Bottle, Mug, Coffee cup, "
                + "Box, Person, …; TensorFlow Lite). One JSON line per frame: label, score, pixel box [x0, y0, x1, y1].",
            "With --truth RENDER_DIR (a 'v2l render' folder) the detections are scored against the rendered instance "
                + "masks: objects of labels the detector knows covering >= 2 %% of a frame, matched at IoU >= 0.5; "
                + "recall and precision per label and overall are printed and written as JSON: how real the frames "
                + "look to a real detector."},
        footer = {"", "Examples:", "  v2l detect photo.jpg frames/ --min-score 0.3 --out detections.jsonl --draw boxes/",
            "  v2l render procedural:seed=1,count=4 --scene proc-1-0000 --frames 24 --size 640x480 --out r/",
            "  v2l detect --truth r/ --realism realism.json"})
final class DetectCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "FRAMES", arity = "0..*", description = "Image files or folders of images (PNG, JPEG); "
            + "with --truth, the render's rgb/ frames when none are given.")
    List<Path> frames = new ArrayList<>();

    @Option(names = "--min-score", paramLabel = "S", defaultValue = "0.3", converter = Converters.UnitInterval.class,
            description = "Lowest score reported, 0-1. Default: ${DEFAULT-VALUE}.")
    double minScore;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the detections here (JSON Lines); default: "
            + "standard output, or nothing with --truth.")
    Path out;

    @Option(names = "--draw", paramLabel = "DIR", description = "Write each frame with its boxes drawn (PNG) here.")
    Path draw;

    @Option(names = "--truth", paramLabel = "RENDER_DIR", description = "Score against this 'v2l render' folder's "
            + "instance masks (the realism figure).")
    Path truth;

    @Option(names = "--realism", paramLabel = "FILE", description = "Where the realism JSON goes. Default: "
            + "RENDER_DIR/realism.json.")
    Path realismOut;

    @Mixin
    Mixins.Threads threads;

    @Override
    public Integer call() throws Exception {
        SsdDecoder.Settings settings = SsdDecoder.Settings.DEFAULT.withMinScore(minScore);
        RenderTruth rt = truth == null ? null : RenderTruth.open(truth);
        List<Path> files = rt != null && frames.isEmpty() ? rt.frames() : expand(frames);
        if (files.isEmpty()) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    frames.isEmpty() ? "give FRAMES (image files or folders) or --truth "
                    + "RENDER_DIR" : "no images (.png, .jpg, .jpeg) in " + frames);
        }
        if (realismOut != null && rt == null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--realism needs --truth RENDER_DIR");
        }
        int n = threads.resolved();
        PrintWriter err = spec.commandLine().getErr();
        long t0 = System.nanoTime();
        Realism realism = rt == null ? null : new Realism(Realism.Settings.DEFAULT);
        if (draw != null) {
            Files.createDirectories(draw);
        }
        Path tmp = out == null ? null : tempBeside(out);
        int[] counts = new int[2];
        try (Detector detector = Detector.objectron(n);
                BufferedWriter w = tmp == null ? null : Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            PrintWriter stdout = spec.commandLine().getOut();
            FrameDetector.run(detector, files, settings, n, r -> {
                List<Detection> ds = r.detections();
                String line = DetectionsJson.line(r.frame().toString(), r.image().getWidth(), r.image().getHeight(),
                        ds);
                if (w != null) {
                    w.write(line);
                    w.write('\n');
                } else if (rt == null) {
                    stdout.println(line);
                }
                if (draw != null) {
                    writePng(BoxDrawing.draw(r.image(), ds), draw.resolve(pngName(r.frame())));
                }
                if (realism != null) {
                    realism.add(rt.visible(r.frame()), ds);
                }
                counts[0]++;
                counts[1] += ds.size();
            });
        } catch (RuntimeException | IOException e) {
            if (tmp != null) {
                Files.deleteIfExists(tmp);
            }
            throw e;
        }
        if (tmp != null) {
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        err.printf(Locale.ROOT, "detect: %d frames, %d detections (score >= %.2f) in %.1f s%s%n", counts[0],
                counts[1], minScore, secs, out == null ? "" : " -> " + out);
        if (realism != null) {
            ObjectNode json = realismJson(realism, minScore, truth);
            Path dest = realismOut != null ? realismOut : truth.resolve("realism.json");
            Inputs.writeAtomically(dest, new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(json));
            PrintWriter o = spec.commandLine().getOut();
            printRealism(o, realism);
            o.printf(Locale.ROOT, "realism -> %s%n", dest);
            o.flush();
        }
        err.flush();
        return Main.EXIT_OK;
    }

    /** The realism figure of several render folders together (the demo's rooms). */
    static ObjectNode realismOfRenders(Detector d, List<Path> renders, Path described, double minScore, int threads)
            throws IOException {
        Realism realism = new Realism(Realism.Settings.DEFAULT);
        for (Path r : renders) {
            RenderTruth rt = RenderTruth.open(r);
            FrameDetector.run(d, rt.frames(), SsdDecoder.Settings.DEFAULT.withMinScore(minScore), threads,
                    res -> realism.add(rt.visible(res.frame()), res.detections()));
        }
        return realismJson(realism, minScore, described);
    }

    /** The realism JSON with what it was measured with. */
    static ObjectNode realismJson(Realism realism, double minScore, Path truthDir) {
        ObjectNode n = new ObjectMapper().createObjectNode();
        n.put("detector", "objectron-ssd-mobilenetv2-oidv4");
        n.put("detector_sha256", ObjectronAssets.MODEL_SHA256);
        n.put("min_score", minScore);
        n.put("truth", truthDir.toString());
        n.setAll(realism.toJson());
        return n;
    }

    /** A table: per label truth, found, recall, detections, precision; then overall. */
    static void printRealism(PrintWriter o, Realism realism) {
        ObjectNode j = realism.toJson();
        o.printf(Locale.ROOT, "%-10s %6s %6s %7s %6s %9s%n", "label", "truth", "found", "recall", "dets", "precision");
        j.path("labels").fields().forEachRemaining(e -> row(o, e.getKey(), e.getValue()));
        row(o, "overall", j.path("overall"));
    }

    private static void row(PrintWriter o, String name, com.fasterxml.jackson.databind.JsonNode c) {
        o.printf(Locale.ROOT, "%-10s %6d %6d %7s %6d %9s%n", name, c.path("truth").asInt(), c.path("found").asInt(),
                pct(c.path("recall")), c.path("detections").asInt(), pct(c.path("precision")));
    }

    private static String pct(com.fasterxml.jackson.databind.JsonNode v) {
        return v.isNull() || v.isMissingNode() ? "–" : String.format(Locale.ROOT, "%.1f %%", 100 * v.asDouble());
    }

    /** Files as given; folders as their images in name order. */
    static List<Path> expand(List<Path> given) throws IOException {
        List<Path> out = new ArrayList<>();
        for (Path p : given) {
            if (Files.isDirectory(p)) {
                try (var s = Files.list(p)) {
                    s.filter(DetectCommand::isImage).sorted().forEach(out::add);
                }
            } else if (Files.isRegularFile(p)) {
                out.add(p);
            } else {
                throw BadInputException.ofFile(p.toString(), "no such file or folder", null);
            }
        }
        return out;
    }

    private static boolean isImage(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return Files.isRegularFile(p) && (n.endsWith(".png") || n.endsWith(".jpg") || n.endsWith(".jpeg"));
    }

    private static String pngName(Path frame) {
        String n = frame.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return (dot < 0 ? n : n.substring(0, dot)) + ".png";
    }

    private static void writePng(java.awt.image.BufferedImage img, Path f) throws IOException {
        Path tmp = f.resolveSibling("." + f.getFileName() + ".tmp");
        Files.write(tmp, Images.png(img));
        Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static Path tempBeside(Path f) throws IOException {
        Path abs = f.toAbsolutePath();
        Files.createDirectories(abs.getParent());
        return Files.createTempFile(abs.getParent(), "." + abs.getFileName(), ".tmp");
    }
}
