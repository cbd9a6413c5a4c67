package dev.v2l.bench;

import dev.v2l.detect.Detector;
import dev.v2l.detect.SsdDecoder;
import dev.v2l.render.CameraPaths;
import dev.v2l.render.FrameFiles;
import dev.v2l.render.SceneRenderer;
import dev.v2l.scene.Intrinsics;
import dev.v2l.scene.Scene;
import dev.v2l.source.procedural.ProceduralSource;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The Objectron detector on rendered 640×480 frames: whole calls (resampling to 300×300, TensorFlow Lite on the CPU,
 * box decoding and non-maximum suppression) per second, on one thread and on one thread per processor (one
 * interpreter each).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DetectBenchmark {

    List<BufferedImage> frames;
    Detector detector;
    final AtomicInteger cursor = new AtomicInteger();

    @Setup
    public void setUp() throws java.io.IOException {
        ProceduralSource src = new ProceduralSource(Workloads.SEED, 1);
        Scene scene = src.scene(src.ids().get(0));
        frames = new ArrayList<>();
        new SceneRenderer(scene, Intrinsics.fromVerticalFov(640, 480, 60)).render(CameraPaths.walkThrough(scene, 8,
                Workloads.SEED), 4, 1, (i, pose, t) -> frames.add(FrameFiles.rgbImage(t)));
        detector = Detector.objectron(Runtime.getRuntime().availableProcessors());
    }

    @TearDown
    public void tearDown() {
        detector.close();
    }

    private int detectNext() {
        return detector.detect(frames.get(Math.floorMod(cursor.getAndIncrement(), frames.size())),
                SsdDecoder.Settings.DEFAULT).size();
    }

    /** Frames/s on one thread. */
    @Benchmark
    @Threads(1)
    public int oneThread() {
        return detectNext();
    }

    /** Frames/s on one thread per processor. */
    @Benchmark
    @Threads(Threads.MAX)
    public int allProcessors() {
        return detectNext();
    }
}
