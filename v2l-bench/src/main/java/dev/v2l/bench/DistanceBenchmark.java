package dev.v2l.bench;

import dev.v2l.geom.Prism;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Scenes per second: all 780 pairwise closest distances between the oriented prisms of a 40-object scene. */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DistanceBenchmark {

    List<Prism[]> scenes;
    int cursor;

    @Setup
    public void setUp() {
        scenes = Workloads.prismScenes(Workloads.SEED, 64);
    }

    /** One scene's 780 distances; the score is scenes/s. */
    @Benchmark
    public double allPairs() {
        Prism[] p = scenes.get(cursor++ % scenes.size());
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            for (int j = i + 1; j < p.length; j++) {
                sum += p[i].distanceTo(p[j]);
            }
        }
        return sum;
    }
}
