package dev.v2l.spark;

import dev.v2l.cli.BuildArguments;
import dev.v2l.source.SceneSource;
import dev.v2l.source.SceneSources;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What every task needs, made once per JVM (an executor runs many tasks): the build request, read from the CLI's
 * arguments exactly as the driver read them, and the opened scene source. Tasks carry only the arguments, never
 * the objects, so nothing but strings crosses the wire.
 */
final class Tasks {

    private static final Map<List<String>, BuildArguments.Request> REQUESTS = new ConcurrentHashMap<>();
    private static final Map<String, SceneSource> SOURCES = new ConcurrentHashMap<>();

    private Tasks() {
    }

    static BuildArguments.Request request(String[] args) {
        return REQUESTS.computeIfAbsent(Arrays.asList(args), a -> {
            StringWriter err = new StringWriter();
            BuildArguments.Parsed p = BuildArguments.parse(new PrintWriter(new StringWriter()), new PrintWriter(err),
                    args);
            if (p.request() == null) {
                throw new IllegalArgumentException("the build's arguments do not read on this executor: " + err);
            }
            return p.request();
        });
    }

    static SceneSource source(String spec) {
        return SOURCES.computeIfAbsent(spec, SceneSources::open);
    }

    /** Contiguous ranges {@code [from, to)} covering {@code 0..n-1}, as even as can be. */
    static List<int[]> ranges(int n, int parts) {
        int p = Math.max(1, Math.min(parts, n));
        List<int[]> out = new java.util.ArrayList<>(p);
        for (int i = 0; i < p; i++) {
            out.add(new int[] {(int) ((long) n * i / p), (int) ((long) n * (i + 1) / p)});
        }
        return out;
    }
}
