package dev.v2l.qa;

import dev.v2l.layout.LayoutObject;
import dev.v2l.reason.Derivation;
import dev.v2l.reason.Query;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The appearance family: the order in which four categories first appear in the video (needs first-appearance
 * times). The four first appearances must be at least {@link Thresholds#appearanceGapSeconds} apart; each set of
 * four categories is asked once; the wrong options are other orders of the same four.
 */
abstract class AppearanceOrderType extends LetterType {

    AppearanceOrderType(String code, Family family, String description) {
        super(code, family, description);
    }

    abstract String wording(List<String> labels);

    @Override
    final void draft(Drafting d) {
        SceneFacts f = d.facts;
        List<String> labels = new ArrayList<>();
        for (List<LayoutObject> g : f.byKey.values()) {
            String label = g.get(0).label();
            if (f.firstAppearanceByLabel.containsKey(label)) {
                labels.add(label);
            }
        }
        if (labels.size() < 4) {
            d.reject(f.firstAppearanceByLabel.isEmpty() ? "no-appearance-times" : "fewer-than-4-categories-seen");
            return;
        }
        Set<String> seen = new HashSet<>();
        int attempts = 40 * d.perScene + 40;
        for (int a = 0; a < attempts && !d.full(); a++) {
            List<String> pick = new ArrayList<>(labels);
            d.shuffle(pick);
            pick = new ArrayList<>(pick.subList(0, 4));
            List<String> key = new ArrayList<>(pick);
            Collections.sort(key);
            if (!seen.add(String.join("|", key))) {
                continue;
            }
            double[] times = pick.stream().mapToDouble(f.firstAppearanceByLabel::get).sorted().toArray();
            boolean apart = true;
            for (int i = 1; i < times.length; i++) {
                apart &= times[i] - times[i - 1] >= d.th.appearanceGapSeconds();
            }
            if (!apart) {
                d.reject("appearance-too-close");
                continue;
            }
            Derivation der = d.engine(new Query.AppearanceOrder(pick));
            Set<String> used = new HashSet<>();
            used.add(der.answer());
            List<String> others = new ArrayList<>();
            while (others.size() < 3) {
                List<String> perm = new ArrayList<>(pick);
                d.shuffle(perm);
                String s = String.join(", ", perm);
                if (used.add(s)) {
                    others.add(s);
                }
            }
            List<QuestionObject> objs = new ArrayList<>();
            for (String l : pick) {
                objs.add(new QuestionObject(l, null, "choice"));
            }
            d.accept(new Draft(this, wording(pick), der.answer(), others, objs, java.util.Map.of(), der.trace()));
        }
    }

    @Override
    public final Query query(Question q) {
        return new Query.AppearanceOrder(q.labels("choice"));
    }
}
