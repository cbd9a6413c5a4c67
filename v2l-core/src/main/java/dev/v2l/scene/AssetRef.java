package dev.v2l.scene;

/**
 * Where an object's 3D model comes from, for rendering it again and for crediting its creator: the furniture
 * catalog (its own id, e.g. {@code SweetHome3D#BlendSwap-CC-0-Models}), the model's id within it (e.g.
 * {@code Blend Swap CC-0#bed1}), its name, creator and licence as the catalog states them. The object's box is the
 * tight box of the placed model: its first axis spans the model's width, its second the depth (the model's front
 * faces +axis1), its third the height.
 */
public record AssetRef(String catalog, String model, String name, String creator, String license)
        implements java.io.Serializable {

    public AssetRef {
        if (catalog == null || catalog.isBlank()) {
            throw new IllegalArgumentException("asset catalog must be a non-empty string");
        }
        if (model == null || model.isBlank()) {
            throw new IllegalArgumentException("asset model must be a non-empty string");
        }
        name = name == null ? "" : name;
        creator = creator == null ? "" : creator;
        license = license == null ? "" : license;
    }
}
