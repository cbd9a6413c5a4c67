package dev.v2l.source.procedural;

import static org.assertj.core.api.Assertions.assertThat;

import dev.v2l.geom.OrientedRect;
import dev.v2l.geom.Prism;
import dev.v2l.geom.Vec2;
import dev.v2l.render.CameraPaths;
import dev.v2l.scene.CameraPose;
import dev.v2l.scene.Footprints;
import dev.v2l.scene.RoomRegion;
import dev.v2l.scene.Scene;
import dev.v2l.scene.SceneObject;
import dev.v2l.source.SceneJson;
import dev.v2l.source.SceneSources;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProceduralGeneratorTest {

    static final List<Scene> SCENES = new ProceduralSource(11, 150).loadAll();

    @Test
    void roomsAndObjectCountsAreInRange() {
        Set<String> labels = new HashSet<>();
        boolean lShaped = false;
        int thirty = 0;
        for (Scene s : SCENES) {
            double area = s.room().area().getAsDouble();
            assertThat(area).as(s.id()).isBetween(8.0, 60.0);
            assertThat(s.objects().size()).as(s.id()).isBetween(8, 30);
            lShaped |= s.room().regions().get(0).polygon().size() == 6;
            thirty += s.objects().size() >= 25 ? 1 : 0;
            s.objects().forEach(o -> labels.add(o.label()));
        }
        assertThat(labels.size()).as("categories used").isGreaterThanOrEqualTo(25);
        assertThat(lShaped).as("some rooms are L-shaped").isTrue();
        assertThat(thirty).as("some rooms are crowded").isPositive();
        assertThat(SCENES.stream().anyMatch(s -> s.labelCounts().values().stream().anyMatch(c -> c >= 3))).isTrue();
    }

    @Test
    void noTwoFootprintsOverlapUnlessStackedAndEverythingIsInside() {
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
                    boolean sameLevel = pa.verticalGap(pb) == 0 && !stacked;
                    if (sameLevel && pa.footprint().intersectionArea(pb.footprint()) > 1e-9) {
                        throw new AssertionError(s.id() + ": " + a.id() + " and " + b.id() + " interpenetrate");
                    }
                    if (stacked) {
                        SceneObject top = a.id().equals(b.parentId()) ? b : a;
                        SceneObject base = top == a ? b : a;
                        Prism t = Footprints.prismOf(top.box(), s.up());
                        Prism bs = Footprints.prismOf(base.box(), s.up());
                        assertThat(t.zMin()).isCloseTo(bs.zMax(), org.assertj.core.api.Assertions.within(1e-9));
                        assertThat(bs.footprint().intersectionArea(t.footprint()))
                                .isCloseTo(t.footprint().area(), org.assertj.core.api.Assertions.within(1e-9));
                    }
                }
            }
        }
    }

    private static boolean onBoundary(RoomRegion r, Vec2 p) {
        List<Vec2> poly = r.polygon();
        for (int i = 0; i < poly.size(); i++) {
            Vec2 a = poly.get(i);
            Vec2 b = poly.get((i + 1) % poly.size());
            double t = Math.max(0, Math.min(1, p.minus(a).dot(b.minus(a)) / b.minus(a).dot(b.minus(a))));
            if (p.distanceTo(a.plus(b.minus(a).times(t))) < 1e-6) {
                return true;
            }
        }
        return false;
    }

    @Test
    void sameSeedSameScenesAsBytes() {
        ProceduralSource a = new ProceduralSource(11, 5);
        ProceduralSource b = (ProceduralSource) SceneSources.open("procedural:seed=11,count=5");
        for (String id : a.ids()) {
            assertThat(SceneJson.write(b.scene(id))).isEqualTo(SceneJson.write(a.scene(id)));
        }
        assertThat(SceneJson.write(new ProceduralSource(12, 1).scene("proc-12-0000")))
                .isNotEqualTo(SceneJson.write(a.scene("proc-11-0000")));
    }

    @Test
    void walkThroughStaysInFreeSpaceAtEyeHeight() {
        for (Scene s : SCENES.subList(0, 40)) {
            List<CameraPose> poses = CameraPaths.walkThrough(s, 32, 3);
            assertThat(poses).hasSize(32);
            RoomRegion room = s.room().regions().get(0);
            for (CameraPose p : poses) {
                Vec2 at = s.up().floor(p.position());
                assertThat(room.contains(at)).as(s.id()).isTrue();
                assertThat(p.position().z()).isBetween(1.4, 1.7);
                assertThat(p.forward().z()).isNegative(); // tipped down a little
                for (SceneObject o : s.objects()) {
                    Prism pr = Footprints.prismOf(o.box(), s.up());
                    if (pr.zMin() < 1.2) {
                        assertThat(pr.footprint().contains(at)).as("%s camera inside %s", s.id(), o.id()).isFalse();
                    }
                }
            }
            // Smooth yaw: consecutive forward directions differ by at most ~25° (plus the look-around).
            for (int i = 1; i < poses.size(); i++) {
                Vec2 f0 = s.up().floor(poses.get(i - 1).forward());
                Vec2 f1 = s.up().floor(poses.get(i).forward());
                assertThat(Math.abs(dev.v2l.geom.Angles.signedDegrees(f0, f1))).isLessThan(40);
            }
        }
    }
}
