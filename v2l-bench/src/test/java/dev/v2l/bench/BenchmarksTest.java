package dev.v2l.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/**
 * The benchmarks keep working: each JMH benchmark's state is set up and its operation run once (as JMH would, without
 * the timing), and the harness runs a tiny evaluation and service round. Figures come from running them, not from
 * here.
 */
class BenchmarksTest {

    @Test
    void everyMicroBenchmarkRunsOnItsWorkload() throws Exception {
        ParseBenchmark parse = new ParseBenchmark();
        parse.setUp();
        assertThat(parse.parse()).isBetween(6, 16);

        DistanceBenchmark distance = new DistanceBenchmark();
        distance.setUp();
        assertThat(distance.allPairs()).isPositive();

        RewardBenchmark reward = new RewardBenchmark();
        reward.setUp();
        assertThat(reward.reward()).isBetween(0.0, 1.0);
        assertThat(reward.vsiScore()).isBetween(0.0, 1.0);

        System.setProperty("v2l.bench.qa-sources", "procedural:seed=3,count=12");
        try {
            QaBenchmark qa = new QaBenchmark();
            qa.setUp();
            QaBenchmark.Written written = new QaBenchmark.Written();
            assertThat(qa.pass(written)).isPositive();
            assertThat(written.questions).isGreaterThan(100);
        } finally {
            System.clearProperty("v2l.bench.qa-sources");
        }

        RenderBenchmark render = new RenderBenchmark();
        render.setUp();
        assertThat(render.walk().frames()).hasSize(RenderBenchmark.FRAMES);

        DetectBenchmark detect = new DetectBenchmark();
        detect.setUp();
        try {
            assertThat(detect.oneThread()).isNotNegative();
        } finally {
            detect.tearDown();
        }
    }

    @Test
    void theHarnessMeasuresTheEvaluationClientAndTheService() throws Exception {
        StringWriter s = new StringWriter();
        double rate = EvalHarness.run(new PrintWriter(s), 8, 5, 24, 1, Workloads.SEED, 4);
        assertThat(rate).isPositive();
        ServiceHarness.run(new PrintWriter(s), 0.2, Workloads.SEED);
        assertThat(s.toString()).containsPattern("eval +[0-9,]+ requests/s").containsPattern(
                "service +[0-9,]+ records/s  \\(1 connections").contains("64 connections");
    }
}
