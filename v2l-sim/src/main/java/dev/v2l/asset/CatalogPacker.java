package dev.v2l.asset;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;

/**
 * Writes a small catalog in Sweet Home 3D's {@code .sh3f} shape from models of other catalogs: each mesh simplified
 * ({@link Simplifier}), textures resampled down, OBJ/MTL rewritten compactly, every model's id, name, category,
 * size, creator and licence kept, and each model's licence files copied beside it. This is how the embedded default
 * is made from Blend Swap's CC0 catalog; the result is read by the same {@link FurnitureCatalog} reader. Entries are
 * written in a fixed order with fixed times, so the same inputs give the same bytes.
 */
public final class CatalogPacker {

    /** Options: triangle budget per model, largest allowed surface error, largest texture side. */
    public record Options(String id, String name, String description, int maxTriangles, double maxError,
            int maxTexture) {
    }

    private CatalogPacker() {
    }

    /** Packs the models into {@code out} (written atomically); returns the triangles kept per model id. */
    public static Map<String, Integer> pack(List<CatalogModel> models, Options o, Path out) throws IOException {
        Map<String, Integer> kept = new LinkedHashMap<>();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            StringBuilder props = new StringBuilder();
            props.append("# ").append(o.name()).append(": made by video2layout's CatalogPacker\n");
            props.append("# ").append(o.description().replace("\n", "\n# ")).append("\n\n");
            props.append("id=").append(esc(o.id())).append('\n');
            props.append("name=").append(esc(o.name())).append('\n');
            props.append("description=").append(esc(o.description().replace('\n', ' '))).append('\n');
            props.append("version=1.0\n");
            String licences = models.stream().map(CatalogModel::license).distinct().reduce((a, b) -> a + "; " + b)
                    .orElse("");
            props.append("license=").append(esc(licences)).append('\n');
            props.append("provider=video2layout\n\n");
            List<String> licenseFiles = new ArrayList<>();
            int i = 0;
            for (CatalogModel m : models) {
                i++;
                String folder = "models/" + slug(m.id()) + "/";
                ModelMesh mesh = Simplifier.simplify(ModelLoader.raw(m), o.maxTriangles(), o.maxError());
                kept.put(m.id(), mesh.triangles);
                writeModel(zip, folder, mesh, o.maxTexture());
                // the source's licence files for this model (they name its author)
                String dir = m.modelPath().contains("/") ? m.modelPath().substring(0, m.modelPath().lastIndexOf('/')
                        + 1) : "";
                for (String e : m.catalog().entries()) {
                    String lower = e.toLowerCase(Locale.ROOT);
                    if (e.startsWith(dir) && !e.substring(dir.length()).contains("/") && lower.contains("license")) {
                        try (InputStream in = m.catalog().open(e)) {
                            put(zip, folder + e.substring(dir.length()), in.readAllBytes());
                        }
                        licenseFiles.add(folder + e.substring(dir.length()));
                    }
                }
                props.append("id#").append(i).append('=').append(esc(m.id())).append('\n');
                props.append("name#").append(i).append('=').append(esc(m.name())).append('\n');
                props.append("category#").append(i).append('=').append(esc(m.category())).append('\n');
                props.append("model#").append(i).append("=/").append(folder).append("model.obj\n");
                props.append("multiPartModel#").append(i).append("=true\n");
                props.append("width#").append(i).append('=').append(num(m.width() * 100)).append('\n');
                props.append("depth#").append(i).append('=').append(num(m.depth() * 100)).append('\n');
                props.append("height#").append(i).append('=').append(num(m.height() * 100)).append('\n');
                if (m.elevation() > 0) {
                    props.append("elevation#").append(i).append('=').append(num(m.elevation() * 100)).append('\n');
                }
                props.append("movable#").append(i).append("=true\n");
                props.append("doorOrWindow#").append(i).append('=').append(m.doorOrWindow()).append('\n');
                props.append("creator#").append(i).append('=').append(esc(m.creator())).append('\n');
                props.append("license#").append(i).append('=').append(esc(m.license())).append('\n');
                props.append("source#").append(i).append('=').append(esc(m.catalog().id() + " v"
                        + m.catalog().version())).append("\n\n");
            }
            put(zip, FurnitureCatalog.PLUGIN_PROPERTIES, props.toString().getBytes(StandardCharsets.ISO_8859_1));
        }
        Files.createDirectories(out.toAbsolutePath().getParent());
        Path tmp = out.resolveSibling("." + out.getFileName() + ".tmp");
        Files.write(tmp, bytes.toByteArray());
        Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return kept;
    }

    private static void writeModel(ZipOutputStream zip, String folder, ModelMesh m, int maxTexture)
            throws IOException {
        StringBuilder obj = new StringBuilder(m.triangles * 120);
        StringBuilder mtl = new StringBuilder();
        obj.append("mtllib model.mtl\n");
        float[] e = m.extent;
        // box frame (u, v, w) -> Sweet Home 3D's OBJ frame: x = -u, y = w (up), z = v (front)
        for (int c = 0; c < 3 * m.triangles; c++) {
            obj.append("v ").append(num(-m.position[3 * c] * e[0])).append(' ')
                    .append(num(m.position[3 * c + 2] * e[2])).append(' ')
                    .append(num(m.position[3 * c + 1] * e[1])).append('\n');
        }
        for (int c = 0; c < 3 * m.triangles; c++) {
            obj.append("vt ").append(uv(m.uv[2 * c])).append(' ').append(uv(m.uv[2 * c + 1])).append('\n');
        }
        for (int c = 0; c < 3 * m.triangles; c++) {
            obj.append("vn ").append(nrm(-m.normal[3 * c])).append(' ').append(nrm(m.normal[3 * c + 2])).append(' ')
                    .append(nrm(m.normal[3 * c + 1])).append('\n');
        }
        Map<Texture, String> texNames = new IdentityHashMap<>();
        for (int mi = 0; mi < m.materials.size(); mi++) {
            Material mat = m.materials.get(mi);
            String name = "m" + mi;
            mtl.append("newmtl ").append(name).append('\n');
            int d = mat.diffuse();
            mtl.append("Kd ").append(num(((d >> 16) & 255) / 255.0)).append(' ').append(num(((d >> 8) & 255) / 255.0))
                    .append(' ').append(num((d & 255) / 255.0)).append('\n');
            mtl.append("Ks ").append(num(mat.specular())).append(' ').append(num(mat.specular())).append(' ')
                    .append(num(mat.specular())).append('\n');
            mtl.append("Ns ").append(num(mat.shininess())).append('\n');
            mtl.append("d ").append(num(mat.opacity())).append('\n');
            if (mat.texture() != null) {
                String tn = texNames.get(mat.texture());
                if (tn == null) {
                    tn = "t" + texNames.size() + ".jpg";
                    texNames.put(mat.texture(), tn);
                    put(zip, folder + tn, jpeg(mat.texture(), maxTexture));
                }
                mtl.append("map_Kd ").append(tn).append('\n');
            }
            mtl.append('\n');
        }
        int cur = -1;
        for (int t = 0; t < m.triangles; t++) {
            if (m.material[t] != cur) {
                cur = m.material[t];
                obj.append("usemtl m").append(cur).append('\n');
            }
            obj.append('f');
            for (int k = 0; k < 3; k++) {
                int c = 3 * t + k + 1;
                obj.append(' ').append(c).append('/').append(c).append('/').append(c);
            }
            obj.append('\n');
        }
        put(zip, folder + "model.obj", obj.toString().getBytes(StandardCharsets.UTF_8));
        put(zip, folder + "model.mtl", mtl.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] jpeg(Texture t, int maxSide) throws IOException {
        BufferedImage img = new BufferedImage(t.width, t.height, BufferedImage.TYPE_INT_RGB);
        img.setRGB(0, 0, t.width, t.height, t.texels, 0, t.width);
        Texture small = Texture.of(img, maxSide);
        BufferedImage out = new BufferedImage(small.width, small.height, BufferedImage.TYPE_INT_RGB);
        out.setRGB(0, 0, small.width, small.height, small.texels, 0, small.width);
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        var writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        var param = writer.getDefaultWriteParam();
        param.setCompressionMode(javax.imageio.ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(0.85f);
        try (var ios = ImageIO.createImageOutputStream(b)) {
            writer.setOutput(ios);
            writer.write(null, new javax.imageio.IIOImage(out, null, null), param);
        } finally {
            writer.dispose();
        }
        return b.toByteArray();
    }

    private static void put(ZipOutputStream zip, String name, byte[] data) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setTime(315532800000L + 86_400_000L); // 1980-01-02: fixed, so packing twice gives the same bytes
        zip.putNextEntry(e);
        zip.write(data);
        zip.closeEntry();
    }

    static String num(double v) {
        String s = String.format(Locale.ROOT, "%.4f", v);
        s = s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
        return s.equals("-0") ? "0" : s;
    }

    private static String uv(float v) {
        return num(Math.round(v * 10000) / 10000.0);
    }

    private static String nrm(float v) {
        String s = String.format(Locale.ROOT, "%.3f", v);
        s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        return s.equals("-0") ? "0" : s;
    }

    private static String slug(String id) {
        String s = id.contains("#") ? id.substring(id.indexOf('#') + 1) : id;
        return s.replaceAll("[^A-Za-z0-9_-]", "_");
    }

    /** Properties-file escaping: ISO-8859-1 with backslash-u escapes for the rest. */
    private static String esc(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c == '\\' || c == '=' || c == ':' || c == '#' || c == '!') {
                b.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7E) {
                b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

}
