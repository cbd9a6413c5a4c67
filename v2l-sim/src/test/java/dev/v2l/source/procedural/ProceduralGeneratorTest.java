package dev.v2l.source.procedural;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.v2l.asset.AssetLibrary;
import dev.v2l.asset.BuiltinModels;
import dev.v2l.asset.CatalogModel;
import dev.v2l.geom.OrientedRect;
import dev.v2l.geom.Prism;
import dev.v2l.geom.Vec2;
import dev.v2l.scene.Footprints;
import dev.v2l.scene.RoomRegion;
import dev.v2l.scene.Scene;
import dev.v2l.scene.SceneObject;
import dev.v2l.source.SceneJson;
import dev.v2l.source.SceneSources;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProceduralGeneratorTest {

    static final AssetLibrary LIB = AssetLibrary.embeddedOnly();
    static final List<Scene> SCENES = new ProceduralSource(11, 120, LIB).loadAll();
    /** Pieces that stand with their backs to a wall. */
    static final Set<String> WALL_PIECES = Set.of("bed", "wardrobe", "dresser", "bookshelf", "desk", "tv stand",
            "refrigerator", "toilet", "piano", "radiator", "whiteboard", "nightstand", "door", "window");

    /**
     * Room sizes spread as VSI-Bench's scanned rooms do (2–128 m², a tenth under 8 m², a tenth over 38 m²), so no one
     * answer is a good guess: the best constant scores about what it scores on VSI-Bench's rooms (33 there).
     */
    @Test
    void roomSizesSpreadSoNoConstantIsAGoodGuess() {
        double[] areas = SCENES.stream().mapToDouble(s -> s.room().regions().get(0).area()).sorted().toArray();
        assertThat(areas[areas.length / 10]).isLessThan(9.0);
        assertThat(areas[areas.length * 9 / 10]).isGreaterThan(38.0);
        double best = 0;
        for (double c = 3; c < 100; c += 0.1) {
            double sum = 0;
            for (double a : areas) {
                sum += dev.v2l.metrics.Mra.vsi(c, a);
            }
            best = Math.max(best, sum / areas.length);
        }
        assertThat(best).as("the best constant room size's mean relative accuracy").isLessThan(0.36);
    }

    @Test
    void everyRoomTypeWithPlausibleContents() {
        Map<String, Integer> types = new HashMap<>();
        Set<String> labels = new HashSet<>();
        boolean lShaped = false;
        for (Scene s : SCENES) {
            RoomRegion r = s.room().regions().get(0);
            types.merge(r.type(), 1, Integer::sum);
            lShaped |= r.polygon().size() == 6;
            assertThat(r.area()).as(s.id()).isBetween(3.4, 91.0);
            assertThat(s.objects().size()).as(s.id()).isBetween(7, 32);
            s.objects().forEach(o -> labels.add(o.label()));
            Map<String, Integer> counts = s.labelCounts();
            counts.forEach((l, n) -> assertThat(n).as("%s %s", s.id(), l).isLessThanOrEqualTo(6));
            assertThat(counts).as(s.id()).containsKey("door");
            Set<String> in = counts.keySet();
            switch (r.type()) {
                case "bedroom" -> assertThat(in).as(s.id()).contains("bed");
                case "living room" -> assertThat(in).as(s.id()).contains("sofa");
                case "kitchen" -> assertThat(in).as(s.id()).contains("refrigerator");
                case "bathroom" -> assertThat(in).as(s.id()).contains("toilet");
                case "office" -> assertThat(in).as(s.id()).contains("desk");
                case "dining room" -> assertThat(in).as(s.id()).contains("table", "chair");
                default -> throw new AssertionError("unknown room type " + r.type());
            }
        }
        assertThat(types.keySet()).containsExactlyInAnyOrder("bedroom", "living room", "kitchen", "bathroom",
                "office", "dining room");
        assertThat(lShaped).as("some rooms are L-shaped").isTrue();
        assertThat(labels.size()).as("labels used").isGreaterThanOrEqualTo(24);
        assertThat(SCENES.stream().anyMatch(s -> s.objects().size() >= 20)).as("some rooms are full").isTrue();
    }

    @Test
    void boxesAreTheModelsAtCatalogSizesAndNameTheirAssets() {
        for (Scene s : SCENES) {
            for (SceneObject o : s.objects()) {
                assertThat(o.asset()).as(o.id()).isNotNull();
                if (BuiltinModels.isBuiltin(o.asset())) {
                    continue;
                }
                CatalogModel m = LIB.resolve(o.asset());
                assertThat(o.asset().creator()).isEqualTo(m.creator()).isNotBlank();
                assertThat(o.asset().license()).isEqualTo(m.license());
                // one scale factor in 0.92–1.08 for all three sides: the model's own proportions
                double s0 = o.box().length0() / m.width();
                assertThat(s0).as(o.id()).isBetween(0.92 - 1e-9, 1.08 + 1e-9);
                assertThat(o.box().length1() / m.depth()).as(o.id()).isCloseTo(s0, within(1e-9));
                assertThat(o.box().length2() / m.height()).as(o.id()).isCloseTo(s0, within(1e-9));
            }
        }
    }

    @Test
    void noInterpenetrationEverythingInsideAndStackedPiecesRestOnTheirSupport() {
        for (Scene s : SCENES) {
            RoomRegion room = s.room().regions().get(0);
            List<SceneObject> objs = s.objects();
            for (SceneObject o : objs) {
                OrientedRect f = Footprints.footprintOf(o.box(), s.up());
                for (Vec2 c : f.corners()) {
                    assertThat(room.contains(c) || onBoundary(room, c)).as("%s %s corner %s", s.id(), o.id(), c)
                            .isTrue();
                }
            }
            for (int i = 0; i < objs.size(); i++) {
                for (int j = i + 1; j < objs.size(); j++) {
                    SceneObject a = objs.get(i);
                    SceneObject b = objs.get(j);
                    Prism pa = Footprints.prismOf(a.box(), s.up());
                    Prism pb = Footprints.prismOf(b.box(), s.up());
                    boolean stacked = b.id().equals(a.parentId()) || a.id().equals(b.parentId());
                    boolean overlapZ = pa.verticalGap(pb) == 0 && !stacked;
                    if (overlapZ && pa.footprint().intersectionArea(pb.footprint()) > 1e-9) {
                        throw new AssertionError(s.id() + ": " + a.id() + " and " + b.id() + " interpenetrate");
                    }
                    if (stacked) {
                        SceneObject top = a.id().equals(b.parentId()) ? b : a;
                        SceneObject base = top == a ? b : a;
                        Prism t = Footprints.prismOf(top.box(), s.up());
                        Prism bs = Footprints.prismOf(base.box(), s.up());
                        assertThat(t.zMin()).isCloseTo(bs.zMax(), within(1e-9));
                        assertThat(bs.footprint().intersectionArea(t.footprint()))
                                .isCloseTo(t.footprint().area(), within(1e-9));
                    }
                }
            }
        }
    }

    @Test
    void wallPiecesStandBackToAWallAndMostFurnitureIsSquareToTheRoom() {
        int aligned = 0;
        int all = 0;
        for (Scene s : SCENES) {
            RoomRegion room = s.room().regions().get(0);
            for (SceneObject o : s.objects()) {
                OrientedRect f = Footprints.footprintOf(o.box(), s.up());
                Vec2 u = new Vec2(o.box().axis0().x(), o.box().axis0().y());
                boolean square = Math.abs(u.x()) > 1 - 1e-9 || Math.abs(u.y()) > 1 - 1e-9;
                if (o.parentId() == null) {
                    all++;
                    aligned += square ? 1 : 0;
                }
                if (WALL_PIECES.contains(o.label())) {
                    assertThat(square).as("%s %s square to the walls", s.id(), o.id()).isTrue();
                    // the back edge (−axis1 side) lies on a wall, within 3 cm
                    Vec2 v = new Vec2(o.box().axis1().x(), o.box().axis1().y());
                    Vec2 back = f.center().minus(v.times(o.box().length1() / 2));
                    assertThat(wallDistance(room, back)).as("%s %s back to a wall", s.id(), o.id())
                            .isLessThan(0.031);
                }
            }
        }
        assertThat(aligned / (double) all).as("share square to the walls").isGreaterThan(0.7);
    }

    @Test
    void sameSeedSameScenesAsBytes() {
        ProceduralSource a = new ProceduralSource(11, 5, LIB);
        ProceduralSource b = (ProceduralSource) SceneSources.open("procedural:seed=11,count=5,assets=embedded");
        for (String id : a.ids()) {
            assertThat(SceneJson.write(b.scene(id))).isEqualTo(SceneJson.write(a.scene(id)));
        }
        assertThat(SceneJson.write(new ProceduralSource(12, 1, LIB).scene("proc-12-0000")))
                .isNotEqualTo(SceneJson.write(a.scene("proc-11-0000")));
    }

    static double wallDistance(RoomRegion r, Vec2 p) {
        List<Vec2> poly = r.polygon();
        double best = Double.MAX_VALUE;
        for (int i = 0; i < poly.size(); i++) {
            Vec2 a = poly.get(i);
            Vec2 b = poly.get((i + 1) % poly.size());
            double t = Math.max(0, Math.min(1, p.minus(a).dot(b.minus(a)) / b.minus(a).dot(b.minus(a))));
            best = Math.min(best, p.distanceTo(a.plus(b.minus(a).times(t))));
        }
        return best;
    }

    private static boolean onBoundary(RoomRegion r, Vec2 p) {
        return wallDistance(r, p) < 1e-6;
    }
}
