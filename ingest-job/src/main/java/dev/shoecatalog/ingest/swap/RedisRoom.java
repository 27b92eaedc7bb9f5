package dev.shoecatalog.ingest.swap;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Whether Redis has room for a new generation beside the ones it keeps, asked before anything is
 * written: products times the bytes per product the last load measured (or {@link #DEFAULT_BYTES_PER_PRODUCT}),
 * plus a margin, against what {@code maxmemory} leaves. A Redis without {@code maxmemory} is only warned about.
 */
public final class RedisRoom {

    /**
     * Per product and generation before any load has measured it: above the real export's 829 bytes
     * (documents, id hashes, colors and search index; docs/benchmarks/memory.md), where a large
     * generated catalog takes 676.
     */
    public static final long DEFAULT_BYTES_PER_PRODUCT = 1_000;
    /** The meta field where a load records what its generation cost per product. */
    public static final String MEASURED = "redisBytesPerProduct";
    private static final double MARGIN = 1.1;

    private final RedisGenerations redis;

    public RedisRoom(RedisGenerations redis) {
        this.redis = redis;
    }

    /** Refuses ({@link NoRoomInRedisException}) a load that would not fit; returns what the summary says of Redis's memory. */
    public String check(long products, OptionalLong current) {
        Optional<RedisGenerations.Memory> memory = redis.memory();
        long perProduct = current.isPresent() ? measured(redis.meta(current.getAsLong())) : DEFAULT_BYTES_PER_PRODUCT;
        long needed = (long) (products * perProduct * MARGIN);
        String estimate = String.format(Locale.ROOT, "the new generation needs about %s (%,d products x %,d bytes, +10%%)",
                mb(needed), products, perProduct);
        if (memory.isEmpty()) {
            return "WARNING: Redis's memory could not be read (this user may not run INFO), so " + estimate + " was not checked";
        }
        RedisGenerations.Memory m = memory.get();
        if (m.max() == 0) {
            return "WARNING: Redis has no maxmemory: " + estimate + " and " + mb(m.used()) + " are in use; a load that does not fit"
                    + " is found only when Redis runs out of memory";
        }
        long free = m.max() - m.used();
        if (needed > free) {
            throw new NoRoomInRedisException(estimate + ", but maxmemory " + mb(m.max()) + " leaves " + mb(Math.max(0, free))
                    + " free (" + mb(m.used()) + " in use); give Redis more memory: the generation readers use and the rollback one stay"
                    + " until the new one is served");
        }
        return estimate + "; " + mb(free) + " of maxmemory " + mb(m.max()) + " were free";
    }

    /** What a loaded generation cost in Redis per product: its growth of used memory over its products. */
    public static long perProduct(long usedBefore, long usedAfter, long products) {
        return products <= 0 ? DEFAULT_BYTES_PER_PRODUCT : Math.max(1, (usedAfter - usedBefore) / products);
    }

    private static long measured(Map<String, String> meta) {
        try {
            long value = Long.parseLong(meta.getOrDefault(MEASURED, ""));
            return value > 0 ? value : DEFAULT_BYTES_PER_PRODUCT;
        } catch (NumberFormatException notMeasured) {
            return DEFAULT_BYTES_PER_PRODUCT;
        }
    }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }
}
