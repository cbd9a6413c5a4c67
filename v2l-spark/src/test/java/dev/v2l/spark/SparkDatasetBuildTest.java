package dev.v2l.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.v2l.io.Provenance;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.TaskContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dataset build} on Spark ({@code local[2]}) writes what the CLI writes, also when tasks fail and are retried. */
class SparkDatasetBuildTest {

    static final AtomicInteger INJECTED = new AtomicInteger();

    @TempDir
    Path tmp;

    @Test
    void proceduralRoomsWithImagesEqualTheCliBuildWhenTasksFailAndAreRetried() throws Exception {
        String[] args = {"dataset", "build", "procedural:seed=5,count=5", "--frames", "1,4", "--per-scene", "3",
            "--size", "64x48", "--video-frames", "8", "--format", "jsonl,swift,llamafactory,easyr1", "--split",
            "0.6,0.2,0.2", "--seed", "5", "--quiet", "--out"};
        Path cli = tmp.resolve("cli");
        Path spark = tmp.resolve("spark");
        Outputs.cli(with(args, cli));

        INJECTED.set(0);
        // The first attempt of the task holding scene 1 dies after rendering it and writing its images; the first
        // attempt of the task holding scene 3 dies after committing its records.
        DatasetJob.Hook failOnce = (stage, scene) -> {
            if (TaskContext.get().attemptNumber() == 0 && (stage == 1 && scene == 1 || stage == 2 && scene == 3)) {
                INJECTED.incrementAndGet();
                throw new IllegalStateException("injected failure, stage " + stage + ", scene " + scene);
            }
        };
        String[] build = with(args, spark);
        DatasetJob.Result r = new DatasetJob(SharedSpark.get(), build, new HadoopOutput(spark.toString(),
                SharedSpark.get().hadoopConfiguration()), 3, failOnce).run(provenance(build));

        assertThat(INJECTED.get()).as("failures injected").isEqualTo(2);
        assertThat(r.scenes()).isEqualTo(5);
        assertThat(r.skipped()).isEmpty();
        assertThat(Files.list(spark.resolve("images")).count()).isEqualTo(5);
        Outputs.assertSameOutput(cli, spark);
        assertThat(Files.readAllLines(spark.resolve("jsonl/train.jsonl"))).doesNotHaveDuplicates().isNotEmpty();
    }

    @Test
    void procthorHousesEqualTheCliBuildAndBadLinesAreListedWithTheirLineNumbers() throws Exception {
        String bad = ProcThorFiles.write(tmp.resolve("bad"), true);
        String good = ProcThorFiles.write(tmp.resolve("good"), false);
        String[] args = {"--frames", "1,4", "--video-frames", "8", "--per-scene", "3", "--no-images", "--format",
            "jsonl,easyr1", "--seed", "2", "--split", "0.5,0.25,0.25", "--quiet", "--out"};
        Path cli = tmp.resolve("cli");
        Path spark = tmp.resolve("spark");
        Outputs.cli(with(prepend("dataset", "build", good, args), cli));

        Outputs.Run run = Outputs.spark(2, with(prepend("dataset", "build", bad, args), spark));

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.err()).contains("2 scene(s) skipped").contains("line 3 (house train_2): not valid JSON")
                .contains("line 6 (house train_5)").contains("No_Such_Asset_7");
        String provenance = Files.readString(spark.resolve("provenance.json"));
        assertThat(provenance).contains("skipped_scenes").contains("line 3").contains("line 6");
        Outputs.assertSameOutput(cli, spark);
        assertThat(Files.readString(spark.resolve("jsonl/train.jsonl")) + Files.readString(spark.resolve(
                "jsonl/val.jsonl")) + Files.readString(spark.resolve("jsonl/test.jsonl")))
                .contains("house-with-own-id").contains("train_3/") // train_1 and train_6 (the same objects) show
                // no counting instance whole and no unique object in 8 frames: training data asks nothing of them
                .doesNotContain("train_2/").doesNotContain("train_5/");
    }

    static Provenance provenance(String[] build) {
        return new Provenance("video2layout", "test", "test", List.of(build));
    }

    static String[] with(String[] args, Path out) {
        String[] a = java.util.Arrays.copyOf(args, args.length + 1);
        a[args.length] = out.toString();
        return a;
    }

    static String[] prepend(String a, String b, String c, String[] rest) {
        String[] out = new String[rest.length + 3];
        out[0] = a;
        out[1] = b;
        out[2] = c;
        System.arraycopy(rest, 0, out, 3, rest.length);
        return out;
    }
}
