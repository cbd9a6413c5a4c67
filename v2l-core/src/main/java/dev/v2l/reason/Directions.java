package dev.v2l.reason;

import dev.v2l.geom.Angles;
import dev.v2l.geom.Vec2;
import dev.v2l.layout.text.Decimals;
import dev.v2l.layout.Layout;
import dev.v2l.layout.LayoutObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Direction questions, all from footprint centres on the floor plane (right-handed: a positive cross product is to
 * the left). Boundary conventions: a point exactly ahead counts as right, exactly abreast as front, and "back"
 * (medium) starts at 135°.
 */
public final class Directions {

    /** Turns beyond this many degrees are "turn back". */
    public static final double TURN_BACK_DEGREES = 150;
    /** Medium difficulty: "back" from this many degrees on. */
    public static final double BACK_DEGREES = 135;

    private Directions() {
    }

    /** Angle of {@code v} from {@code forward}, degrees, positive to the right, in (-180, 180]. */
    public static double angleRightOf(Vec2 forward, Vec2 v) {
        return -Angles.signedDegrees(forward, v) == -180 ? 180 : -Angles.signedDegrees(forward, v);
    }

    static Derivation relative(Query.RelDirection q, Layout layout, StringBuilder trace) {
        LayoutObject s = MapObjects.one(layout, q.standing(), trace);
        LayoutObject f = MapObjects.one(layout, q.facing(), trace);
        LayoutObject c = MapObjects.one(layout, q.query(), trace);
        Vec2 forward = f.center().minus(s.center());
        Vec2 v = c.center().minus(s.center());
        trace.append("Standing at the ").append(s.label()).append(' ').append(MapObjects.point(s.center()))
                .append(" and facing the ").append(f.label()).append(' ').append(MapObjects.point(f.center()))
                .append(", forward is f = ").append(MapObjects.point(forward)).append(". The ").append(c.label())
                .append(' ').append(MapObjects.point(c.center())).append(" is at v = ").append(MapObjects.point(v))
                .append(". ");
        if (forward.length() == 0) {
            throw new MapObjects.Missing("the " + s.label() + " and the " + f.label() + " are at the same place");
        }
        double cross = forward.cross(v);
        double dot = forward.dot(v);
        double angle = angleRightOf(forward, v);
        trace.append("f × v = ").append(MapObjects.num(cross)).append(cross > 0 ? " > 0 (left)" : cross < 0
                ? " < 0 (right)" : " = 0 (straight line)").append(", f · v = ").append(MapObjects.num(dot))
                .append(dot >= 0 ? " ≥ 0 (front)" : " < 0 (back)").append("; the angle from forward is ")
                .append(Decimals.format(Math.abs(angle), 1)).append("°").append(angle >= 0 ? " to the right"
                        : " to the left").append(". ");
        String ans = switch (q.granularity()) {
            case EASY -> cross > 0 ? "left" : "right";
            case MEDIUM -> Math.abs(angle) >= BACK_DEGREES ? "back" : angle < 0 ? "left" : "right";
            case HARD -> (dot >= 0 ? "front-" : "back-") + (cross > 0 ? "left" : "right");
        };
        if (q.granularity() == Query.DirectionGranularity.MEDIUM) {
            trace.append(Math.abs(angle) >= BACK_DEGREES ? "That is at least 135°, so it is behind me. "
                    : "That is less than 135°. ");
        }
        trace.append("So the ").append(c.label()).append(" is ").append(q.granularity()
                == Query.DirectionGranularity.EASY ? "to the " + ans : ans.equals("back") ? "to my back"
                        : "to my " + ans).append('.');
        return Derivation.of(ans, angle, trace.toString());
    }

    /** The forward direction a {@link Query.FrameDirection} defines. */
    public static Vec2 frameForward(Query.FrameRule rule, Vec2 aToB) {
        return switch (rule) {
            case VECTOR_FORWARD -> aToB;
            case B_LEFT_OF_A -> new Vec2(aToB.y(), -aToB.x()); // left turned 90° clockwise is forward
            case B_RIGHT_OF_A -> new Vec2(-aToB.y(), aToB.x()); // right turned 90° counter-clockwise is forward
        };
    }

    static Derivation frame(Query.FrameDirection q, Layout layout, StringBuilder trace) {
        LayoutObject a = MapObjects.one(layout, q.a(), trace);
        LayoutObject b = MapObjects.one(layout, q.b(), trace);
        LayoutObject c = MapObjects.one(layout, q.c(), trace);
        LayoutObject d = MapObjects.one(layout, q.d(), trace);
        Vec2 ab = b.center().minus(a.center());
        Vec2 forward = frameForward(q.rule(), ab);
        if (forward.length() == 0) {
            throw new MapObjects.Missing("the " + a.label() + " and the " + b.label() + " are at the same place");
        }
        trace.append("Centres: ").append(a.label()).append(' ').append(MapObjects.point(a.center())).append(", ")
                .append(b.label()).append(' ').append(MapObjects.point(b.center())).append(", ").append(c.label())
                .append(' ').append(MapObjects.point(c.center())).append(", ").append(d.label()).append(' ')
                .append(MapObjects.point(d.center())).append(". ");
        switch (q.rule()) {
            case VECTOR_FORWARD -> trace.append("Forward is ").append(a.label()).append(" → ").append(b.label())
                    .append(" = ").append(MapObjects.point(forward)).append(". ");
            case B_LEFT_OF_A -> trace.append("The ").append(b.label()).append(" is directly left of the ")
                    .append(a.label()).append(", so left = ").append(MapObjects.point(ab))
                    .append(" and forward = left turned 90° clockwise = ").append(MapObjects.point(forward))
                    .append(". ");
            case B_RIGHT_OF_A -> trace.append("The ").append(b.label()).append(" is directly right of the ")
                    .append(a.label()).append(", so right = ").append(MapObjects.point(ab))
                    .append(" and forward = right turned 90° counter-clockwise = ").append(MapObjects.point(forward))
                    .append(". ");
        }
        Vec2 v = c.center().minus(d.center());
        double cross = forward.cross(v);
        double dot = forward.dot(v);
        String side = cross > 0 ? "Left" : "Right";
        String facing = dot >= 0 ? "Front" : "Back";
        trace.append("From the ").append(d.label()).append(", the ").append(c.label()).append(" is at v = ")
                .append(MapObjects.point(v)).append("; forward × v = ").append(MapObjects.num(cross))
                .append(cross > 0 ? " > 0 (left)" : " ≤ 0 (right)").append(", forward · v = ")
                .append(MapObjects.num(dot)).append(dot >= 0 ? " ≥ 0 (front)" : " < 0 (back)").append(". So it is ")
                .append(side).append('-').append(facing).append('.');
        return Derivation.of(side + "-" + facing, angleRightOf(forward, v), trace.toString());
    }

    /** The turn between two headings: "Turn Left", "Turn Right" or "Turn Back". */
    public static String turn(double signedDegreesLeft) {
        if (Math.abs(signedDegreesLeft) > TURN_BACK_DEGREES) {
            return "Turn Back";
        }
        return signedDegreesLeft > 0 ? "Turn Left" : "Turn Right";
    }

    static Derivation route(Query.Route q, Layout layout, StringBuilder trace) {
        List<LayoutObject> stops = new ArrayList<>();
        stops.add(MapObjects.one(layout, q.start(), trace));
        for (String w : q.waypoints()) {
            stops.add(MapObjects.one(layout, w, trace));
        }
        trace.append("I start at the ").append(stops.get(0).label()).append(' ')
                .append(MapObjects.point(stops.get(0).center())).append(" facing the ").append(stops.get(1).label())
                .append(". ");
        List<String> turns = new ArrayList<>();
        for (int i = 1; i + 1 < stops.size(); i++) {
            Vec2 in = stops.get(i).center().minus(stops.get(i - 1).center());
            Vec2 out = stops.get(i + 1).center().minus(stops.get(i).center());
            if (in.length() == 0 || out.length() == 0) {
                throw new MapObjects.Missing("two consecutive stops of the route are at the same place");
            }
            double a = Angles.signedDegrees(in, out);
            String t = turn(a);
            turns.add(t);
            trace.append("At the ").append(stops.get(i).label()).append(' ')
                    .append(MapObjects.point(stops.get(i).center())).append(", heading ").append(MapObjects.point(in))
                    .append(" becomes ").append(MapObjects.point(out)).append(" towards the ")
                    .append(stops.get(i + 1).label()).append(": a turn of ")
                    .append(Decimals.format(Math.abs(a), 0)).append("°").append(a > 0 ? " to the left" : a < 0
                            ? " to the right" : "").append(" → ").append(t.toLowerCase(Locale.ROOT)).append(". ");
        }
        String ans = String.join(", ", turns);
        trace.append("So the turns are: ").append(ans).append('.');
        return Derivation.of(ans, null, trace.toString());
    }
}
