package dev.v2l.bench;

import dev.v2l.layout.text.MapParser;
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

/** Maps parsed per second from typical model responses (a v2lo map of 6–16 objects in tags, ~840 characters). */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ParseBenchmark {

    List<String> responses;
    MapParser parser;
    int cursor;

    @Setup
    public void setUp() {
        responses = Workloads.typicalResponses(Workloads.SEED, 1000);
        parser = MapParser.lenient();
    }

    /** One response parsed; the score is maps/s. */
    @Benchmark
    public int parse() {
        String text = responses.get(cursor++ % responses.size());
        return parser.parse(text).layout().size();
    }
}
