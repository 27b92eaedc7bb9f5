package dev.shoecatalog.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.shoecatalog.model.ShoeFields;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.commands.ProtocolCommand;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.util.SafeEncoder;

/**
 * The baseline: the same Redis commands the job's writer sends for the same documents (DEL + HSET of
 * the very hash the job wrote, one ZADD per sorted set and batch, FT.ADDHASH into an index with the
 * job's schema), pipelined, from plain threads, no Spark.
 */
final class RawRedisLoader {

    private static final ProtocolCommand FT_ADDHASH = () -> SafeEncoder.encode("FT.ADDHASH");
    private static final String PREFIX = "bench:raw:";
    private static final String INDEX = "bench-raw";

    private final HostAndPort server;

    RawRedisLoader(HostAndPort server) {
        this.server = server;
    }

    /**
     * Seconds to write all hashes with {@code threads} connections, {@code batch} documents per round
     * trip, indexed like {@code jobIndex} (none when null).
     */
    double load(List<Map<String, String>> hashes, int threads, int batch, String jobIndex) throws Exception {
        clear();
        if (jobIndex != null) {
            try (Jedis jedis = connect(server)) {
                createIndexLike(jedis, jobIndex);
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        try {
            List<Future<?>> parts = new ArrayList<>();
            int size = (hashes.size() + threads - 1) / threads;
            for (int t = 0; t < threads; t++) {
                List<Map<String, String>> part = hashes.subList(Math.min(hashes.size(), t * size), Math.min(hashes.size(), (t + 1) * size));
                parts.add(pool.submit(() -> write(part, batch, jobIndex != null)));
            }
            for (Future<?> part : parts) {
                part.get();
            }
            return (System.nanoTime() - start) / 1e9;
        } finally {
            pool.shutdown();
        }
    }

    private void write(List<Map<String, String>> hashes, int batch, boolean searchIndex) {
        try (Jedis jedis = connect(server)) {
            Pipeline pipeline = jedis.pipelined();
            Map<String, Map<String, Double>> sortedSets = new HashMap<>();
            int pending = 0;
            for (Map<String, String> hash : hashes) {
                String id = hash.get(ShoeFields.ID);
                String key = PREFIX + "doc:" + id;
                double score = Double.parseDouble(hash.get(ShoeFields.DATE_UPDATED));
                pipeline.del(key);
                pipeline.hset(key, hash);
                sortedSets.computeIfAbsent(PREFIX + "latest", k -> new HashMap<>()).put(id, score);
                String colorKeys = hash.get(ShoeFields.COLOR_KEYS);
                if (colorKeys != null) {
                    Arrays.stream(colorKeys.split(",")).forEach(color ->
                            sortedSets.computeIfAbsent(PREFIX + "color:" + color, k -> new HashMap<>()).put(id, score));
                }
                if (searchIndex) {
                    pipeline.sendCommand(FT_ADDHASH, INDEX, key, "1.0", "REPLACE");
                }
                if (++pending == batch) {
                    sortedSets.forEach(pipeline::zadd);
                    sortedSets.clear();
                    pipeline.sync();
                    pending = 0;
                }
            }
            sortedSets.forEach(pipeline::zadd);
            pipeline.sync();
        }
    }

    /** An index with the job's schema, read back from FT.INFO (each field's options as RediSearch lists them). */
    @SuppressWarnings("unchecked")
    private static void createIndexLike(Jedis jedis, String jobIndex) {
        List<Object> info = (List<Object>) jedis.sendCommand(() -> SafeEncoder.encode("FT.INFO"), jobIndex);
        List<byte[]> create = new ArrayList<>(List.of(SafeEncoder.encode(INDEX), SafeEncoder.encode("STOPWORDS"),
                SafeEncoder.encode("0"), SafeEncoder.encode("SCHEMA")));
        for (int i = 0; i < info.size(); i += 2) {
            if ("fields".equals(SafeEncoder.encode((byte[]) info.get(i)))) {
                for (Object field : (List<Object>) info.get(i + 1)) {
                    List<Object> parts = (List<Object>) field;
                    create.add((byte[]) parts.get(0));
                    parts.subList(2, parts.size()).forEach(part -> create.add((byte[]) part)); // after "type"
                }
            }
        }
        jedis.sendCommand(() -> SafeEncoder.encode("FT.CREATE"), create.toArray(byte[][]::new));
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
                jedis.sendCommand(() -> SafeEncoder.encode("FT.DROP"), INDEX, "KEEPDOCS");
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
