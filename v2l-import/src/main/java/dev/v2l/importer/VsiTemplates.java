package dev.v2l.importer;

import dev.v2l.qa.QuestionObject;
import dev.v2l.qa.QuestionType;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The objects an official VSI-Bench question is about, recovered from its text with VSI-Bench's question templates
 * (the official rows name their objects only in the question). Each type's template gives the roles the engine
 * needs ({@code target}; {@code a}, {@code b}; {@code standing}, {@code facing}, {@code query}; {@code start},
 * {@code waypoint}…; {@code choice}). A question that does not fit its type's template gives an empty list and a
 * reason, and is counted and listed by the importer.
 */
public final class VsiTemplates {

    /** The recovered objects, or a reason they could not be recovered. */
    public record Recovered(List<QuestionObject> objects, String failure) {
        public boolean ok() {
            return failure == null;
        }
    }

    private static final int F = Pattern.DOTALL;
    private static final Pattern COUNT = Pattern.compile("^How many (.+?)\\(s\\) are in this room\\?", F);
    private static final Pattern ABS = Pattern.compile("^Measuring from the closest point of each object, what is the "
            + "direct distance between the (.+?) and the (.+?) \\(in meters\\)\\?", F);
    private static final Pattern SIZE = Pattern.compile("^What is the length of the longest dimension \\(length, width,"
            + " or height\\) of the (.+?), measured in centimeters\\?", F);
    private static final Pattern REL_DIST = Pattern.compile("^Measuring from the closest point of each object, which of"
            + " these objects \\((.+?)\\) is the closest to the (.+?)\\?", F);
    private static final Pattern STANDING = Pattern.compile("^If I am standing by the (.+?) and facing the (.+?), is "
            + "the (.+?) to (?:the left or the right of the .+?\\?|my left, right, or back\\?|my front-left, "
            + "front-right, back-left, or back-right\\?)", F);
    private static final Pattern ROUTE_START = Pattern.compile("You are a robot beginning at the (.+?) facing the "
            + "(.+?)\\. You want to navigate to the (.+?)\\.", F);
    private static final Pattern ROUTE_STEP = Pattern.compile("Go forward until the (.+?)(?:\\.|\\s+\\d+\\.|$)", F);
    private static final Pattern ORDER = Pattern.compile("^What will be the first-time appearance order of the "
            + "following categories in the video: (.+?)\\?", F);

    private VsiTemplates() {
    }

    public static Recovered recover(QuestionType type, String question) {
        String q = question.strip();
        List<QuestionObject> out = new ArrayList<>();
        Matcher m;
        switch (type.code()) {
            case "object_counting" -> {
                if (!(m = COUNT.matcher(q)).find()) {
                    return miss(type);
                }
                out.add(obj(m.group(1), "target"));
            }
            case "object_abs_distance" -> {
                if (!(m = ABS.matcher(q)).find()) {
                    return miss(type);
                }
                out.add(obj(m.group(1), "a"));
                out.add(obj(m.group(2), "b"));
            }
            case "object_size_estimation" -> {
                if (!(m = SIZE.matcher(q)).find()) {
                    return miss(type);
                }
                out.add(obj(m.group(1), "target"));
            }
            case "room_size_estimation" -> {
                // no objects: the engine answers from the room's area
            }
            case "object_rel_distance" -> {
                if (!(m = REL_DIST.matcher(q)).find()) {
                    return miss(type);
                }
                out.add(obj(m.group(2), "target"));
                for (String c : m.group(1).split(",")) {
                    out.add(obj(c, "choice"));
                }
            }
            case "object_rel_direction_easy", "object_rel_direction_medium", "object_rel_direction_hard" -> {
                if (!(m = STANDING.matcher(q)).find()) {
                    return miss(type);
                }
                out.add(obj(m.group(1), "standing"));
                out.add(obj(m.group(2), "facing"));
                out.add(obj(m.group(3), "query"));
            }
            case "route_planning" -> {
                if (!(m = ROUTE_START.matcher(q)).find()) {
                    return miss(type);
                }
                out.add(obj(m.group(1), "start"));
                String goal = m.group(3).strip();
                Matcher s = ROUTE_STEP.matcher(q.substring(m.end()));
                List<String> waypoints = new ArrayList<>();
                while (s.find()) {
                    waypoints.add(s.group(1).strip());
                }
                if (waypoints.isEmpty() || !waypoints.get(0).equals(m.group(2).strip())) {
                    waypoints.add(0, m.group(2).strip());
                }
                if (!waypoints.get(waypoints.size() - 1).equals(goal)) {
                    waypoints.add(goal);
                }
                if (waypoints.size() < 2) {
                    return new Recovered(List.of(), "route with fewer than two waypoints");
                }
                waypoints.forEach(w -> out.add(obj(w, "waypoint")));
            }
            case "obj_appearance_order" -> {
                if (!(m = ORDER.matcher(q)).find()) {
                    return miss(type);
                }
                for (String c : m.group(1).split(",")) {
                    out.add(obj(c, "choice"));
                }
            }
            default -> {
                return new Recovered(List.of(), "not a VSI-Bench question type");
            }
        }
        return new Recovered(out, null);
    }

    private static QuestionObject obj(String label, String role) {
        return new QuestionObject(label.strip(), null, role);
    }

    private static Recovered miss(QuestionType type) {
        return new Recovered(List.of(), "the question does not fit VSI-Bench's " + type.code() + " template");
    }
}
