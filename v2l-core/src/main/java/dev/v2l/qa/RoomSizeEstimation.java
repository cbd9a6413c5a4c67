package dev.v2l.qa;

/** VSI-Bench's {@code room_size_estimation}, VSI-Bench's wording. */
final class RoomSizeEstimation extends RoomSizeType {

    RoomSizeEstimation() {
        super("room_size_estimation", Family.VSI, "floor area of the room, square metres, 1 decimal");
    }

    @Override
    String wording() {
        return "What is the size of this room (in square meters)? If multiple rooms are shown, estimate the size of"
                + " the combined space.";
    }

    @Override
    public String blindAnswer(Question q, LabelPriors priors) {
        return "20.0";
    }

    @Override
    public double mixWeight() {
        return 1;
    }
}
