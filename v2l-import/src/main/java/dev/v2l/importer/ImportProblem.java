package dev.v2l.importer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One thing the import could not take, with where it is: {@code kind} is {@code missing_video},
 * {@code corrupt_video}, {@code unknown_question_type}, {@code bad_row} (an error: the row is not imported) or
 * {@code unmatched_objects} (a warning: imported, but the question's objects are not in the scene's layout, so the
 * scene oracle and map-then-compute cannot answer it).
 */
public record ImportProblem(String kind, String file, String location, String id, String questionType,
        String message) {

    public static final String MISSING_VIDEO = "missing_video";
    public static final String CORRUPT_VIDEO = "corrupt_video";
    public static final String UNKNOWN_TYPE = "unknown_question_type";
    public static final String BAD_ROW = "bad_row";
    public static final String UNMATCHED = "unmatched_objects";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** The type of this name, or null after adding an {@link #UNKNOWN_TYPE} problem for the row. */
    static dev.v2l.qa.QuestionType typeOrProblem(String name, SourceRows.Row row, String id,
            java.util.List<ImportProblem> problems) {
        try {
            return dev.v2l.qa.QuestionType.byName(name);
        } catch (IllegalArgumentException e) {
            problems.add(new ImportProblem(UNKNOWN_TYPE, row.file(), row.location(), id, name, e.getMessage()));
            return null;
        }
    }

    public boolean isError() {
        return !UNMATCHED.equals(kind);
    }

    public ObjectNode toJson() {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("kind", kind);
        n.put("id", id);
        n.put("question_type", questionType);
        n.put("file", file);
        n.put("location", location);
        n.put("message", message);
        return n;
    }

    /** "file, line 7 (id 12): message". */
    public String describe() {
        return file + (location == null ? "" : ", " + location) + (id == null ? "" : " (id " + id + ")") + ": "
                + message;
    }
}
