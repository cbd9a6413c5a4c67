package dev.v2l.bench;

import dev.v2l.render.CameraPaths;
import dev.v2l.render.SceneRenderer;
import dev.v2l.scene.CameraPose;
import dev.v2l.scene.Intrinsics;
import dev.v2l.scene.Observation;
import dev.v2l.scene.Scene;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Frames per second: a 64-frame walk-through of a furnished procedural room of 25+ objects (catalog models of the
 * embedded subset) rendered at 640×480 (textured, lit, edge-smoothed RGB, depth and instance buffers, no files) on
 * one thread per processor.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RenderBenchmark {

    static final int FRAMES = 64;

    List<CameraPose> poses;
    SceneRenderer renderer;
    int threads;

    @Setup
    public void setUp() {
        Scene scene = Workloads.roomWith25Objects(Workloads.SEED);
        renderer = new SceneRenderer(scene, Intrinsics.fromVerticalFov(640, 480, 60),
                dev.v2l.render.RenderStyle.FURNITURE, dev.v2l.asset.AssetLibrary.embeddedOnly());
        poses = CameraPaths.walkThrough(scene, FRAMES, Workloads.SEED, renderer.mesh());
        threads = Runtime.getRuntime().availableProcessors();
    }

    @Benchmark
    @OperationsPerInvocation(FRAMES)
    public Observation walk() {
        return renderer.render(poses, 4, threads, null);
    }
}
