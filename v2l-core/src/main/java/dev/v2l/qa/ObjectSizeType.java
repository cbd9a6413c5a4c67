package dev.v2l.qa;

import dev.v2l.layout.LayoutObject;
import dev.v2l.reason.Derivation;
import dev.v2l.reason.Query;
import java.util.List;

/** The size family, objects: a dimension of one unique object, computed from its map entry. */
abstract class ObjectSizeType extends QuestionType {

    private final Query.SizeMode mode;
    private final int decimals;

    ObjectSizeType(String code, Family family, AnswerKind kind, String description, Query.SizeMode mode,
            int decimals) {
        super(code, family, kind, description);
        this.mode = mode;
        this.decimals = decimals;
    }

    abstract String wording(String label);

    /** Why this object's answer cannot be trusted, or null (checked before the zero check). */
    String distrust(Drafting d, LayoutObject o, Derivation der) {
        return null;
    }

    @Override
    final void draft(Drafting d) {
        d.singles(o -> {
            Derivation der = d.engine(new Query.ObjectSize(o.label(), mode, decimals));
            String why = distrust(d, o, der);
            if (why != null) {
                d.reject(why);
                return;
            }
            if (Double.parseDouble(der.answer()) == 0) {
                d.reject("size-rounds-to-zero");
                return;
            }
            d.acceptOpen(wording(o.label()), der, List.of(Drafting.obj(o, "target")));
        });
    }

    @Override
    public final Query query(Question q) {
        return new Query.ObjectSize(q.label("target"), mode, decimals);
    }
}
