package dev.shoecatalog.ingest.swap;

import dev.shoecatalog.ingest.write.RedisSearchVersion;

/**
 * A generation being loaded, and what the stores held and served when its run began.
 *
 * @param number      the new generation
 * @param before      the catalog before the run: readers stay there until the commit
 * @param searchIndex what became of its Redis search index
 * @param products    how many products it is loaded with
 * @param colorKeys   how many distinct color keys its products have
 */
public record Generation(long number, CatalogState before, RedisSearchIndexes.Outcome searchIndex, long products, long colorKeys) {

    public RedisSearchVersion search() {
        return searchIndex.version();
    }
}
