package dev.v2l.bench;

import dev.v2l.metrics.GroundTruth;
import dev.v2l.metrics.VsiMetrics;
import dev.v2l.reward.RewardFunction;
import dev.v2l.reward.RewardInput;
import dev.v2l.reward.Rewards;
import java.util.ArrayList;
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

/**
 * Per record, one thread: Video2Layout's reward ({@code reward}: rewards/s) on typical rollouts (~520 characters),
 * and VSI-Bench's per-sample scoring of their answers ({@code vsiScore}: records/s; exact match or MRA).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RewardBenchmark {

    List<RewardInput> inputs;
    RewardFunction reward;
    String[] types;
    String[] answers;
    GroundTruth[] truths;
    boolean[] letters;
    int cursor;

    @Setup
    public void setUp() {
        List<Workloads.Rollout> rs = Workloads.rollouts(Workloads.SEED, 10_000);
        inputs = new ArrayList<>(rs.size());
        types = new String[rs.size()];
        answers = new String[rs.size()];
        truths = new GroundTruth[rs.size()];
        letters = new boolean[rs.size()];
        for (int i = 0; i < rs.size(); i++) {
            Workloads.Rollout r = rs.get(i);
            inputs.add(RewardInput.of(r.response(), r.groundTruth()));
            types[i] = r.questionType();
            answers[i] = r.response().substring(r.response().indexOf("<answer>") + 8,
                    r.response().indexOf("</answer>"));
            truths[i] = GroundTruth.of(r.groundTruth());
            letters[i] = r.questionType().startsWith("object_rel");
        }
        reward = Rewards.v2lo();
    }

    @Benchmark
    public double reward() {
        return reward.score(inputs.get(cursor++ % inputs.size())).overall();
    }

    @Benchmark
    public double vsiScore() {
        int i = cursor++ % types.length;
        return VsiMetrics.score(types[i], answers[i], truths[i], letters[i]).score();
    }
}
