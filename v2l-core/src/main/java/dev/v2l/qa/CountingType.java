package dev.v2l.qa;

import dev.v2l.layout.Labels;
import dev.v2l.layout.LayoutObject;
import dev.v2l.reason.Derivation;
import dev.v2l.reason.Query;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The counting family: "how many {label}s". Labels the map shows are visited in a random order. The answer is the
 * room's count of the label: where the source states curated counts (VSI-Bench's {@code object_counts}) a label whose
 * boxes disagree with them is not asked. For benchmarks ({@link QaInput#roomCounts}) it is asked whatever the frames
 * show, so accuracy rises with the frames (the item says {@code "scope": "room"}); for training targets only when
 * the map shows every instance, so the map implies the answer. A label is asked about when the room has at least
 * {@link #minCount} instances of it.
 */
abstract class CountingType extends QuestionType {

    CountingType(String code, Family family, String description) {
        super(code, family, AnswerKind.INTEGER, description);
    }

    /** The fewest instances (in the room) a label needs to be asked about. */
    abstract int minCount(Thresholds th);

    /** The question for a label. */
    abstract String wording(String label);

    @Override
    final void draft(Drafting d) {
        int minCount = minCount(d.th);
        List<List<LayoutObject>> groups = new ArrayList<>(d.facts.byKey.values());
        d.shuffle(groups);
        boolean roomCounts = d.facts.in.roomCounts();
        for (List<LayoutObject> g : groups) {
            if (d.full()) {
                break;
            }
            String label = g.get(0).label();
            int inRoom = d.facts.sceneCounts.getOrDefault(Labels.key(label), g.size());
            Integer stated = d.facts.in.scene().room().statedCounts().get(label);
            if (stated != null && stated != inRoom) {
                d.reject("count-disagrees-with-annotation");
                continue;
            }
            int truth = roomCounts ? inRoom : g.size();
            if (truth < minCount) {
                d.reject("fewer-than-" + minCount + "-instances");
                continue;
            }
            if (!roomCounts && g.size() < inRoom) {
                d.reject("frames-miss-instances");
                continue;
            }
            Derivation der = d.engine(new Query.Count(label));
            List<QuestionObject> objs = new ArrayList<>();
            for (LayoutObject o : g) {
                objs.add(Drafting.obj(o, "target"));
            }
            if (!roomCounts) {
                d.acceptOpen(wording(label), der, objs);
                continue;
            }
            String trace = der.trace() + (truth == g.size() ? " The frames show every one in the room."
                    : " The room has " + truth + ": the frames show " + g.size() + " of them.");
            d.accept(new Draft(this, wording(label), Integer.toString(truth), List.of(), objs, Map.of("scope",
                    "room"), trace));
        }
    }

    @Override
    public final Query query(Question q) {
        return new Query.Count(q.labels("target").get(0));
    }

    @Override
    public String blindAnswer(Question q, LabelPriors priors) {
        return "2";
    }

    @Override
    public double[] plausibleRange() {
        return new double[] {1, 6};
    }
}
