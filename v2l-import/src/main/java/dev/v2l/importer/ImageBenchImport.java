package dev.v2l.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.v2l.layout.Layout;
import dev.v2l.layout.text.MapParseResult;
import dev.v2l.layout.text.MapParser;
import dev.v2l.layout.text.MapWriter;
import dev.v2l.metrics.PyText;
import dev.v2l.qa.QuestionObject;
import dev.v2l.qa.QuestionType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Imports image-based benchmark rows: QVS-Bench-style rows — questions over a handful of images (1, 4, 8, 12 or 16 frames) — as a benchmark
 * folder. No QVS-Bench file has been published (docs/official-benchmarks.md), so this reads the forms Video2Layout's
 * own code reads: EasyR1 rows ({@code question} or {@code problem}, {@code answer}, {@code image_path} or
 * {@code images}: the keys of its {@code examples/config.yaml}), ms-swift rows ({@code messages} with the user's
 * question and the assistant's {@code <map>…</map><think>…</think><answer>…</answer>}, {@code images}), and flat rows
 * ({@code id}, {@code question_type}, {@code question}, {@code options}, {@code ground_truth}, {@code images},
 * {@code gt_layout}). The type comes from {@code question_type} or is recognised from the wording; a {@code <map>}
 * in the answer (or {@code gt_layout}) becomes the item's true map. Images are copied into the bench folder.
 *
 * <p>{@link #generic} reads other spatial benchmarks (MMSI-Bench, SPAR-Bench style) through a field mapping; each
 * row's answer type (letter or number, given or inferred) decides how it is scored with VSI-Bench's metrics (exact
 * match after its fuzzy matching, or mean relative accuracy), and its own {@code question_type} names its task in the
 * results.
 */
public final class ImageBenchImport {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern OPTION = Pattern.compile("^\\s*([A-Z])[.)]\\s+(.+?)\\s*$");
    private static final Pattern ANSWER = Pattern.compile("<\\s*answer\\s*>(.*?)<\\s*/\\s*answer\\s*>", Pattern.DOTALL);
    private static final Pattern MAP = Pattern.compile("<\\s*map\\s*>(.*?)<\\s*/\\s*map\\s*>", Pattern.DOTALL);

    /**
     * @param questions the file(s)
     * @param images    the folder image paths are relative to (null: each file's own folder)
     * @param limit     the first N rows (0: all)
     */
    public record Options(List<Path> questions, Path images, int limit, Map<String, String> fields,
            String answerType) {
        public Options(List<Path> questions, Path images, int limit) {
            this(questions, images, limit, Map.of(), "auto");
        }

        public Options {
            questions = List.copyOf(questions);
            fields = Map.copyOf(fields);
            for (String k : fields.keySet()) {
                if (!GENERIC_FIELDS.contains(k)) {
                    throw new IllegalArgumentException("unknown field '" + k + "' in --field; available: "
                            + String.join(", ", GENERIC_FIELDS));
                }
            }
            if (!List.of("auto", "letter", "number").contains(answerType)) {
                throw new IllegalArgumentException("answer type must be auto, letter or number, got '" + answerType
                        + "'");
            }
            if (questions.isEmpty()) {
                throw new IllegalArgumentException("give the questions file (--questions)");
            }
        }
    }

    private ImageBenchImport() {
    }

    /** The fields {@code --field} can map: ours on the left, the file's column names on the right. */
    public static final List<String> GENERIC_FIELDS = List.of("id", "question", "options", "ground_truth",
            "question_type", "answer_type", "images", "scene_id", "dataset");

    /** QVS-Bench-style rows. */
    public static BenchImport.Outcome run(Options o, Path out) throws IOException {
        return importRows(o, out, false);
    }

    /** Rows of another benchmark, through {@link Options#fields}; types kept as the file names them. */
    public static BenchImport.Outcome generic(Options o, Path out) throws IOException {
        return importRows(o, out, true);
    }

    private static BenchImport.Outcome importRows(Options o, Path out, boolean generic) throws IOException {
        List<ImportProblem> problems = new ArrayList<>();
        StringBuilder bench = new StringBuilder();
        Map<String, Integer> byType = new TreeMap<>();
        Set<String> ids = new HashSet<>();
        Set<String> imageSets = new HashSet<>();
        int rows = 0;
        int items = 0;
        Files.createDirectories(out);
        MapParser parser = MapParser.lenient();
        for (Path file : o.questions()) {
            Path base = o.images() != null ? o.images() : file.toAbsolutePath().getParent();
            for (SourceRows.Row row : SourceRows.read(file)) {
                if (o.limit() > 0 && rows >= o.limit()) {
                    break;
                }
                rows++;
                if (row.error() != null) {
                    problems.add(new ImportProblem(ImportProblem.BAD_ROW, row.file(), row.location(), null, null,
                            row.error()));
                    continue;
                }
                try {
                    ObjectNode item = item(generic ? mapped(row, o.fields()) : row, rows, base, out, parser, problems,
                            generic ? o.answerType() : null);
                    if (item == null) {
                        continue;
                    }
                    if (!ids.add(item.get("id").asText())) {
                        throw new IllegalArgumentException("duplicate id " + item.get("id").asText());
                    }
                    imageSets.add(item.get("images").toString());
                    byType.merge(item.get("question_type").asText(), 1, Integer::sum);
                    bench.append(MAPPER.writeValueAsString(item)).append('\n');
                    items++;
                } catch (IllegalArgumentException e) {
                    problems.add(new ImportProblem(ImportProblem.BAD_ROW, row.file(), row.location(),
                            VsiBenchRows.text(row.fields(), "id"), null, e.getMessage()));
                }
            }
        }
        StringBuilder probs = new StringBuilder();
        for (ImportProblem p : problems) {
            probs.append(MAPPER.writeValueAsString(p.toJson())).append('\n');
        }
        AtomicFiles.write(out.resolve("import_problems.jsonl"), probs.toString());
        AtomicFiles.write(out.resolve("bench.jsonl"), bench.toString());
        return new BenchImport.Outcome(rows, items, items, imageSets.size(), 0, problems, byType);
    }

    /** The bench item of a row, or null after listing the problem. */
    /** The row with its columns renamed to ours ({@code --field ours=theirs}); unmapped columns keep their names. */
    static SourceRows.Row mapped(SourceRows.Row row, Map<String, String> fields) {
        if (row.error() != null || fields.isEmpty()) {
            return row;
        }
        ObjectNode n = row.fields().deepCopy();
        for (Map.Entry<String, String> e : fields.entrySet()) {
            JsonNode v = row.fields().get(e.getValue());
            if (v == null) {
                throw new IllegalArgumentException("no column '" + e.getValue() + "' (mapped to " + e.getKey()
                        + "); the row has " + row.fields().fieldNames().next() + "…");
            }
            n.set(e.getKey(), v);
        }
        return new SourceRows.Row(row.file(), row.location(), n, null);
    }

    private static ObjectNode item(SourceRows.Row row, int number, Path base, Path out, MapParser parser,
            List<ImportProblem> problems, String genericAnswerType) throws IOException {
        ObjectNode n = row.fields();
        String question = first(n, "question", "problem", "query");
        String answer = first(n, "ground_truth", "answer", "solution");
        JsonNode messages = n.get("messages") != null ? n.get("messages") : n.get("conversations");
        if (messages != null && messages.isArray()) {
            for (JsonNode m : messages) {
                String role = first(m, "role", "from");
                String content = first(m, "content", "value");
                if (("user".equals(role) || "human".equals(role)) && question == null) {
                    question = content;
                } else if (("assistant".equals(role) || "gpt".equals(role)) && answer == null) {
                    answer = content;
                }
            }
        }
        if (question == null || answer == null) {
            throw new IllegalArgumentException("a row needs a question (question, problem or the user message) and "
                    + "an answer (ground_truth, answer, solution or the assistant message)");
        }
        String mapText = null;
        Matcher mm = MAP.matcher(answer);
        if (mm.find()) {
            mapText = mm.group(1);
        }
        if (n.hasNonNull("gt_layout")) {
            mapText = n.get("gt_layout").isTextual() ? n.get("gt_layout").asText() : n.get("gt_layout").toString();
        }
        Matcher am = ANSWER.matcher(answer);
        String gt = (am.find() ? am.group(1) : answer).strip();
        String q = question.replace("<image>", "").replaceAll("<\\|?image[^>]*>", "").strip();
        List<String> options = new ArrayList<>();
        JsonNode on = n.get("options");
        if (on != null && on.isArray()) {
            on.forEach(x -> options.add(x.asText()));
        } else {
            boolean inText = on == null || !on.isTextual();
            StringBuilder rest = new StringBuilder();
            for (String line : (inText ? q : on.asText()).split("\n", -1)) {
                Matcher om = OPTION.matcher(line);
                if (om.matches()) {
                    options.add(om.group(1) + ". " + om.group(2));
                } else if (options.isEmpty() && inText) {
                    rest.append(rest.length() == 0 ? "" : "\n").append(line);
                }
            }
            q = inText ? rest.toString().strip() : q;
        }
        QvsTemplates.Parsed parsed = genericAnswerType != null ? new QvsTemplates.Parsed(null, List.of(), Map.of())
                : QvsTemplates.parse(q);
        String typeName = n.hasNonNull("question_type") ? n.get("question_type").asText() : parsed.type();
        String id = n.hasNonNull("id") ? VsiBenchRows.text(n, "id") : (genericAnswerType != null ? "row-" : "qvs-")
                + number;
        String sourceType = null;
        if (genericAnswerType != null) {
            sourceType = typeName == null ? "other" : typeName;
            String kind = n.hasNonNull("answer_type") ? n.get("answer_type").asText() : genericAnswerType;
            boolean letter = switch (kind.strip().toLowerCase(java.util.Locale.ROOT)) {
                case "letter", "mc", "mca", "choice", "multiple-choice", "multiple_choice" -> true;
                case "number", "numeric", "na", "float", "int", "integer" -> false;
                case "auto" -> !options.isEmpty() && gt.length() >= 1 && Character.isLetter(gt.charAt(0))
                        && (gt.length() == 1 || !Character.isLetterOrDigit(gt.charAt(1)));
                default -> throw new IllegalArgumentException("answer_type '" + kind + "': expected letter or "
                        + "number");
            };
            // scored as VSI-Bench scores its multiple-choice or numeric types; the results name the file's own type
            typeName = letter ? "object_rel_distance" : "object_abs_distance";
        }
        if (typeName == null) {
            problems.add(new ImportProblem(ImportProblem.UNKNOWN_TYPE, row.file(), row.location(), id, null,
                    "no question_type field, and the question fits none of QVS-Bench's templates"));
            return null;
        }
        QuestionType type = ImportProblem.typeOrProblem(typeName, row, id, problems);
        if (type == null) {
            return null;
        }
        if (type.isMultipleChoice()) {
            if (gt.length() > 1 && gt.charAt(1) == '.') {
                gt = gt.substring(0, 1);
            }
            if (gt.length() != 1 || gt.charAt(0) - 'A' < 0 || gt.charAt(0) - 'A' >= Math.max(1, options.size())) {
                throw new IllegalArgumentException("answer '" + gt + "' is not one of the option letters");
            }
        } else if (PyText.parseFloat(gt) == null) {
            throw new IllegalArgumentException("answer '" + gt + "' is not a number");
        }
        List<String> images = new ArrayList<>();
        JsonNode im = n.get("images") != null ? n.get("images") : n.get("image_path");
        if (im != null && im.isTextual()) {
            images.add(im.asText());
        } else if (im != null && im.isArray()) {
            im.forEach(x -> images.add(x.isTextual() ? x.asText() : x.path("path").asText()));
        }
        if (images.isEmpty()) {
            throw new IllegalArgumentException("no images (images or image_path)");
        }
        ArrayNode copied = MAPPER.createArrayNode();
        for (String rel : images) {
            Path src = base.resolve(rel).normalize();
            if (!Files.isRegularFile(src)) {
                problems.add(new ImportProblem(ImportProblem.MISSING_VIDEO, row.file(), row.location(), id,
                        type.code(), "image " + src + " does not exist; the row is not imported"));
                return null;
            }
            String target = "images/" + (Path.of(rel).isAbsolute() ? Integer.toHexString(src.getParent().toString()
                    .hashCode()) + "/" + src.getFileName() : Path.of(rel).normalize().toString().replace('\\', '/'));
            Path dst = out.resolve(target);
            if (!Files.isRegularFile(dst) || Files.size(dst) != Files.size(src)) {
                Files.createDirectories(dst.getParent());
                Path tmp = dst.resolveSibling("." + dst.getFileName() + ".tmp");
                Files.copy(src, tmp, StandardCopyOption.REPLACE_EXISTING);
                Files.move(tmp, dst, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            copied.add(target);
        }
        ObjectNode it = MAPPER.createObjectNode();
        it.put("id", id);
        it.put("source_id", id);
        it.put("scene_id", n.hasNonNull("scene_id") ? n.get("scene_id").asText() : n.path("scene").asText("qvs"));
        it.put("dataset", n.hasNonNull("dataset") ? n.get("dataset").asText() : "qvs");
        it.put("question_type", type.code());
        it.put("question", q);
        ArrayNode opts = it.putArray("options");
        options.forEach(opts::add);
        it.put("ground_truth", gt);
        List<QuestionObject> objects = type.code().equals(parsed.type()) ? parsed.objects() : List.of();
        if (objects.isEmpty() && sourceType == null) {
            problems.add(new ImportProblem(ImportProblem.UNMATCHED, row.file(), row.location(), id, type.code(),
                    "the objects could not be read from the question (it fits no QVS-Bench template)"));
        }
        ArrayNode objs = it.putArray("objects");
        for (QuestionObject o : objects) {
            objs.addObject().put("label", o.label()).putNull("instance_id").put("role", o.role());
        }
        ObjectNode params = it.putObject("params");
        parsed.params().forEach(params::put);
        if (sourceType != null) {
            params.put("source_type", sourceType);
        }
        it.put("trace", "");
        it.putObject("generator").put("source", sourceType != null ? "generic" : "qvsbench").put("file", row.file()).put("row", row.location());
        it.put("frame_count", copied.size());
        ArrayNode fi = it.putArray("frame_indices");
        for (int i = 0; i < copied.size(); i++) {
            fi.add(i);
        }
        it.set("images", copied);
        it.put("text_only", false);
        if (mapText != null) {
            MapParseResult pr = parser.parse(mapText);
            Layout l = pr.layout();
            if (l == null) {
                throw new IllegalArgumentException("the answer's <map> (or gt_layout) holds no map the parser can read");
            }
            it.put("gt_layout", MapWriter.writeExtended(l));
        }
        it.putObject("context").putObject("appearance");
        return it;
    }

    private static String first(JsonNode n, String... fields) {
        for (String f : fields) {
            JsonNode v = n.get(f);
            if (v != null && !v.isNull()) {
                return v.isTextual() ? v.asText() : v.toString();
            }
        }
        return null;
    }
}
