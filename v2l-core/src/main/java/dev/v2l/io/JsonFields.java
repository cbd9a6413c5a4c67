package dev.v2l.io;

import com.fasterxml.jackson.databind.JsonNode;
import dev.v2l.geom.Vec2;
import dev.v2l.geom.Vec3;
import java.util.ArrayList;
import java.util.List;

/**
 * Typed reads from a Jackson tree that fail with a {@link BadInputException} naming the file, the location (scene
 * id or line) and the field path, with what was expected and what was found.
 *
 * @param file     the file being read (as the user named it)
 * @param location where in the file, e.g. {@code scene scene0011_00} or {@code line 12}
 */
public record JsonFields(String file, String location) {

    public JsonFields at(String newLocation) {
        return new JsonFields(file, newLocation);
    }

    public BadInputException error(String field, String problem) {
        return new BadInputException(file, location, field, problem);
    }

    private static String describe(JsonNode n) {
        if (n == null || n.isMissingNode()) {
            return "nothing (the field is missing)";
        }
        if (n.isNull()) {
            return "null";
        }
        String s = n.toString();
        String kind = n.isTextual() ? "a string" : n.isArray() ? "a list" : n.isObject() ? "an object"
                : n.isBoolean() ? "a boolean" : n.isNumber() ? "a number" : n.getNodeType().toString();
        return kind + " " + (s.length() > 60 ? s.substring(0, 57) + "..." : s);
    }

    public JsonNode required(JsonNode parent, String field, String path) {
        JsonNode n = parent.get(field);
        if (n == null || n.isNull()) {
            throw error(path, "expected a value, found " + describe(n));
        }
        return n;
    }

    public JsonNode object(JsonNode parent, String field, String path) {
        JsonNode n = parent.get(field);
        if (n == null || !n.isObject()) {
            throw error(path, "expected an object, found " + describe(n));
        }
        return n;
    }

    public JsonNode array(JsonNode parent, String field, String path) {
        JsonNode n = parent.get(field);
        if (n == null || !n.isArray()) {
            throw error(path, "expected a list, found " + describe(n));
        }
        return n;
    }

    public String string(JsonNode parent, String field, String path) {
        JsonNode n = parent.get(field);
        if (n == null || !n.isTextual()) {
            throw error(path, "expected a string, found " + describe(n));
        }
        return n.asText();
    }

    public String optionalString(JsonNode parent, String field, String path) {
        JsonNode n = parent.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isTextual()) {
            throw error(path, "expected a string or null, found " + describe(n));
        }
        return n.asText();
    }

    public double number(JsonNode parent, String field, String path) {
        return number(parent.get(field), path);
    }

    public double number(JsonNode n, String path) {
        if (n == null || !n.isNumber()) {
            throw error(path, "expected a number, found " + describe(n));
        }
        double v = n.asDouble();
        if (!Double.isFinite(v)) {
            throw error(path, "expected a finite number, found " + v);
        }
        return v;
    }

    public double nonNegative(JsonNode parent, String field, String path) {
        double v = number(parent, field, path);
        if (v < 0) {
            throw error(path, "expected a number >= 0, found " + v);
        }
        return v;
    }

    /** A list of exactly {@code n} finite numbers. */
    public double[] numbers(JsonNode n, int count, String path) {
        if (n == null || !n.isArray() || n.size() != count) {
            throw error(path, "expected a list of " + count + " numbers, found " + describe(n));
        }
        double[] out = new double[count];
        for (int i = 0; i < count; i++) {
            out[i] = number(n.get(i), path + "[" + i + "]");
        }
        return out;
    }

    public Vec3 vec3(JsonNode n, String path) {
        return Vec3.of(numbers(n, 3, path));
    }

    /** {x, y, z} object form (AI2-THOR). */
    public Vec3 xyz(JsonNode n, String path) {
        if (n == null || !n.isObject()) {
            throw error(path, "expected an object {x, y, z}, found " + describe(n));
        }
        return new Vec3(number(n.get("x"), path + ".x"), number(n.get("y"), path + ".y"),
                number(n.get("z"), path + ".z"));
    }

    public List<Vec2> points2(JsonNode n, String path) {
        if (n == null || !n.isArray()) {
            throw error(path, "expected a list of [x, y] points, found " + describe(n));
        }
        List<Vec2> out = new ArrayList<>(n.size());
        for (int i = 0; i < n.size(); i++) {
            double[] xy = numbers(n.get(i), 2, path + "[" + i + "]");
            out.add(new Vec2(xy[0], xy[1]));
        }
        return out;
    }
}
