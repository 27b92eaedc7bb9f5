package dev.shoecatalog.ingest.write;

import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import dev.shoecatalog.ingest.config.RedisSettings;
import dev.shoecatalog.model.CatalogKeys;
import dev.shoecatalog.model.Shoe;
import dev.shoecatalog.model.ShoeFields;
import dev.shoecatalog.model.ShoeHash;
import org.apache.spark.api.java.function.ForeachPartitionFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.util.LongAccumulator;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.commands.ProtocolCommand;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.util.SafeEncoder;

/**
 * Writes one partition of products into generation {@code g}: the document hash, the {@code latest}
 * sorted set and one sorted set per color key, pipelined {@code batchSize} products per round trip
 * over one connection. The sorted sets get one {@code ZADD} per key and batch, with every member of
 * the batch for that key: one command per product and key cost Redis more than the members did.
 * Any error fails the task (writes are idempotent, so a retried task is safe).
 */
public final class RedisWriter implements ForeachPartitionFunction<Row> {

    private static final ProtocolCommand FT_ADDHASH = () -> SafeEncoder.encode("FT.ADDHASH");

    private final RedisSettings settings;
    private final long generation;
    private final RedisSearchVersion search;
    private final LongAccumulator written;

    public RedisWriter(RedisSettings settings, long generation, RedisSearchVersion search, LongAccumulator written) {
        this.settings = settings;
        this.generation = generation;
        this.search = search;
        this.written = written;
    }

    @Override
    public void call(Iterator<Row> rows) {
        try (Jedis jedis = settings.connect()) {
            Pipeline pipeline = jedis.pipelined();
            Map<String, Map<String, Double>> sortedSets = new HashMap<>();
            int pending = 0;
            while (rows.hasNext()) {
                Row row = rows.next();
                add(pipeline, sortedSets, ShoeRows.toShoe(row), row.<Long>getAs(ShoeFields.LATEST_RANK));
                if (++pending == settings.batchSize()) {
                    sync(pipeline, sortedSets, pending);
                    pending = 0;
                }
            }
            sync(pipeline, sortedSets, pending);
        }
    }

    private void add(Pipeline pipeline, Map<String, Map<String, Double>> sortedSets, Shoe shoe, long latestRank) {
        String docKey = CatalogKeys.doc(generation, shoe.id());
        Map<String, String> hash = ShoeHash.toHash(shoe);
        hash.put(ShoeFields.LATEST_RANK, Long.toString(latestRank));
        double score = shoe.dateUpdated().toEpochMilli();
        pipeline.del(docKey); // a rerun of this task must not leave fields of an older write
        pipeline.hset(docKey, hash);
        sortedSets.computeIfAbsent(CatalogKeys.latest(generation), key -> new HashMap<>()).put(shoe.id(), score);
        for (String colorKey : shoe.colorKeys()) {
            sortedSets.computeIfAbsent(CatalogKeys.color(generation, colorKey), key -> new HashMap<>()).put(shoe.id(), score);
        }
        if (search == RedisSearchVersion.V1_ADDHASH) {
            pipeline.sendCommand(FT_ADDHASH, CatalogKeys.index(generation), docKey, "1.0", "REPLACE");
        }
    }

    private void sync(Pipeline pipeline, Map<String, Map<String, Double>> sortedSets, int products) {
        if (products == 0) {
            return;
        }
        sortedSets.forEach(pipeline::zadd);
        sortedSets.clear();
        List<Object> replies = pipeline.syncAndReturnAll();
        for (Object reply : replies) {
            if (reply instanceof JedisDataException error) {
                throw new JedisDataException("Redis refused a write of generation " + generation + ": " + error.getMessage(), error);
            }
        }
        written.add(products);
    }
}
