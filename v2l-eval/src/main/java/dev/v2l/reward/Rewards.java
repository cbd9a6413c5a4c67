package dev.v2l.reward;

import dev.v2l.io.BadInputException;
import dev.v2l.layout.Layout;
import dev.v2l.layout.text.MapParseResult;
import dev.v2l.layout.text.MapParser;
import dev.v2l.metrics.MapMetrics;
import dev.v2l.metrics.PyText;
import dev.v2l.metrics.V2loReward;
import dev.v2l.qa.Question;
import dev.v2l.qa.QuestionType;
import dev.v2l.qa.Questions;
import dev.v2l.reason.Derivation;
import dev.v2l.reason.EngineContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The rewards, by name. {@code Rewards.v2lo().score(response, groundTruth)} is Video2Layout's reward exactly
 * ({@link V2loReward}); {@link #v2lMap} adds a map term and a consistency term with their own weights.
 */
public final class Rewards {

    public static final List<String> KINDS = List.of("v2lo", "v2l-map");

    private Rewards() {
    }

    public static RewardFunction v2lo() {
        return v2lo(V2loReward.DEFAULT_FORMAT_WEIGHT);
    }

    public static RewardFunction v2lo(double formatWeight) {
        return new V2lo(new V2loReward(formatWeight));
    }

    /** The weights of the {@code v2l-map} reward; with map and consistency weights 0 it equals {@code v2lo}. */
    public record Weights(double format, double map, double consistency, double tau, boolean aligned) {
        public static final Weights DEFAULT = new Weights(V2loReward.DEFAULT_FORMAT_WEIGHT, 0, 0,
                MapMetrics.DEFAULT_TAU, false);

        public Weights {
            if (format < 0 || map < 0 || consistency < 0 || format + map + consistency > 1) {
                throw new BadInputException(null, null, null,
                        "reward weights must be >= 0 and sum to at most 1, got format "
                        + format + ", map " + map + ", consistency " + consistency);
            }
            if (!(tau > 0)) {
                throw new BadInputException(null, null, null, "tau must be > 0, got " + tau);
            }
        }
    }

    public static RewardFunction v2lMap(Weights w) {
        return new V2lMap(w);
    }

    /** The reward of a kind name; a helpful error for a wrong one. */
    public static RewardFunction byKind(String kind, Weights w) {
        return switch (kind) {
            case "v2lo" -> v2lo(w.format());
            case "v2l-map" -> v2lMap(w);
            default -> throw new BadInputException(null, null, null, "unknown reward kind '" + kind + "'; available: "
                    + String.join(", ", KINDS));
        };
    }

    private record V2lo(V2loReward reward) implements RewardFunction, AsciiScorer {
        @Override
        public String kind() {
            return "v2lo";
        }

        @Override
        public RewardResult scoreCleanedAscii(byte[] cleaned, int n, int[] lt, int count,
                dev.v2l.metrics.GroundTruth groundTruth) {
            V2loReward.Score s = reward.scoreCleanedAscii(cleaned, n, lt, count, groundTruth);
            return new RewardResult(s.overall(), s.format(), s.accuracy(), null, null);
        }

        @Override
        public RewardResult score(RewardInput in) {
            V2loReward.Score s = reward.score(in.response(), in.groundTruth());
            return new RewardResult(s.overall(), s.format(), s.accuracy(), null, null);
        }

        @Override
        public RewardFunction withFormatWeight(double formatWeight) {
            return v2lo(formatWeight);
        }
    }

    /**
     * {@code overall = (1 − wf − wm − wc)·accuracy + wf·format + wm·map + wc·consistency}. {@code map} is the F1 of
     * the response's {@code <map>} against {@code gt_layout} (stated, or after alignment); {@code consistency} is 1
     * when the answer equals what the response's own map implies (the engine on the parsed map). A term that cannot
     * be computed (no {@code gt_layout}; no question objects) is reported as null and its weight goes to accuracy.
     */
    private static final class V2lMap implements RewardFunction {
        private final Weights w;
        private final V2loReward base;
        private final Map<String, Layout> truthCache = java.util.Collections.synchronizedMap(
                new LinkedHashMap<>(256, 0.75f, true) {
                    private static final long serialVersionUID = 1L;

                    @Override
                    protected boolean removeEldestEntry(Map.Entry<String, Layout> e) {
                        return size() > 4096;
                    }
                });

        V2lMap(Weights w) {
            this.w = w;
            this.base = new V2loReward(w.format());
        }

        @Override
        public String kind() {
            return "v2l-map";
        }

        @Override
        public boolean readsQuestionFields() {
            return true;
        }

        @Override
        public RewardFunction withFormatWeight(double formatWeight) {
            return new V2lMap(new Weights(formatWeight, w.map(), w.consistency(), w.tau(), w.aligned()));
        }

        @Override
        public RewardResult score(RewardInput in) {
            V2loReward.Score s = base.score(in.response(), in.groundTruth());
            MapParseResult parsed = null;
            Double map = null;
            if (in.gtLayout() != null) { // reported whatever its weight, for monitoring
                Layout truth = truthCache.computeIfAbsent(in.gtLayout(), t -> {
                    MapParseResult r = MapParser.lenient().parse(t);
                    return r.layout();
                });
                if (truth != null) {
                    parsed = MapParser.lenient().parse(in.response());
                    if (parsed.layout() == null) {
                        map = 0.0;
                    } else {
                        MapMetrics.Comparison c = MapMetrics.compare(parsed.layout(), truth, w.tau());
                        map = (w.aligned() ? c.aligned() : c.stated()).f1();
                    }
                }
            }
            Double consistency = consistency(in, parsed);
            double accWeight = 1 - w.format() - (map == null ? 0 : w.map()) - (consistency == null ? 0
                    : w.consistency());
            double overall = accWeight * s.accuracy() + w.format() * s.format()
                    + (map == null ? 0 : w.map() * map) + (consistency == null ? 0 : w.consistency() * consistency);
            if (map == null && consistency == null) {
                overall = s.overall(); // exactly the v2lo arithmetic
            }
            return new RewardResult(overall, s.format(), s.accuracy(), map, consistency);
        }

        private Double consistency(RewardInput in, MapParseResult parsed) {
            if (in.questionType() == null || in.objects().isEmpty() && !"room_size_estimation".equals(
                    in.questionType())) {
                return null;
            }
            QuestionType type;
            try {
                type = QuestionType.byName(in.questionType());
            } catch (IllegalArgumentException e) {
                return null;
            }
            String answer = V2loReward.extractAnswer(V2loReward.removeSpaceAroundTagCharacters(in.response()));
            if (answer == null) {
                return 0.0;
            }
            MapParseResult p = parsed != null ? parsed : MapParser.lenient().parse(in.response());
            if (p.layout() == null) {
                return 0.0;
            }
            Question q = new Question("", "", "", type, "", in.options(), in.groundTruth().asPythonStr(),
                    in.objects(), in.params(), "", Map.of());
            Derivation d;
            try {
                d = Questions.derive(q, p.layout(), EngineContext.NONE);
            } catch (IllegalArgumentException e) {
                return null; // the objects do not fit the type
            }
            String implied = Questions.answerOf(q, d);
            if (implied == null) {
                return 0.0;
            }
            if (!type.answerKind().numeric()) {
                return implied.toLowerCase(Locale.ROOT).equals(PyText.lower(answer)) ? 1.0 : 0.0;
            }
            Double a = PyText.parseFloat(answer);
            Double b = PyText.parseFloat(implied);
            if (a == null || b == null) {
                return 0.0;
            }
            int decimals = implied.contains(".") ? implied.length() - implied.indexOf('.') - 1 : 0;
            return Math.abs(a - b) <= 0.5 * Math.pow(10, -decimals) + 1e-9 ? 1.0 : 0.0;
        }
    }
}
