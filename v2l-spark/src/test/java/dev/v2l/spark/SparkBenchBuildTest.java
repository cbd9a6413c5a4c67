package dev.v2l.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bench build} on Spark: the same items as the CLI's (global quotas per frame count and type, scenes taken in
 * order until filled), rendered a few scenes per wave, and no images of scenes the quotas did not need.
 */
class SparkBenchBuildTest {

    @TempDir
    Path tmp;

    @Test
    void benchmarkEqualsTheCliBuildAndKeepsOnlyTheImagesOfScenesItUses() throws Exception {
        String[] args = {"bench", "build", "procedural:seed=3,count=16", "--frames", "1,4", "--types", "qvs",
            "--items", "16", "--size", "64x48", "--seed", "3", "--out"};
        Path cli = tmp.resolve("cli");
        Path spark = tmp.resolve("spark");
        Outputs.cli(SparkDatasetBuildTest.with(args, cli));

        String[] build = SparkDatasetBuildTest.with(args, spark);
        BenchJob.Result r = new BenchJob(SharedSpark.get(), build, new HadoopOutput(spark.toString(),
                SharedSpark.get().hadoopConfiguration()), 3).run(SparkDatasetBuildTest.provenance(build));

        assertThat(r.items()).isEqualTo(16);
        long used = Files.list(cli.resolve("images")).count();
        assertThat(r.scenesUsed()).isEqualTo((int) used);
        // Waves of three: the last wave may render scenes the quotas did not need; their images are gone (the same
        // images as the CLI's, below).
        assertThat(r.scenesRendered()).isGreaterThanOrEqualTo(r.scenesUsed()).isLessThan(r.scenesUsed() + 3);
        Outputs.assertSameOutput(cli, spark);
    }
}
