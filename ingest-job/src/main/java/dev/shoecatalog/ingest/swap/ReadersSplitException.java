package dev.shoecatalog.ingest.swap;

/** One store switched to the new generation and could not be switched back: the message says which serves which. */
public final class ReadersSplitException extends RuntimeException {

    public ReadersSplitException(String message, Throwable cause) {
        super(message, cause);
    }
}
