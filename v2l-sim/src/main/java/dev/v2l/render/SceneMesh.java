package dev.v2l.render;

import dev.v2l.asset.AssetLibrary;
import dev.v2l.asset.BuiltinModels;
import dev.v2l.asset.Material;
import dev.v2l.asset.ModelLoader;
import dev.v2l.asset.ModelMesh;
import dev.v2l.asset.Texture;
import dev.v2l.geom.Vec2;
import dev.v2l.geom.Vec3;
import dev.v2l.scene.OrientedBox;
import dev.v2l.scene.RoomRegion;
import dev.v2l.scene.Scene;
import dev.v2l.scene.SceneObject;
import dev.v2l.scene.UpAxis;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A scene as triangles in the render frame, with everything that does not depend on the viewpoint computed once:
 * per corner its texture coordinates, its normal and its light (ambient, the ceiling light, window light and
 * ambient occlusion — {@link Lighting}). Objects are drawn with their catalog model placed into their box (style
 * {@code furniture}) or as their box in a flat label colour (style {@code boxes}, and objects with no model); floors,
 * walls and ceiling are textured. Opaque triangles come first, glass-like ones last. Back faces are culled, so walls
 * hide nothing when seen from outside.
 */
public final class SceneMesh {

    /** Instance number of structure (floor, walls): not an object. */
    public static final int STRUCTURE = 0;

    final float[] xyz; // 9 per triangle
    final float[] uv; // 6 per triangle, in texels of the material's texture (or 0)
    final float[] normal; // 9 per triangle, unit
    final float[] light; // 9 per triangle: linear r, g, b per corner
    final int[] material; // per triangle
    final int[] instance; // per triangle: object index + 1, or STRUCTURE
    final boolean[] twoSided; // per triangle
    final Material[] materials;
    final int triangles;
    final int opaqueTriangles;
    final Vec3 keyLight; // position of the ceiling light, for the specular term
    private final List<String> instanceIds;
    /** Per instance number: centre x, y, z and radius of a sphere around all its triangles (radius -1: none). */
    final float[] instanceSpheres;

    SceneMesh(float[] xyz, float[] uv, float[] normal, float[] light, int[] material, int[] instance,
            boolean[] twoSided, Material[] materials, int triangles, int opaque, Vec3 keyLight,
            List<String> instanceIds) {
        this.xyz = xyz;
        this.uv = uv;
        this.normal = normal;
        this.light = light;
        this.material = material;
        this.instance = instance;
        this.twoSided = twoSided;
        this.materials = materials;
        this.triangles = triangles;
        this.opaqueTriangles = opaque;
        this.keyLight = keyLight;
        this.instanceIds = List.copyOf(instanceIds);
        this.instanceSpheres = spheres(xyz, instance, triangles, instanceIds.size() + 1);
    }

    /** A bounding sphere per instance number (the box around its corners: centre and half diagonal). */
    private static float[] spheres(float[] xyz, int[] instance, int triangles, int instances) {
        float[] box = new float[6 * instances];
        for (int i = 0; i < instances; i++) {
            box[6 * i] = box[6 * i + 1] = box[6 * i + 2] = Float.POSITIVE_INFINITY;
            box[6 * i + 3] = box[6 * i + 4] = box[6 * i + 5] = Float.NEGATIVE_INFINITY;
        }
        for (int t = 0; t < triangles; t++) {
            int b = 6 * instance[t];
            for (int c = 0; c < 9; c += 3) {
                for (int a = 0; a < 3; a++) {
                    float v = xyz[9 * t + c + a];
                    box[b + a] = Math.min(box[b + a], v);
                    box[b + 3 + a] = Math.max(box[b + 3 + a], v);
                }
            }
        }
        float[] out = new float[4 * instances];
        for (int i = 0; i < instances; i++) {
            if (box[6 * i] > box[6 * i + 3]) {
                out[4 * i + 3] = -1;
                continue;
            }
            double r2 = 0;
            for (int a = 0; a < 3; a++) {
                out[4 * i + a] = (box[6 * i + a] + box[6 * i + 3 + a]) / 2;
                double h = (box[6 * i + 3 + a] - box[6 * i + a]) / 2.0;
                r2 += h * h;
            }
            out[4 * i + 3] = (float) Math.sqrt(r2) * 1.001f + 1e-4f;
        }
        return out;
    }

    /** The scene object id of an instance number (1-based), as written in instance masks. */
    public String instanceId(int number) {
        return instanceIds.get(number - 1);
    }

    public List<String> instanceIds() {
        return instanceIds;
    }

    public int triangleCount() {
        return triangles;
    }

    /** The box style (flat colours), as before real furniture. */
    public static SceneMesh of(Scene scene, double wallHeight) {
        return of(scene, wallHeight, RenderStyle.BOXES, null);
    }

    /**
     * The scene's mesh. With {@link RenderStyle#FURNITURE}, objects that name an asset are drawn with its model from
     * {@code library} (a missing catalog or model is a {@link dev.v2l.io.BadInputException}).
     */
    public static SceneMesh of(Scene scene, double wallHeight, RenderStyle style, AssetLibrary library) {
        return of(scene, wallHeight, style, library, true);
    }

    /** The mesh for visibility checks only: the same triangles, no light. */
    static SceneMesh geometry(Scene scene, double wallHeight, AssetLibrary library) {
        return of(scene, wallHeight, RenderStyle.FURNITURE, library, false);
    }

    private static SceneMesh of(Scene scene, double wallHeight, RenderStyle style, AssetLibrary library,
            boolean lit) {
        Builder b = new Builder(style);
        b.lit = lit;
        UpAxis up = scene.up();
        List<String> ids = new ArrayList<>();
        for (SceneObject o : scene.objects()) {
            ids.add(o.id());
            int inst = ids.size();
            if (style == RenderStyle.FURNITURE && o.asset() != null) {
                ModelMesh m = BuiltinModels.isBuiltin(o.asset()) ? BuiltinModels.mesh(o.asset().model())
                        : ModelLoader.mesh(library.resolve(o.asset()));
                b.model(m, o.box(), up, inst);
            } else {
                b.box(o.box(), up, Palette.forLabel(o.label()), inst);
            }
        }
        List<RoomRegion> regions = scene.room().regions();
        Lighting lighting = new Lighting(scene, wallHeight, style == RenderStyle.BOXES);
        int variant = Math.floorMod(scene.id().hashCode(), 997);
        if (regions.isEmpty()) {
            b.floorUnder(scene, up, lighting);
        } else {
            for (RoomRegion r : regions) {
                List<Vec2> poly = counterClockwise(r.polygon());
                Surfaces s = Surfaces.forRoom(r.type(), variant, style);
                b.floor(poly, 0, s.floor(), lighting);
                b.walls(poly, 0, wallHeight, s.wall(), lighting);
                b.ceiling(poly, wallHeight, s.ceiling(), lighting);
            }
        }
        return b.finish(lighting, ids);
    }

    /** The materials of a room's floor, walls and ceiling. */
    record Surfaces(Material floor, Material wall, Material ceiling) {
        static Surfaces forRoom(String type, int variant, RenderStyle style) {
            if (style == RenderStyle.BOXES) {
                return new Surfaces(flat(Palette.FLOOR), flat(Palette.WALL), flat(Palette.CEILING));
            }
            String t = type == null ? "" : type;
            SurfaceTextures.Kind floor = switch (t) {
                case "kitchen", "bathroom" -> SurfaceTextures.Kind.TILES;
                case "bedroom", "office" -> variant % 3 == 0 ? SurfaceTextures.Kind.CARPET : SurfaceTextures.Kind.PLANKS;
                default -> SurfaceTextures.Kind.PLANKS;
            };
            SurfaceTextures.Kind wall = t.equals("bathroom") ? SurfaceTextures.Kind.WALL_TILES
                    : SurfaceTextures.Kind.PAINT;
            return new Surfaces(textured("floor", SurfaceTextures.make(floor, variant), 0.15f),
                    textured("wall", SurfaceTextures.make(wall, variant / 3), t.equals("bathroom") ? 0.3f : 0.03f),
                    flat(0xF2F0EC));
        }
    }

    private static final Map<SurfaceTextures.Surface, Material> SURFACES = new java.util.concurrent.ConcurrentHashMap<>();

    static Material flat(int rgb) {
        return new Material("flat", rgb, null, 0.05f, 10, 1);
    }

    static Material textured(String name, SurfaceTextures.Surface s, float spec) {
        return new Material(name + "@" + s.metres(), s.texture().mean, s.texture(), spec, 30, 1);
    }

    static List<Vec2> counterClockwise(List<Vec2> p) {
        double twice = 0;
        for (int i = 0; i < p.size(); i++) {
            Vec2 a = p.get(i);
            Vec2 c = p.get((i + 1) % p.size());
            twice += a.x() * c.y() - c.x() * a.y();
        }
        if (twice >= 0) {
            return p;
        }
        List<Vec2> r = new ArrayList<>(p);
        java.util.Collections.reverse(r);
        return r;
    }

    private static final Vec3 BOX_LIGHT = new Vec3(-0.35, -0.5, 0.8).normalized();

    static final class Builder {
        final RenderStyle style;
        boolean lit = true;
        float[] xyz = new float[9 * 1024];
        float[] uv = new float[6 * 1024];
        float[] nrm = new float[9 * 1024];
        int[] mat = new int[1024];
        int[] inst = new int[1024];
        boolean[] two = new boolean[1024];
        int count;
        final List<Material> materials = new ArrayList<>();
        final Map<Material, Integer> materialIndex = new IdentityHashMap<>();

        Builder(RenderStyle style) {
            this.style = style;
        }

        int material(Material m) {
            Integer i = materialIndex.get(m);
            if (i == null) {
                i = materials.size();
                materials.add(m);
                materialIndex.put(m, i);
            }
            return i;
        }

        void grow() {
            if (count == mat.length) {
                int n = mat.length * 2;
                xyz = Arrays.copyOf(xyz, 9 * n);
                uv = Arrays.copyOf(uv, 6 * n);
                nrm = Arrays.copyOf(nrm, 9 * n);
                mat = Arrays.copyOf(mat, n);
                inst = Arrays.copyOf(inst, n);
                two = Arrays.copyOf(two, n);
            }
        }

        /** A flat triangle (face normal on every corner), texture coordinates in metres / surface size. */
        void tri(Vec3 a, Vec3 b, Vec3 c, float[] tuv, int material, int instance) {
            grow();
            int o = 9 * count;
            put(xyz, o, a);
            put(xyz, o + 3, b);
            put(xyz, o + 6, c);
            Vec3 n = b.minus(a).cross(c.minus(a));
            n = n.length() == 0 ? new Vec3(0, 0, 1) : n.normalized();
            put(nrm, o, n);
            put(nrm, o + 3, n);
            put(nrm, o + 6, n);
            if (tuv != null) {
                System.arraycopy(tuv, 0, uv, 6 * count, 6);
            }
            mat[count] = material;
            inst[count] = instance;
            two[count] = false;
            count++;
        }

        static void put(float[] a, int i, Vec3 v) {
            a[i] = (float) v.x();
            a[i + 1] = (float) v.y();
            a[i + 2] = (float) v.z();
        }

        void model(ModelMesh m, OrientedBox box, UpAxis up, int instance) {
            Vec3 c = RenderFrame.toRender(up, box.center());
            Vec3 a0 = RenderFrame.toRenderDirection(up, box.axis0()).times(box.length0());
            Vec3 a1 = RenderFrame.toRenderDirection(up, box.axis1()).times(box.length1());
            Vec3 a2 = RenderFrame.toRenderDirection(up, box.axis2()).times(box.length2());
            // normals: inverse-transpose of the (orthogonal axes x lengths) map, per unnormalised model extents
            double l0 = Math.max(1e-9, box.length0());
            double l1 = Math.max(1e-9, box.length1());
            double l2 = Math.max(1e-9, box.length2());
            Vec3 n0 = RenderFrame.toRenderDirection(up, box.axis0()).times(m.extent[0] / l0);
            Vec3 n1 = RenderFrame.toRenderDirection(up, box.axis1()).times(m.extent[1] / l1);
            Vec3 n2 = RenderFrame.toRenderDirection(up, box.axis2()).times(m.extent[2] / l2);
            // a left-handed box (Unity) would mirror the model: swap two corners to keep the winding outward
            boolean mirrored = a0.cross(a1).dot(a2) < 0;
            int[] mi = new int[m.materials.size()];
            for (int k = 0; k < mi.length; k++) {
                mi[k] = material(m.materials.get(k));
            }
            for (int t = 0; t < m.triangles; t++) {
                grow();
                int o = 9 * count;
                for (int q = 0; q < 3; q++) {
                    int src = 9 * t + 3 * (mirrored && q > 0 ? 3 - q : q);
                    float px = m.position[src];
                    float py = m.position[src + 1];
                    float pz = m.position[src + 2];
                    xyz[o + 3 * q] = (float) (c.x() + a0.x() * px + a1.x() * py + a2.x() * pz);
                    xyz[o + 3 * q + 1] = (float) (c.y() + a0.y() * px + a1.y() * py + a2.y() * pz);
                    xyz[o + 3 * q + 2] = (float) (c.z() + a0.z() * px + a1.z() * py + a2.z() * pz);
                    float nx = m.normal[src];
                    float ny = m.normal[src + 1];
                    float nz = m.normal[src + 2];
                    double wx = n0.x() * nx + n1.x() * ny + n2.x() * nz;
                    double wy = n0.y() * nx + n1.y() * ny + n2.y() * nz;
                    double wz = n0.z() * nx + n1.z() * ny + n2.z() * nz;
                    double len = Math.sqrt(wx * wx + wy * wy + wz * wz);
                    if (len > 0) {
                        wx /= len;
                        wy /= len;
                        wz /= len;
                    }
                    nrm[o + 3 * q] = (float) wx;
                    nrm[o + 3 * q + 1] = (float) wy;
                    nrm[o + 3 * q + 2] = (float) wz;
                    int us = 6 * t + 2 * (mirrored && q > 0 ? 3 - q : q);
                    uv[6 * count + 2 * q] = m.uv[us];
                    uv[6 * count + 2 * q + 1] = m.uv[us + 1];
                }
                mat[count] = mi[m.material[t]];
                inst[count] = instance;
                // Catalog models are not always closed or consistently wound: draw both sides, as Sweet Home 3D does.
                two[count] = true;
                count++;
            }
        }

        void box(OrientedBox box, UpAxis up, int rgb, int instance) {
            Vec3[] p = new Vec3[8];
            List<Vec3> corners = box.corners(); // bit 0: axis0, bit 1: axis1, bit 2: axis2
            for (int i = 0; i < 8; i++) {
                p[i] = RenderFrame.toRender(up, corners.get(i));
            }
            Vec3 centre = RenderFrame.toRender(up, box.center());
            int m = material(style == RenderStyle.BOXES ? flatBox(rgb) : flat(rgb));
            int[][] faces = {{0, 2, 6, 4}, {1, 5, 7, 3}, {0, 4, 5, 1}, {2, 3, 7, 6}, {0, 1, 3, 2}, {4, 6, 7, 5}};
            for (int[] f : faces) {
                Vec3 a = p[f[0]];
                Vec3 b = p[f[1]];
                Vec3 c = p[f[2]];
                Vec3 d = p[f[3]];
                Vec3 n = b.minus(a).cross(c.minus(a));
                Vec3 faceCentre = a.plus(c).times(0.5);
                if (n.dot(faceCentre.minus(centre)) < 0) {
                    tri(a, d, c, null, m, instance);
                    tri(a, c, b, null, m, instance);
                } else {
                    tri(a, b, c, null, m, instance);
                    tri(a, c, d, null, m, instance);
                }
            }
        }

        private final Map<Integer, Material> flatBoxes = new java.util.HashMap<>();

        Material flatBox(int rgb) {
            return flatBoxes.computeIfAbsent(rgb, SceneMesh::flat);
        }

        /** The floor as a grid (so ambient occlusion has vertices to live on), or ear-clipped when not rectilinear. */
        void floor(List<Vec2> poly, double z, Material surface, Lighting lighting) {
            int m = material(surface);
            double size = surfaceMetres(surface);
            for (Vec2[] q : Grids.cells(poly, 0.25)) {
                Vec3 a = new Vec3(q[0].x(), q[0].y(), z);
                Vec3 b = new Vec3(q[1].x(), q[1].y(), z);
                Vec3 c = new Vec3(q[2].x(), q[2].y(), z);
                tri(a, b, c, new float[] {(float) (a.x() / size), (float) (a.y() / size), (float) (b.x() / size),
                    (float) (b.y() / size), (float) (c.x() / size), (float) (c.y() / size)}, m, STRUCTURE);
            }
        }

        void ceiling(List<Vec2> poly, double z, Material surface, Lighting lighting) {
            int m = material(surface);
            for (Vec2[] q : Grids.cells(poly, 1.0)) {
                tri(new Vec3(q[0].x(), q[0].y(), z), new Vec3(q[2].x(), q[2].y(), z), new Vec3(q[1].x(), q[1].y(), z),
                        new float[6], m, STRUCTURE);
            }
        }

        void walls(List<Vec2> poly, double z0, double height, Material surface, Lighting lighting) {
            int m = material(surface);
            double size = surfaceMetres(surface);
            double[] levels = {0, 0.08, 0.25, 0.6, 1.2, 1.9, height};
            double run = 0;
            for (int i = 0; i < poly.size(); i++) {
                Vec2 a = poly.get(i);
                Vec2 b = poly.get((i + 1) % poly.size());
                double len = a.distanceTo(b);
                int cols = Math.max(1, (int) Math.ceil(len / 0.5));
                for (int k = 0; k < cols; k++) {
                    double s0 = len * k / cols;
                    double s1 = len * (k + 1) / cols;
                    Vec2 p0 = a.plus(b.minus(a).times(s0 / len));
                    Vec2 p1 = a.plus(b.minus(a).times(s1 / len));
                    for (int l = 0; l + 1 < levels.length && levels[l] < height; l++) {
                        double za = z0 + levels[l];
                        double zb = z0 + Math.min(height, levels[l + 1]);
                        // Seen from inside (left of a→b), counter-clockwise: p0-low, p0-high, p1-high, p1-low.
                        Vec3 v00 = new Vec3(p0.x(), p0.y(), za);
                        Vec3 v01 = new Vec3(p0.x(), p0.y(), zb);
                        Vec3 v11 = new Vec3(p1.x(), p1.y(), zb);
                        Vec3 v10 = new Vec3(p1.x(), p1.y(), za);
                        float u0 = (float) ((run + s0) / size);
                        float u1 = (float) ((run + s1) / size);
                        float w0 = (float) (za / size);
                        float w1 = (float) (zb / size);
                        tri(v00, v01, v11, new float[] {u0, w0, u0, w1, u1, w1}, m, STRUCTURE);
                        tri(v00, v11, v10, new float[] {u0, w0, u1, w1, u1, w0}, m, STRUCTURE);
                    }
                }
                run += len;
            }
        }

        /** Scenes with no room outline get a floor a metre beyond their objects. */
        void floorUnder(Scene scene, UpAxis up, Lighting lighting) {
            double[] b = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE, Double.MAX_VALUE};
            for (SceneObject o : scene.objects()) {
                for (Vec3 c : o.box().corners()) {
                    Vec3 r = RenderFrame.toRender(up, c);
                    b[0] = Math.min(b[0], r.x());
                    b[1] = Math.min(b[1], r.y());
                    b[2] = Math.max(b[2], r.x());
                    b[3] = Math.max(b[3], r.y());
                    b[4] = Math.min(b[4], r.z());
                }
            }
            if (b[0] > b[2]) {
                return;
            }
            floor(List.of(new Vec2(b[0] - 1, b[1] - 1), new Vec2(b[2] + 1, b[1] - 1), new Vec2(b[2] + 1, b[3] + 1),
                    new Vec2(b[0] - 1, b[3] + 1)), b[4], style == RenderStyle.BOXES ? flat(Palette.FLOOR)
                    : textured("floor", SurfaceTextures.make(SurfaceTextures.Kind.PLANKS, 0), 0.15f), lighting);
        }

        static double surfaceMetres(Material m) {
            int at = m.name().indexOf('@');
            return at < 0 ? 1 : Double.parseDouble(m.name().substring(at + 1));
        }

        /** Orders opaque triangles first, bakes light, converts texture coordinates to texels. */
        SceneMesh finish(Lighting lighting, List<String> ids) {
            int n = count;
            Integer[] order = new Integer[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (x, y) -> Boolean.compare(materials.get(mat[x]).transparent(),
                    materials.get(mat[y]).transparent()));
            float[] oxyz = new float[9 * n];
            float[] ouv = new float[6 * n];
            float[] onrm = new float[9 * n];
            float[] olight = new float[9 * n];
            int[] omat = new int[n];
            int[] oinst = new int[n];
            boolean[] otwo = new boolean[n];
            int opaque = 0;
            Material[] mats = materials.toArray(new Material[0]);
            for (int k = 0; k < n; k++) {
                int t = order[k];
                System.arraycopy(xyz, 9 * t, oxyz, 9 * k, 9);
                System.arraycopy(nrm, 9 * t, onrm, 9 * k, 9);
                Texture tex = mats[mat[t]].texture();
                for (int q = 0; q < 3; q++) {
                    float u = uv[6 * t + 2 * q];
                    float v = uv[6 * t + 2 * q + 1];
                    ouv[6 * k + 2 * q] = tex == null ? 0 : u * tex.width;
                    ouv[6 * k + 2 * q + 1] = tex == null ? 0 : (1 - v) * tex.height;
                }
                omat[k] = mat[t];
                oinst[k] = inst[t];
                otwo[k] = two[t];
                if (!mats[mat[t]].transparent()) {
                    opaque++;
                }
                for (int q = 0; q < 3; q++) {
                    int o = 9 * k + 3 * q;
                    if (!lit) {
                        olight[o] = 1;
                        olight[o + 1] = 1;
                        olight[o + 2] = 1;
                    } else if (style == RenderStyle.BOXES) {
                        float l = (float) (0.45 + 0.55 * Math.max(0, onrm[o] * BOX_LIGHT.x() + onrm[o + 1]
                                * BOX_LIGHT.y() + onrm[o + 2] * BOX_LIGHT.z()));
                        float lin = (float) Math.pow(l, 2.2);
                        olight[o] = lin;
                        olight[o + 1] = lin;
                        olight[o + 2] = lin;
                    } else {
                        lighting.light(oxyz[o], oxyz[o + 1], oxyz[o + 2], onrm[o], onrm[o + 1], onrm[o + 2],
                                oinst[k], olight, o);
                    }
                }
            }
            return new SceneMesh(oxyz, ouv, onrm, olight, omat, oinst, otwo, mats, n, opaque, lighting.keyLight(),
                    ids);
        }
    }
}
