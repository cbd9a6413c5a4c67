package dev.v2l.source.procedural;

import java.util.List;

/**
 * What a kind of room is furnished with: categories with how many of each (min..max) and the chance each is
 * included at all. Order matters: supports come before what stands on them, large wall pieces first.
 */
record RoomTheme(String name, double[] area, List<Item> items) {

    record Item(String label, int min, int max, double probability) {
    }

    static Item item(String label, int min, int max, double p) {
        return new Item(label, min, max, p);
    }

    static final List<RoomTheme> ALL = List.of(
            new RoomTheme("living room", new double[] {14, 60}, List.of(
                    item("sofa", 1, 1, 1.0), item("tv stand", 1, 1, 0.9), item("tv", 1, 1, 0.9),
                    item("coffee table", 1, 1, 0.9), item("armchair", 1, 2, 0.7), item("bookshelf", 1, 2, 0.6),
                    item("side table", 1, 2, 0.7), item("lamp", 1, 2, 0.6), item("floor lamp", 1, 1, 0.5),
                    item("plant", 1, 3, 0.8), item("cabinet", 1, 1, 0.4), item("piano", 1, 1, 0.15),
                    item("ottoman", 1, 1, 0.3), item("vase", 1, 2, 0.5), item("trash can", 1, 1, 0.3),
                    item("dining table", 1, 1, 0.35), item("chair", 2, 6, 0.35), item("stool", 1, 2, 0.2))),
            new RoomTheme("bedroom", new double[] {9, 30}, List.of(
                    item("bed", 1, 1, 1.0), item("nightstand", 1, 2, 0.9), item("lamp", 1, 2, 0.8),
                    item("wardrobe", 1, 1, 0.8), item("dresser", 1, 1, 0.6), item("tv", 1, 1, 0.3),
                    item("desk", 1, 1, 0.5), item("office chair", 1, 1, 0.45), item("laptop", 1, 1, 0.35),
                    item("plant", 1, 2, 0.6), item("armchair", 1, 1, 0.3), item("bookshelf", 1, 1, 0.4),
                    item("trash can", 1, 1, 0.4), item("floor lamp", 1, 1, 0.3), item("vase", 1, 1, 0.3),
                    item("ottoman", 1, 1, 0.2))),
            new RoomTheme("kitchen", new double[] {9, 30}, List.of(
                    item("refrigerator", 1, 1, 1.0), item("stove", 1, 1, 0.9), item("sink", 1, 1, 0.9),
                    item("cabinet", 1, 3, 0.9), item("microwave", 1, 1, 0.7), item("dining table", 1, 1, 0.8),
                    item("chair", 2, 6, 0.8), item("trash can", 1, 2, 0.8), item("washing machine", 1, 1, 0.4),
                    item("plant", 1, 2, 0.5), item("vase", 1, 1, 0.4), item("stool", 1, 3, 0.4),
                    item("laptop", 1, 1, 0.2))),
            new RoomTheme("office", new double[] {8, 35}, List.of(
                    item("desk", 1, 3, 1.0), item("office chair", 1, 3, 1.0), item("monitor", 1, 3, 0.8),
                    item("laptop", 1, 2, 0.6), item("bookshelf", 1, 3, 0.8), item("cabinet", 1, 2, 0.6),
                    item("lamp", 1, 2, 0.5), item("plant", 1, 3, 0.7), item("trash can", 1, 2, 0.8),
                    item("sofa", 1, 1, 0.35), item("coffee table", 1, 1, 0.3), item("side table", 1, 1, 0.3))),
            new RoomTheme("bathroom", new double[] {8, 16}, List.of(
                    item("toilet", 1, 1, 1.0), item("sink", 1, 2, 1.0), item("bathtub", 1, 1, 0.8),
                    item("washing machine", 1, 1, 0.5), item("cabinet", 1, 1, 0.6), item("trash can", 1, 1, 0.7),
                    item("plant", 1, 1, 0.4), item("stool", 1, 1, 0.3))));
}
