package dev.v2l.qa;

import dev.v2l.layout.text.Decimals;
import dev.v2l.layout.LayoutObject;
import dev.v2l.reason.Derivation;
import dev.v2l.reason.Query;
import dev.v2l.scene.SceneObject;

/**
 * VSI-Bench's {@code object_size_estimation}: the longest of length, width and height, whole centimetres. The truth
 * is the box's own longest edge, so boxes whose map (footprint + height) does not give it to the centimetre
 * (tilted boxes of real scans) are skipped.
 */
final class ObjectSizeEstimation extends ObjectSizeType {

    ObjectSizeEstimation() {
        super("object_size_estimation", Family.VSI, AnswerKind.INTEGER,
                "longest dimension (length, width or height) of an object, centimetres",
                Query.SizeMode.LONGEST_3D_CENTIMETRES, 0);
    }

    @Override
    String wording(String label) {
        return "What is the length of the longest dimension (length, width, or height) of the " + label
                + ", measured in centimeters?";
    }

    @Override
    String distrust(Drafting d, LayoutObject o, Derivation der) {
        SceneObject so = d.facts.in.scene().object(o.instanceId()).orElseThrow();
        double mapLongest = Math.max(o.footprint().longSide(), o.hasHeight() ? o.height().height() : 0);
        if (Math.abs(so.box().longestLength() - mapLongest) > d.th.maxTiltMetres()
                || !Decimals.format(so.box().longestLength() * 100, 0).equals(der.answer())) {
            return "tilted-box";
        }
        return null;
    }

    @Override
    public String blindAnswer(Question q, LabelPriors priors) {
        return Long.toString(Math.round(priors.of(q.label("target")).longest() * 100));
    }

    @Override
    public double[] plausibleRange() {
        return new double[] {20, 250};
    }

    @Override
    public double mixWeight() {
        return 1;
    }
}
