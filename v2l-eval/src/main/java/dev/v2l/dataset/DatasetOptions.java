package dev.v2l.dataset;

import dev.v2l.io.BadInputException;
import dev.v2l.layout.text.MapForm;
import dev.v2l.qa.QuestionType;
import dev.v2l.qa.Thresholds;
import java.util.List;

/**
 * What {@code v2l dataset build} makes.
 *
 * @param frameCounts frame counts per sample (QVS-Bench: 1, 4, 8, 12, 16)
 * @param types       question types
 * @param perScene    samples per scene and frame count
 * @param formats     output formats
 * @param mapForm     map form of the targets
 * @param split       train/val/test fractions (by scene)
 * @param seed        the seed of everything random
 * @param sampling    uniform, random or keyframes
 * @param videoFrames frames of each scene's walk-through
 * @param fps         walk-through frames per second
 * @param width       image width
 * @param height      image height
 * @param fov         vertical field of view, degrees
 * @param maxPixels   scale images down to this many pixels (0: keep)
 * @param images      write images (false: maps, traces and answers only)
 * @param threads     scenes rendered in parallel
 */
public record DatasetOptions(List<Integer> frameCounts, List<QuestionType> types, int perScene,
        List<Exporter> formats, MapForm mapForm, double[] split, long seed, String sampling, int videoFrames,
        double fps, int width, int height, double fov, long maxPixels, boolean images, int threads) {

    public DatasetOptions {
        frameCounts = List.copyOf(frameCounts);
        types = List.copyOf(types);
        formats = List.copyOf(formats);
        if (frameCounts.isEmpty() || frameCounts.stream().anyMatch(n -> n < 1)) {
            throw new BadInputException(null, null, null, "frame counts must be positive, got " + frameCounts);
        }
        if (perScene < 1) {
            throw new BadInputException(null, null, null, "--per-scene must be at least 1, got " + perScene);
        }
        if (split.length != 3 || split[0] < 0 || split[1] < 0 || split[2] < 0
                || Math.abs(split[0] + split[1] + split[2] - 1) > 1e-6) {
            throw new BadInputException(null, null, null,
                    "--split needs three fractions summing to 1, e.g. 0.9,0.05,0.05");
        }
        if (!List.of("uniform", "random", "keyframes").contains(sampling)) {
            throw new BadInputException(null, null, null,
                    "unknown --sampling '" + sampling + "'; available: uniform, random, "
                    + "keyframes");
        }
        if (videoFrames < frameCounts.stream().mapToInt(Integer::intValue).max().orElse(1)) {
            throw new BadInputException(null, null, null,
                    "--video-frames (" + videoFrames + ") must be at least the largest "
                    + "frame count " + frameCounts);
        }
    }

    public Thresholds thresholds() {
        return Thresholds.DEFAULT;
    }
}
