package dev.v2l.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.v2l.metrics.PyText;
import dev.v2l.qa.QuestionObject;
import dev.v2l.qa.QuestionType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * VSI-Bench rows (the Hugging Face dataset {@code nyu-visionx/VSI-Bench}: {@code id}, {@code dataset},
 * {@code scene_name}, {@code question_type}, {@code question}, {@code options}, {@code ground_truth}, and since the
 * 2025-11 revision {@code pruned}) to {@link OfficialQuestion}s. A row that cannot be taken becomes an
 * {@link ImportProblem} naming file, row and field; the others are unaffected.
 */
final class VsiBenchRows {

    private VsiBenchRows() {
    }

    /** The question, or null after adding the problem to {@code problems}. */
    static OfficialQuestion parse(SourceRows.Row row, Set<String> prunedIds, List<ImportProblem> problems) {
        if (row.error() != null) {
            problems.add(new ImportProblem(ImportProblem.BAD_ROW, row.file(), row.location(), null, null,
                    row.error()));
            return null;
        }
        ObjectNode n = row.fields();
        String id = text(n, "id");
        String typeName = text(n, "question_type");
        try {
            for (String field : List.of("id", "dataset", "scene_name", "question_type", "question", "ground_truth")) {
                if (text(n, field) == null || text(n, field).isEmpty()) {
                    throw new IllegalArgumentException("field '" + field + "' is missing or empty (VSI-Bench rows "
                            + "have id, dataset, scene_name, question_type, question, options, ground_truth)");
                }
            }
            QuestionType type = ImportProblem.typeOrProblem(typeName, row, id, problems);
            if (type == null) {
                return null;
            }
            List<String> options = new ArrayList<>();
            JsonNode on = n.get("options");
            if (on != null && !on.isNull()) {
                if (!on.isArray()) {
                    throw new IllegalArgumentException("field 'options' must be a list of \"A. ...\" strings or null");
                }
                on.forEach(x -> options.add(x.asText()));
            }
            String gt = text(n, "ground_truth");
            if (type.isMultipleChoice()) {
                if (options.isEmpty()) {
                    throw new IllegalArgumentException("a " + type.code() + " question needs options");
                }
                if (gt.length() != 1 || gt.charAt(0) - 'A' < 0 || gt.charAt(0) - 'A' >= options.size()) {
                    throw new IllegalArgumentException("ground_truth '" + gt + "' is not one of the option letters A–"
                            + (char) ('A' + options.size() - 1));
                }
            } else if (PyText.parseFloat(gt) == null) {
                throw new IllegalArgumentException("ground_truth '" + gt + "' is not a number (Python float())");
            }
            Boolean pruned = null;
            JsonNode pn = n.get("pruned");
            if (pn != null && !pn.isNull()) {
                if (!pn.isBoolean()) {
                    throw new IllegalArgumentException("field 'pruned' must be true or false");
                }
                pruned = pn.asBoolean();
            }
            if (prunedIds != null) {
                boolean listed = prunedIds.contains(id); // create_pq.py: df["id"].astype(str).isin(pruned_ids)
                if (pruned != null && pruned != listed) {
                    throw new IllegalArgumentException("'pruned' is " + pruned + " but the id is " + (listed ? ""
                            : "not ") + "in --pruned-ids");
                }
                pruned = listed;
            }
            VsiTemplates.Recovered rec = VsiTemplates.recover(type, text(n, "question"));
            List<QuestionObject> objects = rec.ok() ? rec.objects() : List.of();
            OfficialQuestion q = new OfficialQuestion(id, text(n, "dataset"), text(n, "scene_name"), type,
                    text(n, "question"), options, gt, pruned, objects, row.file(), row.location());
            if (!rec.ok()) {
                problems.add(new ImportProblem(ImportProblem.UNMATCHED, row.file(), row.location(), id, typeName,
                        rec.failure()));
            }
            return q;
        } catch (IllegalArgumentException e) {
            problems.add(new ImportProblem(ImportProblem.BAD_ROW, row.file(), row.location(), id, typeName,
                    e.getMessage()));
            return null;
        }
    }

    /** A field as text (numbers as Python prints integers: the official ids are int64). */
    static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isContainerNode()) {
            return v.toString();
        }
        return v.asText();
    }
}
