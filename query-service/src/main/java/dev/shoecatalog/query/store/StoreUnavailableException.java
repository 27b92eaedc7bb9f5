package dev.shoecatalog.query.store;

/** A store cannot answer now (down, timed out, or no catalog loaded): the request gets 503. */
public final class StoreUnavailableException extends RuntimeException {

    private final StoreName store;

    public StoreUnavailableException(StoreName store, String message, Throwable cause) {
        super(message, cause);
        this.store = store;
    }

    public StoreName store() {
        return store;
    }
}
