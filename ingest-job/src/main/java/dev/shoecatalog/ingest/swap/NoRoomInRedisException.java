package dev.shoecatalog.ingest.swap;

/** The new generation would not fit in what Redis's {@code maxmemory} leaves; nothing was written. */
public final class NoRoomInRedisException extends RuntimeException {

    public NoRoomInRedisException(String message) {
        super(message);
    }
}
