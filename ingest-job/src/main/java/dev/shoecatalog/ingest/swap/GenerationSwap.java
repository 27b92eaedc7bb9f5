package dev.shoecatalog.ingest.swap;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;

import dev.shoecatalog.ingest.write.RedisSearchVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads beside the current generation and switches readers only to a complete one.
 * <ul>
 * <li>{@link #checkShrink} refuses a catalog much smaller than the one readers use, before anything is written;</li>
 * <li>{@link #begin} removes leftovers (everything but what readers use and the rollback generation)
 *     and prepares a new generation, numbered by the generation sequence and recorded as loading;</li>
 * <li>{@link #commit} verifies it and switches both stores or neither, each switch conditional on what
 *     readers used when the run began (fencing a run that stalled while another switched). Once both
 *     serve it the run has succeeded: the cleanup after that point only logs and reports what it could not remove;</li>
 * <li>{@link #abort} records a failed run's generation as abandoned and removes it, unless a store serves it;</li>
 * <li>{@link #rollback} returns both stores to the kept previous generation, both or neither.</li>
 * </ul>
 * Every change happens under the caller's {@link CatalogLease}; the registry's records
 * ({@link GenerationRecord}) say which generation is loading, committed or abandoned.
 */
public final class GenerationSwap {

    private static final Logger LOG = LoggerFactory.getLogger(GenerationSwap.class);

    private final RedisGenerations redis;
    private final ElasticsearchGenerations elasticsearch;
    private final CatalogLease lease;

    public GenerationSwap(RedisGenerations redis, ElasticsearchGenerations elasticsearch, CatalogLease lease) {
        this.redis = redis;
        this.elasticsearch = elasticsearch;
        this.lease = lease;
    }

    public CatalogState state() {
        Map<Long, GenerationRecord> records = redis.records();
        OptionalLong redisCurrent = redis.current();
        Set<Long> inRedis = new TreeSet<>(records.keySet());
        redisCurrent.ifPresent(inRedis::add);
        return new CatalogState(redisCurrent, elasticsearch.behindAlias(), inRedis, elasticsearch.existing(), records);
    }

    /**
     * Refuses (having written nothing) a catalog of {@code products} that has more than
     * {@code maxShrink} fewer products than the generation readers use: a short or partial export
     * must not replace a full catalog. An empty catalog takes any size. Returns the products readers use (0: none).
     */
    public long checkShrink(long products, double maxShrink) {
        CatalogState now = state();
        long served = 0;
        if (now.redisCurrent().isPresent()) {
            served = redis.count(now.redisCurrent().getAsLong());
        }
        if (now.elasticCurrent().isPresent()) {
            served = Math.max(served, elasticsearch.count(now.elasticCurrent().getAsLong()));
        }
        if (served > 0 && products < served * (1 - maxShrink)) {
            throw new ShrinkRefusedException(String.format(java.util.Locale.ROOT,
                    "the new catalog has %d products, %.1f%% fewer than the %d readers use (%s); more than --max-shrink %.2f."
                            + " If the catalog really shrank, run again with --max-shrink 1", products,
                    100.0 * (served - products) / served, served, now.served(), maxShrink));
        }
        return served;
    }

    /**
     * Refuses ({@link NoRoomInRedisException}, having written nothing) a catalog of {@code products}
     * that would not fit in what Redis's {@code maxmemory} leaves; returns what the summary says of it.
     */
    public String checkRoom(long products) {
        return new RedisRoom(redis).check(products, redis.current());
    }

    /** Bytes Redis uses now, when this user may read it. */
    public OptionalLong redisUsedMemory() {
        return redis.memory().map(m -> OptionalLong.of(m.used())).orElse(OptionalLong.empty());
    }

    /**
     * Removes leftovers, then claims the next generation number (above any of the earlier Redis layout
     * too), creates its index in both stores and records its Redis layout, before any document.
     * {@code colorKeys}: how many distinct color keys the products have; {@code colorKeep}: how many of the
     * newest products Redis keeps per color key.
     */
    public Generation begin(RedisSearchMode searchMode, long products, long colorKeys, int colorKeep) {
        CatalogState before = state();
        List<String> problems = removeAllBut(before.kept(), before);
        problems.forEach(problem -> LOG.warn("{}; the next run tries again", problem));
        long floor = Math.max(before.highestNumber(), redis.earlierLayout().generations().stream().mapToLong(Long::longValue).max().orElse(0));
        long next = redis.claimNext(floor, lease.runId(), lease.holder());
        elasticsearch.create(next, products);
        RedisSearchIndexes.Outcome search = redis.search().create(next, searchMode);
        redis.writeLayout(next, products, colorKeys, colorKeep, search.label());
        LOG.info("Loading generation {} ({}; Redis search index: {})", next, before.served(), search.note());
        return new Generation(next, before, search, products, colorKeys);
    }

    /**
     * Verifies that both stores (and the Redis search index) hold {@code expectedProducts}, switches
     * readers in both, then removes what is no longer kept. Returns the cleanup problems, also stored
     * in the meta hash; throws only before the commit point, with readers where they were.
     */
    public List<String> commit(Generation generation, long expectedProducts, Map<String, String> meta, long timeoutMillis) {
        long g = generation.number();
        verify(generation, expectedProducts, timeoutMillis);
        redis.writeMeta(g, meta);
        switchBoth(g, generation.before(), GenerationRecord.prefix(GenerationRecord.State.LOADING, lease.runId()),
                new GenerationRecord(g, GenerationRecord.State.COMMITTED, lease.runId(), java.time.Instant.now()));
        LOG.info("Readers now use generation {}", g);
        // The commit point: nothing below may remove or alter g, or fail the run.
        Set<Long> kept = new TreeSet<>(Set.of(g));
        generation.before().redisCurrent().ifPresent(kept::add);
        kept.addAll(generation.before().elasticServed());
        List<String> problems = new ArrayList<>();
        try {
            problems.addAll(removeAllBut(kept, state()));
        } catch (RuntimeException e) {
            problems.add("could not list generations to remove: " + e.getMessage());
        }
        try {
            if (redis.earlierLayout().remove(redis.search())) {
                LOG.info("Removed the catalog of the earlier Redis layout");
            }
        } catch (RuntimeException e) {
            problems.add("could not remove the catalog of the earlier Redis layout: " + e.getMessage());
        }
        if (!problems.isEmpty()) {
            problems.forEach(problem -> LOG.warn("{}; the next run removes it", problem));
            try {
                redis.writeMeta(g, Map.of("cleanupProblems", String.join("; ", problems)));
            } catch (RuntimeException e) {
                LOG.warn("Could not record the cleanup problems in the meta hash: {}", e.getMessage());
            }
        }
        return problems;
    }

    private void verify(Generation generation, long expectedProducts, long timeoutMillis) {
        long g = generation.number();
        elasticsearch.finishLoad(g);
        long inRedis = redis.count(g);
        long inElastic = elasticsearch.count(g);
        if (inRedis != expectedProducts || inElastic != expectedProducts) {
            throw new GenerationCheckException("generation " + g + " is incomplete: expected " + expectedProducts
                    + " products, Redis has " + inRedis + ", Elasticsearch has " + inElastic);
        }
        if (generation.search() != RedisSearchVersion.NONE) {
            redis.search().check(g, expectedProducts, timeoutMillis);
        }
    }

    /**
     * Best effort: records the generation a failed run was writing as abandoned (its writers still
     * running stop at their next batch), then removes it from each store that answers and does not
     * serve it (after a split switch one store may); the next run removes whatever is left.
     */
    public void abort(Generation generation) {
        long g = generation.number();
        try {
            redis.record(new GenerationRecord(g, GenerationRecord.State.ABANDONED, lease.runId(), java.time.Instant.now()), lease.holder());
        } catch (RuntimeException e) {
            LOG.warn("Could not record generation {} as abandoned ({}); the run holding the catalog next removes it", g, e.getMessage());
        }
        if (servesSomethingElse(redis::current, g)) {
            try {
                redis.drop(g);
            } catch (RuntimeException e) {
                LOG.warn("Could not remove generation {} from Redis ({}); the next run removes it", g, e.getMessage());
            }
        }
        if (servesSomethingElse(elasticsearch::current, g)) {
            try {
                elasticsearch.drop(g);
            } catch (RuntimeException e) {
                LOG.warn("Could not remove generation {} from Elasticsearch ({}); the next run removes it", g, e.getMessage());
            }
        }
    }

    /** Whether the store answers and serves another generation than g (or none). */
    private static boolean servesSomethingElse(CurrentGeneration current, long g) {
        try {
            return !current.read().equals(OptionalLong.of(g));
        } catch (RuntimeException unreachable) {
            LOG.warn("Could not read which generation readers use ({}); generation {} is left there for the next run", unreachable.getMessage(), g);
            return false;
        }
    }

    /**
     * Switches readers in both stores back to the kept previous generation (or, after a half-done
     * switch, to the older of the two served), verified complete first. The generation rolled back
     * from stays until the next load. Returns the state before.
     */
    public CatalogState rollback() {
        CatalogState before = state();
        long target = before.rollbackTarget().orElseThrow(() -> new NothingToRollBackException(
                "no earlier generation is kept to roll back to (" + before.served() + ")"));
        String products = redis.meta(target).get(dev.shoecatalog.model.CatalogKeys.META_PRODUCTS);
        long inRedis = redis.count(target);
        long inElastic = elasticsearch.count(target);
        if (products == null || Long.parseLong(products) != inRedis || inRedis != inElastic) {
            throw new GenerationCheckException("generation " + target + " is incomplete (meta says " + products
                    + " products, Redis has " + inRedis + ", Elasticsearch has " + inElastic + "); readers not switched");
        }
        switchBoth(target, before, GenerationRecord.prefix(GenerationRecord.State.COMMITTED), null);
        LOG.info("Rolled back: readers now use generation {} ({} before)", target, before.served());
        return before;
    }

    /**
     * Elasticsearch first, then Redis, each conditional on what readers used in {@code before}; if Redis
     * refuses, Elasticsearch goes back (conditionally too). Throws with readers named when both are not on g.
     */
    private void switchBoth(long g, CatalogState before, String expectedRecord, GenerationRecord newRecord) {
        lease.confirm();
        try {
            elasticsearch.switchTo(OptionalLong.of(g), before.elasticServed());
        } catch (RuntimeException e) {
            if (!serves(elasticsearch::current, g)) {
                throw new FencedSwitchException("the Elasticsearch alias could not be switched to generation " + g + " ("
                        + e.getMessage() + "); readers not moved: " + describeNow());
            }
        }
        try {
            redis.switchTo(g, before.redisCurrent(), expectedRecord, newRecord, lease.holder());
        } catch (RuntimeException redisFailure) {
            if (serves(redis::current, g) && !(redisFailure instanceof redis.clients.jedis.exceptions.JedisDataException)) {
                return; // the SET went through; only its answer was lost
            }
            try {
                elasticsearch.switchTo(before.elasticCurrent(), Set.of(g));
            } catch (RuntimeException undoFailure) {
                throw new ReadersSplitException("readers are split: Elasticsearch serves generation " + g + ", Redis serves "
                        + describe(redis::current) + ". Redis did not switch (" + redisFailure.getMessage()
                        + ") and the Elasticsearch alias could not be switched back (" + undoFailure.getMessage()
                        + "). Run the job with --rollback, or a new load, to put both on one generation", redisFailure);
            }
            throw new FencedSwitchException("Redis could not be switched to generation " + g + " (" + redisFailure.getMessage()
                    + "); the Elasticsearch alias was switched back, readers keep what they had: " + before.served());
        }
    }

    /** What readers use now, for messages: read again, since another run may have moved them. */
    private String describeNow() {
        return "Redis serves " + describe(redis::current) + ", Elasticsearch serves " + describe(elasticsearch::current);
    }

    /**
     * Drops, in each store, every generation it holds (per {@code existing}) that is not kept; returns
     * what failed. A generation still recorded as loading belongs to a run that lost the lease to this
     * one: it is recorded as abandoned first, so that its writers stop.
     */
    private List<String> removeAllBut(Set<Long> kept, CatalogState existing) {
        List<String> problems = new ArrayList<>();
        for (long g : existing.inRedis()) {
            if (!kept.contains(g)) {
                try {
                    GenerationRecord record = existing.records().get(g);
                    if (record != null && record.state() == GenerationRecord.State.LOADING) {
                        redis.record(new GenerationRecord(g, GenerationRecord.State.ABANDONED, record.run(), java.time.Instant.now()),
                                lease.holder());
                    }
                    redis.drop(g);
                } catch (RuntimeException e) {
                    problems.add("could not remove generation " + g + " from Redis: " + e.getMessage());
                }
            }
        }
        for (long g : existing.inElastic()) {
            if (!kept.contains(g)) {
                try {
                    elasticsearch.drop(g);
                } catch (RuntimeException e) {
                    problems.add("could not remove generation " + g + " from Elasticsearch: " + e.getMessage());
                }
            }
        }
        return problems;
    }

    private interface CurrentGeneration {
        OptionalLong read();
    }

    private static boolean serves(CurrentGeneration current, long g) {
        try {
            return current.read().equals(OptionalLong.of(g));
        } catch (RuntimeException unreachable) {
            return false;
        }
    }

    private static String describe(CurrentGeneration current) {
        try {
            return CatalogState.text(current.read());
        } catch (RuntimeException unreachable) {
            return "an unknown generation (unreachable: " + unreachable.getMessage() + ")";
        }
    }
}
