package dev.v2l.bench;

import dev.v2l.qa.QaInput;
import dev.v2l.qa.QuestionGenerator;
import dev.v2l.qa.QuestionRun;
import dev.v2l.qa.QuestionType;
import dev.v2l.qa.Thresholds;
import dev.v2l.scene.Scene;
import dev.v2l.source.SceneSources;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Question generation as {@code v2l qa generate} runs it ({@link QuestionRun}): every real scene of the VSI-Bench
 * meta_info files (loaded once), all types, 20 per type per scene, drafted on one worker per processor, lettered
 * and written as JSON lines (into a counting writer). One operation is one pass over all scenes; the
 * {@code questions} counter is questions/s.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class QaBenchmark {

    List<Callable<QaInput>> scenes;
    QuestionGenerator generator;
    int threads;

    /** Questions written, reported by JMH per second. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Written {
        public long questions;

        @Setup(Level.Iteration)
        public void reset() {
            questions = 0;
        }
    }

    @Setup
    public void setUp() {
        scenes = new ArrayList<>();
        for (String spec : Workloads.qaSources()) {
            for (Scene s : SceneSources.open(spec)) {
                QaInput in = QaInput.of(s);
                scenes.add(() -> in);
            }
        }
        generator = new QuestionGenerator(QuestionType.parseList("all"), 20, Workloads.SEED, Thresholds.DEFAULT);
        threads = Runtime.getRuntime().availableProcessors();
    }

    @Benchmark
    public long pass(Written written) throws IOException, InterruptedException {
        CountingWriter w = new CountingWriter();
        written.questions += QuestionRun.write(scenes, generator, threads, w, done -> { }).total();
        return w.chars;
    }

    /** Counts what would be written. */
    static final class CountingWriter extends Writer {
        long chars;

        @Override
        public void write(char[] buf, int off, int len) {
            chars += len;
        }

        @Override
        public void write(String s) {
            chars += s.length();
        }

        @Override
        public void write(int c) {
            chars++;
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
