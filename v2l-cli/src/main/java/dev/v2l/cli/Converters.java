package dev.v2l.cli;

import dev.v2l.dataset.Exporter;
import dev.v2l.layout.text.MapForm;
import dev.v2l.layout.MapFrame;
import dev.v2l.qa.QuestionType;
import dev.v2l.run.PromptKind;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * picocli converters: every option value is checked when the command line is parsed, so a bad value is a usage
 * error (exit 2) naming the option — {@code Invalid value for option '--tau': 'NaN' is not a finite number > 0} —
 * before anything runs. Numbers must be finite and in range; names must be among the listed choices.
 */
final class Converters {

    private Converters() {
    }

    /** An image size {@code WIDTHxHEIGHT}, each side in 16..8192 pixels. */
    record ImageSize(int width, int height) {
        @Override
        public String toString() {
            return width + "x" + height;
        }
    }

    /** {@code WIDTHxHEIGHT}, e.g. {@code 640x480}. */
    static final class Size implements ITypeConverter<ImageSize> {
        @Override
        public ImageSize convert(String s) {
            String[] p = s.toLowerCase(Locale.ROOT).split("x", -1);
            try {
                if (p.length == 2) {
                    int w = Integer.parseInt(p[0].strip());
                    int h = Integer.parseInt(p[1].strip());
                    if (w >= 16 && h >= 16 && w <= 8192 && h <= 8192) {
                        return new ImageSize(w, h);
                    }
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new TypeConversionException("'" + s + "' is not WIDTHxHEIGHT with sides between 16 and 8192 "
                    + "pixels, e.g. 640x480");
        }
    }

    /** Question types: {@code all}, {@code vsi}, {@code qvs} or names separated by commas. */
    record TypeList(List<QuestionType> types, String spec) {
        @Override
        public String toString() {
            return spec;
        }
    }

    static final class Types implements ITypeConverter<TypeList> {
        @Override
        public TypeList convert(String s) {
            List<QuestionType> types = named(s, QuestionType::parseList);
            if (types.isEmpty()) {
                throw new TypeConversionException("no question types in '" + s + "'; give all, vsi, qvs or names "
                        + "(see 'v2l qa types')");
            }
            return new TypeList(types, s);
        }
    }

    /** An export format: swift, llamafactory, easyr1, jsonl. */
    static final class Format implements ITypeConverter<Exporter> {
        @Override
        public Exporter convert(String s) {
            return named(s, Exporter::byName);
        }
    }

    /** A map form: v2lo, extended, grid. */
    static final class Form implements ITypeConverter<MapForm> {
        @Override
        public MapForm convert(String s) {
            return named(s, MapForm::fromCode);
        }
    }

    /** A map frame: scene or first-camera. */
    static final class Frame implements ITypeConverter<MapFrame> {
        @Override
        public MapFrame convert(String s) {
            MapFrame f = MapFrame.fromCode(s);
            if (f == null || f == MapFrame.UNSPECIFIED) {
                throw new TypeConversionException("unknown frame '" + s + "'; available: scene, room, first-camera");
            }
            return f;
        }
    }

    /** A prompt kind: v2lo, vsi, direct. */
    static final class Prompt implements ITypeConverter<PromptKind> {
        @Override
        public PromptKind convert(String s) {
            return named(s, PromptKind::byName);
        }
    }

    /** Train, validation and test fractions: three finite numbers >= 0 summing to 1. */
    record Split(double train, double val, double test) {
        double[] fractions() {
            return new double[] {train, val, test};
        }

        @Override
        public String toString() {
            return train + "," + val + "," + test;
        }
    }

    static final class Splits implements ITypeConverter<Split> {
        @Override
        public Split convert(String s) {
            String[] p = s.split(",", -1);
            double[] f = new double[p.length];
            boolean ok = p.length == 3;
            for (int i = 0; ok && i < 3; i++) {
                try {
                    f[i] = Double.parseDouble(p[i].strip());
                    ok = Double.isFinite(f[i]) && f[i] >= 0;
                } catch (NumberFormatException e) {
                    ok = false;
                }
            }
            if (!ok || Math.abs(f[0] + f[1] + f[2] - 1) > 1e-6) {
                throw new TypeConversionException("'" + s + "' is not three fractions >= 0 summing to 1 "
                        + "(train,val,test), e.g. 0.9,0.05,0.05");
            }
            return new Split(f[0], f[1], f[2]);
        }
    }

    /** One of a fixed set of lower-case words. */
    abstract static class Choice implements ITypeConverter<String> {
        private final List<String> choices;

        Choice(String... choices) {
            this.choices = List.of(choices);
        }

        @Override
        public String convert(String s) {
            String v = s.strip().toLowerCase(Locale.ROOT);
            if (!choices.contains(v)) {
                throw new TypeConversionException("unknown value '" + s + "'; available: " + String.join(", ",
                        choices));
            }
            return v;
        }
    }

    /** How dataset frames are chosen. */
    static final class DatasetSampling extends Choice {
        DatasetSampling() {
            super("uniform", "random", "keyframes");
        }
    }

    /** The camera path of a rendered walk. */
    static final class CameraPath extends Choice {
        CameraPath() {
            super("walk", "turn");
        }
    }

    /** Image file format. */
    static final class ImageFormat extends Choice {
        ImageFormat() {
            super("png", "jpg");
        }
    }

    /** Reward kind. */
    static final class RewardKind extends Choice {
        RewardKind() {
            super("v2lo", "v2l-map");
        }
    }

    /** A whole number in [min, max]. */
    abstract static class IntRange implements ITypeConverter<Integer> {
        private final int min;
        private final int max;

        IntRange(int min, int max) {
            this.min = min;
            this.max = max;
        }

        @Override
        public Integer convert(String s) {
            long v;
            try {
                v = Long.parseLong(s.strip());
            } catch (NumberFormatException e) {
                throw new TypeConversionException("'" + s + "' is not a whole number" + range());
            }
            if (v < min || v > max) {
                throw new TypeConversionException("'" + s + "' is out of range: expected a whole number" + range());
            }
            return (int) v;
        }

        private String range() {
            return max == Integer.MAX_VALUE ? " >= " + min : " in " + min + ".." + max;
        }
    }

    /** >= 0: counts where 0 means "all", "none" or "automatic". */
    static final class NonNegativeInt extends IntRange {
        NonNegativeInt() {
            super(0, Integer.MAX_VALUE);
        }
    }

    /** >= 1. */
    static final class PositiveInt extends IntRange {
        PositiveInt() {
            super(1, Integer.MAX_VALUE);
        }
    }

    /** Frame counts per sample: 1..10000. */
    static final class FrameCount extends IntRange {
        FrameCount() {
            super(1, 10_000);
        }
    }

    /** A TCP port; 0 picks a free one. */
    static final class Port extends IntRange {
        Port() {
            super(0, 65_535);
        }
    }

    /** A pixel budget: 0 (keep the size) or at least 256 pixels. */
    static final class PixelBudget implements ITypeConverter<Long> {
        @Override
        public Long convert(String s) {
            long v;
            try {
                v = Long.parseLong(s.strip());
            } catch (NumberFormatException e) {
                throw new TypeConversionException("'" + s + "' is not a whole number of pixels");
            }
            if (v != 0 && (v < 256 || v > 1L << 30)) {
                throw new TypeConversionException("'" + s + "' is out of range: expected 0 (keep the size) or "
                        + "256.." + (1L << 30) + " pixels");
            }
            return v;
        }
    }

    /** A finite number in [min, max] (or (min, max] / [min, max) when the bound is exclusive). */
    abstract static class DoubleRange implements ITypeConverter<Double> {
        private final double min;
        private final boolean minExclusive;
        private final double max;
        private final boolean maxExclusive;

        DoubleRange(double min, boolean minExclusive, double max, boolean maxExclusive) {
            this.min = min;
            this.minExclusive = minExclusive;
            this.max = max;
            this.maxExclusive = maxExclusive;
        }

        @Override
        public Double convert(String s) {
            double v;
            try {
                v = Double.parseDouble(s.strip());
            } catch (NumberFormatException e) {
                v = Double.NaN;
            }
            boolean ok = Double.isFinite(v) && (minExclusive ? v > min : v >= min)
                    && (maxExclusive ? v < max : v <= max);
            if (!ok) {
                throw new TypeConversionException("'" + s + "' is not a finite number " + range());
            }
            return v;
        }

        private String range() {
            String lo = (minExclusive ? "> " : ">= ") + fmt(min);
            if (max == Double.MAX_VALUE) {
                return lo;
            }
            return "in " + (minExclusive ? "(" : "[") + fmt(min) + ", " + fmt(max) + (maxExclusive ? ")" : "]");
        }

        private static String fmt(double d) {
            return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
        }
    }

    /** > 0: lengths, durations, rates. */
    static final class PositiveDouble extends DoubleRange {
        PositiveDouble() {
            super(0, true, Double.MAX_VALUE, false);
        }
    }

    /** >= 0: margins, distances, temperatures. */
    static final class NonNegativeDouble extends DoubleRange {
        NonNegativeDouble() {
            super(0, false, Double.MAX_VALUE, false);
        }
    }

    /** A weight in [0, 1]. */
    static final class UnitInterval extends DoubleRange {
        UnitInterval() {
            super(0, false, 1, false);
        }
    }

    /** An angle margin from the boundaries between direction options: [0, 45) degrees. */
    static final class AngleMargin extends DoubleRange {
        AngleMargin() {
            super(0, false, 45, true);
        }
    }

    /** A camera's vertical field of view: (0, 180) degrees. */
    static final class FieldOfView extends DoubleRange {
        FieldOfView() {
            super(0, true, 180, true);
        }
    }

    /** Applies a library lookup that throws with a helpful message for a bad name. */
    private static <T> T named(String s, Function<String, T> lookup) {
        try {
            return lookup.apply(s);
        } catch (IllegalArgumentException | dev.v2l.io.BadInputException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
