package dev.v2l.asset;

import java.util.List;

/**
 * A furniture model as triangles in its own box frame: coordinates normalised to [-0.5, 0.5] on each axis, axis 0
 * along the model's width (pointing to its left seen from the front), axis 1 along its depth with the front towards
 * +1, axis 2 up — the frame of a scene object's oriented box, so placing the model is scaling by the box's lengths
 * and rotating onto its axes, and the box is the model's tight box. Normals are in the same frame before the
 * normalisation (multiply each component by {@code extent[k]} and divide by the placed length to place them).
 */
public final class ModelMesh {

    public final int triangles;
    /** 9 floats per triangle: three corners (x, y, z), normalised box frame. */
    public final float[] position;
    /** 9 floats per triangle: unit normals per corner. */
    public final float[] normal;
    /** 6 floats per triangle: texture coordinates per corner (v up, as in OBJ). */
    public final float[] uv;
    /** Index into {@link #materials} per triangle. */
    public final int[] material;
    public final List<Material> materials;
    /** The model's extent along each box axis before normalisation (OBJ units). */
    public final float[] extent;

    public ModelMesh(int triangles, float[] position, float[] normal, float[] uv, int[] material,
            List<Material> materials, float[] extent) {
        this.triangles = triangles;
        this.position = position;
        this.normal = normal;
        this.uv = uv;
        this.material = material;
        this.materials = List.copyOf(materials);
        this.extent = extent;
    }
}
