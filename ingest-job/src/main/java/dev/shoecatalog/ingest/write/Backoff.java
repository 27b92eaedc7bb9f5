package dev.shoecatalog.ingest.write;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with jitter, for retries of one batch: the n-th wait is between half and all of
 * {@code first * 2^n} (at most {@code max}), so that tasks refused at the same moment do not all come
 * back at the same moment.
 */
final class Backoff {

    private final long maxMillis;
    private long nextMillis;

    Backoff(long firstMillis, long maxMillis) {
        this.nextMillis = firstMillis;
        this.maxMillis = maxMillis;
    }

    /** The wait before the next attempt; each call doubles the one after. */
    long nextDelayMillis() {
        long ceiling = nextMillis;
        nextMillis = Math.min(nextMillis * 2, maxMillis);
        return ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1);
    }

    void sleep() {
        try {
            Thread.sleep(nextDelayMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while backing off", e);
        }
    }
}
