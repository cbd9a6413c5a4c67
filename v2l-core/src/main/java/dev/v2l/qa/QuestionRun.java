package dev.v2l.qa;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

/**
 * Question generation over many scenes, as {@code v2l qa generate} runs it: scenes are loaded and drafted on worker
 * threads a bounded window ahead, then lettered by one {@link QuestionGenerator.Finisher} and written as JSON lines
 * in scene order, so the output is byte-identical for any number of threads.
 */
public final class QuestionRun {

    private QuestionRun() {
    }

    /**
     * @param scenes   loaders of each scene's input, in output order
     * @param progress called with the number of scenes written so far
     * @return what was accepted and rejected, per type and reason
     */
    public static GenerationStats write(List<Callable<QaInput>> scenes, QuestionGenerator gen, int threads,
            Writer out, IntConsumer progress) throws IOException, InterruptedException {
        int n = Math.max(1, threads);
        GenerationStats stats = new GenerationStats();
        QuestionGenerator.Finisher finisher = new QuestionGenerator.Finisher(gen.settings());
        ExecutorService pool = Executors.newFixedThreadPool(n, r -> {
            Thread t = new Thread(r, "qa-generate");
            t.setDaemon(true);
            return t;
        });
        try {
            Deque<Future<QuestionGenerator.SceneDrafts>> window = new ArrayDeque<>();
            int next = 0;
            int done = 0;
            while (next < scenes.size() || !window.isEmpty()) {
                while (next < scenes.size() && window.size() < 4 * n) {
                    Callable<QaInput> scene = scenes.get(next++);
                    window.add(pool.submit(() -> gen.draft(scene.call())));
                }
                QuestionGenerator.SceneDrafts sd = unwrap(window.poll());
                stats.merge(sd.stats());
                for (Question q : finisher.finish(sd)) {
                    out.write(QuestionJson.toLine(q));
                    out.write('\n');
                }
                progress.accept(++done);
            }
        } finally {
            pool.shutdownNow();
        }
        return stats;
    }

    private static QuestionGenerator.SceneDrafts unwrap(Future<QuestionGenerator.SceneDrafts> f)
            throws InterruptedException, IOException {
        try {
            return f.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
