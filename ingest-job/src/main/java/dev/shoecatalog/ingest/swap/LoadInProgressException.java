package dev.shoecatalog.ingest.swap;

/** Another run holds the catalog's lease; this one wrote nothing. */
public final class LoadInProgressException extends RuntimeException {

    public LoadInProgressException(String message) {
        super(message);
    }
}
