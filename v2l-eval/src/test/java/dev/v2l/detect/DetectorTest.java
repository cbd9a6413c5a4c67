package dev.v2l.detect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.v2l.render.CameraPaths;
import dev.v2l.render.FrameFiles;
import dev.v2l.render.SceneRenderer;
import dev.v2l.scene.Intrinsics;
import dev.v2l.scene.Scene;
import dev.v2l.source.procedural.ProceduralSource;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The real model on real photographs (boxes marked by hand) and on rendered frames. */
class DetectorTest {

    private final Detector d = SharedDetector.get();
    private final SsdDecoder.Settings s = SsdDecoder.Settings.DEFAULT;

    @Test
    void theModelsTensorsAreWhatTheDecodingAssumes() {
        Detector.Signature sig = d.signature();
        assertThat(sig.input()).isEqualTo("normalized_input_image_tensor");
        assertThat(sig.inputHeight()).isEqualTo(300);
        assertThat(sig.inputWidth()).isEqualTo(300);
        assertThat(sig.anchors()).isEqualTo(1917).isEqualTo(d.anchors().size());
        assertThat(sig.classes()).isEqualTo(24);
        assertThat(sig.boxes()).contains("box_encodings");
        assertThat(sig.scores()).contains("class_predictions");
        assertThat(Detector.runtimeVersion()).startsWith("2.");
    }

    @Test
    void findsTheCupOnTheCoffeePhoto() {
        List<Detection> out = d.detect(SharedDetector.photo("coffee"), s);
        Detection best = out.get(0);
        assertThat(best.label()).isIn("Coffee cup", "Mug");
        assertThat(best.score()).isGreaterThan(0.5);
        // the cup with its handle, marked by hand on the 600×400 photo
        assertThat(best.box().iou(new PixelBox(172, 18, 410, 300))).isGreaterThan(0.75);
        assertThat(out).allMatch(x -> x.label().equals("Coffee cup") || x.label().equals("Mug"));
    }

    @Test
    void findsThePersonOnTheAstronautPhotoAndTheCatOnChelsea() {
        Detection person = d.detect(SharedDetector.photo("astronaut"), s).get(0);
        assertThat(person.label()).isEqualTo("Person");
        assertThat(person.box().iou(new PixelBox(20, 14, 365, 512))).isGreaterThan(0.8);
        Detection cat = d.detect(SharedDetector.photo("chelsea"), s).get(0);
        assertThat(cat.label()).isEqualTo("Cat");
        assertThat(cat.score()).isGreaterThan(0.7);
        assertThat(cat.box().iou(new PixelBox(0, 0, 451, 300))).isGreaterThan(0.8);
    }

    @Test
    void boxesFollowTheImageWhenItIsMirroredOrScaled() {
        BufferedImage coffee = SharedDetector.photo("coffee");
        PixelBox b = d.detect(coffee, s).get(0).box();
        BufferedImage mirrored = transform(coffee, AffineTransform.getScaleInstance(-1, 1), coffee.getWidth(),
                coffee.getHeight(), coffee.getWidth());
        PixelBox m = d.detect(mirrored, s).get(0).box();
        assertThat(m.iou(new PixelBox(600 - b.x1(), b.y0(), 600 - b.x0(), b.y1()))).isGreaterThan(0.85);
        BufferedImage half = transform(coffee, AffineTransform.getScaleInstance(0.5, 0.5), 300, 200, 0);
        PixelBox h = d.detect(half, s).get(0).box();
        assertThat(h.iou(new PixelBox(b.x0() / 2, b.y0() / 2, b.x1() / 2, b.y1() / 2))).isGreaterThan(0.85);
    }

    private static BufferedImage transform(BufferedImage src, AffineTransform t, int w, int h, int shiftX) {
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        AffineTransform at = AffineTransform.getTranslateInstance(shiftX, 0);
        at.concatenate(t);
        g.drawImage(src, at, null);
        g.dispose();
        return out;
    }

    @Test
    void concurrentCallsGiveTheSameDetectionsAsOneAtATime() throws Exception {
        List<BufferedImage> images = List.of(SharedDetector.photo("coffee"), SharedDetector.photo("chelsea"),
                SharedDetector.photo("coffee"), SharedDetector.photo("chelsea"));
        List<List<Detection>> alone = new ArrayList<>();
        for (BufferedImage i : images) {
            alone.add(d.detect(i, s));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<Detection>>> fs = new ArrayList<>();
            for (BufferedImage i : images) {
                fs.add(pool.submit(() -> d.detect(i, s)));
            }
            for (int i = 0; i < images.size(); i++) {
                assertThat(fs.get(i).get()).isEqualTo(alone.get(i));
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void runsOnRenderedFrames() {
        Scene scene = new ProceduralSource(3, 1).scene("proc-3-0000");
        Intrinsics k = Intrinsics.fromVerticalFov(320, 240, 60);
        List<BufferedImage> frames = new ArrayList<>();
        List<int[]> masks = new ArrayList<>();
        SceneRenderer r = new SceneRenderer(scene, k);
        r.render(CameraPaths.walkThrough(scene, 3, 3), 4, 1, (i, pose, t) -> {
            frames.add(FrameFiles.rgbImage(t));
            masks.add(t.instance.clone());
        });
        Realism realism = new Realism(Realism.Settings.DEFAULT);
        int total = 0;
        for (int f = 0; f < frames.size(); f++) {
            List<Detection> out = d.detect(frames.get(f), s);
            assertThat(out).isEqualTo(d.detect(frames.get(f), s)); // deterministic
            for (int i = 0; i < out.size(); i++) {
                Detection x = out.get(i);
                assertThat(x.score()).isBetween(0.3, 1.0);
                assertThat(x.box().x0()).isBetween(0.0, 320.0);
                assertThat(x.box().x1()).isBetween(x.box().x0(), 320.0);
                assertThat(x.box().y1()).isBetween(x.box().y0(), 240.0);
                if (i > 0) {
                    assertThat(x.score()).isLessThanOrEqualTo(out.get(i - 1).score());
                }
            }
            total += out.size();
            realism.add(RenderTruthTest.visible(masks.get(f), 320, 240, r.mesh().instanceIds(), scene), out);
        }
        Realism.Count all = realism.overall();
        assertThat(all.found()).isLessThanOrEqualTo(all.truth());
        assertThat(all.correct()).isLessThanOrEqualTo(all.detections()).isEqualTo(all.found());
        assertThat(all.detections()).isLessThanOrEqualTo(total);
    }
}
