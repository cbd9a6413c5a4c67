package dev.v2l.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.v2l.run.BenchCheck;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code v2l bench check}: can a benchmark be trusted (perfect-map scores, candidates kept, answer balance)? */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Check a benchmark before trusting it, per question type: the score of a perfect v2lo map "
                + "(each item's true map written as Video2Layout's map, 1 decimal, read back and answered), over all "
                + "items and over the items that form can represent (objects wall-aligned, no height needed); the "
                + "share of items that map, with the true heights its reasoning states, answers within 10%% (what "
                + "dataset build keeps) and the builder's drafts kept; the answer distribution, the best constant answer's "
                + "score and the blind priors' score. Exit 1 when a rule breaks: perfect map >= 95 on numeric types "
                + "over representable items, >= 80%% kept, and the builder's balance rule: no answer class above "
                + "40%% of a type's items (the correct letter, 55%% with two options; a direction type's correct "
                + "words, max(40%%, 1/k + 10%%); a count's value, 6 and more as one; any other number's x1.25 "
                + "log-scale bin).",
        footer = {"", "Example: v2l bench check qvs-bench/"})
final class BenchCheckCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "BENCH", description = "The benchmark folder (or its bench.jsonl).")
    Path bench;

    @Option(names = "--json", description = "Print the figures as JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        BenchCheck.Report r = BenchCheck.check(bench);
        if (json) {
            ObjectMapper m = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            spec.commandLine().getOut().println(m.writeValueAsString(BenchCheck.json(r, m)));
        } else {
            spec.commandLine().getOut().print(BenchCheck.table(r));
        }
        spec.commandLine().getOut().flush();
        return r.ok() ? Main.EXIT_OK : Main.EXIT_FAILURE;
    }
}
