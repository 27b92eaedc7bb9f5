package dev.shoecatalog.ingest.swap;

/** This run no longer holds (or can no longer vouch for) the catalog's lease: it must not switch readers. */
public final class LeaseLostException extends RuntimeException {

    public LeaseLostException(String message) {
        super(message);
    }
}
