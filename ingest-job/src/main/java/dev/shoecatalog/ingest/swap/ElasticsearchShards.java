package dev.shoecatalog.ingest.swap;

/**
 * {@code --elasticsearch-shards auto}: primaries for a catalog, so that each holds at most
 * {@link #TARGET_SHARD_BYTES} of documents, at {@link #BYTES_PER_DOCUMENT} each (measured on
 * real-layout data, index included). Elasticsearch's own guidance is 10 to 50 GB per shard; a shard
 * per 20 GB keeps searches parallel on a big catalog and a small one in one shard (no fan-out).
 */
public final class ElasticsearchShards {

    static final long BYTES_PER_DOCUMENT = 500;
    static final long TARGET_SHARD_BYTES = 20_000_000_000L;
    /** More primaries than this is never a catalog's need; it guards against an absurd product count. */
    static final int MAX_SHARDS = 64;

    private ElasticsearchShards() {
    }

    public static int forProducts(long products) {
        long bytes = Math.max(0, products) * BYTES_PER_DOCUMENT;
        return (int) Math.min(MAX_SHARDS, Math.max(1, (bytes + TARGET_SHARD_BYTES - 1) / TARGET_SHARD_BYTES));
    }
}
