package dev.v2l.qa;

import java.util.List;

/** VSI-Bench's {@code obj_appearance_order}, VSI-Bench's wording. */
final class ObjAppearanceOrder extends AppearanceOrderType {

    ObjAppearanceOrder() {
        super("obj_appearance_order", Family.VSI,
                "first-time appearance order of four categories in the video (needs frames)");
    }

    @Override
    String wording(List<String> labels) {
        return "What will be the first-time appearance order of the following categories in the video: "
                + String.join(", ", labels) + "?";
    }

    @Override
    public double mixWeight() {
        return 1;
    }
}
