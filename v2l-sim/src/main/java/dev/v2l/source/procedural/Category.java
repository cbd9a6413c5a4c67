package dev.v2l.source.procedural;

import java.util.List;

/**
 * A furniture category with real-world size ranges (metres: width along the object's front, depth, height) and how
 * it is placed: against a wall (back to the wall), free on the floor, or on top of one of the {@code supports}.
 */
record Category(String label, double[] width, double[] depth, double[] height, Placement placement,
        List<String> supports) {

    enum Placement { WALL, FLOOR, ON_TOP }

    static Category wall(String label, double w0, double w1, double d0, double d1, double h0, double h1) {
        return new Category(label, new double[] {w0, w1}, new double[] {d0, d1}, new double[] {h0, h1},
                Placement.WALL, List.of());
    }

    static Category floor(String label, double w0, double w1, double d0, double d1, double h0, double h1) {
        return new Category(label, new double[] {w0, w1}, new double[] {d0, d1}, new double[] {h0, h1},
                Placement.FLOOR, List.of());
    }

    static Category onTop(String label, double w0, double w1, double d0, double d1, double h0, double h1,
            String... supports) {
        return new Category(label, new double[] {w0, w1}, new double[] {d0, d1}, new double[] {h0, h1},
                Placement.ON_TOP, List.of(supports));
    }

    /** The 33 categories procedural rooms are furnished from. */
    static final List<Category> ALL = List.of(
            wall("sofa", 1.6, 2.4, 0.8, 1.0, 0.75, 0.95),
            floor("armchair", 0.7, 0.95, 0.7, 0.95, 0.8, 1.0),
            floor("coffee table", 0.8, 1.3, 0.45, 0.7, 0.35, 0.5),
            floor("dining table", 1.2, 2.0, 0.75, 1.0, 0.72, 0.78),
            floor("chair", 0.4, 0.5, 0.42, 0.55, 0.8, 1.0),
            wall("tv stand", 1.2, 1.8, 0.35, 0.5, 0.4, 0.6),
            onTop("tv", 0.9, 1.5, 0.06, 0.12, 0.55, 0.9, "tv stand", "dresser", "cabinet"),
            wall("bed", 1.4, 2.0, 1.9, 2.2, 0.45, 0.6),
            wall("nightstand", 0.4, 0.55, 0.35, 0.45, 0.45, 0.6),
            wall("wardrobe", 1.0, 2.0, 0.55, 0.65, 1.9, 2.2),
            wall("dresser", 0.8, 1.4, 0.45, 0.55, 0.75, 1.0),
            wall("desk", 1.0, 1.6, 0.55, 0.75, 0.72, 0.77),
            floor("office chair", 0.55, 0.65, 0.55, 0.65, 0.9, 1.15),
            wall("bookshelf", 0.8, 1.2, 0.28, 0.4, 1.5, 2.0),
            wall("cabinet", 0.6, 1.2, 0.4, 0.6, 0.8, 1.2),
            wall("refrigerator", 0.6, 0.9, 0.6, 0.75, 1.6, 1.9),
            wall("stove", 0.55, 0.75, 0.55, 0.65, 0.85, 0.95),
            wall("sink", 0.5, 0.9, 0.45, 0.6, 0.85, 0.95),
            wall("washing machine", 0.58, 0.62, 0.55, 0.65, 0.83, 0.87),
            wall("toilet", 0.38, 0.45, 0.6, 0.72, 0.7, 0.8),
            wall("bathtub", 1.5, 1.8, 0.7, 0.8, 0.5, 0.6),
            onTop("lamp", 0.25, 0.4, 0.25, 0.4, 0.35, 0.6, "nightstand", "desk", "side table", "dresser"),
            floor("floor lamp", 0.3, 0.45, 0.3, 0.45, 1.4, 1.8),
            floor("plant", 0.3, 0.6, 0.3, 0.6, 0.4, 1.5),
            floor("side table", 0.4, 0.6, 0.4, 0.6, 0.45, 0.65),
            floor("trash can", 0.25, 0.4, 0.25, 0.4, 0.3, 0.7),
            onTop("microwave", 0.45, 0.55, 0.35, 0.4, 0.25, 0.32, "cabinet", "dresser"),
            onTop("laptop", 0.3, 0.38, 0.22, 0.26, 0.02, 0.03, "desk", "dining table", "coffee table"),
            onTop("monitor", 0.5, 0.7, 0.15, 0.22, 0.35, 0.5, "desk"),
            onTop("vase", 0.1, 0.2, 0.1, 0.2, 0.2, 0.4, "dining table", "side table", "dresser", "coffee table"),
            wall("piano", 1.4, 1.6, 0.55, 0.65, 1.1, 1.3),
            floor("stool", 0.3, 0.4, 0.3, 0.4, 0.45, 0.75),
            floor("ottoman", 0.5, 0.8, 0.4, 0.6, 0.38, 0.45));

    static Category byLabel(String label) {
        for (Category c : ALL) {
            if (c.label.equals(label)) {
                return c;
            }
        }
        throw new IllegalArgumentException("no category " + label);
    }
}
