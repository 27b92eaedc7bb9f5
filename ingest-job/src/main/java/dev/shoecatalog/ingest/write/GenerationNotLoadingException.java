package dev.shoecatalog.ingest.write;

/** A writer found its generation no longer loading (abandoned, or removed by a run that took over): it stops. */
public final class GenerationNotLoadingException extends RuntimeException {

    public GenerationNotLoadingException(String message) {
        super(message);
    }
}
