package dev.shoecatalog.ingest.swap;

/** The new catalog is smaller than the one readers use by more than {@code --max-shrink}; nothing was written. */
public final class ShrinkRefusedException extends RuntimeException {

    public ShrinkRefusedException(String message) {
        super(message);
    }
}
