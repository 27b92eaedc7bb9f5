package dev.shoecatalog.query.store;

import java.time.Instant;
import java.util.Optional;

/**
 * The generation a store serves, how many products it holds, and when its load finished (as the store
 * recorded it: Redis in the meta hash, Elasticsearch in the index's {@code _meta}; empty for a catalog
 * loaded before the job recorded it).
 */
public record GenerationInfo(long generation, long products, Optional<Instant> loadedAt) {
}
