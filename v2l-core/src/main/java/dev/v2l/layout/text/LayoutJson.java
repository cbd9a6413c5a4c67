package dev.v2l.layout.text;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.v2l.geom.OrientedRect;
import dev.v2l.geom.Vec2;
import dev.v2l.layout.GridMap;
import dev.v2l.layout.Layout;
import dev.v2l.layout.LayoutObject;
import java.util.List;
import java.util.Map;

/**
 * The canonical JSON of a parsed or built map: what {@code v2l map parse} prints. Coordinates are rounded to 0.1 mm
 * only for display.
 */
public final class LayoutJson {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int PLACES = 4;

    private LayoutJson() {
    }

    public static ObjectNode layoutNode(Layout layout) {
        ObjectNode n = NODES.objectNode();
        n.put("frame", layout.frame().code());
        if (layout.axes() != null) {
            n.put("axes", layout.axes());
        }
        ArrayNode objs = n.putArray("objects");
        for (LayoutObject o : layout.objects()) {
            ObjectNode on = objs.addObject();
            on.put("label", o.label());
            if (o.instanceId() != null) {
                on.put("instance_id", o.instanceId());
            }
            OrientedRect f = o.footprint();
            ArrayNode bbox = on.putArray("bbox");
            for (double v : f.bounds()) {
                bbox.add(Decimals.round(v, PLACES));
            }
            on.putArray("center").add(Decimals.round(f.center().x(), PLACES)).add(Decimals.round(f.center().y(),
                    PLACES));
            on.putArray("size").add(Decimals.round(2 * f.halfAlongU(), PLACES)).add(Decimals.round(2 * f.halfAlongV(),
                    PLACES));
            on.put("angle_deg", Decimals.round(Math.toDegrees(f.angleRadians()), 2));
            ArrayNode corners = on.putArray("corners");
            for (Vec2 c : f.corners()) {
                corners.addArray().add(Decimals.round(c.x(), PLACES)).add(Decimals.round(c.y(), PLACES));
            }
            if (o.hasHeight()) {
                on.putArray("z").add(Decimals.round(o.height().min(), PLACES)).add(Decimals.round(o.height().max(),
                        PLACES));
            }
        }
        return n;
    }

    public static ObjectNode gridNode(GridMap g) {
        ObjectNode n = NODES.objectNode();
        n.put("size", g.size());
        ObjectNode cells = n.putObject("cells");
        for (Map.Entry<String, List<GridMap.Cell>> e : g.cells().entrySet()) {
            ArrayNode a = cells.putArray(e.getKey());
            for (GridMap.Cell c : e.getValue()) {
                a.addArray().add(c.x()).add(c.y());
            }
        }
        return n;
    }

    public static ObjectNode resultNode(MapParseResult r) {
        ObjectNode n = NODES.objectNode();
        n.put("recovered", r.recovered());
        n.put("form", r.form() == null ? null : r.form().code());
        if (r.layout() != null) {
            n.setAll(layoutNode(r.layout()));
        }
        if (r.grid() != null) {
            n.set("grid", gridNode(r.grid()));
        }
        ArrayNode d = n.putArray("diagnostics");
        for (MapDiagnostic m : r.diagnostics()) {
            ObjectNode dn = d.addObject();
            dn.put("kind", m.kind().code());
            dn.put("code", m.code());
            dn.put("offset", m.offset());
            dn.put("message", m.message());
        }
        return n;
    }

    public static String toJson(MapParseResult r) {
        return pretty(resultNode(r));
    }

    public static String toJson(Layout layout) {
        return pretty(layoutNode(layout));
    }

    private static String pretty(ObjectNode n) {
        try {
            return MAPPER.writeValueAsString(n);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
