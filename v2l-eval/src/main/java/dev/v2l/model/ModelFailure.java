package dev.v2l.model;

/**
 * A request that did not produce an answer, typed so callers know whether retrying can help: client errors (4xx
 * other than 408/429) are permanent; rate limits, server errors, timeouts and dropped connections are transient.
 */
public final class ModelFailure extends Exception {

    private static final long serialVersionUID = 1L;

    /** What went wrong. */
    public enum Kind {
        /** 4xx other than 408 and 429: the request itself is wrong; retrying will not help. */
        CLIENT_ERROR(false),
        /** 429 Too Many Requests. */
        RATE_LIMITED(true),
        /** 5xx. */
        SERVER_ERROR(true),
        /** No response within the timeout (or 408). */
        TIMEOUT(true),
        /** The connection was refused, reset or dropped. */
        CONNECTION(true),
        /** A 200 whose body is not a chat completion. */
        BAD_RESPONSE(false);

        private final boolean transientFailure;

        Kind(boolean t) {
            this.transientFailure = t;
        }

        public boolean isTransient() {
            return transientFailure;
        }
    }

    private final Kind kind;
    private final int status;
    private final long retryAfterMillis;
    private final int attempts;

    public ModelFailure(Kind kind, int status, String message, long retryAfterMillis) {
        this(kind, status, message, retryAfterMillis, 1);
    }

    public ModelFailure(Kind kind, int status, String message, long retryAfterMillis, int attempts) {
        super(message);
        this.kind = kind;
        this.status = status;
        this.retryAfterMillis = retryAfterMillis;
        this.attempts = attempts;
    }

    /** The same failure after {@code n} attempts. */
    public ModelFailure afterAttempts(int n) {
        return new ModelFailure(kind, status, getMessage(), retryAfterMillis, n);
    }

    public int attempts() {
        return attempts;
    }

    public Kind kind() {
        return kind;
    }

    /** HTTP status, or 0 when there was none. */
    public int status() {
        return status;
    }

    /** The server's Retry-After, milliseconds, or -1. */
    public long retryAfterMillis() {
        return retryAfterMillis;
    }
}
