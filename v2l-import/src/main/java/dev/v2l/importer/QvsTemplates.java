package dev.v2l.importer;

import dev.v2l.qa.QuestionObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Video2Layout's QVS-Bench question wording (from the paper's figures): the type of a question and the objects it
 * names. Labels may carry a leading article ("the sofa"), which is dropped.
 */
final class QvsTemplates {

    /** What the text gave: the type code, the objects with their roles, extra parameters; null type when none fits. */
    record Parsed(String type, List<QuestionObject> objects, Map<String, String> params) {
    }

    private static final int F = Pattern.DOTALL | Pattern.CASE_INSENSITIVE;
    // Each pattern takes the paper's own wording (the QVS-Bench task table; nearest centre from its data example)
    // and the wording video2layout wrote before it followed the paper.
    private static final Pattern VERTICAL = Pattern.compile("Considering the vector from (.+?) to (.+?) as the "
            + "(?:'forward/backward'|forward) direction, how is (.+?) positioned relative to (.+?)\\?", F);
    private static final Pattern HORIZONTAL = Pattern.compile("If (.+?) is directly to the (left|right) of (.+?), what "
            + "is the direction of (.+?) from (.+?)\\?", F);
    private static final Pattern MIN_DISTANCE = Pattern.compile("(?:Measuring from the closest points between the two "
            + "objects, what is the distance between (.+?) and (.+?) in meters|What is the distance between the "
            + "closest points of (.+?) and (.+?) \\(in meters\\))\\?", F);
    private static final Pattern SIZE = Pattern.compile("(?:What is the maximum dimension \\(either width or length\\) "
            + "of (.+?) in meters|What is the maximum floor dimension \\(width or length\\) of (.+?) \\(in meters\\))"
            + "\\?", F);
    private static final Pattern NEAREST = Pattern.compile("Which of these objects \\((.+?)\\) has its center nearest "
            + "to the center of (.+?)\\?", F);
    /** The paper's nearest-centre wording names only the target: the choices are the options. */
    private static final Pattern NEAREST_PAPER = Pattern.compile("Considering the center point of (.+?) as a reference "
            + "point, which of these objects has the nearest center point to it\\?", F);
    private static final Pattern COUNT = Pattern.compile("How many '(.+?)' objects are there in this scene\\?", F);

    private QvsTemplates() {
    }

    static Parsed parse(String question) {
        Matcher m;
        List<QuestionObject> out = new ArrayList<>();
        if ((m = VERTICAL.matcher(question)).find()) {
            add(out, m.group(1), "a", m.group(2), "b", m.group(3), "c", m.group(4), "d");
            return new Parsed("vertical_direction", out, Map.of());
        }
        if ((m = HORIZONTAL.matcher(question)).find()) {
            add(out, m.group(3), "a", m.group(1), "b", m.group(4), "c", m.group(5), "d");
            return new Parsed("horizontal_direction", out, Map.of("side", m.group(2).toLowerCase(java.util.Locale.ROOT)));
        }
        if ((m = MIN_DISTANCE.matcher(question)).find()) {
            int g = m.group(1) != null ? 1 : 3;
            add(out, m.group(g), "a", m.group(g + 1), "b");
            return new Parsed("min_distance", out, Map.of());
        }
        if ((m = SIZE.matcher(question)).find()) {
            add(out, m.group(1) != null ? m.group(1) : m.group(2), "target");
            return new Parsed("object_size", out, Map.of());
        }
        if ((m = NEAREST_PAPER.matcher(question)).find()) {
            add(out, m.group(1), "target");
            return new Parsed("nearest_center", out, Map.of());
        }
        if ((m = NEAREST.matcher(question)).find()) {
            add(out, m.group(2), "target");
            for (String c : m.group(1).split(",")) {
                add(out, c, "choice");
            }
            return new Parsed("nearest_center", out, Map.of());
        }
        if ((m = COUNT.matcher(question)).find()) {
            add(out, m.group(1), "target");
            return new Parsed("object_count", out, Map.of());
        }
        return new Parsed(null, List.of(), Map.of());
    }

    private static void add(List<QuestionObject> out, String... labelRole) {
        for (int i = 0; i < labelRole.length; i += 2) {
            out.add(new QuestionObject(label(labelRole[i]), null, labelRole[i + 1]));
        }
    }

    static String label(String s) {
        String t = s.strip();
        if (t.regionMatches(true, 0, "the ", 0, 4)) {
            t = t.substring(4);
        }
        return t.strip();
    }
}
