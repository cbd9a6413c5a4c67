package dev.v2l.qa;

import java.util.List;

/** VSI-Bench's {@code route_planning}, VSI-Bench's wording. */
final class RoutePlanning extends RouteType {

    RoutePlanning() {
        super("route_planning", Family.VSI, "fill the turns of a route through named landmarks");
    }

    @Override
    String wording(String start, List<String> waypoints) {
        StringBuilder sb = new StringBuilder("You are a robot beginning at the ").append(start).append(" facing the ")
                .append(waypoints.get(0)).append(". You want to navigate to the ")
                .append(waypoints.get(waypoints.size() - 1)).append(". You will perform the following actions (Note:"
                        + " for each [please fill in], choose either 'turn back,' 'turn left,' or 'turn right.'): ");
        int step = 1;
        for (int i = 0; i < waypoints.size(); i++) {
            if (i > 0) {
                sb.append(step++).append(". [please fill in] ");
            }
            sb.append(step++).append(". Go forward until the ").append(waypoints.get(i)).append(". ");
        }
        return sb.append("You have reached the final destination.").toString();
    }

    @Override
    public double mixWeight() {
        return 1;
    }
}
