package dev.shoecatalog.ingest.write;

import java.io.Serializable;

import dev.shoecatalog.ingest.swap.Generation;
import dev.shoecatalog.model.CatalogKeys;

/**
 * What a writer task needs to know of the generation it writes, decided once on the driver.
 *
 * @param generation the generation number
 * @param idBuckets  how many hashes map ids to ranks ({@link CatalogKeys#idBuckets})
 * @param colorBuckets how many hashes hold the color keys ({@link CatalogKeys#colorBuckets})
 * @param search     how the search index takes documents
 */
public record RedisLayout(long generation, long idBuckets, long colorBuckets, RedisSearchVersion search) implements Serializable {

    public static RedisLayout of(Generation generation) {
        return new RedisLayout(generation.number(), CatalogKeys.idBuckets(generation.products()),
                CatalogKeys.colorBuckets(generation.colorKeys()), generation.search());
    }
}
