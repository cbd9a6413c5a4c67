package dev.v2l.asset;

/**
 * A surface's look, from an MTL material: diffuse colour (sRGB packed, used when there is no texture), an optional
 * diffuse texture, specular strength (mean of Ks, 0–1) and exponent (Ns), and opacity (d; below 1 the surface is
 * glass-like and drawn over what is behind it without hiding it from depth or instance buffers).
 */
public record Material(String name, int diffuse, Texture texture, float specular, float shininess, float opacity) {

    public static final Material DEFAULT = new Material("default", 0xB4B4B4, null, 0.1f, 20, 1);

    public boolean transparent() {
        return opacity < 0.99f;
    }

    /** The colour this material shows on average (the texture's mean when it has one). */
    public int meanColour() {
        return texture != null ? texture.mean : diffuse;
    }
}
