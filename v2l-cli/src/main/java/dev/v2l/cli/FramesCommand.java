package dev.v2l.cli;

import dev.v2l.video.FrameExport;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code v2l frames}: sample frames from a real video, frame-accurately. */
@Command(name = "frames", mixinStandardHelpOptions = true,
        description = "Extract frames from videos (MP4, MOV, MKV, WebM…): N uniform frames over the whole video (the "
                + "VSI-Bench way), every K-th frame, or the frames at given seconds; written as PNG or JPEG, with "
                + "frames.jsonl listing index, time and file. One video writes into OUT; several videos (one run, "
                + "FFmpeg loaded once) write OUT/NAME/ each, NAME the file name without extension.",
        footer = {"", "Examples: v2l frames scene0011_00.mp4 --count 16 --out frames/",
            "          v2l frames videos/*.mp4 --count 16 --out frames/      # frames/scene0011_00/, ...",
            "          v2l frames walk.mov --sampling every:30 --max-pixels 401408 --format jpg --out frames/"})
final class FramesCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "VIDEO", description = "Video files.")
    List<Path> videos;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Which which;

    /** Exactly one of --count and --sampling. */
    static final class Which {
        @Option(names = "--count", paramLabel = "N", converter = Converters.PositiveInt.class,
                description = "N uniform frames (linspace(0, total-1, N) rounded), at most the video's frame count.")
        Integer count;

        @Option(names = "--sampling", paramLabel = "SPEC", description = "uniform:N, uniform-floor:N, every:K or "
                + "times:T1,T2,... (seconds).")
        String sampling;
    }

    @Mixin
    Mixins.MaxPixels maxPixels;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "png", converter = Converters.ImageFormat.class,
            description = "png or jpg. Default: ${DEFAULT-VALUE}.")
    String format;

    @Mixin
    Mixins.OutputFolder outFolder;

    @Override
    public Integer call() {
        FrameExport.Settings settings = new FrameExport.Settings(which.count, which.sampling, maxPixels.maxPixels,
                format);
        java.io.PrintWriter err = spec.commandLine().getErr();
        FrameExport.export(videos, settings, outFolder.dir(), r -> {
            err.printf(Locale.ROOT, "%s: %d frames, %.2f fps, %dx%d, %s; wrote %d frames to %s%n", r.video(),
                    r.info().frames(), r.info().fps(), r.info().width(), r.info().height(), r.info().codec(),
                    r.written(), r.dir());
            err.flush();
        });
        return Main.EXIT_OK;
    }
}
