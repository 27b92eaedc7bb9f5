package dev.shoecatalog.query.store;

/**
 * A store refused a request the service built (a 4xx that is not about load): a fault on our side,
 * answered 502 without the store's internals, which go to the log.
 */
public final class StoreRefusedException extends RuntimeException {

    private final StoreName store;

    public StoreRefusedException(StoreName store, String reasonForTheLog, Throwable cause) {
        super(reasonForTheLog, cause);
        this.store = store;
    }

    public StoreName store() {
        return store;
    }
}
