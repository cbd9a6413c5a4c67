package dev.v2l.asset;

/**
 * One furniture model of a catalog, as its properties file describes it (Sweet Home 3D's {@code id#N},
 * {@code name#N}, … keys). Sizes are the catalog's, converted from centimetres to metres; the model file is scaled
 * to them as Sweet Home 3D does.
 *
 * @param catalog       the catalog it belongs to
 * @param index         N in the {@code key#N} properties
 * @param id            the model's id ({@code id#N}); unique within the catalog
 * @param name          its English name
 * @param category      its category (Bedroom, Kitchen, Exterior…)
 * @param modelPath     the OBJ file inside the catalog (no leading slash)
 * @param width         size along the model's x axis, metres
 * @param depth         size along the model's z axis (its front faces +z), metres
 * @param height        size along the model's y axis (up), metres
 * @param elevation     height above the floor it is normally placed at, metres
 * @param modelRotation row-major 3×3 rotation applied to the OBJ coordinates first, or null
 * @param doorOrWindow  whether it is a door or window (placed in walls)
 * @param creator       who made it ({@code creator#N}), or the catalog's provider
 * @param license       the model's licence ({@code license#N}) or the catalog's
 */
public record CatalogModel(FurnitureCatalog catalog, int index, String id, String name, String category,
        String modelPath, double width, double depth, double height, double elevation, float[] modelRotation,
        boolean doorOrWindow, String creator, String license) {

    /** Provenance as written into scene JSON. */
    public dev.v2l.scene.AssetRef ref() {
        return new dev.v2l.scene.AssetRef(catalog.id(), id, name, creator, license);
    }

    @Override
    public String toString() {
        return id + " (" + name + ", " + catalog.id() + ")";
    }
}
