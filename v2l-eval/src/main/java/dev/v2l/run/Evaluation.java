package dev.v2l.run;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.v2l.io.Provenance;
import dev.v2l.metrics.Statistics;
import dev.v2l.model.VisionLanguageModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One evaluation into a results folder, as {@code v2l eval} and {@code v2l demo} run it: the items asked of every
 * model (resuming what the folder already holds), then {@code summary.json} from all records and
 * {@code provenance.json} with the models and what the run did.
 */
public final class Evaluation {

    private Evaluation() {
    }

    /** What an evaluation did, and its summary. */
    public record Finished(EvalRunner.Outcome outcome, ObjectNode summary) {
    }

    /**
     * @param provenance how the command was run (inputs, settings); the models and the run's counts are added
     * @param log        one-line notes for the person watching (what a resume dropped)
     */
    public static Finished run(EvalRunner runner, List<BenchItem> items, List<VisionLanguageModel> models, Path out,
            long seed, Provenance provenance, EvalRunner.Listener listener, Consumer<String> log)
            throws IOException, InterruptedException {
        long start = System.nanoTime();
        Files.createDirectories(out);
        EvalRunner.Outcome o;
        int staleChanged;
        int staleRemoved;
        try (ResultStore store = ResultStore.open(out, BenchItems.hashes(items))) {
            if (store.partialDropped() > 0 || store.failuresDropped() > 0) {
                log.accept(String.format(Locale.ROOT, "resuming: dropped %d incomplete line(s); asking %d failed "
                        + "request(s) again", store.partialDropped(), store.failuresDropped()));
            }
            if (store.changedDropped() > 0 || store.removedDropped() > 0) {
                log.accept(String.format(Locale.ROOT, "resuming: %d stored result(s) were for items whose content "
                        + "has changed (asking them again), %d for items no longer in the benchmark; both moved to "
                        + "%s", store.changedDropped(), store.removedDropped(), out.resolve(ResultStore.STALE)));
            }
            staleChanged = store.changedDropped();
            staleRemoved = store.removedDropped();
            o = runner.run(items, models, store, listener);
        }
        List<String> names = models.stream().map(VisionLanguageModel::name).toList();
        ObjectNode summary = new EvalSummary(Statistics.DEFAULT_RESAMPLES, seed).summarize(ResultStore.readAll(out),
                names);
        EvalSummary.write(out, summary);
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("asked", o.asked());
        run.put("skipped_done", o.skipped());
        run.put("errors", o.errors());
        run.put("cached", o.cached());
        run.put("stale_moved", Map.of("changed", staleChanged, "removed", staleRemoved));
        provenance.put("models", names).put("run", run).write(out, start);
        return new Finished(o, summary);
    }
}
