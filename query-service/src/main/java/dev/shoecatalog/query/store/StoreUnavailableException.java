package dev.shoecatalog.query.store;

/**
 * A store cannot answer now (down, timed out, busy, or no catalog loaded): the request gets 503, with
 * {@code Retry-After} when the wait is known.
 */
public final class StoreUnavailableException extends RuntimeException {

    private final StoreName store;
    private final int retryAfterSeconds;

    public StoreUnavailableException(StoreName store, String message, Throwable cause) {
        this(store, message, cause, 0);
    }

    public StoreUnavailableException(StoreName store, String message, Throwable cause, int retryAfterSeconds) {
        super(message, cause);
        this.store = store;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** Seconds to wait before retrying, or 0 when unknown. */
    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public StoreName store() {
        return store;
    }
}
