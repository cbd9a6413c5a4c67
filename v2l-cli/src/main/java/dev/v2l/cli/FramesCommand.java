package dev.v2l.cli;

import dev.v2l.io.Images;
import dev.v2l.video.DecodedFrame;
import dev.v2l.scene.FrameSampling;
import dev.v2l.video.VideoInfo;
import dev.v2l.video.VideoReader;
import java.nio.file.Files;
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
        description = "Extract frames from a video (MP4, MOV, MKV, WebM…): N uniform frames over the whole video (the "
                + "VSI-Bench way), every K-th frame, or the frames at given seconds; written as PNG or JPEG, with "
                + "frames.jsonl listing index, time and file.",
        footer = {"", "Examples: v2l frames scene0011_00.mp4 --count 16 --out frames/",
            "          v2l frames walk.mov --sampling every:30 --max-pixels 401408 --format jpg --out frames/"})
final class FramesCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "VIDEO", description = "The video file.")
    Path video;

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
    public Integer call() throws Exception {
        Integer count = which.count;
        Path out = outFolder.dir();
        try (VideoReader r = VideoReader.open(video)) {
            VideoInfo info = r.info();
            if (count != null && count > info.frames()) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), String.format(Locale.ROOT,
                        "--count %d: %s has only %d frames", count, video, info.frames()));
            }
            int[] idx = count != null ? FrameSampling.uniform(info.frames(), count)
                    : FrameSampling.parse(which.sampling, info.frames(), info.fps());
            List<DecodedFrame> frames = r.read(idx, maxPixels.maxPixels);
            Files.createDirectories(out);
            StringBuilder index = new StringBuilder();
            // Image encoding is the slow part after decoding: spread it over the processors.
            frames.parallelStream().forEach(f -> {
                String name = String.format(Locale.ROOT, "frame_%06d.%s", f.index(), format);
                byte[] bytes = format.equals("png") ? Images.png(f.image()) : Images.jpeg(f.image(), 0.92f);
                Path tmp = out.resolve("." + name + ".tmp");
                try {
                    Files.write(tmp, bytes);
                    Files.move(tmp, out.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                            java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException("cannot write " + out.resolve(name), e);
                }
            });
            for (DecodedFrame f : frames) {
                String name = String.format(Locale.ROOT, "frame_%06d.%s", f.index(), format);
                index.append(String.format(Locale.ROOT, "{\"frame\": %d, \"time_s\": %.6f, \"file\": \"%s\", "
                        + "\"width\": %d, \"height\": %d}%n", f.index(), f.timeSeconds(), name, f.image().getWidth(),
                        f.image().getHeight()));
            }
            Inputs.writeAtomically(out.resolve("frames.jsonl"), index.toString());
            spec.commandLine().getErr().printf(Locale.ROOT, "%s: %d frames, %.2f fps, %dx%d, %s; wrote %d frames to "
                    + "%s%n", video, info.frames(), info.fps(), info.width(), info.height(), info.codec(),
                    frames.size(), out);
        }
        return Main.EXIT_OK;
    }
}
