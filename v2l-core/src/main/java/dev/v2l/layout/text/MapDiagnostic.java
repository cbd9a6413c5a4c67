package dev.v2l.layout.text;

/**
 * Something the map parser noticed: a repair it made to understand the text, an entry it dropped, or a note.
 *
 * @param kind    what sort of event
 * @param code    stable machine-readable code, e.g. {@code trailing-comma}, {@code missing-geometry}
 * @param offset  character offset in the text given to the parser where it happened
 * @param message human-readable explanation
 */
public record MapDiagnostic(Kind kind, String code, int offset, String message) {

    public enum Kind {
        /** The text was not valid as written; the parser understood it anyway. */
        REPAIR,
        /** An entry (or part of the text) could not be used and was left out. */
        DROPPED,
        /** Information, no loss. */
        NOTE,
        /** No map could be recovered. */
        ERROR;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    @Override
    public String toString() {
        return kind.code() + " " + code + " @" + offset + ": " + message;
    }
}
