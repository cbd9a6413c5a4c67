package dev.v2l.source.procedural;

/**
 * What each room type holds and how it is arranged. Each step places what the library has models for; a missing
 * model or no room for a piece skips that piece.
 */
final class Recipes {

    private Recipes() {
    }

    static void bedroom(Furnisher f) {
        int bed = f.onWall(f.pick("bed"), f.longestWall(), f.wallLength(f.longestWall()) * (0.3 + 0.4
                * f.rnd.nextDouble()));
        if (bed < 0) {
            bed = f.againstWall(f.pick("bed"));
        }
        for (int side : new int[] {-1, 1}) {
            if (bed >= 0 && f.rnd.nextDouble() < 0.85) {
                int ns = f.beside(bed, f.pick("nightstand"), side, 0.05);
                if (ns >= 0 && f.rnd.nextDouble() < 0.7) {
                    f.onTop(ns, f.pick("lamp"));
                }
            }
        }
        maybe(f, 0.8, () -> f.againstWall(f.pick("wardrobe")));
        maybe(f, 0.45, () -> {
            int dr = f.againstWall(f.pick("dresser"));
            if (dr < 0) {
                dr = f.againstWall(f.pick("cabinet"));
            }
            if (dr >= 0 && f.rnd.nextDouble() < 0.4) {
                f.onTop(dr, f.pick("tv"));
            }
        });
        maybe(f, 0.35, () -> desk(f));
        plants(f, 0, 2);
        maybe(f, 0.3, () -> f.inCorner(f.pick("armchair")));
        maybe(f, 0.3, () -> f.againstWall(f.pick("bookshelf")));
        maybe(f, 0.3, () -> f.free(f.pick("trash bin"), false));
        maybe(f, 0.4, () -> f.againstWall(f.pick("radiator")));
    }

    static void livingRoom(Furnisher f) {
        int sofa = f.onWall(f.pick("sofa"), f.longestWall(), -1);
        if (sofa < 0) {
            sofa = f.againstWall(f.pick("sofa"));
        }
        int coffee = -1;
        if (sofa >= 0) {
            coffee = f.facing(sofa, f.pick("coffee table"), 0.35 + 0.15 * f.rnd.nextDouble(), 0);
            if (coffee < 0 && f.rnd.nextDouble() < 0.5) {
                coffee = f.facing(sofa, f.pick("table"), 0.5, 0);
            }
            int stand = f.acrossFrom(sofa, f.pick("tv stand"));
            if (stand >= 0) {
                f.onTop(stand, f.pick("tv"));
            } else {
                int cab = f.acrossFrom(sofa, f.pick("cabinet"));
                if (cab >= 0) {
                    f.onTop(cab, f.pick("tv"));
                }
            }
        }
        int armchairs = f.rnd.nextInt(3);
        for (int i = 0; i < armchairs; i++) {
            if (coffee >= 0 && f.rnd.nextBoolean()) {
                f.aroundTable(coffee, f.pick("armchair"), 2 + f.rnd.nextInt(2), 0);
            } else {
                f.inCorner(f.pick("armchair"));
            }
        }
        int shelves = f.rnd.nextInt(3);
        for (int i = 0; i < shelves; i++) {
            f.againstWall(f.pick("bookshelf"));
        }
        plants(f, 1, 3);
        maybe(f, 0.35, () -> {
            int t = f.central(f.pick("table"));
            if (t >= 0) {
                chairsAround(f, t, 2 + f.rnd.nextInt(3));
            }
        });
        maybe(f, 0.15, () -> f.againstWall(f.pick("piano")));
        maybe(f, 0.3, () -> f.againstWall(f.pick("cabinet")));
        maybe(f, 0.2, () -> f.free(f.pick("stool"), true));
        maybe(f, 0.4, () -> f.againstWall(f.pick("radiator")));
    }

    static void kitchen(Furnisher f) {
        // a run of units along the longest wall: refrigerator, cabinets, sink, oven, cabinets
        int wall = f.longestWall();
        double len = f.wallLength(wall);
        double t = 0.05;
        String[] run = {"refrigerator", "cabinet", "sink", "cabinet", "oven", "cabinet", "cabinet", "dishwasher"};
        int first = f.rnd.nextInt(2); // sometimes start with a cabinet
        int lastCabinet = -1;
        for (int i = first; i < run.length; i++) {
            Furnisher.Pick k = f.pick(run[i]);
            if (k == null) {
                continue;
            }
            if (t + k.w() > len - 0.05) {
                break;
            }
            int idx = f.onWall(k, wall, t + k.w() / 2);
            if (idx >= 0) {
                t += k.w() + 0.01;
                if (run[i].equals("cabinet")) {
                    lastCabinet = idx;
                }
            } else {
                t += 0.3; // something in the way (the door, a window): move along
            }
        }
        if (lastCabinet >= 0) {
            int counter = lastCabinet;
            f.onTop(counter, f.pick("stove"));
            maybe(f, 0.6, () -> f.onTop(lastCabinetOr(f, counter), f.pick("microwave")));
        }
        if (f.count("refrigerator") == 0) {
            f.againstWall(f.pick("refrigerator"));
        }
        if (f.count("sink") == 0) {
            f.againstWall(f.pick("sink"));
        }
        maybe(f, 0.6, () -> {
            int table = f.central(f.pick("table"));
            if (table >= 0) {
                chairsAround(f, table, 2 + f.rnd.nextInt(3));
            }
        });
        maybe(f, 0.7, () -> f.free(f.pick("trash bin"), false));
        maybe(f, 0.35, () -> f.free(f.pick("stool"), true));
        maybe(f, 0.4, () -> f.againstWall(f.pick("cabinet")));
        plants(f, 0, 1);
        maybe(f, 0.3, () -> f.againstWall(f.pick("washing machine")));
    }

    private static int lastCabinetOr(Furnisher f, int fallback) {
        for (int i = f.placed.size() - 1; i >= 0; i--) {
            if (f.placed.get(i).label().equals("cabinet") && f.placed.get(i).support() < 0) {
                return i;
            }
        }
        return fallback;
    }

    static void bathroom(Furnisher f) {
        f.againstWall(f.pick("toilet"));
        f.againstWall(f.pick("sink"));
        maybe(f, 0.3, () -> f.againstWall(f.pick("sink")));
        if (f.rnd.nextBoolean() || f.lib.models("bathtub").isEmpty()) {
            if (f.inCorner(f.pick("shower")) < 0) {
                f.againstWall(f.pick("shower"));
            }
        } else {
            f.againstWall(f.pick("bathtub"));
        }
        maybe(f, 0.4, () -> f.againstWall(f.pick("cabinet")));
        maybe(f, 0.6, () -> f.free(f.pick("trash bin"), false));
        maybe(f, 0.3, () -> f.againstWall(f.pick("washing machine")));
        maybe(f, 0.4, () -> f.againstWall(f.pick("radiator")));
        maybe(f, 0.3, () -> f.inCorner(f.pick("plant")));
        maybe(f, 0.2, () -> f.free(f.pick("stool"), true));
    }

    static void office(Furnisher f) {
        int desks = 1 + f.rnd.nextInt(3);
        for (int i = 0; i < desks; i++) {
            desk(f);
        }
        int shelves = 1 + f.rnd.nextInt(3);
        for (int i = 0; i < shelves; i++) {
            f.againstWall(f.pick("bookshelf"));
        }
        int cabinets = f.rnd.nextInt(3);
        for (int i = 0; i < cabinets; i++) {
            f.againstWall(f.pick("cabinet"));
        }
        plants(f, 1, 3);
        int bins = 1 + f.rnd.nextInt(2);
        for (int i = 0; i < bins; i++) {
            f.free(f.pick("trash bin"), false);
        }
        maybe(f, 0.4, () -> f.againstWall(f.pick("whiteboard")));
        maybe(f, 0.25, () -> {
            int sofa = f.againstWall(f.pick("sofa"));
            if (sofa >= 0) {
                f.facing(sofa, f.pick("coffee table"), 0.4, 0);
            }
        });
        maybe(f, 0.3, () -> f.againstWall(f.pick("radiator")));
    }

    static void diningRoom(Furnisher f) {
        int table = f.central(f.pick("table"));
        if (table >= 0) {
            chairsAround(f, table, 4 + f.rnd.nextInt(3));
            maybe(f, 0.4, () -> f.onTop(table, f.pick("vase")));
            maybe(f, 0.3, () -> f.onTop(table, f.pick("plant")));
        }
        int cabinets = 1 + f.rnd.nextInt(2);
        for (int i = 0; i < cabinets; i++) {
            int c = f.againstWall(f.rnd.nextBoolean() ? f.pick("cabinet") : f.pick("dresser"));
            if (c >= 0 && f.rnd.nextDouble() < 0.4) {
                f.onTop(c, f.pick("lamp"));
            }
        }
        maybe(f, 0.3, () -> f.againstWall(f.pick("bookshelf")));
        plants(f, 1, 2);
        maybe(f, 0.2, () -> {
            int s = f.againstWall(f.pick("tv stand"));
            if (s >= 0) {
                f.onTop(s, f.pick("tv"));
            }
        });
        maybe(f, 0.4, () -> f.againstWall(f.pick("radiator")));
    }

    /** The labels recipes place (for the test that each has a model in the embedded catalog). */
    static final java.util.List<String> LABELS = java.util.List.of("bed", "nightstand", "lamp", "wardrobe", "dresser",
            "cabinet", "tv", "desk", "chair", "office chair", "monitor", "laptop", "plant", "armchair", "bookshelf",
            "trash bin", "radiator", "sofa", "coffee table", "table", "tv stand", "piano", "stool", "refrigerator",
            "sink", "oven", "stove", "microwave", "dishwasher", "washing machine", "toilet", "shower", "bathtub",
            "whiteboard", "vase", "door", "window");

    /** Pieces a room of each type is filled up with, after its main arrangement, to a density like real rooms. */
    static void fill(Furnisher f, RoomType type, int target) {
        String[] wall;
        String[] loose;
        switch (type) {
            case BEDROOM -> {
                wall = new String[] {"bookshelf", "cabinet", "dresser"};
                loose = new String[] {"plant", "armchair", "trash bin", "stool", "chair"};
            }
            case LIVING_ROOM -> {
                wall = new String[] {"bookshelf", "cabinet"};
                loose = new String[] {"plant", "armchair", "stool", "trash bin", "chair"};
            }
            case KITCHEN -> {
                wall = new String[] {"cabinet"};
                loose = new String[] {"chair", "stool", "plant", "trash bin"};
            }
            case BATHROOM -> {
                wall = new String[] {"cabinet"};
                loose = new String[] {"plant", "trash bin", "stool"};
            }
            case OFFICE -> {
                wall = new String[] {"bookshelf", "cabinet", "desk"};
                loose = new String[] {"plant", "chair", "office chair", "trash bin"};
            }
            default -> {
                wall = new String[] {"cabinet", "bookshelf", "dresser"};
                loose = new String[] {"plant", "chair", "stool"};
            }
        }
        for (int tries = 0; tries < 40 && f.placed.size() < target; tries++) {
            double r = f.rnd.nextDouble();
            if (r < 0.35) {
                f.againstWall(f.pick(wall[f.rnd.nextInt(wall.length)]));
            } else if (r < 0.55) {
                onSomething(f, type == RoomType.BATHROOM || type == RoomType.KITCHEN);
            } else {
                String l = loose[f.rnd.nextInt(loose.length)];
                if (l.equals("plant") || l.equals("armchair")) {
                    f.inCorner(f.pick(l));
                } else {
                    f.free(f.pick(l), !l.equals("trash bin"));
                }
            }
        }
    }

    /** A lamp, plant or vase on a free top (a cabinet, dresser, desk, nightstand, bookshelf or table). */
    private static void onSomething(Furnisher f, boolean noLamps) {
        java.util.List<Integer> tops = new java.util.ArrayList<>();
        for (int i = 0; i < f.placed.size(); i++) {
            String l = f.placed.get(i).label();
            if (f.placed.get(i).support() < 0 && (l.equals("cabinet") || l.equals("dresser") || l.equals("desk")
                    || l.equals("nightstand") || l.equals("table") || l.equals("coffee table"))) {
                tops.add(i);
            }
        }
        if (!tops.isEmpty()) {
            String[] small = noLamps ? new String[] {"plant", "vase"} : new String[] {"lamp", "plant", "vase", "laptop"};
            f.onTop(tops.get(f.rnd.nextInt(tops.size())), f.pick(small[f.rnd.nextInt(small.length)]));
        }
    }

    /** A desk against a wall, a chair facing it, and a lamp, monitor or laptop on it. */
    static void desk(Furnisher f) {
        int d = f.againstWall(f.pick("desk"));
        if (d < 0) {
            return;
        }
        Furnisher.Pick chair = f.pick("office chair");
        if (chair == null || f.rnd.nextDouble() < 0.3) {
            chair = f.pick("chair");
        }
        f.aroundTable(d, chair, 0, 0);
        maybe(f, 0.6, () -> f.onTop(d, f.pick("lamp")));
        maybe(f, 0.6, () -> f.onTop(d, f.pick("monitor")));
        maybe(f, 0.4, () -> f.onTop(d, f.pick("laptop")));
        maybe(f, 0.4, () -> f.free(f.pick("trash bin"), false));
    }

    /** Chairs on the long sides (and, for long tables, the ends), one model for the whole table. */
    static void chairsAround(Furnisher f, int table, int n) {
        Furnisher.Pick chair = f.pick("chair");
        if (chair == null) {
            return;
        }
        var fp = f.placed.get(table).footprint();
        double longSide = 2 * fp.halfAlongU();
        int perSide = Math.max(1, (int) Math.floor(longSide / (chair.w() + 0.15)));
        int placedChairs = 0;
        for (int side = 0; side < 2 && placedChairs < n; side++) {
            for (int i = 0; i < perSide && placedChairs < n; i++) {
                double offset = perSide == 1 ? 0 : (i - (perSide - 1) / 2.0) * (longSide / perSide);
                // the same model and size for all the chairs of a table, as in a real set
                Furnisher.Pick same = new Furnisher.Pick(chair.label(), chair.model(), chair.w(), chair.d(), chair.h(),
                        chair.elevation());
                if (f.count("chair") < Furnisher.MAX_PER_LABEL && f.aroundTable(table, same, side, offset) >= 0) {
                    placedChairs++;
                }
            }
        }
        for (int side = 2; side < 4 && placedChairs < n && longSide > 1.6; side++) {
            if (f.count("chair") < Furnisher.MAX_PER_LABEL && f.aroundTable(table, chair, side, 0) >= 0) {
                placedChairs++;
            }
        }
    }

    static void plants(Furnisher f, int min, int max) {
        int n = min + f.rnd.nextInt(max - min + 1);
        for (int i = 0; i < n; i++) {
            if (f.inCorner(f.pick("plant")) < 0) {
                f.free(f.pick("plant"), true);
            }
        }
    }

    static void maybe(Furnisher f, double p, Runnable r) {
        if (f.rnd.nextDouble() < p) {
            r.run();
        }
    }
}
