package dev.shoecatalog.ingest.swap;

/** {@code --rollback} found no complete earlier generation to return to. */
public final class NothingToRollBackException extends RuntimeException {

    public NothingToRollBackException(String message) {
        super(message);
    }
}
