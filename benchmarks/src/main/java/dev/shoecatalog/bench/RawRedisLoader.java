package dev.shoecatalog.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.shoecatalog.model.CatalogKeys;
import dev.shoecatalog.model.SearchEntry;
import dev.shoecatalog.model.Shoe;
import dev.shoecatalog.model.ShoeJson;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.commands.ProtocolCommand;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.util.SafeEncoder;

/**
 * The baseline: the Redis commands the job's writer sends for the same documents, or simpler ones
 * (RPUSH of the very stored documents into their lists in rank order, where the job places them with a
 * script since two tasks may share a list; HSET of the ids' ranks, one ZADD and ZREMRANGEBYRANK per
 * color set and batch, FT.ADD NOSAVE into an index with the job's schema), pipelined, from plain
 * threads, no Spark and no transaction.
 */
final class RawRedisLoader {

    private static final ProtocolCommand FT_ADD = () -> SafeEncoder.encode("FT.ADD");
    private static final String PREFIX = "bench:raw:";
    private static final String INDEX = "bench-raw";
    private static final int COLOR_KEEP = 100;

    private final HostAndPort server;

    RawRedisLoader(HostAndPort server) {
        this.server = server;
    }

    /**
     * Seconds to write all documents (in rank order) with {@code threads} connections, {@code batch}
     * documents per round trip, indexed like {@code jobIndex} (none when null).
     */
    double load(List<String> documents, int threads, int batch, String jobIndex) throws Exception {
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
            // Whole lists per thread, so that each appends its lists' documents in order.
            int lists = (int) CatalogKeys.docBuckets(documents.size());
            int size = (lists + threads - 1) / threads * CatalogKeys.DOCS_PER_BUCKET;
            for (int t = 0; t < threads; t++) {
                int first = Math.min(documents.size(), t * size);
                List<String> part = documents.subList(first, Math.min(documents.size(), (t + 1) * size));
                parts.add(pool.submit(() -> write(part, first, CatalogKeys.idBuckets(documents.size()), batch, jobIndex != null)));
            }
            for (Future<?> part : parts) {
                part.get();
            }
            return (System.nanoTime() - start) / 1e9;
        } finally {
            pool.shutdown();
        }
    }

    private void write(List<String> documents, int firstRank, long idBuckets, int batch, boolean searchIndex) {
        try (Jedis jedis = connect(server)) {
            Pipeline pipeline = jedis.pipelined();
            Map<String, List<String>> lists = new java.util.LinkedHashMap<>();
            Map<String, Map<String, String>> hashes = new HashMap<>();
            Map<String, List<String>> colors = new HashMap<>();
            int pending = 0;
            for (int i = 0; i < documents.size(); i++) {
                long rank = firstRank + i;
                String member = Long.toString(rank);
                Shoe shoe = ShoeJson.decode(documents.get(i));
                lists.computeIfAbsent(PREFIX + "d:" + CatalogKeys.docBucket(rank), k -> new ArrayList<>()).add(documents.get(i));
                hashes.computeIfAbsent(PREFIX + "id:" + CatalogKeys.keyHash(shoe.id()) % idBuckets, k -> new HashMap<>()).put(shoe.id(), member);
                shoe.colorKeys().forEach(color -> colors.computeIfAbsent(PREFIX + "c:" + color, k -> new ArrayList<>()).add(member));
                if (searchIndex) {
                    List<String> args = new ArrayList<>(List.of(INDEX, member, "1.0", "NOSAVE", "REPLACE", "FIELDS"));
                    SearchEntry.fields(shoe, rank).forEach((field, value) -> {
                        args.add(field);
                        args.add(value);
                    });
                    pipeline.sendCommand(FT_ADD, args.toArray(String[]::new));
                }
                if (++pending == batch) {
                    flush(pipeline, lists, hashes, colors);
                    pending = 0;
                }
            }
            flush(pipeline, lists, hashes, colors);
        }
    }

    private static void flush(Pipeline pipeline, Map<String, List<String>> lists, Map<String, Map<String, String>> hashes,
                              Map<String, List<String>> colors) {
        lists.forEach((key, docs) -> pipeline.rpush(key, docs.toArray(String[]::new)));
        hashes.forEach(pipeline::hset);
        colors.forEach((key, ranks) -> {
            Map<String, Double> members = new HashMap<>();
            ranks.forEach(rank -> members.put(rank, Double.parseDouble(rank)));
            pipeline.zadd(key, members);
            pipeline.zremrangeByRank(key, COLOR_KEEP, -1);
        });
        lists.clear();
        hashes.clear();
        colors.clear();
        pipeline.sync();
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
