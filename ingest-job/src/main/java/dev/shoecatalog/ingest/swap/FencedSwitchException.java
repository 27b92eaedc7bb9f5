package dev.shoecatalog.ingest.swap;

/** A switch refused because readers, the lease or the generation's record are no longer what this run saw. */
public final class FencedSwitchException extends RuntimeException {

    public FencedSwitchException(String message) {
        super(message);
    }
}
