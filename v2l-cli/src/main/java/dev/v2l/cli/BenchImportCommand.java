package dev.v2l.cli;

import dev.v2l.importer.BenchImport;
import dev.v2l.importer.ImageBenchImport;
import dev.v2l.importer.ImportProblem;
import dev.v2l.io.Provenance;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code v2l bench import}: an official benchmark file with its videos, as a benchmark folder. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Import an official benchmark as a folder 'v2l eval' and 'v2l report' take as it is.",
            "vsibench: the Hugging Face dataset nyu-visionx/VSI-Bench as it ships (test.jsonl, test-*.parquet, "
                + "test_debiased.parquet, test_pruned.parquet; fields id, dataset, scene_name, question_type, "
                + "question, options, ground_truth, pruned) with its videos unzipped as lmms-eval reads them "
                + "(DIR/DATASET/SCENE.mp4). Frames are chosen as lmms-eval's loaders choose them "
                + "(numpy.linspace(0, T-1, N, dtype=int) over decord's frame count T) and stored under OUT/images/; "
                + "items keep the official ids (ID@Nf when several frame counts are imported). With --meta each "
                + "item refers to its scene's layout (the scene oracle answers from it; maps are scored after rigid "
                + "alignment: no camera poses are published); objects are recovered from the question text by "
                + "VSI-Bench's templates, and rows whose objects are not in the layout are listed.",
            "qvsbench: QVS-Bench-style rows over images (no QVS-Bench file has been published; see "
                + "docs/official-benchmarks.md): EasyR1 rows (question or problem, answer, image_path or images — the "
                + "keys of Video2Layout's EasyR1 config), ms-swift rows (messages, images; a <map> in the answer "
                + "becomes the item's true map) or flat rows; the type is read from question_type or recognised from "
                + "QVS-Bench's wording. Images are copied into OUT/images/.",
            "generic: rows of another spatial benchmark (MMSI-Bench, SPAR-Bench…) through --field OURS=THEIRS "
                + "(id, question, options, ground_truth, question_type, answer_type, images, scene_id, dataset); "
                + "each row's answer type (letter or number: its answer_type column, --answer-type, or inferred) "
                + "decides how it is scored with VSI-Bench's metrics, and its question_type names its task.",
            "Rows that cannot be taken (unknown question type, missing or corrupt video, bad fields) are listed in "
                + "OUT/import_problems.jsonl and the rest is imported; the exit code is then 2. A killed import "
                + "resumes: videos whose frames are complete are not decoded again."},
        footer = {"", "Examples:",
            "  v2l bench import vsibench --questions VSI-Bench/test-00000-of-00001.parquet --videos VSI-Bench "
                + "--frames 8,16,32 --meta ../shared/data/vsibench-meta --out out/vsibench/",
            "  v2l bench import vsibench --questions VSI-Bench/test.jsonl --pruned-ids VSI-Bench/pruned_ids.txt "
                + "--subset debiased --videos VSI-Bench --out out/vsibench-debiased/",
            "  v2l bench import generic --questions mmsi.jsonl --images mmsi/ --field id=qid,question=question,"
                + "ground_truth=answer,question_type=category,images=image_paths --out out/mmsi/"})
final class BenchImportCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "KIND", converter = Kind.class, description = "vsibench, qvsbench or "
            + "generic.")
    String kind;

    @Option(names = "--questions", paramLabel = "FILE", required = true, split = ",", description = "The official "
            + "file(s): JSON Lines or Parquet (repeatable).")
    List<Path> questions;

    @Option(names = "--videos", paramLabel = "DIR", description = "vsibench: the folder holding DATASET/SCENE.mp4 "
            + "(the three zips unzipped side by side).")
    Path videos;

    @Option(names = "--images", paramLabel = "DIR", description = "qvsbench, generic: the folder image paths are "
            + "relative to (default: the questions file's folder).")
    Path images;

    @Option(names = "--field", paramLabel = "OURS=THEIRS", split = ",", description = "generic: which column holds "
            + "each of our fields, e.g. id=qid,question=q,ground_truth=answer,images=image_paths.")
    Map<String, String> fields = new LinkedHashMap<>();

    @Option(names = "--answer-type", paramLabel = "TYPE", defaultValue = "auto", converter = AnswerType.class,
            description = "generic: letter, number, or auto (a letter with options, else a number) for rows without "
                    + "an answer_type column. Default: ${DEFAULT-VALUE}.")
    String answerType;

    @Option(names = "--frames", paramLabel = "N", split = ",", defaultValue = "32",
            converter = Converters.FrameCount.class, description = "Frame counts; one item per question and count. "
                    + "Default: ${DEFAULT-VALUE} (lmms-eval's llava_onevision and vllm default).")
    List<Integer> frames;

    @Option(names = "--sampling", paramLabel = "RULE", defaultValue = "uniform-floor", converter = Sampling.class,
            description = "uniform-floor: linspace(0, T-1, N, dtype=int), lmms-eval's loaders; uniform-floor-last: "
                    + "the same with the last frame appended when missing (lmms-eval's vllm backend); uniform: "
                    + "rounded half to even. Default: ${DEFAULT-VALUE}.")
    String sampling;

    @Option(names = "--subset", paramLabel = "SUBSET", defaultValue = "full", converter = Subset.class,
            description = "full, debiased (VSI-Bench-Debiased: rows not pruned) or pruned; needs the 'pruned' field "
                    + "or --pruned-ids. Default: ${DEFAULT-VALUE}.")
    String subset;

    @Option(names = "--pruned-ids", paramLabel = "FILE", description = "pruned_ids.txt from the dataset (one id a "
            + "line), for files without the 'pruned' field.")
    Path prunedIds;

    @Option(names = "--meta", paramLabel = "PATH", description = "VSI-Bench meta_info file(s) or folder(s) "
            + "(repeatable), e.g. ../shared/data/vsibench-meta: gives each item its scene's layout.")
    List<Path> meta = new ArrayList<>();

    @Option(names = "--image-format", paramLabel = "FMT", defaultValue = "jpg", converter = Converters.ImageFormat.class,
            description = "jpg (quality 0.95) or png (lossless, larger). Default: ${DEFAULT-VALUE}.")
    String imageFormat;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "0", converter = Converters.NonNegativeInt.class,
            description = "Only the first N questions (0: all).")
    int limit;

    @Mixin
    Mixins.MaxPixels maxPixels;

    @Mixin
    Mixins.Threads threads;

    @Mixin
    Mixins.Quiet quiet;

    @Mixin
    Mixins.OutputFolder out;

    static final class Kind extends Converters.Choice {
        Kind() {
            super("vsibench", "qvsbench", "generic");
        }
    }

    static final class AnswerType extends Converters.Choice {
        AnswerType() {
            super("auto", "letter", "number");
        }
    }

    static final class Sampling extends Converters.Choice {
        Sampling() {
            super("uniform-floor", "uniform-floor-last", "uniform");
        }
    }

    static final class Subset extends Converters.Choice {
        Subset() {
            super("full", "debiased", "pruned");
        }
    }

    @Override
    public Integer call() throws Exception {
        long start = System.nanoTime();
        PrintWriter err = spec.commandLine().getErr();
        BenchImport.Outcome r;
        if (kind.equals("vsibench")) {
            if (videos == null) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                        "vsibench needs --videos DIR (DIR/DATASET/SCENE.mp4)");
            }
            BenchImport.Options o = new BenchImport.Options(questions, videos, frames, sampling,
                    BenchImport.Subset.of(subset), prunedIds, meta, threads.resolved(), imageFormat,
                    maxPixels.maxPixels, limit);
            try (Bar bar = new Bar(quiet.quiet, err)) {
                r = BenchImport.vsiBench(o, out.dir(), bar);
            }
        } else {
            ImageBenchImport.Options o = new ImageBenchImport.Options(questions, images, limit, fields, answerType);
            r = kind.equals("qvsbench") ? ImageBenchImport.run(o, out.dir()) : ImageBenchImport.generic(o, out.dir());
        }
        Provenance prov = Cli.provenance(spec);
        for (Path q : questions) {
            prov.input(q.toAbsolutePath().toString(), q);
        }
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("kind", kind);
        settings.put("videos", videos == null ? null : videos.toAbsolutePath().toString());
        settings.put("images", images == null ? null : images.toAbsolutePath().toString());
        settings.put("fields", fields);
        settings.put("answer_type", answerType);
        settings.put("frames", frames);
        settings.put("sampling", sampling);
        settings.put("subset", subset);
        settings.put("pruned_ids", prunedIds == null ? null : prunedIds.toAbsolutePath().toString());
        settings.put("meta", meta.stream().map(p -> p.toAbsolutePath().toString()).toList());
        settings.put("image_format", imageFormat);
        settings.put("max_pixels", maxPixels.maxPixels);
        settings.put("limit", limit);
        prov.put("settings", settings);
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("rows", r.rows());
        counts.put("questions", r.questions());
        counts.put("items", r.items());
        counts.put("videos", r.videos());
        counts.put("videos_reused", r.reused());
        counts.put("errors", r.errors());
        counts.put("unmatched_objects", r.unmatched());
        counts.put("questions_by_type", r.byType());
        prov.put("import", counts);
        prov.write(out.dir(), start);

        err.printf(Locale.ROOT, "%d rows, %d questions -> %d items (%d videos, %d already extracted) in %.1f s -> %s%n",
                r.rows(), r.questions(), r.items(), r.videos(), r.reused(), (System.nanoTime() - start) / 1e9,
                out.dir().resolve("bench.jsonl"));
        if (r.unmatched() > 0) {
            err.printf(Locale.ROOT, "%d question(s) imported whose objects are not in their scene's layout (the scene "
                    + "oracle cannot answer them); listed in %s%n", r.unmatched(), out.dir().resolve(
                            "import_problems.jsonl"));
        }
        if (r.errors() == 0) {
            return Main.EXIT_OK;
        }
        Map<String, Integer> byKind = new LinkedHashMap<>();
        for (ImportProblem p : r.problems()) {
            if (p.isError()) {
                byKind.merge(p.kind(), 1, Integer::sum);
            }
        }
        err.printf(Locale.ROOT, "v2l: error: %d problem(s) kept rows out of the benchmark (%s); the rest is imported. "
                + "All are listed in %s; the first:%n", r.errors(), byKind.toString().replaceAll("[{}]", ""),
                out.dir().resolve("import_problems.jsonl"));
        r.problems().stream().filter(ImportProblem::isError).limit(5).forEach(p -> err.println("  " + p.kind() + ": "
                + p.describe()));
        return Main.EXIT_USAGE;
    }

    /** Videos done / total on standard error. */
    static final class Bar implements BenchImport.Listener, AutoCloseable {
        private final boolean quiet;
        private final PrintWriter err;
        private ProgressBar bar;

        Bar(boolean quiet, PrintWriter err) {
            this.quiet = quiet;
            this.err = err;
        }

        @Override
        public void start(int videos, int alreadyDone) {
            if (alreadyDone > 0 && !quiet) {
                err.printf(Locale.ROOT, "resuming: %d of %d videos already extracted%n", alreadyDone, videos);
                err.flush();
            }
            bar = Progress.bar(quiet, "import", videos, " videos", true);
        }

        @Override
        public void videoDone(int finished, int failed) {
            if (bar != null) {
                bar.stepTo(finished);
                bar.setExtraMessage(failed > 0 ? String.format(Locale.ROOT, " %d failed", failed) : "");
            }
        }

        @Override
        public void close() {
            if (bar != null) {
                bar.close();
            }
        }
    }
}
