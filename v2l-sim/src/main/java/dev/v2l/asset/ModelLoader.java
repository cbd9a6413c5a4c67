package dev.v2l.asset;

import de.javagl.obj.FloatTuple;
import de.javagl.obj.Mtl;
import de.javagl.obj.MtlReader;
import de.javagl.obj.Obj;
import de.javagl.obj.ObjFace;
import de.javagl.obj.ObjReader;
import dev.v2l.io.BadInputException;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.imageio.ImageIO;

/**
 * Reads a catalog model (OBJ + MTL via de.javagl:obj, textures via ImageIO) into a {@link ModelMesh}, applying the
 * catalog's model rotation and normalising to the model's box. Parsed meshes are kept for the life of the process,
 * so rendering the same room again, or another room with the same furniture, parses nothing.
 */
public final class ModelLoader {

    /** Largest texture side kept (textures are resampled down to it). */
    public static final int MAX_TEXTURE = 512;
    /** Models with more triangles are simplified on load (to {@link #LOAD_TARGET}), so frames stay fast. */
    public static final int LOAD_LIMIT = 8000;
    public static final int LOAD_TARGET = 5000;

    private static final Map<String, ModelMesh> CACHE = new ConcurrentHashMap<>();

    private ModelLoader() {
    }

    /** The model's mesh, parsed once per process (and simplified when it is very detailed). */
    public static ModelMesh mesh(CatalogModel m) {
        String key = m.catalog().source() + "!" + m.modelPath() + "!" + java.util.Arrays.toString(m.modelRotation());
        ModelMesh cached = CACHE.get(key);
        if (cached != null) {
            return cached;
        }
        return CACHE.computeIfAbsent(key, k -> {
            ModelMesh raw = load(m);
            return raw.triangles > LOAD_LIMIT ? Simplifier.simplify(raw, LOAD_TARGET, 0.004) : raw;
        });
    }

    /** The model as read, without simplification (for packing). */
    public static ModelMesh raw(CatalogModel m) {
        return load(m);
    }

    static int cached() {
        return CACHE.size();
    }

    /**
     * An MTL file's text from its first {@code newmtl} on: statements before any material belong to none (Debian's
     * Scopia catalog has an {@code Ns} there), and Sweet Home 3D's reader ignores them, as this does.
     */
    private static final java.util.regex.Pattern FIRST_MATERIAL = java.util.regex.Pattern.compile("(?m)^[ \\t]*newmtl\\b");

    static String fromFirstMaterial(InputStream in) throws IOException {
        String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        java.util.regex.Matcher first = FIRST_MATERIAL.matcher(text);
        return first.find() ? text.substring(first.start()) : "";
    }

    private static ModelMesh load(CatalogModel m) {
        FurnitureCatalog c = m.catalog();
        String where = c.source() + "!" + m.modelPath();
        Obj obj;
        try (InputStream in = c.open(m.modelPath())) {
            obj = ObjReader.read(in);
        } catch (IOException | RuntimeException e) {
            if (e instanceof BadInputException b) {
                throw b;
            }
            throw BadInputException.ofFile(where, "not a readable OBJ model: " + e.getMessage(), e);
        }
        String dir = m.modelPath().contains("/") ? m.modelPath().substring(0, m.modelPath().lastIndexOf('/') + 1) : "";
        Map<String, Mtl> mtls = new HashMap<>();
        for (String lib : obj.getMtlFileNames()) {
            String entry = resolve(dir, lib);
            if (!c.has(entry)) {
                continue; // Sweet Home 3D draws such faces grey too
            }
            try (InputStream in = c.open(entry)) {
                for (Mtl mtl : MtlReader.read(new java.io.StringReader(fromFirstMaterial(in)))) {
                    mtls.putIfAbsent(mtl.getName(), mtl);
                }
            } catch (IOException | RuntimeException e) {
                throw BadInputException.ofFile(c.source() + "!" + entry, "not a readable MTL file: " + e.getMessage(), e);
            }
        }
        List<Material> materials = new ArrayList<>();
        Map<String, Integer> materialIndex = new HashMap<>();
        Map<String, Texture> textures = new HashMap<>();
        int faces = obj.getNumFaces();
        int tris = 0;
        for (int f = 0; f < faces; f++) {
            tris += Math.max(0, obj.getFace(f).getNumVertices() - 2);
        }
        if (tris == 0) {
            throw BadInputException.ofFile(where, "the model has no faces", null);
        }
        float[] pos = new float[9 * tris];
        float[] nrm = new float[9 * tris];
        float[] uv = new float[6 * tris];
        int[] mat = new int[tris];
        float[] r = m.modelRotation();
        int t = 0;
        int[] corner = new int[3];
        String mname = null;
        for (int f = 0; f < faces; f++) {
            ObjFace face = obj.getFace(f);
            // de.javagl names a material only at the face where 'usemtl' switched to it
            String activated = obj.getActivatedMaterialGroupName(face);
            if (activated != null) {
                mname = activated;
            }
            Integer mi = materialIndex.get(mname == null ? "" : mname);
            if (mi == null) {
                mi = materials.size();
                materials.add(material(mname, mtls.get(mname), c, dir, textures));
                materialIndex.put(mname == null ? "" : mname, mi);
            }
            for (int k = 1; k + 1 < face.getNumVertices(); k++) {
                corner[0] = 0;
                corner[1] = k;
                corner[2] = k + 1;
                for (int q = 0; q < 3; q++) {
                    int vi = face.getVertexIndex(corner[q]);
                    if (vi < 0 || vi >= obj.getNumVertices()) {
                        throw BadInputException.ofFile(where, "face " + (f + 1) + " refers to vertex " + (vi + 1)
                                + " of " + obj.getNumVertices(), null);
                    }
                    FloatTuple v = obj.getVertex(vi);
                    put(pos, 9 * t + 3 * q, v.getX(), v.getY(), v.getZ(), r);
                    if (face.containsTexCoordIndices()) {
                        int ti = face.getTexCoordIndex(corner[q]);
                        if (ti >= 0 && ti < obj.getNumTexCoords()) {
                            FloatTuple tc = obj.getTexCoord(ti);
                            uv[6 * t + 2 * q] = tc.getX();
                            uv[6 * t + 2 * q + 1] = tc.getDimensions() > 1 ? tc.getY() : 0;
                        }
                    }
                    boolean hasNormal = false;
                    if (face.containsNormalIndices()) {
                        int ni = face.getNormalIndex(corner[q]);
                        if (ni >= 0 && ni < obj.getNumNormals()) {
                            FloatTuple n = obj.getNormal(ni);
                            put(nrm, 9 * t + 3 * q, n.getX(), n.getY(), n.getZ(), r);
                            hasNormal = true;
                        }
                    }
                    if (!hasNormal) {
                        nrm[9 * t + 3 * q] = Float.NaN;
                    }
                }
                mat[t] = mi;
                t++;
            }
        }
        // Bounds in the rotated OBJ frame, then to the box frame: axis0 = -x, axis1 = z (front), axis2 = y (up).
        float[] lo = {Float.MAX_VALUE, Float.MAX_VALUE, Float.MAX_VALUE};
        float[] hi = {-Float.MAX_VALUE, -Float.MAX_VALUE, -Float.MAX_VALUE};
        for (int i = 0; i < pos.length; i += 3) {
            for (int a = 0; a < 3; a++) {
                lo[a] = Math.min(lo[a], pos[i + a]);
                hi[a] = Math.max(hi[a], pos[i + a]);
            }
        }
        float[] ext = {hi[0] - lo[0], hi[2] - lo[2], hi[1] - lo[1]};
        for (int a = 0; a < 3; a++) {
            if (!(ext[a] > 0)) {
                ext[a] = 1e-6f;
            }
        }
        for (int i = 0; i < pos.length; i += 3) {
            float x = pos[i];
            float y = pos[i + 1];
            float z = pos[i + 2];
            pos[i] = -((x - lo[0]) / ext[0] - 0.5f);
            pos[i + 1] = (z - lo[2]) / ext[1] - 0.5f;
            pos[i + 2] = (y - lo[1]) / ext[2] - 0.5f;
            if (Float.isNaN(nrm[i])) {
                nrm[i] = 0;
            } else {
                float nx = nrm[i];
                float ny = nrm[i + 1];
                float nz = nrm[i + 2];
                nrm[i] = -nx;
                nrm[i + 1] = nz;
                nrm[i + 2] = ny;
            }
        }
        fillMissingNormals(tris, pos, nrm, ext);
        return new ModelMesh(tris, pos, nrm, uv, mat, materials, ext);
    }

    /** Corners without an OBJ normal get their face's normal (in the unnormalised frame). */
    private static void fillMissingNormals(int tris, float[] p, float[] n, float[] ext) {
        for (int t = 0; t < tris; t++) {
            int o = 9 * t;
            float ax = (p[o + 3] - p[o]) * ext[0];
            float ay = (p[o + 4] - p[o + 1]) * ext[1];
            float az = (p[o + 5] - p[o + 2]) * ext[2];
            float bx = (p[o + 6] - p[o]) * ext[0];
            float by = (p[o + 7] - p[o + 1]) * ext[1];
            float bz = (p[o + 8] - p[o + 2]) * ext[2];
            // (x, y, z) -> (-x, z, y) is a proper rotation, so the winding keeps its meaning.
            float nx = ay * bz - az * by;
            float ny = az * bx - ax * bz;
            float nz = ax * by - ay * bx;
            float len = (float) Math.sqrt(nx * nx + ny * ny + nz * nz);
            if (len > 0) {
                nx /= len;
                ny /= len;
                nz /= len;
            } else {
                nz = 1; // a degenerate triangle (no area, never drawn): any unit normal
            }
            for (int q = 0; q < 3; q++) {
                int i = o + 3 * q;
                if (n[i] == 0 && n[i + 1] == 0 && n[i + 2] == 0) {
                    n[i] = nx;
                    n[i + 1] = ny;
                    n[i + 2] = nz;
                }
            }
        }
    }

    private static void put(float[] a, int i, float x, float y, float z, float[] r) {
        if (r == null) {
            a[i] = x;
            a[i + 1] = y;
            a[i + 2] = z;
        } else {
            a[i] = r[0] * x + r[1] * y + r[2] * z;
            a[i + 1] = r[3] * x + r[4] * y + r[5] * z;
            a[i + 2] = r[6] * x + r[7] * y + r[8] * z;
        }
    }

    private static Material material(String name, Mtl mtl, FurnitureCatalog c, String dir,
            Map<String, Texture> textures) {
        if (mtl == null) {
            return Material.DEFAULT;
        }
        int diffuse = 0xB4B4B4;
        FloatTuple kd = mtl.getKd();
        if (kd != null) {
            diffuse = rgb(kd);
        }
        Texture tex = null;
        String map = mtl.getMapKd();
        if (map != null && !map.isBlank()) {
            String entry = resolve(dir, map.strip());
            tex = textures.get(entry);
            if (tex == null && c.has(entry)) {
                try (InputStream in = c.open(entry)) {
                    BufferedImage img = ImageIO.read(in);
                    if (img == null) {
                        throw BadInputException.ofFile(c.source() + "!" + entry, "not a readable image", null);
                    }
                    tex = Texture.of(img, MAX_TEXTURE);
                    textures.put(entry, tex);
                } catch (IOException e) {
                    throw BadInputException.ofFile(c.source() + "!" + entry, "cannot read the texture: "
                            + e.getMessage(), e);
                }
            }
        }
        FloatTuple ks = mtl.getKs();
        float spec = ks == null ? 0.1f : Math.min(1, (ks.getX() + ks.getY() + ks.getZ()) / 3);
        float ns = mtl.getNs() == null ? 20 : Math.max(1, Math.min(200, mtl.getNs()));
        float d = mtl.getD() == null ? 1 : Math.max(0, Math.min(1, mtl.getD()));
        return new Material(name, diffuse, tex, spec, ns, d);
    }

    static int rgb(FloatTuple c) {
        int r = (int) Math.round(255 * Math.max(0, Math.min(1, c.getX())));
        int g = (int) Math.round(255 * Math.max(0, Math.min(1, c.getY())));
        int b = (int) Math.round(255 * Math.max(0, Math.min(1, c.getZ())));
        return r << 16 | g << 8 | b;
    }

    /** A path relative to the model's folder, with Windows separators and "./" tolerated. */
    static String resolve(String dir, String name) {
        String n = name.replace('\\', '/');
        if (n.startsWith("/")) {
            return n.substring(1);
        }
        while (n.startsWith("./")) {
            n = n.substring(2);
        }
        return dir + n;
    }
}
