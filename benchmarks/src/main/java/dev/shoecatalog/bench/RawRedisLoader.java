package dev.shoecatalog.bench;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.shoecatalog.model.Shoe;
import dev.shoecatalog.model.ShoeHash;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.commands.ProtocolCommand;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.util.SafeEncoder;

/**
 * The baseline: the same Redis commands the job's writer sends for the same documents (DEL + HSET,
 * ZADD latest, ZADD per color key, FT.ADDHASH), pipelined, from plain threads, no Spark.
 */
final class RawRedisLoader {

    private static final ProtocolCommand FT_ADDHASH = () -> SafeEncoder.encode("FT.ADDHASH");
    private static final String PREFIX = "bench:raw:";

    private final HostAndPort server;

    RawRedisLoader(HostAndPort server) {
        this.server = server;
    }

    /** Seconds to write all shoes with {@code threads} connections, {@code batch} shoes per round trip. */
    double load(List<Shoe> shoes, int threads, int batch, boolean searchIndex) throws Exception {
        clear();
        if (searchIndex) {
            try (Jedis jedis = connect(server)) {
                jedis.sendCommand(() -> SafeEncoder.encode("FT.CREATE"), "bench-raw", "SCHEMA", "name", "TEXT",
                        "brandKey", "TAG", "SEPARATOR", ",", "colorKeys", "TAG", "SEPARATOR", ",",
                        "priceMin", "NUMERIC", "SORTABLE", "priceMax", "NUMERIC", "SORTABLE", "dateUpdated", "NUMERIC", "SORTABLE");
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        try {
            List<Future<?>> parts = new java.util.ArrayList<>();
            int size = (shoes.size() + threads - 1) / threads;
            for (int t = 0; t < threads; t++) {
                List<Shoe> part = shoes.subList(Math.min(shoes.size(), t * size), Math.min(shoes.size(), (t + 1) * size));
                parts.add(pool.submit(() -> write(part, batch, searchIndex)));
            }
            for (Future<?> part : parts) {
                part.get();
            }
            return (System.nanoTime() - start) / 1e9;
        } finally {
            pool.shutdown();
        }
    }

    private void write(List<Shoe> shoes, int batch, boolean searchIndex) {
        try (Jedis jedis = connect(server)) {
            Pipeline pipeline = jedis.pipelined();
            int pending = 0;
            for (Shoe shoe : shoes) {
                String key = PREFIX + "doc:" + shoe.id();
                Map<String, String> hash = ShoeHash.toHash(shoe);
                double score = shoe.dateUpdated().toEpochMilli();
                pipeline.del(key);
                pipeline.hset(key, hash);
                pipeline.zadd(PREFIX + "latest", score, shoe.id());
                shoe.colorKeys().forEach(color -> pipeline.zadd(PREFIX + "color:" + color, score, shoe.id()));
                if (searchIndex) {
                    pipeline.sendCommand(FT_ADDHASH, "bench-raw", key, "1.0", "REPLACE");
                }
                if (++pending == batch) {
                    pipeline.sync();
                    pending = 0;
                }
            }
            pipeline.sync();
        }
    }

    /**
     * A connection that waits as long as Redis needs: after a large load, dropping an index can block
     * the server for seconds, and a timed-out connection is unusable afterwards.
     */
    static Jedis connect(HostAndPort server) {
        return new Jedis(server, DefaultJedisClientConfig.builder().socketTimeoutMillis(120_000).build());
    }

    void clear() {
        try (Jedis jedis = connect(server)) {
            try {
                jedis.sendCommand(() -> SafeEncoder.encode("FT.DROP"), "bench-raw", "KEEPDOCS");
            } catch (JedisDataException noIndex) {
                // first run
            }
            String cursor = ScanParams.SCAN_POINTER_START;
            do {
                var page = jedis.scan(cursor, new ScanParams().match(PREFIX + "*").count(1000));
                if (!page.getResult().isEmpty()) {
                    jedis.unlink(page.getResult().toArray(String[]::new));
                }
                cursor = page.getCursor();
            } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
        }
    }
}
