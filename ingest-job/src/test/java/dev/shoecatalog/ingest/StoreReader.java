package dev.shoecatalog.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import dev.shoecatalog.ingest.config.ElasticsearchSettings;
import dev.shoecatalog.ingest.config.RedisSettings;
import dev.shoecatalog.model.CatalogKeys;
import dev.shoecatalog.model.PackedRanks;
import dev.shoecatalog.model.Shoe;
import dev.shoecatalog.model.ShoeFields;
import dev.shoecatalog.model.ShoeJson;
import dev.shoecatalog.testsupport.ElasticsearchEndpoint;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;
import redis.clients.jedis.util.SafeEncoder;

/** Reads what the job wrote, the way a reader would: through shoes:current and the shoes alias. */
@SuppressWarnings("rawtypes")
public final class StoreReader implements AutoCloseable {

    private final RedisSettings settings;
    /** Reads the catalog's keys, on a standalone server or a cluster. */
    private final UnifiedJedis redis;
    private Jedis jedis;
    private final ElasticsearchClient elastic;

    public StoreReader(String redisUrl, ElasticsearchEndpoint endpoint) {
        this(RedisSettings.of(redisUrl, null, 100, 10_000), endpoint);
    }

    public StoreReader(RedisSettings settings, ElasticsearchEndpoint endpoint) {
        this.settings = settings;
        this.redis = settings.client();
        this.elastic = new ElasticsearchSettings(List.of(endpoint.url()), null, endpoint.username(), endpoint.password(),
                null, endpoint.caCert() == null ? null : endpoint.caCert().toString(), 100, 1 << 20, 0, 10_000, 1, "0").connect();
    }

    /** What one reader sees at one moment: the product count and the top ids of one generation. */
    public record Snapshot(long count, List<String> top) {
    }

    /** Resolves the current generation once, then reads its size and top n. */
    public Snapshot redisSnapshot(int n) {
        long g = redisGeneration().orElseThrow();
        long count = 0;
        for (long b = 0; b < CatalogKeys.docBuckets(products(g)); b++) {
            count += redis.lrange(CatalogKeys.docList(g, b), 0, -1).stream().filter(doc -> !doc.isEmpty()).count();
        }
        return new Snapshot(count, latest(g, null, n));
    }

    private long products(long g) {
        String products = redis.hget(CatalogKeys.meta(g), CatalogKeys.META_PRODUCTS);
        return products == null ? 0 : Long.parseLong(products);
    }

    /** Ids of the newest n of generation g, of a color key when given: its ranks as its layout holds them, else 0, 1, 2... */
    private List<String> latest(long g, String colorKey, int n) {
        long[] ranks = colorKey != null ? colorRanks(g, colorKey, n) : java.util.stream.LongStream.range(0, n).toArray();
        return java.util.Arrays.stream(ranks).mapToObj(rank -> doc(g, rank))
                .filter(doc -> doc != null && !doc.isEmpty()).map(ShoeJson::id).toList();
    }

    /** A color's newest ranks: in its bucket hash, or in a string of its own when its value there is empty. */
    public long[] colorRanks(long g, String colorKey, int n) {
        long buckets = Long.parseLong(redis.hget(CatalogKeys.meta(g), CatalogKeys.META_COLOR_BUCKETS));
        byte[] packed = redis.hget(SafeEncoder.encode(CatalogKeys.colorBucket(g, colorKey, buckets)), SafeEncoder.encode(colorKey));
        if (packed != null && packed.length == 0) {
            packed = redis.get(SafeEncoder.encode(CatalogKeys.color(g, colorKey)));
        }
        return packed == null ? new long[0] : PackedRanks.decode(packed, n);
    }

    private String doc(long g, long rank) {
        return redis.lindex(CatalogKeys.docs(g, rank), CatalogKeys.docSlot(rank));
    }

    /** Whether Redis holds anything of generation g: its first documents or its meta hash. */
    public boolean redisHasGeneration(long g) {
        return redis.exists(CatalogKeys.docs(g, 0)) || redis.exists(CatalogKeys.meta(g));
    }

    /** Whether the first documents of generation g are written. */
    public boolean redisHasDocuments(long g) {
        return redis.exists(CatalogKeys.docs(g, 0));
    }

    /** One search through the alias: its total and its top n. */
    public Snapshot elasticSnapshot(int n) {
        SearchResponse<Map> response = search(null, n);
        return new Snapshot(response.hits().total().value(), response.hits().hits().stream().map(Hit::id).toList());
    }

    public OptionalLong redisGeneration() {
        String current = redis.get(CatalogKeys.CURRENT);
        return current == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(current));
    }

    /** Documents indexed so far into the index of generation g, refreshed or not; 0 while it does not exist. */
    public long elasticIndexed(long generation) {
        String index = CatalogKeys.index(generation);
        try {
            return elastic.indices().stats(s -> s.index(index).metric("indexing"))
                    .indices().get(index).primaries().indexing().indexTotal();
        } catch (IOException | RuntimeException notThereYet) {
            return 0;
        }
    }

    /** Whether the index of generation g exists. */
    public boolean elasticHasIndex(long generation) {
        try {
            return elastic.indices().exists(e -> e.index(CatalogKeys.index(generation))).value();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Set<String> elasticIndexesBehindAlias() {
        try {
            return elastic.indices().getAlias(a -> a.name(CatalogKeys.ALIAS)).result().keySet();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Latest n ids of the current generation, optionally of a color key, from the sorted sets. */
    public List<String> redisLatest(String colorKey, int n) {
        return latest(redisGeneration().orElseThrow(), colorKey, n);
    }

    /** Every id of the current generation, from its document hashes. */
    public Set<String> redisIds() {
        long g = redisGeneration().orElseThrow();
        Set<String> ids = new TreeSet<>();
        for (long b = 0; b < CatalogKeys.docBuckets(products(g)); b++) {
            redis.lrange(CatalogKeys.docList(g, b), 0, -1).stream().filter(doc -> !doc.isEmpty())
                    .forEach(doc -> ids.add(ShoeJson.id(doc)));
        }
        return ids;
    }

    /** The document of an id in the current generation, found as a reader finds it: its rank from the id hashes. */
    public Shoe redisDoc(String id) {
        long g = redisGeneration().orElseThrow();
        long idBuckets = Long.parseLong(redis.hget(CatalogKeys.meta(g), CatalogKeys.META_ID_BUCKETS));
        String rank = redis.hget(CatalogKeys.ids(g, id, idBuckets), id);
        return rank == null ? null : ShoeJson.decode(doc(g, Long.parseLong(rank)));
    }

    /** The meta hash of generation g. */
    public Map<String, String> redisMeta(long g) {
        return redis.hgetAll(CatalogKeys.meta(g));
    }

    /** A connection to the (first) server, for what a test does beyond reading the catalog. */
    public Jedis jedis() {
        if (jedis == null) {
            jedis = settings.connect();
        }
        return jedis;
    }

    /** Latest n ids through the alias: term on colorKeys, sort dateUpdated desc then id desc. */
    public List<String> elasticLatest(String colorKey, int n) {
        return search(colorKey, n).hits().hits().stream().map(Hit::id).toList();
    }

    public Set<String> elasticIds() {
        return new TreeSet<>(elasticLatest(null, 10_000));
    }

    private SearchResponse<Map> search(String colorKey, int n) {
        try {
            return elastic.search(s -> {
                s.index(CatalogKeys.ALIAS).size(n).trackTotalHits(t -> t.enabled(true))
                        .sort(o -> o.field(f -> f.field(ShoeFields.DATE_UPDATED).order(SortOrder.Desc)))
                        .sort(o -> o.field(f -> f.field(ShoeFields.ID).order(SortOrder.Desc)));
                if (colorKey != null) {
                    s.query(q -> q.term(t -> t.field(ShoeFields.COLOR_KEYS).value(colorKey)));
                }
                return s;
            }, Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Generations that have any key in Redis, found by scanning (not from the job's own registry). */
    public Set<Long> redisGenerationsWithKeys() {
        Set<Long> generations = new TreeSet<>();
        scan("shoes:*", key -> generationOfKey(key).ifPresent(generations::add));
        scan(CatalogKeys.meta("*"), key -> generations.add(Long.parseLong(key.substring(key.lastIndexOf(':') + 1))));
        return generations;
    }

    /** Generations with an index in Elasticsearch. */
    public Set<Long> elasticGenerations() {
        try {
            Set<Long> generations = new TreeSet<>();
            elastic.indices().get(i -> i.index(CatalogKeys.INDEX_PATTERN).allowNoIndices(true)).result().keySet()
                    .forEach(index -> generations.add(CatalogKeys.generationOfIndex(index)));
            generations.remove(-1L);
            return generations;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code num_docs} of the RediSearch index of generation g. */
    public long searchIndexDocuments(long g) {
        List<?> info = (List<?>) jedis().sendCommand(() -> SafeEncoder.encode("FT.INFO"), CatalogKeys.index(g));
        for (int i = 0; i + 1 < info.size(); i += 2) {
            if ("num_docs".equals(SafeEncoder.encode((byte[]) info.get(i)))) {
                Object value = info.get(i + 1);
                return value instanceof Long number ? number : Long.parseLong(SafeEncoder.encode((byte[]) value));
            }
        }
        throw new IllegalStateException("FT.INFO has no num_docs");
    }

    /** Removes every generation, search index and catalog key from both stores: an empty catalog. */
    public void removeWholeCatalog() {
        Set<Long> generations = new TreeSet<>(redisGenerationsWithKeys());
        generations.addAll(elasticGenerations());
        redis.hkeys(CatalogKeys.REGISTRY).forEach(g -> generations.add(Long.parseLong(g)));
        for (long g : generations) {
            for (String[] drop : new String[][] {{"FT.DROP", CatalogKeys.index(g), "KEEPDOCS"}, {"FT.DROPINDEX", CatalogKeys.index(g)}}) {
                try {
                    jedis().sendCommand(() -> SafeEncoder.encode(drop[0]), java.util.Arrays.copyOfRange(drop, 1, drop.length));
                } catch (JedisDataException notThere) {
                    // No such index, or not this module version's command.
                }
            }
        }
        scan("shoes:*", redis::unlink);
        scan("{shoes}:*", redis::unlink);
        for (long g : elasticGenerations()) {
            try {
                elastic.indices().delete(d -> d.index(CatalogKeys.index(g)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Every key matching the pattern, on every master. */
    private void scan(String pattern, java.util.function.Consumer<String> action) {
        ScanParams params = new ScanParams().match(pattern).count(1000);
        List<Jedis> masters = settings.masters(redis);
        try {
            for (Jedis master : masters) {
                String cursor = ScanParams.SCAN_POINTER_START;
                do {
                    ScanResult<String> page = master.scan(cursor, params);
                    page.getResult().forEach(action);
                    cursor = page.getCursor();
                } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
            }
        } finally {
            masters.forEach(Jedis::close);
        }
    }

    private static java.util.Optional<Long> generationOfKey(String key) {
        String[] parts = key.split(":", 3);
        try {
            return parts.length == 3 ? java.util.Optional.of(Long.parseLong(parts[1])) : java.util.Optional.empty();
        } catch (NumberFormatException notAGeneration) {
            return java.util.Optional.empty();
        }
    }

    @Override
    public void close() {
        redis.close();
        if (jedis != null) {
            jedis.close();
        }
        ElasticsearchSettings.close(elastic);
    }
}
