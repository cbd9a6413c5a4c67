package dev.v2l.reason;

/**
 * The engine's result: the answer (as content: {@code "1.3"}, {@code "left"}, {@code "chair"},
 * {@code "Turn Left, Turn Right"}), its number when numeric (unrounded), and the trace — the readable derivation
 * that becomes a model's {@code <think>} text. When the map cannot answer (an object is missing), {@code answer} is
 * null and {@code failure} says why.
 */
public record Derivation(String answer, Double number, String trace, String failure) {

    public static Derivation of(String answer, Double number, String trace) {
        return new Derivation(answer, number, trace, null);
    }

    public static Derivation failed(String why, String trace) {
        return new Derivation(null, null, trace, why);
    }

    public boolean ok() {
        return answer != null;
    }
}
