package dev.v2l.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The command line of {@code v2l spark}: usage errors answered before Spark starts, with the CLI's own messages. */
class SparkMainTest {

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = SparkMain.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void helpNamesTheSparkOptionsAndTheBuilds() {
        Run r = run("--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("--master").contains("dataset build").contains("bench build");
    }

    @Test
    void sparkOptionsAreChecked() {
        assertThat(run("--partitions", "0", "dataset", "build", "x", "--out", "y").err())
                .contains("--partitions must be a whole number >= 1, got '0'");
        assertThat(run("--partitions", "0", "dataset", "build").code()).isEqualTo(2);
        assertThat(run("--executors", "3", "dataset", "build").err()).contains("unknown option '--executors'");
        assertThat(run("--master").err()).contains("--master needs a value");
        assertThat(run().code()).isEqualTo(2);
    }

    @Test
    void theBuildsArgumentsAreReadByTheCliItself() {
        Run missingOut = run("--master", "local[1]", "dataset", "build", "procedural:seed=1,count=2");
        assertThat(missingOut.code()).isEqualTo(2);
        assertThat(missingOut.err()).contains("Missing required option: '--out=DIR'");
        Run badSplit = run("dataset", "build", "procedural:seed=1,count=2", "--split", "0.5,0.5", "--out", "o");
        assertThat(badSplit.code()).isEqualTo(2);
        assertThat(badSplit.err()).contains("--split");
        Run notABuild = run("qa", "types");
        assertThat(notABuild.code()).isEqualTo(2);
        Run noBuild = run("bench");
        assertThat(noBuild.code()).isEqualTo(2);
        assertThat(noBuild.err()).contains("expected 'dataset build …' or 'bench build …'");
        Run help = run("bench", "build", "--help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("--items");
    }
}
