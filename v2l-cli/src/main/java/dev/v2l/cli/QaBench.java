package dev.v2l.cli;

import dev.v2l.qa.QaInput;
import dev.v2l.qa.Question;
import dev.v2l.qa.QuestionGenerator;
import dev.v2l.qa.QuestionJson;
import dev.v2l.qa.QuestionType;
import dev.v2l.qa.Thresholds;
import dev.v2l.scene.Scene;
import dev.v2l.source.SceneSources;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The question-generation benchmark: scenes are loaded once; each pass drafts every scene on the worker threads,
 * letters the options in order and writes every question as a JSON line (into memory), as {@code qa generate} does.
 */
final class QaBench implements AutoCloseable {

    private final List<QaInput> inputs = new ArrayList<>();
    private final int threads;
    private final ExecutorService pool;
    private long questions;
    private int perPass;

    QaBench(List<String> specs, int threads) {
        for (String spec : specs) {
            for (Scene s : SceneSources.open(spec)) {
                inputs.add(QaInput.of(s));
            }
        }
        this.threads = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        this.pool = Executors.newFixedThreadPool(this.threads, r -> {
            Thread t = new Thread(r, "qa-bench");
            t.setDaemon(true);
            return t;
        });
    }

    static List<String> defaultSources() {
        Path dir = Path.of("../shared/data/vsibench-meta");
        List<String> out = new ArrayList<>();
        for (String f : new String[] {"scannet_meta_info_val.json", "scannetpp_meta_info_val.json",
            "arkitscenes_meta_info_val.json"}) {
            if (Files.exists(dir.resolve(f))) {
                out.add("vsi:" + dir.resolve(f));
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("no scenes for the qa benchmark: give --qa-source SOURCE");
        }
        return out;
    }

    int runOnce() {
        QuestionGenerator gen = new QuestionGenerator(QuestionType.values(), 20, 1, Thresholds.DEFAULT);
        QuestionGenerator.Finisher finisher = new QuestionGenerator.Finisher(gen.settings());
        List<Future<QuestionGenerator.SceneDrafts>> futures = new ArrayList<>(inputs.size());
        for (QaInput in : inputs) {
            futures.add(pool.submit(() -> gen.draft(in)));
        }
        long bytes = 0;
        int n = 0;
        try {
            for (Future<QuestionGenerator.SceneDrafts> f : futures) {
                for (Question q : finisher.finish(f.get())) {
                    bytes += QuestionJson.toLine(q).length() + 1;
                    n++;
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        questions += n;
        perPass = n;
        return (int) (bytes & 1);
    }

    long questions() {
        return questions;
    }

    int perPass() {
        return perPass;
    }

    int scenes() {
        return inputs.size();
    }

    int threads() {
        return threads;
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
