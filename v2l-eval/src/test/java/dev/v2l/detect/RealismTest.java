package dev.v2l.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RealismTest {

    private static RenderTruth.Visible v(String label, double x0, double y0, double x1, double y1, double share) {
        return new RenderTruth.Visible(label + "_0", label, new PixelBox(x0, y0, x1, y1), share);
    }

    private static Detection d(String cls, double score, double x0, double y0, double x1, double y1) {
        return new Detection(cls, 0, score, new PixelBox(x0, y0, x1, y1));
    }

    @Test
    void matchesByGroupAtIouHalfBestScoreFirst() {
        Realism r = new Realism(Realism.Settings.DEFAULT);
        r.add(List.of(v("office chair", 0, 0, 100, 100, 0.1), v("dining table", 200, 0, 400, 100, 0.2),
                v("sofa", 0, 200, 300, 300, 0.3)), List.of(
                d("Chair", 0.9, 0, 0, 100, 100), // matches the chair
                d("Chair", 0.8, 5, 5, 100, 100), // a duplicate: the chair is taken, so it is wrong
                d("Desk", 0.7, 200, 0, 400, 100), // right place, wrong group: the table is missed
                d("Box", 0.6, 0, 200, 300, 300), // a sofa is no box
                d("Car", 0.5, 0, 0, 10, 10))); // a class of no indoor group still counts against precision
        assertThat(r.group("chair").truth()).isEqualTo(1);
        assertThat(r.group("chair").found()).isEqualTo(1);
        assertThat(r.group("chair").detections()).isEqualTo(2);
        assertThat(r.group("chair").precision()).isEqualTo(0.5);
        assertThat(r.group("table").recall()).isZero();
        assertThat(r.group("desk").precision()).isZero();
        assertThat(r.sceneLabel("office chair").recall()).isEqualTo(1.0);
        Realism.Count all = r.overall();
        assertThat(all.truth()).isEqualTo(2); // the sofa is no label the detector knows
        assertThat(all.found()).isEqualTo(1);
        assertThat(all.detections()).isEqualTo(5);
        assertThat(all.correct()).isEqualTo(1);
        assertThat(r.toJson().path("missed_as").path("table → Desk").asInt()).isEqualTo(1);
    }

    @Test
    void smallObjectsAreNotCountedAndDetectionsOfThemAreIgnored() {
        Realism r = new Realism(Realism.Settings.DEFAULT);
        r.add(List.of(v("monitor", 0, 0, 10, 10, 0.019), v("cup", 50, 50, 60, 60, 0.001)),
                List.of(d("Computer monitor", 0.9, 0, 0, 10, 11), d("Coffee cup", 0.4, 80, 80, 90, 90)));
        assertThat(r.group("monitor").truth()).isZero();
        assertThat(r.group("monitor").detections()).isZero(); // ignored: it overlaps a too-small monitor
        assertThat(r.group("cup").detections()).isEqualTo(1); // nowhere near the small cup: wrong
        assertThat(r.toJson().path("labels").path("monitor").path("ignored").asInt()).isEqualTo(1);
        assertThat(r.toJson().path("overall").path("recall").isNull()).isTrue();
    }

    @Test
    void eitherCupClassSeesACupAndEachTruthIsMatchedOnce() {
        Realism r = new Realism(Realism.Settings.DEFAULT);
        r.add(List.of(v("mug", 0, 0, 100, 100, 0.1), v("coffee cup", 100, 0, 200, 100, 0.1)),
                List.of(d("Mug", 0.9, 100, 0, 200, 100), d("Coffee cup", 0.8, 0, 0, 100, 100)));
        assertThat(r.group("cup").found()).isEqualTo(2);
        assertThat(r.group("cup").precision()).isEqualTo(1.0);
    }
}
