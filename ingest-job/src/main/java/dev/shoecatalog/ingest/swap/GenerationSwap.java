package dev.shoecatalog.ingest.swap;

import java.util.Map;
import java.util.OptionalLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads beside the current generation and switches readers only to a complete one: {@link #begin}
 * prepares generation g+1 in both stores, {@link #commit} verifies the counts and switches each store
 * in one step (one {@code _aliases} call, one {@code SET}), then drops g-1 and keeps g for rollback.
 * {@link #abort} removes what a failed run wrote; the current generation is never touched before commit.
 */
public final class GenerationSwap {

    private static final Logger LOG = LoggerFactory.getLogger(GenerationSwap.class);

    private final RedisGenerations redis;
    private final ElasticsearchGenerations elasticsearch;

    public GenerationSwap(RedisGenerations redis, ElasticsearchGenerations elasticsearch) {
        this.redis = redis;
        this.elasticsearch = elasticsearch;
    }

    public Generation begin() {
        OptionalLong previousRedis = redis.current();
        OptionalLong previousElastic = elasticsearch.current();
        long next = Math.max(previousRedis.orElse(0), previousElastic.orElse(0)) + 1;
        Generation generation = new Generation(next, previousRedis, previousElastic, redis.searchVersion());
        // Leftovers of a run that failed with this number and could not clean up.
        redis.drop(next, generation.search());
        elasticsearch.drop(next);
        elasticsearch.create(next);
        redis.createSearchIndex(next, generation.search());
        LOG.info("Loading generation {} (current: Redis {}, Elasticsearch {}; Redis search index: {})", next,
                text(previousRedis), text(previousElastic), generation.search());
        return generation;
    }

    /** Verifies that both stores hold {@code expectedProducts}, then switches readers to the generation. */
    public void commit(Generation generation, long expectedProducts, Map<String, String> meta) {
        long g = generation.number();
        elasticsearch.finishLoad(g);
        long inRedis = redis.count(g);
        long inElastic = elasticsearch.count(g);
        if (inRedis != expectedProducts || inElastic != expectedProducts) {
            throw new GenerationCheckException("generation " + g + " is incomplete: expected " + expectedProducts
                    + " products, Redis has " + inRedis + ", Elasticsearch has " + inElastic);
        }
        redis.writeMeta(g, meta);
        elasticsearch.switchTo(g, generation.previousElastic());
        try {
            redis.switchTo(g);
        } catch (RuntimeException e) {
            generation.previousElastic().ifPresent(previous -> elasticsearch.switchTo(previous, OptionalLong.of(g)));
            throw e;
        }
        LOG.info("Readers now use generation {}", g);
        if (g >= 2) {
            redis.drop(g - 2, generation.search());
            elasticsearch.drop(g - 2);
        }
    }

    /** Best effort: removes the generation a failed run was writing. */
    public void abort(Generation generation) {
        long g = generation.number();
        try {
            redis.drop(g, generation.search());
        } catch (RuntimeException e) {
            LOG.warn("Could not remove Redis generation {} ({}); the next run removes it", g, e.getMessage());
        }
        try {
            elasticsearch.drop(g);
        } catch (RuntimeException e) {
            LOG.warn("Could not remove Elasticsearch index of generation {} ({}); the next run removes it", g, e.getMessage());
        }
    }

    private static String text(OptionalLong generation) {
        return generation.isPresent() ? Long.toString(generation.getAsLong()) : "none";
    }
}
