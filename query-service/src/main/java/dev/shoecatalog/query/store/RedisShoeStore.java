package dev.shoecatalog.query.store;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Semaphore;

import dev.shoecatalog.model.CatalogKeys;
import dev.shoecatalog.model.ShoeFields;
import dev.shoecatalog.query.config.QueryConfig;
import dev.shoecatalog.query.service.BadParameterException;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.RedisDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import static dev.shoecatalog.model.CatalogKeys.GENERATION_PLACEHOLDER;

/**
 * Reads Redis: "latest" as the first ranks of the generation or of a color's kept ranks, with their
 * documents in the same round trip (a script); search with {@code FT.SEARCH} on the generation's
 * index for the ranks, then their documents; a bounded number of searches at once.
 */
@ApplicationScoped
public class RedisShoeStore implements ShoeStore {

    private static final String DOCS_PER_BUCKET = Integer.toString(CatalogKeys.DOCS_PER_BUCKET);

    private final RedisDataSource redis;
    private final ReactiveRedisDataSource reactive;
    private final Semaphore searches;
    /** The blocking client applies quarkus.redis.timeout itself; the reactive calls apply it here. */
    private final Duration timeout;
    /** On a Redis Cluster, the reads without scripts; null on a standalone server. */
    private final RedisClusterReads cluster;

    RedisShoeStore(RedisDataSource redis, ReactiveRedisDataSource reactive, QueryConfig config,
                   @ConfigProperty(name = "quarkus.redis.timeout") Duration timeout,
                   @ConfigProperty(name = "quarkus.redis.client-type", defaultValue = "standalone") String clientType) {
        this.redis = redis;
        this.reactive = reactive;
        this.searches = new Semaphore(config.redis().maxConcurrentSearches());
        this.timeout = timeout;
        this.cluster = "cluster".equalsIgnoreCase(clientType) ? new RedisClusterReads(reactive, this::guarded) : null;
    }

    /**
     * The first ranks of the generation (or of a color's kept ranks) and their documents, in one script.
     * A color keeps only its newest {@code colorKeep} ranks (the job's {@code --redis-color-keep}): asking
     * for more is refused, naming {@code n}, rather than answered short.
     */
    @Override
    public Uni<List<StoredShoe>> latest(int n, Optional<String> colorKey) {
        if (cluster != null) {
            return clusterLatest(n, colorKey);
        }
        String colorString = colorKey.map(key -> CatalogKeys.color(GENERATION_PLACEHOLDER, key)).orElse("");
        return eval(RedisScripts.LATEST, CatalogKeys.docsPrefix(GENERATION_PLACEHOLDER), colorString,
                CatalogKeys.meta(GENERATION_PLACEHOLDER), Integer.toString(n), DOCS_PER_BUCKET,
                CatalogKeys.colorBucketPrefix(GENERATION_PLACEHOLDER), colorKey.orElse(""),
                Long.toString(colorKey.map(CatalogKeys::keyHash).orElse(0L)))
                .map(reply -> {
                    checkColorKeep(n, reply.get(1));
                    return documents(reply, 2);
                });
    }

    private static void checkColorKeep(int n, Response keep) {
        if (keep != null && n > keep.toLong()) {
            throw new BadParameterException("n", "n must be at most " + keep.toLong() + " with a color on the Redis store:"
                    + " it keeps the newest " + keep.toLong() + " shoes of each color (the job's --redis-color-keep)");
        }
    }

    private Uni<List<StoredShoe>> clusterLatest(int n, Optional<String> colorKey) {
        return clusterGeneration().flatMap(g -> colorKey.isEmpty() ? cluster.latest(g, n)
                : cluster.meta(g, CatalogKeys.META_COLOR_KEEP, CatalogKeys.META_COLOR_BUCKETS).flatMap(layout -> {
                    checkColorKeep(n, layout.get(0));
                    return cluster.colorRanks(g, colorKey.get(), n, layout.get(1)).flatMap(ranks -> cluster.documents(g, ranks));
                })).map(RedisShoeStore::stored);
    }

    private Uni<Long> clusterGeneration() {
        return cluster.current().map(g -> g.orElseThrow(this::noCatalog));
    }

    /** The documents of a list of replies; one missing (an empty element, or its generation just dropped) is skipped. */
    private static List<StoredShoe> stored(List<Response> docs) {
        List<StoredShoe> shoes = new ArrayList<>(docs.size());
        for (Response doc : docs) {
            String json = doc == null ? null : doc.toString();
            if (json != null && !json.isEmpty()) {
                shoes.add(new StoredShoe(json));
            }
        }
        return shoes;
    }

    @Override
    public Optional<StoredShoe> byId(String id) {
        if (cluster != null) {
            return clusterGeneration().flatMap(g -> cluster.rank(g, id).flatMap(rank -> rank.isEmpty()
                    ? Uni.createFrom().item(List.<Response>of()) : cluster.documents(g, List.of(rank.get()))))
                    .map(RedisShoeStore::stored).await().indefinitely().stream().findFirst();
        }
        Response reply = eval(RedisScripts.BY_ID, CatalogKeys.idsPrefix(GENERATION_PLACEHOLDER), CatalogKeys.docsPrefix(GENERATION_PLACEHOLDER),
                CatalogKeys.meta(GENERATION_PLACEHOLDER), id, Long.toString(CatalogKeys.keyHash(id)), DOCS_PER_BUCKET)
                .await().indefinitely();
        return documents(reply, 1).stream().findFirst();
    }

    @Override
    public Optional<GenerationInfo> generation() {
        if (cluster != null) {
            Optional<Long> g = cluster.current().await().indefinitely();
            if (g.isEmpty()) {
                return Optional.empty();
            }
            Map<String, String> meta = fields(call(() -> redis.execute("HGETALL", CatalogKeys.meta(g.get()))));
            String finished = meta.get("finished");
            return Optional.of(new GenerationInfo(g.get(), Long.parseLong(meta.getOrDefault(CatalogKeys.META_PRODUCTS, "0")),
                    finished == null ? Optional.empty() : instant(finished)));
        }
        Response reply = evalReadOnly(RedisScripts.GENERATION, CatalogKeys.meta(GENERATION_PLACEHOLDER)).await().indefinitely();
        if (reply == null) {
            return Optional.empty();
        }
        Optional<Instant> finished = reply.size() > 2 && reply.get(2) != null ? instant(reply.get(2).toString()) : Optional.empty();
        return Optional.of(new GenerationInfo(reply.get(0).toLong(), reply.get(1).toLong(), finished));
    }

    /**
     * The documents of a script's reply from position {@code from}; one missing (its generation just
     * dropped, or an empty element) is skipped.
     */
    private static List<StoredShoe> documents(Response reply, int from) {
        List<StoredShoe> shoes = new ArrayList<>(Math.max(0, reply.size() - from));
        for (int i = from; i < reply.size(); i++) {
            Response doc = reply.get(i);
            String json = doc == null ? null : doc.toString();
            if (json != null && !json.isEmpty()) {
                shoes.add(new StoredShoe(json));
            }
        }
        return shoes;
    }

    /**
     * One page sorted by {@code latestRank} (the exact "latest" order), continued at the cursor's offset
     * in the cursor's generation, which never changes, so that the pages neither skip nor repeat a shoe
     * (the index keeps the rank to sort on, not to filter on: a range index on it would cost about a tenth
     * of the generation's memory). A request reads at most {@code n} documents, whatever the cursor.
     * At most {@code maxConcurrentSearches} run at once per instance; more are refused at once.
     */
    @Override
    public SearchPage search(SearchQuery query) {
        String search = query.fingerprint();
        SearchCursor cursor = query.cursor().map(text -> SearchCursor.decode(text, StoreName.REDIS, search)).orElse(null);
        if (RediSearchQuery.matchesNothing(query)) {
            return new SearchPage(List.of(), 0, Optional.empty());
        }
        if (!searches.tryAcquire()) {
            throw new StoreUnavailableException(StoreName.REDIS, "this instance is running as many Redis searches as it allows"
                    + " (shoes.redis.max-concurrent-searches); retry shortly", null, 1);
        }
        Response reply;
        long g;
        long offset = cursor == null ? 0 : cursor.offset();
        try {
            g = cursor != null ? cursor.generation() : generation().map(GenerationInfo::generation).orElseThrow(this::noCatalog);
            long pinned = g;
            Map<String, String> meta = fields(call(() -> redis.execute("HGETALL", CatalogKeys.meta(pinned))));
            if (cluster != null && !"v2".equals(meta.get(CatalogKeys.META_SEARCH_INDEX))) {
                // Which node a module command goes to is the client's guess: ask the generation first.
                throw whyNoIndex(g, cursor != null, null);
            }
            boolean wordsAsTags = CatalogKeys.SEARCH_WORDS_AS_TAGS.equals(meta.get(CatalogKeys.META_SEARCH_WORDS));
            reply = ftSearch(g, RediSearchQuery.of(query, wordsAsTags), offset, query.n(), cursor != null);
        } finally {
            searches.release();
        }
        List<String> ranks = new ArrayList<>(reply.size() - 1);
        for (int i = 1; i < reply.size(); i++) {
            ranks.add(Long.toString(CatalogKeys.rankOfSearchEntry(reply.get(i).toString())));
        }
        List<StoredShoe> page = ranks.isEmpty() ? List.of() : documents(g, ranks);
        long matches = reply.get(0).toLong();
        long total = cursor == null ? matches : cursor.total();
        long served = offset + ranks.size();
        boolean more = !ranks.isEmpty() && matches > served;
        Optional<String> next = more ? Optional.of(new SearchCursor(StoreName.REDIS, g, total, search, Long.toString(served)).encode())
                : Optional.empty();
        return new SearchPage(List.copyOf(page), total, next);
    }

    /** {@code FT.SEARCH} sorted by {@code latestRank}. */
    private Response ftSearch(long g, String query, long offset, int n, boolean pinned) {
        try {
            // VERBATIM: no stemming of the query's words either ("boots" must not find "boot").
            return redis.execute("FT.SEARCH", CatalogKeys.index(g), query, "NOCONTENT", "VERBATIM", "SORTBY", ShoeFields.LATEST_RANK, "ASC",
                    "LIMIT", Long.toString(offset), Integer.toString(n));
        } catch (RuntimeException e) {
            throw RedisFailures.isUnknownIndex(e) ? whyNoIndex(g, pinned, e) : RedisFailures.translate(e);
        }
    }

    /** The index of generation g is not there: 410 for a pinned generation that is gone, 501 if it never had one, else 503. */
    private RuntimeException whyNoIndex(long g, boolean pinned, RuntimeException cause) {
        Map<String, String> meta = fields(call(() -> redis.execute("HGETALL", CatalogKeys.meta(g))));
        if (meta.isEmpty()) {
            return pinned ? new CursorExpiredException("the catalog this search started on (generation " + g
                    + ") has been replaced since; start the search again without a cursor")
                    : new StoreUnavailableException(StoreName.REDIS, "the catalog was replaced during the request; retry", cause, 1);
        }
        String searchIndex = meta.get(CatalogKeys.META_SEARCH_INDEX);
        if (searchIndex == null || searchIndex.equals("none")) {
            return new SearchUnsupportedException("the Redis catalog (generation " + g + ") has no search index ("
                    + meta.getOrDefault("searchIndexNote", "the server had no search module when it was loaded")
                    + "); use the elasticsearch store for search");
        }
        return new StoreUnavailableException(StoreName.REDIS, "the Redis search index of generation " + g + " is missing", cause);
    }

    /** A script reading the current generation; no catalog yet is a 503. */
    private Uni<Response> eval(RedisScripts.Script script, String... args) {
        return evalReadOnly(script, args).map(reply -> {
            if (reply == null) {
                throw noCatalog();
            }
            return reply;
        });
    }

    /** A script of the current generation: its one key is {@link CatalogKeys#CURRENT}. */
    private Uni<Response> evalReadOnly(RedisScripts.Script script, String... args) {
        return evalReadOnly(script, 1, prepend(CatalogKeys.CURRENT, args));
    }

    /** The script by its SHA-1; on NOSCRIPT (a restarted or new server) once with its text, which the server keeps. */
    private Uni<Response> evalReadOnly(RedisScripts.Script script, int keys, String... keysAndArgs) {
        return guarded(reactive.execute("EVALSHA_RO", prepend(script.sha1(), prepend(Integer.toString(keys), keysAndArgs)))
                .onFailure(failure -> String.valueOf(failure.getMessage()).startsWith("NOSCRIPT"))
                .recoverWithUni(() -> reactive.execute("EVAL_RO", prepend(script.source(), prepend(Integer.toString(keys), keysAndArgs)))));
    }

    /** The store's timeout and failure translation on one reactive call. */
    private Uni<Response> guarded(Uni<Response> call) {
        return call.ifNoItem().after(timeout).fail()
                // The client also fails with plain Throwables (a closed connection, a timeout): wrapped, as await() would.
                .onFailure().transform(failure -> RedisFailures.translate(failure instanceof RuntimeException runtime
                        ? runtime : new CompletionException(failure)));
    }

    /** The documents of some ranks of generation g (which stays while a cursor or a request uses it). */
    private List<StoredShoe> documents(long g, List<String> ranks) {
        if (cluster != null) {
            return stored(cluster.documents(g, ranks.stream().map(Long::parseLong).toList()).await().indefinitely());
        }
        String[] args = new String[ranks.size() + 2];
        args[0] = CatalogKeys.docsPrefix(Long.toString(g));
        args[1] = DOCS_PER_BUCKET;
        for (int i = 0; i < ranks.size(); i++) {
            args[2 + i] = ranks.get(i);
        }
        return documents(evalReadOnly(RedisScripts.DOCS, 0, args).await().indefinitely(), 0);
    }

    private static String[] prepend(String first, String... rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    private StoreUnavailableException noCatalog() {
        return new StoreUnavailableException(StoreName.REDIS, "no catalog loaded in Redis yet (" + CatalogKeys.CURRENT + " is not set)", null);
    }

    private static Optional<Instant> instant(String text) {
        try {
            return Optional.of(Instant.parse(text));
        } catch (java.time.format.DateTimeParseException notATime) {
            return Optional.empty();
        }
    }

    private static Map<String, String> fields(Response hash) {
        Map<String, String> fields = new HashMap<>();
        if (hash != null) {
            for (int i = 0; i + 1 < hash.size(); i += 2) {
                fields.put(hash.get(i).toString(), hash.get(i + 1).toString());
            }
        }
        return fields;
    }

    private interface Call {
        Response run();
    }

    private Response call(Call call) {
        try {
            return call.run();
        } catch (RuntimeException e) {
            throw RedisFailures.translate(e);
        }
    }
}
