package dev.shoecatalog.ingest.swap;

/** A loaded generation does not hold what was written to it; readers are not switched. */
public final class GenerationCheckException extends RuntimeException {

    public GenerationCheckException(String message) {
        super(message);
    }
}
