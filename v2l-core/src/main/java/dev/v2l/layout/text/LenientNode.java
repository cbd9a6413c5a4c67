package dev.v2l.layout.text;

import java.util.List;

/** A value read by {@link LenientJson}, with the offset where it starts in the parsed text. */
sealed interface LenientNode {

    int offset();

    /** {@code junk}: characters inside it had to be skipped (so an empty one is not a clean {}). */
    record Obj(int offset, List<Member> members, boolean junk) implements LenientNode {
    }

    record Member(String key, int keyOffset, LenientNode value) {
    }

    record Arr(int offset, List<LenientNode> items, boolean junk) implements LenientNode {
        Arr(int offset, List<LenientNode> items) {
            this(offset, items, false);
        }
    }

    /** A number, already converted to metres when it carried a unit. */
    record Num(int offset, double value, boolean integral) implements LenientNode {
    }

    record Str(int offset, String value) implements LenientNode {
    }

    /** true, false or null (value null). */
    record Lit(int offset, Boolean value) implements LenientNode {
    }

    /** The values of a list of numbers, or null when one item is not a number. */
    static double[] numbers(List<LenientNode> items) {
        double[] out = new double[items.size()];
        for (int i = 0; i < out.length; i++) {
            if (!(items.get(i) instanceof LenientNode.Num n)) {
                return null;
            }
            out[i] = n.value();
        }
        return out;
    }
}
