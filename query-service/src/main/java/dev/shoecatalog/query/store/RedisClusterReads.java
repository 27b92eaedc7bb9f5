package dev.shoecatalog.query.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

import dev.shoecatalog.model.CatalogKeys;
import dev.shoecatalog.model.PackedRanks;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Response;

/**
 * The reads of {@link RedisShoeStore} on a Redis Cluster, where a script may only touch keys of its own
 * slot: the current generation first, then that generation's keys with plain commands, each sent to
 * its slot's master, several of one answer at once. Consistent because a generation never changes once
 * readers use it, and stays while it is kept for rollback.
 */
final class RedisClusterReads {

    private static final int CONCURRENT_READS = 8;

    private final ReactiveRedisDataSource redis;
    /** Applies the store's timeout and failure translation to one command. */
    private final UnaryOperator<Uni<Response>> guard;

    RedisClusterReads(ReactiveRedisDataSource redis, UnaryOperator<Uni<Response>> guard) {
        this.redis = redis;
        this.guard = guard;
    }

    /** The generation readers use, if any. */
    Uni<Optional<Long>> current() {
        return command("GET", CatalogKeys.CURRENT).map(reply -> Optional.ofNullable(reply).map(Response::toLong));
    }

    /** The documents of ranks 0 to n - 1: the first elements of the first lists. */
    Uni<List<Response>> latest(long g, int n) {
        List<Uni<Response>> lists = new ArrayList<>();
        for (int list = 0; list * CatalogKeys.DOCS_PER_BUCKET < n; list++) {
            int count = Math.min(CatalogKeys.DOCS_PER_BUCKET, n - list * CatalogKeys.DOCS_PER_BUCKET);
            lists.add(command("LRANGE", CatalogKeys.docList(g, list), "0", Integer.toString(count - 1)));
        }
        return all(lists).map(replies -> {
            List<Response> documents = new ArrayList<>(n);
            replies.forEach(reply -> reply.forEach(documents::add));
            return documents;
        });
    }

    /** A field of generation g's meta hash, or null. */
    Uni<Response> meta(long g, String field) {
        return command("HGET", CatalogKeys.meta(g), field);
    }

    /** Some fields of generation g's meta hash, in their order (null where one is missing). */
    Uni<Response> meta(long g, String... fields) {
        String[] args = new String[fields.length + 1];
        args[0] = CatalogKeys.meta(g);
        System.arraycopy(fields, 0, args, 1, fields.length);
        return command("HMGET", args);
    }

    /**
     * The newest n ranks of a color of generation g: from its bucket hash, or the string of its own that
     * an empty value there names; {@code colorBuckets} null: a generation of the layout before the
     * bucket hashes, whose colors are sorted sets.
     */
    Uni<List<Long>> colorRanks(long g, String colorKey, int n, Response colorBuckets) {
        if (colorBuckets == null) {
            return command("ZRANGE", CatalogKeys.color(g, colorKey), "0", Integer.toString(n - 1)).map(reply -> {
                List<Long> ranks = new ArrayList<>(reply.size());
                reply.forEach(rank -> ranks.add(rank.toLong()));
                return ranks;
            });
        }
        return command("HGET", CatalogKeys.colorBucket(g, colorKey, colorBuckets.toLong()), colorKey).flatMap(inBucket -> {
            if (inBucket == null) {
                return Uni.createFrom().item(new byte[0]);
            }
            byte[] packed = inBucket.toBytes();
            return packed.length > 0 ? Uni.createFrom().item(packed)
                    : command("GETRANGE", CatalogKeys.color(g, colorKey), "0", Integer.toString(n * PackedRanks.BYTES - 1))
                            .map(own -> own == null ? new byte[0] : own.toBytes());
        }).map(packed -> {
            long[] ranks = PackedRanks.decode(packed, n);
            List<Long> list = new ArrayList<>(ranks.length);
            for (long rank : ranks) {
                list.add(rank);
            }
            return list;
        });
    }

    /** The rank of an id in generation g, from the id hash its layout puts it in; empty when it has none. */
    Uni<Optional<Long>> rank(long g, String id) {
        return meta(g, CatalogKeys.META_ID_BUCKETS).flatMap(buckets -> buckets == null || buckets.toLong() == 0
                ? Uni.createFrom().item(Optional.<Long>empty())
                : command("HGET", CatalogKeys.ids(g, id, buckets.toLong()), id).map(rank -> Optional.ofNullable(rank).map(Response::toLong)));
    }

    /**
     * The documents of these ranks of generation g, in their order (null where one is missing): one
     * {@code LRANGE} per list over the span of its elements asked for, at most {@value #CONCURRENT_READS}
     * at once, as a client's queue per node is bounded.
     */
    Uni<List<Response>> documents(long g, List<Long> ranks) {
        Map<Long, List<Long>> byList = new TreeMap<>();
        ranks.forEach(rank -> byList.computeIfAbsent(rank / CatalogKeys.DOCS_PER_BUCKET, list -> new ArrayList<>()).add(rank));
        Map<Long, Response> found = new ConcurrentHashMap<>();
        return Multi.createFrom().iterable(byList.entrySet())
                .onItem().transformToUni(list -> {
                    long first = list.getValue().stream().mapToLong(Long::longValue).min().orElseThrow();
                    long last = list.getValue().stream().mapToLong(Long::longValue).max().orElseThrow();
                    return command("LRANGE", CatalogKeys.docList(g, list.getKey()), Integer.toString(CatalogKeys.docSlot(first)),
                            Integer.toString(CatalogKeys.docSlot(last))).invoke(span -> {
                                for (long rank : list.getValue()) {
                                    int at = CatalogKeys.docSlot(rank) - CatalogKeys.docSlot(first);
                                    if (span != null && at < span.size() && span.get(at) != null) {
                                        found.put(rank, span.get(at));
                                    }
                                }
                            });
                }).merge(CONCURRENT_READS)
                .collect().last()
                .map(ignored -> {
                    List<Response> documents = new ArrayList<>(ranks.size());
                    ranks.forEach(rank -> documents.add(found.get(rank)));
                    return documents;
                });
    }

    private static Uni<List<Response>> all(List<Uni<Response>> reads) {
        if (reads.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Uni.join().all(reads).andFailFast();
    }

    private Uni<Response> command(String command, String... args) {
        return guard.apply(redis.execute(command, args));
    }
}
