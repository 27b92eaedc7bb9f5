package dev.shoecatalog.ingest.swap;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;

import dev.shoecatalog.ingest.config.RedisSettings;
import dev.shoecatalog.model.CatalogKeys;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * The driver's view of generations in Redis: which is current, which exist, and registering, checking,
 * switching and dropping one. The search index lives in {@link RedisSearchIndexes}.
 */
public final class RedisGenerations {

    private static final int SCAN_COUNT = 1000;
    /** Switches readers only while the caller holds the catalog's lease (fencing a run that lost it). */
    private static final String SWITCH = "if redis.call('GET', KEYS[1]) ~= ARGV[1] then"
            + " return redis.error_reply('LEASE this run no longer holds ' .. KEYS[1]) end"
            + " redis.call('SET', KEYS[2], ARGV[2]) return 'OK'";

    private final RedisSettings settings;
    private final RedisSearchIndexes search;

    public RedisGenerations(RedisSettings settings) {
        this.settings = settings;
        this.search = new RedisSearchIndexes(settings);
    }

    public RedisSearchIndexes search() {
        return search;
    }

    public OptionalLong current() {
        try (Jedis jedis = settings.connect()) {
            String value = jedis.get(CatalogKeys.CURRENT);
            return value == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(value));
        }
    }

    /** Every generation that may have keys in Redis: the registered ones and the current one. */
    public Set<Long> existing() {
        try (Jedis jedis = settings.connect()) {
            Set<Long> generations = new TreeSet<>();
            jedis.smembers(CatalogKeys.GENERATIONS).forEach(g -> generations.add(Long.parseLong(g)));
            String current = jedis.get(CatalogKeys.CURRENT);
            if (current != null) {
                generations.add(Long.parseLong(current));
            }
            return generations;
        }
    }

    /** Records generation g before anything of it is written, so a crash leaves a findable leftover. */
    public void register(long g) {
        try (Jedis jedis = settings.connect()) {
            jedis.sadd(CatalogKeys.GENERATIONS, Long.toString(g));
        }
    }

    /** Number of products in generation g. */
    public long count(long g) {
        try (Jedis jedis = settings.connect()) {
            return jedis.zcard(CatalogKeys.latest(g));
        }
    }

    public Map<String, String> meta(long g) {
        try (Jedis jedis = settings.connect()) {
            return jedis.hgetAll(CatalogKeys.meta(g));
        }
    }

    public void writeMeta(long g, Map<String, String> meta) {
        try (Jedis jedis = settings.connect()) {
            jedis.hset(CatalogKeys.meta(g), meta);
        }
    }

    /** Readers use generation g from now on: one {@code SET}, refused unless {@code leaseHolder} still holds the lease. */
    public void switchTo(long g, String leaseHolder) {
        try (Jedis jedis = settings.connect()) {
            jedis.eval(SWITCH, List.of(CatalogKeys.LOCK, CatalogKeys.CURRENT), List.of(leaseHolder, Long.toString(g)));
        }
    }

    /** Removes the search index and every key of generation g, then its registration (a no-op when there is none). */
    public void drop(long g) {
        search.drop(g);
        try (Jedis jedis = settings.connect()) {
            ScanParams params = new ScanParams().match(CatalogKeys.generationPrefix(g) + "*").count(SCAN_COUNT);
            String cursor = ScanParams.SCAN_POINTER_START;
            do {
                ScanResult<String> page = jedis.scan(cursor, params);
                if (!page.getResult().isEmpty()) {
                    jedis.unlink(page.getResult().toArray(String[]::new));
                }
                cursor = page.getCursor();
            } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
            jedis.srem(CatalogKeys.GENERATIONS, Long.toString(g));
        }
    }
}
