package dev.shoecatalog.query.store;

/** A cursor that this store did not write: the request gets 400 naming {@code cursor}. */
public final class InvalidCursorException extends RuntimeException {

    public InvalidCursorException(String message) {
        super(message);
    }
}
