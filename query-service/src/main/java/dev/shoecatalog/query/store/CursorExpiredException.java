package dev.shoecatalog.query.store;

/** A search cursor pins a generation that is gone (two reloads since its first page): 410 Gone. */
public final class CursorExpiredException extends RuntimeException {

    public CursorExpiredException(String message) {
        super(message);
    }
}
