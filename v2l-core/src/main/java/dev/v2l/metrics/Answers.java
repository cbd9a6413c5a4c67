package dev.v2l.metrics;

/** Taking the answer out of a model's response. */
public final class Answers {

    private Answers() {
    }

    /**
     * The text inside the first {@code <answer>…</answer>} (after qa.py's clean-up of spaces around tag
     * characters), stripped; the whole response when it has no complete answer tag; "" for null.
     */
    public static String extract(String response) {
        if (response == null) {
            return "";
        }
        if (response.contains("answer")) {
            String a = V2loReward.extractAnswer(V2loReward.removeSpaceAroundTagCharacters(response));
            if (a != null) {
                return a;
            }
        }
        return response;
    }
}
