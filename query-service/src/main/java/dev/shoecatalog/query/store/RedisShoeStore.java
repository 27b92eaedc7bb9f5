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
import dev.shoecatalog.model.Shoe;
import dev.shoecatalog.model.ShoeFields;
import dev.shoecatalog.model.ShoeHash;
import dev.shoecatalog.query.config.QueryConfig;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.RedisDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import static dev.shoecatalog.model.CatalogKeys.GENERATION_PLACEHOLDER;

/**
 * Reads Redis: "latest" from the sorted sets with the documents in the same round trip (a script),
 * search with {@code FT.SEARCH} on the generation's index, a bounded number at once.
 */
@ApplicationScoped
public class RedisShoeStore implements ShoeStore {

    private final RedisDataSource redis;
    private final ReactiveRedisDataSource reactive;
    private final Semaphore searches;
    /** The blocking client applies quarkus.redis.timeout itself; the reactive calls apply it here. */
    private final Duration timeout;

    RedisShoeStore(RedisDataSource redis, ReactiveRedisDataSource reactive, QueryConfig config,
                   @ConfigProperty(name = "quarkus.redis.timeout") Duration timeout) {
        this.redis = redis;
        this.reactive = reactive;
        this.searches = new Semaphore(config.redis().maxConcurrentSearches());
        this.timeout = timeout;
    }

    @Override
    public Uni<List<Shoe>> latest(int n, Optional<String> colorKey) {
        String sortedSet = colorKey.map(key -> CatalogKeys.color(GENERATION_PLACEHOLDER, key))
                .orElse(CatalogKeys.latest(GENERATION_PLACEHOLDER));
        return eval(RedisScripts.LATEST, sortedSet, CatalogKeys.docPrefix(GENERATION_PLACEHOLDER), Integer.toString(n))
                .map(reply -> {
                    List<Shoe> shoes = new ArrayList<>(reply.size() - 1);
                    for (int i = 1; i < reply.size(); i++) {
                        toShoe(reply.get(i)).ifPresent(shoes::add);
                    }
                    return shoes;
                });
    }

    @Override
    public Optional<Shoe> byId(String id) {
        return toShoe(eval(RedisScripts.BY_ID, CatalogKeys.docPrefix(GENERATION_PLACEHOLDER), id).await().indefinitely().get(1));
    }

    @Override
    public Optional<GenerationInfo> generation() {
        Response reply = evalReadOnly(RedisScripts.GENERATION,
                CatalogKeys.latest(GENERATION_PLACEHOLDER), CatalogKeys.meta(GENERATION_PLACEHOLDER)).await().indefinitely();
        if (reply == null) {
            return Optional.empty();
        }
        Optional<Instant> finished = reply.size() > 2 && reply.get(2) != null ? instant(reply.get(2).toString()) : Optional.empty();
        return Optional.of(new GenerationInfo(reply.get(0).toLong(), reply.get(1).toLong(), finished));
    }

    /**
     * One page sorted by {@code latestRank} (the exact "latest" order), continued after the cursor's
     * rank in the cursor's generation: a request reads at most {@code n} documents, whatever the cursor.
     * At most {@code maxConcurrentSearches} run at once per instance; more are refused at once.
     */
    @Override
    public SearchPage search(SearchQuery query) {
        String search = query.fingerprint();
        SearchCursor cursor = query.cursor().map(text -> SearchCursor.decode(text, StoreName.REDIS, search)).orElse(null);
        Optional<String> matching = RediSearchQuery.of(query);
        if (matching.isEmpty()) {
            return new SearchPage(List.of(), 0, Optional.empty());
        }
        if (!searches.tryAcquire()) {
            throw new StoreUnavailableException(StoreName.REDIS, "this instance is running as many Redis searches as it allows"
                    + " (shoes.redis.max-concurrent-searches); retry shortly", null, 1);
        }
        Response reply;
        long g;
        try {
            g = cursor != null ? cursor.generation() : generation().map(GenerationInfo::generation).orElseThrow(this::noCatalog);
            String pageQuery = cursor == null ? matching.get() : RediSearchQuery.afterRank(matching.get(), cursor.lastRank());
            reply = ftSearch(g, pageQuery, query.n(), cursor != null);
        } finally {
            searches.release();
        }
        List<Shoe> page = new ArrayList<>();
        long lastRank = -1;
        for (int i = 2; i < reply.size(); i += 2) {
            Map<String, String> fields = fields(reply.get(i));
            if (!fields.isEmpty()) {
                page.add(ShoeHash.fromHash(fields));
                lastRank = Long.parseLong(fields.get(ShoeFields.LATEST_RANK));
            }
        }
        long matches = reply.get(0).toLong();
        long total = cursor == null ? matches : cursor.total();
        boolean more = matches > (reply.size() - 1) / 2 && lastRank >= 0;
        Optional<String> next = more ? Optional.of(new SearchCursor(StoreName.REDIS, g, total, search, Long.toString(lastRank)).encode())
                : Optional.empty();
        return new SearchPage(List.copyOf(page), total, next);
    }

    /** {@code FT.SEARCH} sorted by {@code latestRank}. */
    private Response ftSearch(long g, String query, int n, boolean pinned) {
        try {
            // VERBATIM: no stemming of the query's words either ("boots" must not find "boot").
            return redis.execute("FT.SEARCH", CatalogKeys.index(g), query, "VERBATIM", "SORTBY", ShoeFields.LATEST_RANK, "ASC",
                    "LIMIT", "0", Integer.toString(n));
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
        String searchIndex = meta.get("searchIndex");
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

    /** The script by its SHA-1; on NOSCRIPT (a restarted or new server) once with its text, which the server keeps. */
    private Uni<Response> evalReadOnly(RedisScripts.Script script, String... args) {
        return reactive.execute("EVALSHA_RO", scriptCall(script.sha1(), args))
                .onFailure(failure -> String.valueOf(failure.getMessage()).startsWith("NOSCRIPT"))
                .recoverWithUni(() -> reactive.execute("EVAL_RO", scriptCall(script.source(), args)))
                .ifNoItem().after(timeout).fail()
                // The client also fails with plain Throwables (a closed connection, a timeout): wrapped, as await() would.
                .onFailure().transform(failure -> RedisFailures.translate(failure instanceof RuntimeException runtime
                        ? runtime : new CompletionException(failure)));
    }

    /** {@code script 1 shoes:current args...}: the scripts read the current generation's key. */
    private static String[] scriptCall(String script, String... args) {
        String[] command = new String[args.length + 3];
        command[0] = script;
        command[1] = "1";
        command[2] = CatalogKeys.CURRENT;
        System.arraycopy(args, 0, command, 3, args.length);
        return command;
    }

    private StoreUnavailableException noCatalog() {
        return new StoreUnavailableException(StoreName.REDIS, "no catalog loaded in Redis yet (" + CatalogKeys.CURRENT + " is not set)", null);
    }

    private static Optional<Shoe> toShoe(Response hash) {
        Map<String, String> fields = fields(hash);
        // Empty when deleted between the index and the read: skip, never fail.
        return fields.isEmpty() ? Optional.empty() : Optional.of(ShoeHash.fromHash(fields));
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
