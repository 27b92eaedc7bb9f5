package dev.shoecatalog.query.store;

/** The store has no search capability (Redis without the search module): the request gets 501. */
public final class SearchUnsupportedException extends RuntimeException {

    public SearchUnsupportedException(String message) {
        super(message);
    }
}
