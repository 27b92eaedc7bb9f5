package dev.shoecatalog.ingest.swap;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

import dev.shoecatalog.ingest.config.RedisSettings;
import dev.shoecatalog.model.CatalogKeys;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Response;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;
import redis.clients.jedis.util.SafeEncoder;

/**
 * The driver's view of generations in Redis: which is current, the registry's records, and claiming,
 * checking, switching and dropping one. Every change of the registry, the sequence or the current
 * generation is a script that first checks the caller still holds the lease (the fencing of a run
 * that lost it). The search index lives in {@link RedisSearchIndexes}.
 */
public final class RedisGenerations {

    private static final int UNLINK_BATCH = 1000;
    private static final String LEASE_CHECK = "if redis.call('GET', KEYS[1]) ~= ARGV[1] then"
            + " return redis.error_reply('LEASE this run no longer holds ' .. KEYS[1]) end ";
    /** The next number of the sequence, above {@code floor}, recorded as loading. */
    private static final String CLAIM = LEASE_CHECK
            + "local n = redis.call('INCR', KEYS[2]) local floor = tonumber(ARGV[2])"
            + " if n <= floor then n = floor + 1 redis.call('SET', KEYS[2], n) end"
            + " redis.call('HSET', KEYS[3], n, ARGV[3]) return n";
    private static final String MARK = LEASE_CHECK + "redis.call('HSET', KEYS[2], ARGV[2], ARGV[3]) return 'OK'";
    /**
     * Switches readers only if readers still use what the caller saw ({@code ARGV[3]}, empty for none)
     * and the target's record starts as expected; then records it as {@code ARGV[5]} (unless empty).
     */
    private static final String SWITCH = LEASE_CHECK
            + "local current = redis.call('GET', KEYS[2]) or ''"
            + " if current ~= ARGV[3] then return redis.error_reply('FENCED readers use generation ' .. current"
            + " .. ', not ' .. ARGV[3] .. ' as this run saw') end"
            + " local record = redis.call('HGET', KEYS[3], ARGV[2]) or ''"
            + " if string.sub(record, 1, #ARGV[4]) ~= ARGV[4] then return redis.error_reply('FENCED generation '"
            + " .. ARGV[2] .. ' is recorded as \"' .. record .. '\"') end"
            + " redis.call('SET', KEYS[2], ARGV[2]) if ARGV[5] ~= '' then redis.call('HSET', KEYS[3], ARGV[2], ARGV[5]) end"
            + " return 'OK'";

    /** The non-empty elements of the lists KEYS. */
    private static final String COUNT_WRITTEN = "local n = 0 for _, key in ipairs(KEYS) do"
            + " for _, doc in ipairs(redis.call('LRANGE', key, 0, -1)) do if doc ~= '' then n = n + 1 end end end return n";

    private final RedisSettings settings;
    private final RedisSearchIndexes search;
    private final EarlierLayout earlier;

    public RedisGenerations(RedisSettings settings) {
        this.settings = settings;
        this.search = new RedisSearchIndexes(settings);
        this.earlier = new EarlierLayout(settings);
    }

    public RedisSearchIndexes search() {
        return search;
    }

    public OptionalLong current() {
        try (UnifiedJedis jedis = settings.client()) {
            String value = jedis.get(CatalogKeys.CURRENT);
            return value == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(value));
        }
    }

    /** The registry's records. */
    public Map<Long, GenerationRecord> records() {
        try (UnifiedJedis jedis = settings.client()) {
            Map<Long, GenerationRecord> records = new TreeMap<>();
            jedis.hgetAll(CatalogKeys.REGISTRY).forEach((g, value) -> records.put(Long.parseLong(g),
                    GenerationRecord.parse(Long.parseLong(g), value)));
            return records;
        }
    }

    /** What versions before this layout left in Redis, removed by the first load of this one. */
    EarlierLayout earlierLayout() {
        return earlier;
    }

    /**
     * Takes the next number of the generation sequence (above {@code floor}, the highest number either
     * store holds) and records it as loading by {@code run}, before anything of it is written.
     */
    public long claimNext(long floor, String run, String leaseHolder) {
        String loading = new GenerationRecord(0, GenerationRecord.State.LOADING, run, Instant.now()).encode();
        try (UnifiedJedis jedis = settings.client()) {
            Object claimed = jedis.eval(CLAIM, List.of(CatalogKeys.LOCK, CatalogKeys.SEQUENCE, CatalogKeys.REGISTRY),
                    List.of(leaseHolder, Long.toString(floor), loading));
            return (Long) claimed;
        }
    }

    /** Records a new state of generation g, under the lease. */
    public void record(GenerationRecord record, String leaseHolder) {
        try (UnifiedJedis jedis = settings.client()) {
            jedis.eval(MARK, List.of(CatalogKeys.LOCK, CatalogKeys.REGISTRY),
                    List.of(leaseHolder, Long.toString(record.generation()), record.encode()));
        }
    }

    /** What {@code INFO memory} says: bytes used, and {@code maxmemory} (0: no limit). */
    public record Memory(long used, long max) {
    }

    /**
     * Redis's memory, or empty when the user may not run {@code INFO} (it is in ACL category
     * {@code @dangerous}). On a cluster, the sums over its masters, and no limit unless every master has
     * one: the documents spread over all slots, so each master holds its share.
     */
    public Optional<Memory> memory() {
        try (UnifiedJedis client = settings.client()) {
            List<Jedis> masters = settings.masters(client);
            try {
                long used = 0;
                long max = 0;
                boolean everyLimited = true;
                for (Jedis master : masters) {
                    Map<String, String> info = new TreeMap<>();
                    master.info("memory").lines().map(line -> line.split(":", 2)).filter(pair -> pair.length == 2)
                            .forEach(pair -> info.put(pair[0], pair[1].strip()));
                    used += Long.parseLong(info.get("used_memory"));
                    long limit = Long.parseLong(info.getOrDefault("maxmemory", "0"));
                    everyLimited &= limit > 0;
                    max += limit;
                }
                return Optional.of(new Memory(used, everyLimited ? max : 0));
            } finally {
                masters.forEach(Jedis::close);
            }
        } catch (redis.clients.jedis.exceptions.JedisAccessControlException refused) {
            return Optional.empty();
        }
    }

    /**
     * Number of products in generation g: the written elements of its document lists, as many lists as its
     * layout says it has, counted on the server ({@value #UNLINK_BATCH} lists per round trip).
     */
    public long count(long g) {
        try (UnifiedJedis jedis = settings.client()) {
            long buckets = CatalogKeys.docBuckets(layoutNumber(jedis.hgetAll(CatalogKeys.meta(g)), CatalogKeys.META_PRODUCTS));
            long count = 0;
            for (long first = 0; first < buckets; first += UNLINK_BATCH) {
                // One script per list: on a cluster the lists are in many slots.
                List<Response<Object>> counts = new ArrayList<>();
                try (AbstractPipeline pipeline = jedis.pipelined()) { // closed: it holds a connection of the pool
                    for (long b = first; b < Math.min(buckets, first + UNLINK_BATCH); b++) {
                        counts.add(pipeline.evalReadonly(COUNT_WRITTEN, List.of(CatalogKeys.docList(g, b)), List.of()));
                    }
                    pipeline.sync();
                }
                for (Response<Object> written : counts) {
                    count += (Long) written.get();
                }
            }
            return count;
        }
    }

    /**
     * Records how generation g is laid out (its product count, id hashes, color hashes, kept color ranks
     * and search index) before its first document, so that whatever of it a crashed run leaves is found
     * from its own meta hash.
     */
    public void writeLayout(long g, long products, long colorKeys, int colorKeep, String searchIndex) {
        writeMeta(g, Map.of(CatalogKeys.META_PRODUCTS, Long.toString(products),
                CatalogKeys.META_ID_BUCKETS, Long.toString(CatalogKeys.idBuckets(products)),
                CatalogKeys.META_COLOR_BUCKETS, Long.toString(CatalogKeys.colorBuckets(colorKeys)),
                CatalogKeys.META_COLOR_KEEP, Integer.toString(colorKeep),
                CatalogKeys.META_SEARCH_INDEX, searchIndex,
                CatalogKeys.META_SEARCH_WORDS, CatalogKeys.SEARCH_WORDS_AS_TAGS));
    }

    public Map<String, String> meta(long g) {
        try (UnifiedJedis jedis = settings.client()) {
            return jedis.hgetAll(CatalogKeys.meta(g));
        }
    }

    public void writeMeta(long g, Map<String, String> meta) {
        try (UnifiedJedis jedis = settings.client()) {
            jedis.hset(CatalogKeys.meta(g), meta);
        }
    }

    /**
     * Readers use generation g from now on: one {@code SET}, refused unless {@code leaseHolder} still
     * holds the lease, readers still use {@code expectedCurrent}, and g's record starts with
     * {@code expectedRecord}; then g is recorded as {@code newRecord} (null: unchanged).
     */
    public void switchTo(long g, OptionalLong expectedCurrent, String expectedRecord, GenerationRecord newRecord, String leaseHolder) {
        String expected = expectedCurrent.isPresent() ? Long.toString(expectedCurrent.getAsLong()) : "";
        try (UnifiedJedis jedis = settings.client()) {
            jedis.eval(SWITCH, List.of(CatalogKeys.LOCK, CatalogKeys.CURRENT, CatalogKeys.REGISTRY), List.of(leaseHolder,
                    Long.toString(g), expected, expectedRecord, newRecord == null ? "" : newRecord.encode()));
        }
    }

    /**
     * Removes the search index and every key of generation g, then its record (a no-op when there is
     * none), from what its meta hash says it holds: its document lists, id hashes and color hashes
     * (numbered from 0), the color strings their empty values name and, where the search module indexes
     * hashes, its search entries (a generation of the layout before the color hashes: the color sets its
     * set of color keys names); {@value #UNLINK_BATCH} {@code UNLINK}s per round trip, which free them off
     * Redis's main thread. A generation without a meta hash wrote nothing: the layout is written before its first key.
     */
    public void drop(long g) {
        search.drop(g);
        try (UnifiedJedis jedis = settings.client()) {
            Map<String, String> meta = jedis.hgetAll(CatalogKeys.meta(g));
            long products = layoutNumber(meta, CatalogKeys.META_PRODUCTS);
            unlinkNumbered(jedis, CatalogKeys.docBuckets(products), b -> CatalogKeys.docList(g, b));
            unlinkNumbered(jedis, layoutNumber(meta, CatalogKeys.META_ID_BUCKETS), b -> CatalogKeys.ids(g, b));
            if ("v2".equals(meta.get(CatalogKeys.META_SEARCH_INDEX))) {
                unlinkNumbered(jedis, products, rank -> CatalogKeys.searchEntry(g, rank));
            }
            unlinkColors(jedis, g, layoutNumber(meta, CatalogKeys.META_COLOR_BUCKETS));
            String colorKeys = CatalogKeys.colorKeys(g);
            unlinkMembers(jedis, colorKeys, key -> CatalogKeys.color(g, key));
            jedis.unlink(colorKeys);
            jedis.unlink(CatalogKeys.meta(g));
            jedis.hdel(CatalogKeys.REGISTRY, Long.toString(g));
        }
    }

    /** The color strings named by the empty values of the color hashes, then the hashes, {@value #UNLINK_BATCH} hashes at a time. */
    private static void unlinkColors(UnifiedJedis jedis, long g, long buckets) {
        for (long first = 0; first < buckets; first += UNLINK_BATCH) {
            List<Response<Map<byte[], byte[]>>> hashes = new ArrayList<>();
            try (AbstractPipeline pipeline = jedis.pipelined()) {
                for (long b = first; b < Math.min(buckets, first + UNLINK_BATCH); b++) {
                    hashes.add(pipeline.hgetAll(SafeEncoder.encode(CatalogKeys.colorBucket(g, b))));
                }
                pipeline.sync();
            }
            List<String> strings = new ArrayList<>();
            for (Response<Map<byte[], byte[]>> hash : hashes) {
                hash.get().forEach((colorKey, ranks) -> {
                    if (ranks.length == 0) {
                        strings.add(CatalogKeys.color(g, SafeEncoder.encode(colorKey)));
                    }
                });
            }
            unlink(jedis, strings);
        }
        unlinkNumbered(jedis, buckets, b -> CatalogKeys.colorBucket(g, b));
    }

    /** UNLINKs the key each member of a set names, {@value #UNLINK_BATCH} at a time. */
    static void unlinkMembers(UnifiedJedis jedis, String set, java.util.function.UnaryOperator<String> key) {
        ScanParams page = new ScanParams().count(UNLINK_BATCH);
        String cursor = ScanParams.SCAN_POINTER_START;
        do {
            ScanResult<String> members = jedis.sscan(set, cursor, page);
            unlink(jedis, members.getResult().stream().map(key).toList());
            cursor = members.getCursor();
        } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
    }

    private static void unlinkNumbered(UnifiedJedis jedis, long count, java.util.function.LongFunction<String> key) {
        for (long first = 0; first < count; first += UNLINK_BATCH) {
            List<String> keys = new ArrayList<>(UNLINK_BATCH);
            for (long i = first; i < Math.min(count, first + UNLINK_BATCH); i++) {
                keys.add(key.apply(i));
            }
            unlink(jedis, keys);
        }
    }

    /** One UNLINK per key in one pipeline: a cluster takes a multi-key command only for keys of one slot. */
    private static void unlink(UnifiedJedis jedis, List<String> keys) {
        if (keys.isEmpty()) {
            return;
        }
        try (AbstractPipeline pipeline = jedis.pipelined()) {
            keys.forEach(pipeline::unlink);
            pipeline.sync();
        }
    }

    private static long layoutNumber(Map<String, String> meta, String field) {
        String value = meta.get(field);
        return value == null ? 0 : Long.parseLong(value);
    }
}
