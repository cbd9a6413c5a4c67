package dev.v2l.run;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.v2l.io.BadInputException;
import dev.v2l.model.ModelFailure;
import dev.v2l.model.ModelRequest;
import dev.v2l.model.ModelResponse;
import dev.v2l.model.VisionLanguageModel;
import dev.v2l.scene.CameraTrack;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs benchmark items through models: every (item, model) pair not already in the store is asked, at most
 * {@code concurrency} at a time, and its scored record appended the moment it arrives. Items are taken in bench
 * order (the first {@code limit}); models interleave per item. A rerun with the same arguments asks only what is
 * missing, so an interrupted run loses nothing and duplicates nothing.
 */
public final class EvalRunner {

    /**
     * @param prompt      how items are asked
     * @param concurrency requests in flight at most
     * @param limit       the first N items (0: all)
     * @param generation  generation settings (max tokens already chosen)
     * @param tau         the map-matching threshold, metres
     */
    public record Settings(PromptKind prompt, int concurrency, int limit, ModelRequest.Settings generation,
            double tau) {
        public Settings {
            if (concurrency < 1) {
                throw new IllegalArgumentException("--concurrency must be at least 1, got " + concurrency);
            }
            if (limit < 0) {
                throw new IllegalArgumentException("--limit must be >= 0, got " + limit);
            }
        }
    }

    /** Progress: how many requests this run asks, then each finished one (with failures and cache hits so far). */
    public interface Listener {
        default void start(int total, int skipped) {
        }

        void progress(int finished, int errors, int cached);
    }

    /** What a run did. */
    public record Outcome(int asked, int skipped, int errors, int cached, double seconds) {
    }

    /**
     * A model's first requests all failed to connect: the run stops instead of retrying every item (records of the
     * failed requests are stored, and asked again by the next run).
     */
    public static final class Unreachable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unreachable(String model, int failed, String error) {
            super("stopped: the first " + failed + " requests to " + model + " all failed to connect (" + error
                    + "); is the server running at that address?");
        }
    }

    /** How many of a model's first finished requests must all fail to connect before the run stops. */
    static final int PROBE = 3;

    private final Settings s;
    private final Path benchDir;

    /** @param benchDir the folder image paths are relative to */
    public EvalRunner(Settings settings, Path benchDir) {
        this.s = settings;
        this.benchDir = benchDir;
    }

    /** The items this run covers: the first {@code limit}. */
    public List<BenchItem> select(List<BenchItem> items) {
        return s.limit() == 0 || s.limit() >= items.size() ? items : items.subList(0, s.limit());
    }

    public Outcome run(List<BenchItem> all, List<VisionLanguageModel> models, ResultStore store, Listener listener)
            throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        List<BenchItem> items = select(all);
        checkImages(items);
        record Task(BenchItem item, VisionLanguageModel model) {
        }
        record Answer(ModelResponse response, ModelFailure failure) {
        }
        List<Task> tasks = new ArrayList<>();
        int skipped = 0;
        for (BenchItem item : items) {
            for (VisionLanguageModel m : models) {
                if (store.done().contains(SampleScorer.key(item.id(), m.name(), s.prompt().code()))) {
                    skipped++;
                } else {
                    tasks.add(new Task(item, m));
                }
            }
        }
        SampleScorer scorer = new SampleScorer(s.tau());
        java.util.Map<String, int[]> reach = new java.util.concurrent.ConcurrentHashMap<>(); // {ok, refused}
        java.util.concurrent.atomic.AtomicReference<Unreachable> stop = new java.util.concurrent.atomic
                .AtomicReference<>();
        AtomicInteger finished = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        AtomicInteger cached = new AtomicInteger();
        int total = tasks.size();
        listener.start(total, skipped);
        // Requests and scoring run on separate pools: --concurrency bounds requests in flight, and a slot is free
        // again the moment its answer arrives, while scoring keeps up on one thread per processor.
        ExecutorService requests = Executors.newFixedThreadPool(Math.max(1, Math.min(s.concurrency(), total)),
                daemon("eval-request"));
        ExecutorService scoring = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(),
                daemon("eval-score"));
        try {
            List<CompletableFuture<Void>> futures = new ArrayList<>(total);
            for (Task t : tasks) {
                futures.add(CompletableFuture.supplyAsync(() -> {
                    if (stop.get() != null) {
                        return null;
                    }
                    try {
                        return new Answer(t.model().complete(s.prompt().request(t.item(), images(t.item()),
                                s.generation(), cameras(t.item()))), null);
                    } catch (ModelFailure f) {
                        return new Answer(null, f);
                    }
                }, requests).thenAcceptAsync(a -> {
                    if (a == null) {
                        return; // not asked: the run is stopping
                    }
                    ObjectNode rec;
                    int[] r = reach.computeIfAbsent(t.model().name(), k -> new int[2]);
                    synchronized (r) {
                        if (a.failure() == null) {
                            r[0]++;
                        } else if (r[0] == 0 && a.failure().kind() == ModelFailure.Kind.CONNECTION
                                && ++r[1] >= Math.min(PROBE, total)) {
                            stop.compareAndSet(null, new Unreachable(t.model().name(), r[1],
                                    a.failure().getMessage()));
                        }
                    }
                    if (a.failure() != null) {
                        errors.incrementAndGet();
                        rec = scorer.failure(t.item(), t.model().name(), s.prompt(), a.failure());
                    } else {
                        if (a.response().cached()) {
                            cached.incrementAndGet();
                        }
                        rec = scorer.score(t.item(), t.model().name(), s.prompt(), a.response());
                    }
                    try {
                        store.append(rec);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    listener.progress(finished.incrementAndGet(), errors.get(), cached.get());
                }, scoring));
            }
            try {
                CompletableFuture.allOf(futures.toArray(new CompletableFuture<?>[0])).join();
            } catch (java.util.concurrent.CompletionException e) {
                Throwable c = e.getCause();
                if (c instanceof UncheckedIOException u) {
                    throw u.getCause();
                }
                if (c instanceof RuntimeException re) {
                    throw re;
                }
                throw new IllegalStateException(c);
            }
            if (stop.get() != null) {
                throw stop.get();
            }
        } finally {
            requests.shutdownNow();
            scoring.shutdownNow();
            requests.awaitTermination(10, TimeUnit.SECONDS);
            scoring.awaitTermination(10, TimeUnit.SECONDS);
        }
        return new Outcome(total, skipped, errors.get(), cached.get(), (System.nanoTime() - t0) / 1e9);
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    private List<ModelRequest.Image> images(BenchItem item) {
        List<ModelRequest.Image> out = new ArrayList<>(item.images().size());
        for (String rel : item.images()) {
            Path p = benchDir.resolve(rel);
            try {
                out.add(new ModelRequest.Image(Files.readAllBytes(p), mediaType(rel)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read image " + p + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    /** The item's cameras with depth image paths resolved against the bench folder. */
    private CameraTrack cameras(BenchItem item) {
        CameraTrack c = item.cameras();
        return c == null || !c.hasDepth() ? c
                : c.withDepth(c.depth().stream().map(d -> benchDir.resolve(d).toString()).toList());
    }

    static String mediaType(String path) {
        String p = path.toLowerCase(Locale.ROOT);
        return p.endsWith(".png") ? "image/png" : p.endsWith(".webp") ? "image/webp" : "image/jpeg";
    }

    /** Every image of the selected items exists, or bad input naming the first that does not. */
    private void checkImages(List<BenchItem> items) {
        for (BenchItem it : items) {
            for (String rel : it.images()) {
                if (!Files.isRegularFile(benchDir.resolve(rel))) {
                    throw new BadInputException(benchDir.resolve("bench.jsonl").toString(), "item " + it.id(),
                            "images", "image " + benchDir.resolve(rel) + " does not exist");
                }
            }
        }
    }
}
