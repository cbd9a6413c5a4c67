package dev.v2l.cli;

import dev.v2l.model.Models;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Options several commands share, declared once: each name means the same thing in every command that has it.
 * A command with another default passes it to the mixin's constructor ({@code @Mixin Seed seed = new Seed(7)});
 * picocli shows the field's initial value as the default.
 */
final class Mixins {

    private Mixins() {
    }

    /** {@code --out DIR}: the folder a command writes into (created when missing). */
    static final class OutputFolder {
        @Spec(Spec.Target.MIXEE)
        CommandSpec spec;

        private Path dir;

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (created when "
                + "missing).")
        void set(Path dir) {
            if (Files.exists(dir) && !Files.isDirectory(dir)) {
                throw new ParameterException(spec.commandLine(), "--out: " + dir + " exists and is not a folder");
            }
            this.dir = dir;
        }

        Path dir() {
            return dir;
        }
    }

    /** {@code --out FILE}: the one file a command writes (written under a temporary name, then renamed). */
    static final class OutputFile {
        @Spec(Spec.Target.MIXEE)
        CommandSpec spec;

        private Path file;

        @Option(names = "--out", required = true, paramLabel = "FILE", description = "Output file (its folder is "
                + "created when missing).")
        void set(Path file) {
            if (Files.isDirectory(file)) {
                throw new ParameterException(spec.commandLine(), "--out: " + file + " is a folder; give a file name");
            }
            this.file = file;
        }

        Path file() {
            return file;
        }
    }

    /** {@code --seed S}: the seed of everything random the command does. */
    static final class Seed {
        @Option(names = "--seed", paramLabel = "S", description = "Random seed; the same seed and inputs give the "
                + "same bytes. Default: ${DEFAULT-VALUE}.")
        long seed;

        Seed() {
            this(0);
        }

        Seed(long defaultSeed) {
            this.seed = defaultSeed;
        }

        long value() {
            return seed;
        }
    }

    /** {@code --threads N}: worker threads, 0 for one per processor. */
    static final class Threads {
        @Option(names = "--threads", paramLabel = "N", defaultValue = "0", converter = Converters.NonNegativeInt.class,
                description = "Worker threads (0: one per processor). Default: ${DEFAULT-VALUE}.")
        int threads;

        /** The number of threads to use. */
        int resolved() {
            return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        }
    }

    /** {@code --quiet}: no progress bar. */
    static final class Quiet {
        @Option(names = "--quiet", description = "No progress bar.")
        boolean quiet;
    }

    /** {@code --max-pixels P}: images scaled down to at most P pixels, aspect kept. */
    static final class MaxPixels {
        @Option(names = "--max-pixels", paramLabel = "P", defaultValue = "0", converter = Converters.PixelBudget.class,
                description = "Scale images down to at most this many pixels, aspect kept (0: keep their size). "
                        + "Default: ${DEFAULT-VALUE}.")
        long maxPixels;
    }

    /** The images of samples: size, pixel budget, or none. */
    static final class Images {
        @Option(names = "--size", paramLabel = "WxH", defaultValue = "640x480", converter = Converters.Size.class,
                description = "Rendered image size, WIDTHxHEIGHT pixels. Default: ${DEFAULT-VALUE}.")
        Converters.ImageSize size;

        @CommandLine.Mixin
        MaxPixels maxPixels = new MaxPixels();

        @Option(names = "--no-images", description = "No image files: maps, traces and answers only (frames are "
                + "rendered small just to know what they show).")
        boolean noImages;
    }

    /** {@code --tau M}: the distance within which a predicted object matches a true one. */
    static final class Tau {
        @Option(names = "--tau", paramLabel = "METRES", defaultValue = "1.0",
                converter = Converters.PositiveDouble.class,
                description = "Map matching distance between object centres, metres. Default: ${DEFAULT-VALUE}.")
        double tau;
    }

    /** The models to ask and how to reach servers ({@code eval}, {@code demo}). */
    static final class ModelSpecs {
        @Spec(Spec.Target.MIXEE)
        CommandSpec spec;

        @Option(names = "--model", paramLabel = "SPEC", description = "A model (repeatable): oracle, scene-oracle, "
                + "blind, random[:SEED] or openai:http://HOST:PORT/v1#MODEL (see 'v2l models').")
        List<String> models = new ArrayList<>();

        @Option(names = "--api-key-env", paramLabel = "VAR", description = "Environment variable holding the API key "
                + "of openai: servers (sent as a bearer token; never written anywhere).")
        String apiKeyEnv;

        @Option(names = "--concurrency", paramLabel = "N", defaultValue = "8", converter = Converters.PositiveInt.class,
                description = "Requests in flight at most. Default: ${DEFAULT-VALUE}.")
        int concurrency;

        @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "120",
                converter = Converters.PositiveDouble.class, description = "Seconds per request attempt. Default: "
                        + "${DEFAULT-VALUE}.")
        double timeout;

        @Option(names = "--retries", paramLabel = "N", defaultValue = "4", converter = Converters.NonNegativeInt.class,
                description = "Retries on 429, 5xx, timeouts and dropped connections (exponential backoff with "
                        + "jitter; Retry-After honoured). Default: ${DEFAULT-VALUE}.")
        int retries;

        /** The model specs, at least one. */
        List<String> required() {
            if (models.isEmpty()) {
                throw new ParameterException(spec.commandLine(), "Missing required option: '--model=SPEC'");
            }
            return models;
        }

        Models.Options options(long maxPixels, java.util.function.UnaryOperator<String> env) {
            return new Models.Options(apiKeyEnv, Duration.ofMillis(Math.round(timeout * 1000)), retries,
                    Duration.ofMillis(500), maxPixels, env);
        }
    }
}
