package dev.v2l.detect;

import dev.v2l.layout.Labels;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Between the detector's Open Images classes and the labels of our scenes and questions. A <em>group</em> is a name
 * in our vocabulary ({@code chair}, {@code table}, {@code monitor}, {@code cup}, …) with the detector classes that
 * count as seeing it ({@code cup}: Mug or Coffee cup); each scene label that the detector can see belongs to one
 * group ({@code office chair}, {@code armchair} → chair; {@code dining table}, {@code coffee table} → table). Labels
 * of no group ({@code sofa}, {@code bed}, {@code tv}, …) are invisible to this detector.
 */
public final class DetectorLabels {

    /** A group: its name, the detector classes that see it, the scene labels in it. */
    public record Group(String name, Set<String> classes, Set<String> sceneLabels) {
    }

    private static final Map<String, Group> GROUPS = new LinkedHashMap<>();
    private static final Map<String, Group> BY_SCENE_LABEL = new LinkedHashMap<>();
    private static final Map<String, Group> BY_CLASS = new LinkedHashMap<>();

    static {
        group("chair", List.of("Chair"), "chair", "office chair", "armchair", "dining chair", "desk chair",
                "folding chair", "rocking chair");
        group("table", List.of("Table"), "table", "dining table", "coffee table", "side table", "kitchen table",
                "end table", "round table", "conference table", "counter table");
        group("desk", List.of("Desk"), "desk", "office desk", "computer desk", "writing desk");
        group("monitor", List.of("Computer monitor"), "monitor", "computer monitor", "screen", "display");
        group("laptop", List.of("Laptop"), "laptop");
        group("book", List.of("Book"), "book");
        group("bottle", List.of("Bottle"), "bottle", "water bottle");
        group("cup", List.of("Mug", "Coffee cup"), "cup", "mug", "coffee cup", "coffee mug");
        group("box", List.of("Box"), "box", "cardboard box");
        group("person", List.of("Person"), "person");
        group("mouse", List.of("Computer mouse"), "mouse", "computer mouse");
        group("camera", List.of("Camera"), "camera");
        group("shoe", List.of("Footwear", "Boot", "High heels"), "shoe", "shoes", "boot", "sneakers", "footwear");
        group("bicycle", List.of("Bicycle", "Stationary bicycle"), "bicycle", "bike", "exercise bike");
        group("cat", List.of("Cat"), "cat");
        group("dog", List.of("Dog"), "dog");
        group("car", List.of("Car", "Vehicle"), "car", "vehicle");
        group("cattle", List.of("Cattle"), "cattle", "cow");
    }

    private static void group(String name, List<String> classes, String... sceneLabels) {
        Group g = new Group(name, Set.copyOf(classes), Set.of(sceneLabels));
        GROUPS.put(name, g);
        for (String s : sceneLabels) {
            BY_SCENE_LABEL.put(Labels.key(s), g);
        }
        for (String c : classes) {
            BY_CLASS.put(c.toLowerCase(Locale.ROOT), g);
        }
    }

    /** Groups whose objects stand on the floor (ground contact places them without depth). */
    private static final Set<String> ON_FLOOR = Set.of("chair", "table", "desk", "person", "box", "bicycle", "cat",
            "dog", "cattle", "car", "shoe");

    private DetectorLabels() {
    }

    /** Whether objects of a detector class stand on the floor (rather than on furniture: monitors, cups, books). */
    public static boolean standsOnFloor(String detectorClass) {
        Group g = ofClass(detectorClass);
        return g != null && ON_FLOOR.contains(g.name());
    }

    /** Every group, in a fixed order. */
    public static List<Group> groups() {
        return List.copyOf(GROUPS.values());
    }

    /** The group a scene or question label belongs to, or null when the detector cannot see it. */
    public static Group ofSceneLabel(String label) {
        return BY_SCENE_LABEL.get(Labels.key(label));
    }

    /** The group of a detector class ({@code Computer monitor} → monitor), or null for a class of no group. */
    public static Group ofClass(String detectorClass) {
        return BY_CLASS.get(detectorClass.toLowerCase(Locale.ROOT));
    }

    /** The name a detection gets on a map: its group's name, else the class name in lower case. */
    public static String mapLabel(String detectorClass) {
        Group g = ofClass(detectorClass);
        return g != null ? g.name() : detectorClass.toLowerCase(Locale.ROOT);
    }
}
