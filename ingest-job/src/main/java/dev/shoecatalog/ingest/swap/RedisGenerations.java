package dev.shoecatalog.ingest.swap;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import dev.shoecatalog.ingest.config.RedisSettings;
import dev.shoecatalog.ingest.write.RedisSearchVersion;
import dev.shoecatalog.model.CatalogKeys;
import dev.shoecatalog.model.ShoeFields;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Module;
import redis.clients.jedis.commands.ProtocolCommand;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;
import redis.clients.jedis.util.SafeEncoder;

/** The driver's view of generations in Redis: which is current, and creating, switching and dropping one. */
public final class RedisGenerations {

    private static final ProtocolCommand FT_CREATE = () -> SafeEncoder.encode("FT.CREATE");
    private static final ProtocolCommand FT_DROP = () -> SafeEncoder.encode("FT.DROP");
    private static final ProtocolCommand FT_DROPINDEX = () -> SafeEncoder.encode("FT.DROPINDEX");
    private static final int SCAN_COUNT = 1000;

    private final RedisSettings settings;

    public RedisGenerations(RedisSettings settings) {
        this.settings = settings;
    }

    public OptionalLong current() {
        try (Jedis jedis = settings.connect()) {
            String value = jedis.get(CatalogKeys.CURRENT);
            return value == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(value));
        }
    }

    /** The search module's generation, from {@code MODULE LIST} (module {@code search}, or {@code ft} in 1.x). */
    public RedisSearchVersion searchVersion() {
        try (Jedis jedis = settings.connect()) {
            List<Module> modules = jedis.moduleList();
            return RedisSearchVersion.of(modules.stream()
                    .filter(module -> module.getName().equalsIgnoreCase("search") || module.getName().equalsIgnoreCase("ft"))
                    .mapToLong(Module::getVersion).max().orElse(-1));
        }
    }

    /** Creates the search index of generation g, before any document is written. */
    public void createSearchIndex(long g, RedisSearchVersion version) {
        if (version == RedisSearchVersion.NONE) {
            return;
        }
        try (Jedis jedis = settings.connect()) {
            List<String> args = new ArrayList<>(List.of(CatalogKeys.index(g)));
            if (version == RedisSearchVersion.V2_PREFIX) {
                args.addAll(List.of("ON", "HASH", "PREFIX", "1", CatalogKeys.docPrefix(g)));
            }
            args.addAll(List.of("SCHEMA",
                    ShoeFields.NAME, "TEXT",
                    ShoeFields.BRAND_KEY, "TAG", "SEPARATOR", ",",
                    ShoeFields.COLOR_KEYS, "TAG", "SEPARATOR", ",",
                    ShoeFields.PRICE_MIN, "NUMERIC", "SORTABLE",
                    ShoeFields.PRICE_MAX, "NUMERIC", "SORTABLE",
                    ShoeFields.DATE_UPDATED, "NUMERIC", "SORTABLE"));
            jedis.sendCommand(FT_CREATE, args.toArray(String[]::new));
        }
    }

    /** Number of products in generation g. */
    public long count(long g) {
        try (Jedis jedis = settings.connect()) {
            return jedis.zcard(CatalogKeys.latest(g));
        }
    }

    public void writeMeta(long g, Map<String, String> meta) {
        try (Jedis jedis = settings.connect()) {
            jedis.hset(CatalogKeys.meta(g), meta);
        }
    }

    /** Readers use generation g from now on: one {@code SET}. */
    public void switchTo(long g) {
        try (Jedis jedis = settings.connect()) {
            jedis.set(CatalogKeys.CURRENT, Long.toString(g));
        }
    }

    /** Removes every key and the search index of generation g (a no-op when there is none). */
    public void drop(long g, RedisSearchVersion version) {
        try (Jedis jedis = settings.connect()) {
            dropSearchIndex(jedis, g, version);
            ScanParams params = new ScanParams().match(CatalogKeys.generationPrefix(g) + "*").count(SCAN_COUNT);
            String cursor = ScanParams.SCAN_POINTER_START;
            do {
                ScanResult<String> page = jedis.scan(cursor, params);
                if (!page.getResult().isEmpty()) {
                    jedis.unlink(page.getResult().toArray(String[]::new));
                }
                cursor = page.getCursor();
            } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
        }
    }

    private static void dropSearchIndex(Jedis jedis, long g, RedisSearchVersion version) {
        if (version == RedisSearchVersion.NONE) {
            return;
        }
        try {
            // Documents are deleted by the key scan, so the index goes without them.
            if (version == RedisSearchVersion.V1_ADDHASH) {
                jedis.sendCommand(FT_DROP, CatalogKeys.index(g), "KEEPDOCS");
            } else {
                jedis.sendCommand(FT_DROPINDEX, CatalogKeys.index(g));
            }
        } catch (JedisDataException noSuchIndex) {
            // Nothing to drop.
        }
    }
}
