package dev.shoecatalog.ingest.swap;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.shoecatalog.ingest.config.RedisSettings;
import dev.shoecatalog.ingest.write.RedisSearchVersion;
import dev.shoecatalog.model.CatalogKeys;
import dev.shoecatalog.model.SearchEntry;
import dev.shoecatalog.model.ShoeFields;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.commands.ProtocolCommand;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.util.SafeEncoder;

/**
 * A generation's RediSearch index: created before any document, checked before readers switch,
 * dropped with its generation. The module is found from the index itself, not {@code MODULE LIST}
 * (an admin command that least-privilege users and managed services refuse): RediSearch 1.x accepts
 * and ignores {@code ON HASH PREFIX}, and only 2.x+ reports an {@code index_definition} in {@code FT.INFO}.
 */
public final class RedisSearchIndexes {

    private static final ProtocolCommand FT_CREATE = command("FT.CREATE");
    private static final ProtocolCommand FT_INFO = command("FT.INFO");
    private static final ProtocolCommand FT_DROP = command("FT.DROP");
    private static final ProtocolCommand FT_DROPINDEX = command("FT.DROPINDEX");
    /** Brand tags are split on a control character, which {@link dev.shoecatalog.model.Keys} never leaves in a brand. */
    static final String BRAND_SEPARATOR = "\u001f";
    private static final long INDEXING_POLL_MILLIS = 100;
    /** {@code INFO modules}' version of the search module in Redis 8.0. */
    private static final int REDIS_8_SEARCH = 80000;

    private final RedisSettings settings;

    RedisSearchIndexes(RedisSettings settings) {
        this.settings = settings;
    }

    /** What became of a generation's index: the module's version, or why there is none. */
    public record Outcome(RedisSearchVersion version, String note) {
        public String label() {
            return switch (version) {
                case V1_ADD -> "v1";
                case V2_PREFIX -> "v2";
                case NONE -> "none";
            };
        }
    }

    /**
     * Creates the index of generation g. A server without the module, or one that refuses the index,
     * gives {@link RedisSearchVersion#NONE} with the reason: search is optional, the load goes on.
     */
    public Outcome create(long g, RedisSearchMode mode) {
        if (mode == RedisSearchMode.OFF) {
            return new Outcome(RedisSearchVersion.NONE, "turned off (--redis-search off)");
        }
        if (settings.cluster()) {
            String without = withoutClusterIndex(mode);
            if (without != null) {
                return new Outcome(RedisSearchVersion.NONE, without);
            }
        }
        try (UnifiedJedis jedis = settings.client()) {
            jedis.sendCommand(CatalogKeys.index(g), FT_CREATE, definition(g).toArray(String[]::new));
            return switch (mode) {
                case V1 -> new Outcome(RedisSearchVersion.V1_ADD, "RediSearch 1.x (--redis-search v1)");
                case V2 -> new Outcome(RedisSearchVersion.V2_PREFIX, "RediSearch 2.x+ (--redis-search v2)");
                default -> info(jedis, g).containsKey("index_definition")
                        ? new Outcome(RedisSearchVersion.V2_PREFIX, "RediSearch 2.x+ (indexes hashes by prefix)")
                        : new Outcome(RedisSearchVersion.V1_ADD, "RediSearch 1.x (documents added with FT.ADD)");
            };
        } catch (JedisDataException refused) {
            String message = String.valueOf(refused.getMessage());
            return new Outcome(RedisSearchVersion.NONE, message.toLowerCase(Locale.ROOT).contains("unknown command")
                    ? "this Redis has no search module" : "the search index could not be created: " + message);
        }
    }

    /**
     * Why a cluster gets no index, or null when it can have one: only a query engine on every master
     * (Redis 8's, which answers a search over all shards) indexes a catalog spread over many slots;
     * RediSearch 1.x and 2.x index each shard alone. {@code --redis-search v2} is taken at its word.
     */
    private String withoutClusterIndex(RedisSearchMode mode) {
        if (mode == RedisSearchMode.V2) {
            return null;
        }
        if (mode == RedisSearchMode.V1) {
            return "RediSearch 1.x cannot index across the shards of a Redis Cluster (--redis-search v1)";
        }
        try (UnifiedJedis client = settings.client()) {
            List<Jedis> masters = settings.masters(client);
            try {
                for (Jedis master : masters) {
                    int version = searchModuleVersion(master.info("modules"));
                    if (version < REDIS_8_SEARCH) {
                        return "a Redis Cluster searches across shards only with Redis 8's query engine on every master; "
                                + (version == 0 ? "a master has no search module" : "a master has search module version " + version);
                    }
                }
                return null;
            } finally {
                masters.forEach(Jedis::close);
            }
        } catch (JedisDataException refused) {
            return "could not tell whether every master of the Redis Cluster has Redis 8's query engine (INFO modules: "
                    + refused.getMessage() + ")";
        }
    }

    /** The {@code ver} of module {@code search} (or {@code ft}) in {@code INFO modules}, 0 without one. */
    static int searchModuleVersion(String infoModules) {
        for (String line : infoModules.lines().toList()) {
            if (line.startsWith("module:name=search,") || line.startsWith("module:name=ft,")) {
                for (String part : line.substring("module:".length()).split(",")) {
                    if (part.startsWith("ver=")) {
                        return Integer.parseInt(part.substring(4).strip());
                    }
                }
            }
        }
        return 0;
    }

    /**
     * Free text on the name's words, matched whole, without stemming or stop words, as in Elasticsearch:
     * both stores find the same shoes.
     */
    private static List<String> definition(long g) {
        // Only what queries filter on, and the rank to sort on (NOINDEX: no range index, which would cost
        // about 80 bytes per product). The words, already split and lowercased (SearchWords), are tags: a
        // query matches each whole, which is what it asks, and a distinct word costs the index less than a
        // text term (about 190 bytes, not 280, with RediSearch 1.x; a real catalog has more distinct words than
        // products). No text field is left: no term frequencies, offsets or field masks either.
        return List.of(CatalogKeys.index(g), "ON", "HASH", "PREFIX", "1", CatalogKeys.searchEntryPrefix(g), "NOOFFSETS", "NOFREQS", "NOFIELDS",
                "STOPWORDS", "0", "SCHEMA",
                ShoeFields.NAME_WORDS, "TAG", "SEPARATOR", " ",
                ShoeFields.BRAND_KEY, "TAG", "SEPARATOR", BRAND_SEPARATOR,
                ShoeFields.COLOR_KEYS, "TAG", "SEPARATOR", SearchEntry.TAG_SEPARATOR,
                ShoeFields.PRICE_MIN, "NUMERIC",
                ShoeFields.LATEST_RANK, "NUMERIC", "SORTABLE", "NOINDEX");
    }

    /**
     * Fails unless the index of generation g holds exactly {@code products} documents with no indexing
     * failure. RediSearch 2.x+ indexes in the background: waits for it, at most {@code timeoutMillis}.
     */
    public void check(long g, long products, long timeoutMillis) {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
        try (UnifiedJedis jedis = settings.client()) {
            Map<String, Object> info = info(jedis, g);
            while (number(info, "indexing") > 0 || (info.containsKey("percent_indexed") && number(info, "percent_indexed") < 1)) {
                if (System.nanoTime() > deadline) {
                    throw new GenerationCheckException("the Redis search index of generation " + g
                            + " was still indexing after " + timeoutMillis + " ms");
                }
                sleep();
                info = info(jedis, g);
            }
            long documents = (long) number(info, "num_docs");
            long failures = (long) number(info, "hash_indexing_failures");
            if (documents != products || failures > 0) {
                throw new GenerationCheckException("the Redis search index of generation " + g + " is incomplete: expected "
                        + products + " documents, it has " + documents + " with " + failures + " indexing failures");
            }
        }
    }

    /** Drops the index of generation g, keeping its documents (the caller deletes them); none is fine. */
    public void drop(long g) {
        try (UnifiedJedis jedis = settings.client()) {
            try {
                jedis.sendCommand(CatalogKeys.index(g), FT_DROPINDEX, CatalogKeys.index(g));
            } catch (JedisDataException e) {
                if (String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("unknown command")) {
                    dropV1(jedis, g);
                }
                // Otherwise: no such index, or no module at all: nothing to drop.
            }
        }
    }

    private static void dropV1(UnifiedJedis jedis, long g) {
        try {
            jedis.sendCommand(CatalogKeys.index(g), FT_DROP, CatalogKeys.index(g), "KEEPDOCS");
        } catch (JedisDataException noSuchIndexOrModule) {
            // Nothing to drop.
        }
    }

    /** {@code FT.INFO} as a map of its top-level fields (values as the server sent them). */
    private static Map<String, Object> info(UnifiedJedis jedis, long g) {
        List<?> reply = (List<?>) jedis.sendCommand(CatalogKeys.index(g), FT_INFO, CatalogKeys.index(g));
        Map<String, Object> info = new HashMap<>();
        for (int i = 0; i + 1 < reply.size(); i += 2) {
            info.put(text(reply.get(i)), reply.get(i + 1));
        }
        return info;
    }

    private static double number(Map<String, Object> info, String field) {
        Object value = info.get(field);
        if (value == null) {
            return 0;
        }
        String text = value instanceof Long number ? Long.toString(number) : text(value);
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String text(Object value) {
        return value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : String.valueOf(value);
    }

    private static void sleep() {
        try {
            Thread.sleep(INDEXING_POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the search index", e);
        }
    }

    private static ProtocolCommand command(String name) {
        return () -> SafeEncoder.encode(name);
    }
}
