package dev.v2l.layout;

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
}
