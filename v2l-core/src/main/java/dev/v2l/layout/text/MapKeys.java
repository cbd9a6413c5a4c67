package dev.v2l.layout.text;

import java.util.Set;

/**
 * The vocabulary of map entries models write: which keys hold a label, a box, corners, a centre, a size, a yaw, a
 * height range or a wrapped list. Keys are compared after {@link #normalize} (case, {@code _ - . '} and spaces
 * ignored), so {@code "Object Name"}, {@code object_name} and {@code objectName} are one key.
 */
final class MapKeys {

    static final Set<String> LABEL_KEYS = Set.of("objectname", "name", "label", "object", "category",
            "class", "type", "objectlabel", "categoryname", "objecttype", "classname", "obj");
    static final Set<String> BBOX_KEYS = Set.of("bbox", "box", "boundingbox", "bounds", "bbox2d", "xyxy",
            "rect", "rectangle", "footprint", "bev", "bevbox", "bboxbev", "coordinates", "coords");
    static final Set<String> CORNER_KEYS = Set.of("corners", "polygon", "points", "vertices", "corner");
    static final Set<String> CENTER_KEYS = Set.of("center", "centre", "position", "pos", "location", "xy",
            "centerpoint", "coordinate", "cell", "grid");
    static final Set<String> SIZE_KEYS = Set.of("size", "dimensions", "dims", "extent", "extents", "wh",
            "dimension");
    static final Set<String> YAW_KEYS = Set.of("yaw", "angle", "rotation", "heading", "theta",
            "orientation");
    static final Set<String> Z_KEYS = Set.of("z", "zrange", "heightrange", "zminmax", "vertical");
    static final Set<String> WRAPPER_KEYS = Set.of("objects", "map", "layout", "cognitivemap", "items",
            "entries", "bev", "birdseyeview", "scene", "data", "result");

    private MapKeys() {
    }

    /** {@code "Object_Name"} → {@code objectname}. */
    static String normalize(String key) {
        StringBuilder sb = new StringBuilder(key.length());
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c != '_' && c != '-' && c != ' ' && c != '\'' && c != '.') {
                sb.append(Character.toLowerCase(c));
            }
        }
        return sb.toString();
    }

    /** Whether an object is a map entry (it has a label key) rather than a wrapper or a label → box dict. */
    static boolean looksLikeEntry(LenientNode.Obj o) {
        for (LenientNode.Member m : o.members()) {
            if (LABEL_KEYS.contains(normalize(m.key()))) {
                return true;
            }
        }
        return false;
    }

    /** A label as written, with runs of whitespace (other than single spaces) collapsed. */
    static String cleanLabel(String raw) {
        String s = raw.strip();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) && (c != ' ' || (i + 1 < s.length()
                    && Character.isWhitespace(s.charAt(i + 1))))) {
                return s.replaceAll("\\s+", " ");
            }
        }
        return s;
    }
}
