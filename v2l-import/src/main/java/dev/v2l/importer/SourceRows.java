package dev.v2l.importer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.v2l.io.BadInputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Struct;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Rows of a benchmark file as JSON objects, whatever the file: JSON Lines ({@code .jsonl}, {@code .json} with one
 * object per line, or a JSON list) or Parquet ({@code .parquet}, read with DuckDB). A line that is not a JSON object
 * becomes a {@link Row} with an {@code error} (so the rest is still imported); a file that cannot be read at all
 * (missing, corrupt Parquet) is bad input naming the file.
 */
public final class SourceRows {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** One row: where it came from and its fields (null with an error when it could not be read). */
    public record Row(String file, String location, ObjectNode fields, String error) {
    }

    private SourceRows() {
    }

    public static List<Row> read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw BadInputException.ofFile(file.toString(), "no such benchmark file", null);
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        try {
            return name.endsWith(".parquet") || isParquet(file) ? parquet(file) : json(file);
        } catch (IOException e) {
            throw BadInputException.ofFile(file.toString(), "cannot read: " + e.getMessage(), e);
        }
    }

    /** Parquet files start and end with the magic bytes {@code PAR1}. */
    static boolean isParquet(Path file) throws IOException {
        try (var in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(4);
            return head.length == 4 && head[0] == 'P' && head[1] == 'A' && head[2] == 'R' && head[3] == '1';
        }
    }

    private static List<Row> json(Path file) throws IOException {
        List<Row> out = new ArrayList<>();
        String f = file.toString();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            r.mark(1 << 16);
            int c;
            do {
                c = r.read();
            } while (c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\uFEFF');
            r.reset();
            if (c == '[') { // a JSON list of records
                JsonNode all;
                try {
                    all = MAPPER.readTree(r);
                } catch (JsonProcessingException e) {
                    throw BadInputException.ofFile(f, "not JSON: " + e.getOriginalMessage(), e);
                }
                for (int i = 0; i < all.size(); i++) {
                    JsonNode n = all.get(i);
                    out.add(n.isObject() ? new Row(f, "record " + (i + 1), (ObjectNode) n, null)
                            : new Row(f, "record " + (i + 1), null, "expected an object, found " + n.getNodeType()));
                }
                return out;
            }
            String line;
            int no = 0;
            while ((line = r.readLine()) != null) {
                no++;
                if (line.isBlank()) {
                    continue;
                }
                String loc = "line " + no;
                try {
                    JsonNode n = MAPPER.readTree(line);
                    out.add(n.isObject() ? new Row(f, loc, (ObjectNode) n, null)
                            : new Row(f, loc, null, "expected a JSON object, found " + n.getNodeType()));
                } catch (JsonProcessingException e) {
                    out.add(new Row(f, loc, null, "not JSON: " + e.getOriginalMessage()));
                }
            }
        }
        return out;
    }

    private static List<Row> parquet(Path file) {
        List<Row> out = new ArrayList<>();
        String f = file.toString();
        try (Connection c = DuckDb.connect();
                PreparedStatement st = c.prepareStatement("SELECT * FROM read_parquet(?)")) {
            st.setString(1, file.toAbsolutePath().toString());
            try (ResultSet rs = st.executeQuery()) {
                ResultSetMetaData md = rs.getMetaData();
                int no = 0;
                while (rs.next()) {
                    no++;
                    ObjectNode n = MAPPER.createObjectNode();
                    for (int i = 1; i <= md.getColumnCount(); i++) {
                        n.set(md.getColumnLabel(i), node(rs.getObject(i)));
                    }
                    out.add(new Row(f, "row " + no, n, null));
                }
            }
        } catch (SQLException e) {
            throw BadInputException.ofFile(f, "not a Parquet file DuckDB can read (" + firstLine(e.getMessage())
                    + ")", e);
        }
        return out;
    }

    static String firstLine(String s) {
        if (s == null) {
            return "no message";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** A JDBC value as JSON: numbers, strings, booleans, lists (DuckDB LIST) and objects (STRUCT, MAP). */
    static JsonNode node(Object v) throws SQLException {
        if (v == null) {
            return MAPPER.nullNode();
        }
        if (v instanceof String s) {
            return MAPPER.getNodeFactory().textNode(s);
        }
        if (v instanceof Boolean b) {
            return MAPPER.getNodeFactory().booleanNode(b);
        }
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            return MAPPER.getNodeFactory().numberNode(((Number) v).longValue());
        }
        if (v instanceof java.math.BigInteger b) {
            return MAPPER.getNodeFactory().numberNode(b);
        }
        if (v instanceof BigDecimal b) {
            return MAPPER.getNodeFactory().numberNode(b);
        }
        if (v instanceof Number n) {
            return MAPPER.getNodeFactory().numberNode(n.doubleValue());
        }
        if (v instanceof Array a) {
            ArrayNode arr = MAPPER.createArrayNode();
            for (Object x : (Object[]) a.getArray()) {
                arr.add(node(x));
            }
            return arr;
        }
        if (v instanceof Struct s) {
            ObjectNode o = MAPPER.createObjectNode();
            Object[] attrs = s.getAttributes();
            if (s instanceof org.duckdb.DuckDBStruct ds) {
                for (Map.Entry<String, Object> e : ds.getMap().entrySet()) {
                    o.set(e.getKey(), node(e.getValue()));
                }
                return o;
            }
            for (int i = 0; i < attrs.length; i++) {
                o.set("f" + i, node(attrs[i]));
            }
            return o;
        }
        if (v instanceof Map<?, ?> m) {
            ObjectNode o = MAPPER.createObjectNode();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                o.set(String.valueOf(e.getKey()), node(e.getValue()));
            }
            return o;
        }
        if (v instanceof byte[] b) {
            return MAPPER.getNodeFactory().binaryNode(b);
        }
        return MAPPER.getNodeFactory().textNode(v.toString());
    }

    /** DuckDB in memory, one connection per use (the driver loads its native library once per process). */
    static final class DuckDb {
        private DuckDb() {
        }

        static Connection connect() throws SQLException {
            try {
                Class.forName("org.duckdb.DuckDBDriver");
            } catch (ClassNotFoundException e) {
                throw new SQLException("the DuckDB driver is not on the class path", e);
            }
            return DriverManager.getConnection("jdbc:duckdb:");
        }
    }
}
