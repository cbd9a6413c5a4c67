package dev.v2l.model;

import dev.v2l.detect.DepthImages;
import dev.v2l.detect.Detection;
import dev.v2l.detect.DetectionMerger;
import dev.v2l.detect.Detector;
import dev.v2l.detect.DetectorLabels;
import dev.v2l.detect.FloorLifter;
import dev.v2l.detect.ObjectronAssets;
import dev.v2l.detect.SsdDecoder;
import dev.v2l.geom.Rigid2;
import dev.v2l.geom.Vec2;
import dev.v2l.geom.Vec3;
import dev.v2l.layout.HeightRange;
import dev.v2l.layout.Layout;
import dev.v2l.layout.LayoutObject;
import dev.v2l.layout.MapFrame;
import dev.v2l.layout.text.MapForm;
import dev.v2l.layout.text.MapParser;
import dev.v2l.layout.text.MapWriter;
import dev.v2l.qa.LabelPriors;
import dev.v2l.qa.Question;
import dev.v2l.qa.QuestionObject;
import dev.v2l.qa.Questions;
import dev.v2l.reason.Derivation;
import dev.v2l.reason.EngineContext;
import dev.v2l.scene.CameraPose;
import dev.v2l.scene.CameraTrack;
import dev.v2l.scene.Intrinsics;
import dev.v2l.scene.UpAxis;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import javax.imageio.ImageIO;
import org.locationtech.jts.algorithm.ConvexHull;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * {@code objectron}: a model that looks at the pixels. For the item's frames it runs the Objectron detector, places
 * each detection on the floor with the frame's camera (the depth image when the benchmark has one, else the box's
 * ground contact or a size prior; {@link FloorLifter}), merges detections of one class across frames
 * ({@link DetectionMerger}, radius {@link #mergeRadius}), names them in the question's words where the question
 * names exactly one label a class covers ({@code office chair} for Chair; that label's prior then sizes it), writes
 * the map in the benchmark's map frame
 * ({@code v2lo}) and answers with the spatial engine from the map as written. The room's area is the convex hull of
 * all depth points on the floor plane; first appearances are the frames the classes were first detected in. What
 * it cannot see (sofas, beds, TVs…) is not on its map; when the engine cannot answer from the map it answers as the
 * blind model would, and says so. Thread-safe; detections are cached per image.
 *
 * <p>Without cameras in the request it assumes one level camera 1.5 m above the floor with a 60° vertical field of
 * view for every frame (a weak guess: real videos come without poses).
 */
public final class ObjectronModel {

    public static final String NAME = "objectron";
    private static final double MIN_SCORE = 0.3;

    /** Per image (by content hash): its size and detections; the same frame comes in many items. */
    private static final Map<String, CompletableFuture<Seen>> DETECTIONS = lru(8192);
    /** Depth frames by path (at most about 64 MB of them) and each frame's floor points (world coordinates). */
    private static final Map<String, FloorLifter.Depth> DEPTH = lru(64 << 20, d -> 4L * d.metres().length);
    private static final Map<String, double[]> FLOOR = lru(16 << 20, a -> 8L * a.length);

    private ObjectronModel() {
    }

    /** The model. @throws IllegalStateException when the detector's files are not on the class path */
    public static VisionLanguageModel open() {
        if (!ObjectronAssets.available()) {
            throw new IllegalStateException("the objectron model needs the detector files (models/objectron/ of the "
                    + "checkout, built into the jar)");
        }
        return VisionLanguageModel.of(NAME, ObjectronModel::complete);
    }

    static Detector detector() {
        try {
            return Detector.shared();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the Objectron detector: " + e.getMessage(), e);
        }
    }

    /**
     * How far apart two detections of one kind may be and still be one object: half the label's longer floor side
     * (its prior), at least 0.3 m and at most 1 m. Two distinct objects of one kind cannot stand much closer than
     * their own size (their footprints would overlap), and two views of one object lifted with depth land well within
     * that of each other: on rendered rooms two lifts of one object are 0.08 radii apart at the median and 0.61 at
     * the 90th percentile, while the nearest other object of the same kind is 1.65 radii away at the least
     * ({@code LiftingAccuracyTest}).
     */
    public static double mergeRadius(String label) {
        LabelPriors.Size p = LabelPriors.standard().of(label);
        return Math.max(0.3, Math.min(1.0, 0.5 * Math.max(p.width(), p.depth())));
    }

    /** The size prior of a label (label-priors.tsv) as the lifting takes it. */
    public static FloorLifter.Prior prior(String label) {
        LabelPriors.Size p = LabelPriors.standard().of(label);
        return new FloorLifter.Prior(p.width(), p.depth(), p.height());
    }

    static ModelResponse complete(ModelRequest r) throws ModelFailure {
        long t0 = System.nanoTime();
        ModelRequest.Hint h = BuiltinModels.hint(r, NAME);
        Question q = h.question();
        Map<String, String> names = questionNames(q);
        Perceived p = perceive(r.images(), h.cameras(), cls -> names.getOrDefault(DetectorLabels.mapLabel(cls),
                DetectorLabels.mapLabel(cls)), ObjectronModel::detections);
        Layout map = p.layout();
        String mapText = MapWriter.write(map, MapForm.V2LO);
        Layout asWritten = MapParser.builder().form(MapForm.V2LO).build().parse(mapText).layout();
        EngineContext ctx = new EngineContext(p.roomArea(), appearance(map, p));
        Derivation d = Questions.derive(q, asWritten == null ? Layout.empty(MapFrame.FIRST_CAMERA) : asWritten, ctx);
        String answer = Questions.answerOf(q, d);
        StringBuilder think = new StringBuilder(p.summary());
        if (answer == null || answer.isEmpty()) {
            answer = BuiltinModels.blindAnswer(q);
            think.append(" The map does not answer this (").append(d.failure()).append("), so I answer from what is "
                    + "typical: ").append(answer).append('.');
        } else {
            think.append(' ').append(d.trace());
        }
        return ModelResponse.local(BuiltinModels.reply(h, mapText, think.toString(), answer),
                (System.nanoTime() - t0) / 1_000_000);
    }

    /** What the frames show, on the floor, in the map frame. */
    record Perceived(Layout layout, List<DetectionMerger.Merged> objects, Double roomArea, int frames,
            int detections, boolean depth) {
        String summary() {
            Map<String, Integer> counts = new TreeMap<>();
            for (LayoutObject o : layout.objects()) {
                counts.merge(o.label(), 1, Integer::sum);
            }
            StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "The detector found %d detection%s in %d "
                    + "frame%s", detections, detections == 1 ? "" : "s", frames, frames == 1 ? "" : "s"));
            if (counts.isEmpty()) {
                return sb.append(" and no object it knows.").toString();
            }
            sb.append("; placed on the floor ").append(depth ? "with the depth images" : "by their ground contact")
                    .append(" and merged across frames they are ");
            List<String> parts = new ArrayList<>();
            counts.forEach((k, v) -> parts.add(v + " " + k));
            return sb.append(String.join(", ", parts)).append('.').toString();
        }
    }

    /** A frame's size and what was found in it. */
    record Seen(int width, int height, List<Detection> detections) {
    }

    /** What finds objects in a frame: the detector (cached per image), or boxes a test gives. */
    @FunctionalInterface
    interface Eyes {
        Seen see(ModelRequest.Image image, int index) throws ModelFailure;
    }

    /**
     * @param label the name a detector class gets on the map (its group's name, or the question's word for it); its
     *              prior sizes the footprint and sets the merge radius
     */
    static Perceived perceive(List<ModelRequest.Image> images, CameraTrack track,
            java.util.function.UnaryOperator<String> label, Eyes eyes) throws ModelFailure {
        List<FloorLifter.Lifted> lifted = new ArrayList<>();
        List<Coordinate> floor = new ArrayList<>();
        int count = 0;
        Rigid2 toMap = track == null ? Rigid2.IDENTITY : track.toMap();
        UpAxis up = track == null ? UpAxis.Z : track.up();
        for (int i = 0; i < images.size(); i++) {
            Seen seen = eyes.see(images.get(i), i);
            List<Detection> ds = seen.detections();
            count += ds.size();
            Intrinsics k = track == null ? Intrinsics.fromVerticalFov(seen.width(), seen.height(), 60)
                    : FloorLifter.scaled(track.intrinsics(), seen.width(), seen.height());
            CameraPose pose = track == null || i >= track.poses().size()
                    ? CameraPose.fromYawPitch(UpAxis.Z, new Vec3(0, 0, 1.5), 90, 0) : track.poses().get(i);
            String depthPath = track != null && track.hasDepth() ? track.depth().get(i) : null;
            FloorLifter.Depth depth = depthPath == null ? null : depth(depthPath);
            FloorLifter lifter = new FloorLifter(up, pose, k);
            for (Detection d : ds) {
                FloorLifter.Lifted l = lifter.lift(d, i, depth, prior(label.apply(d.label())),
                        DetectorLabels.standsOnFloor(d.label()));
                lifted.add(new FloorLifter.Lifted(l.detection(), l.frame(), l.footprint().transformed(toMap), l.zMin(),
                        l.zMax(), l.distance(), l.method()));
            }
            if (depth != null) {
                double[] xy;
                synchronized (FLOOR) {
                    xy = FLOOR.get(depthPath);
                }
                if (xy == null) {
                    xy = floorPoints(depth, pose, k, up);
                    synchronized (FLOOR) {
                        FLOOR.put(depthPath, xy);
                    }
                }
                for (int j = 0; j < xy.length; j += 2) {
                    Vec2 f = toMap.apply(new Vec2(xy[j], xy[j + 1]));
                    floor.add(new Coordinate(f.x(), f.y()));
                }
            }
        }
        List<DetectionMerger.Merged> merged = DetectionMerger.merge(lifted, cls -> mergeRadius(label.apply(cls)));
        List<LayoutObject> objs = new ArrayList<>();
        for (int j = 0; j < merged.size(); j++) {
            DetectionMerger.Merged m = merged.get(j);
            objs.add(new LayoutObject(label.apply(m.detectorClass()), m.footprint(),
                    new HeightRange(m.zMin(), m.zMax()), "detected-" + j));
        }
        Double area = null;
        if (floor.size() >= 3) {
            area = new ConvexHull(floor.toArray(Coordinate[]::new), new GeometryFactory()).getConvexHull().getArea();
        }
        return new Perceived(new Layout(MapFrame.FIRST_CAMERA, objs), merged, area, images.size(), count,
                track != null && track.hasDepth());
    }

    /**
     * Every 8th depth pixel on the floor plane, world coordinates ({@code x0, y0, x1, y1, …}): the room's extent as
     * the frame saw it.
     */
    private static double[] floorPoints(FloorLifter.Depth depth, CameraPose pose, Intrinsics k, UpAxis up) {
        Intrinsics dk = FloorLifter.scaled(k, depth.width(), depth.height());
        double[] out = new double[2 * ((depth.height() + 7) / 8) * ((depth.width() + 7) / 8)];
        int n = 0;
        Vec3 right = pose.right(up);
        Vec3 down = pose.up().times(-1);
        for (int y = 4; y < depth.height(); y += 8) {
            for (int x = 4; x < depth.width(); x += 8) {
                float z = depth.metres()[y * depth.width() + x];
                if (z > 0) {
                    Vec3 ray = pose.forward().plus(right.times((x + 0.5 - dk.cx()) / dk.fx()))
                            .plus(down.times((y + 0.5 - dk.cy()) / dk.fy()));
                    Vec2 f = up.floor(pose.position().plus(ray.times(z)));
                    out[n++] = f.x();
                    out[n++] = f.y();
                }
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }

    /**
     * The question's words for what the detector sees: group name → the question's label, for each group of which the
     * question names exactly one label ({@code dining table} for table; not when it names both a dining and a
     * coffee table). Other groups keep their names.
     */
    static Map<String, String> questionNames(Question q) {
        Set<String> named = new LinkedHashSet<>();
        for (QuestionObject o : q.objects()) {
            named.add(o.label());
        }
        named.addAll(q.optionContents());
        Map<String, List<String>> byGroup = new LinkedHashMap<>();
        for (String l : named) {
            DetectorLabels.Group g = DetectorLabels.ofSceneLabel(l);
            if (g != null) {
                List<String> ls = byGroup.computeIfAbsent(g.name(), k -> new ArrayList<>());
                if (ls.stream().noneMatch(x -> dev.v2l.layout.Labels.matches(x, l))) {
                    ls.add(l);
                }
            }
        }
        Map<String, String> out = new LinkedHashMap<>();
        byGroup.forEach((g, ls) -> {
            if (ls.size() == 1) {
                out.put(g, ls.get(0));
            }
        });
        return out;
    }

    /** Each label's first appearance: the position of the first frame it was detected in (frames are in order). */
    private static Map<String, Double> appearance(Layout named, Perceived p) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (int i = 0; i < named.objects().size(); i++) {
            out.merge(named.objects().get(i).label(), (double) p.objects().get(i).firstFrame(), Math::min);
        }
        return out;
    }

    private static BufferedImage decode(ModelRequest.Image img, int i) throws ModelFailure {
        try {
            BufferedImage bi = ImageIO.read(new ByteArrayInputStream(img.bytes()));
            if (bi != null) {
                return bi;
            }
        } catch (IOException e) {
            // reported below
        }
        throw new ModelFailure(ModelFailure.Kind.CLIENT_ERROR, 0, NAME + ": image " + (i + 1) + " is not an image "
                + "it can read (" + img.mediaType() + ", " + img.bytes().length + " bytes)", -1);
    }

    /** The detector's eyes: each distinct image decoded and detected once, even when asked for concurrently. */
    private static Seen detections(ModelRequest.Image img, int index) throws ModelFailure {
        String key = ObjectronAssets.sha256(img.bytes());
        CompletableFuture<Seen> f;
        boolean mine = false;
        synchronized (DETECTIONS) {
            f = DETECTIONS.get(key);
            if (f == null) {
                f = new CompletableFuture<>();
                DETECTIONS.put(key, f);
                mine = true;
            }
        }
        if (mine) {
            try {
                BufferedImage bi = decode(img, index);
                f.complete(new Seen(bi.getWidth(), bi.getHeight(), detector().detect(bi,
                        SsdDecoder.Settings.DEFAULT.withMinScore(MIN_SCORE))));
            } catch (ModelFailure | RuntimeException e) {
                synchronized (DETECTIONS) {
                    DETECTIONS.remove(key);
                }
                f.completeExceptionally(e);
            }
        }
        try {
            return f.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof ModelFailure mf) {
                throw mf;
            }
            throw e;
        }
    }

    private static FloorLifter.Depth depth(String path) throws ModelFailure {
        synchronized (DEPTH) {
            FloorLifter.Depth d = DEPTH.get(path);
            if (d != null) {
                return d;
            }
        }
        FloorLifter.Depth d;
        try {
            d = DepthImages.read(Path.of(path));
        } catch (IOException | RuntimeException e) {
            throw new ModelFailure(ModelFailure.Kind.CLIENT_ERROR, 0, NAME + ": cannot read the depth image " + path
                    + ": " + e.getMessage(), -1);
        }
        synchronized (DEPTH) {
            DEPTH.put(path, d);
        }
        return d;
    }

    private static <K, V> Map<K, V> lru(int max) {
        return lru(max, v -> 1);
    }

    /** A least-recently-used map holding at most {@code budget} in total weight. Not synchronized. */
    private static <K, V> Map<K, V> lru(long budget, java.util.function.ToLongFunction<V> weight) {
        return new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;
            private long total;

            @Override
            public V put(K key, V value) {
                V old = super.put(key, value);
                total += weight.applyAsLong(value) - (old == null ? 0 : weight.applyAsLong(old));
                while (total > budget && size() > 1) {
                    Map.Entry<K, V> eldest = entrySet().iterator().next();
                    total -= weight.applyAsLong(eldest.getValue());
                    super.remove(eldest.getKey());
                }
                return old;
            }

            @Override
            public V remove(Object key) {
                V old = super.remove(key);
                if (old != null) {
                    total -= weight.applyAsLong(old);
                }
                return old;
            }
        };
    }
}
