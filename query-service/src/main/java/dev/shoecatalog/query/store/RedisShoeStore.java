package dev.shoecatalog.query.store;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.shoecatalog.model.CatalogKeys;
import dev.shoecatalog.model.Shoe;
import dev.shoecatalog.model.ShoeFields;
import dev.shoecatalog.model.ShoeHash;
import io.quarkus.redis.datasource.RedisDataSource;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;

import static dev.shoecatalog.model.CatalogKeys.GENERATION_PLACEHOLDER;

/**
 * Reads Redis: "latest" from the sorted sets with the documents in the same round trip (a script),
 * search with {@code FT.SEARCH} on the generation's index.
 */
@ApplicationScoped
public class RedisShoeStore implements ShoeStore {

    /** The "latest" order; RediSearch sorts by dateUpdated only, so a page is put in full order here. */
    private static final Comparator<Shoe> LATEST_FIRST = Comparator.comparing(Shoe::dateUpdated)
            .thenComparing(Shoe::id).reversed();

    private final RedisDataSource redis;

    RedisShoeStore(RedisDataSource redis) {
        this.redis = redis;
    }

    @Override
    public List<Shoe> latest(int n, Optional<String> colorKey) {
        String sortedSet = colorKey.map(key -> CatalogKeys.color(GENERATION_PLACEHOLDER, key))
                .orElse(CatalogKeys.latest(GENERATION_PLACEHOLDER));
        Response reply = eval(RedisScripts.LATEST, sortedSet, CatalogKeys.docPrefix(GENERATION_PLACEHOLDER), Integer.toString(n));
        List<Shoe> shoes = new ArrayList<>(reply.size() - 1);
        for (int i = 1; i < reply.size(); i++) {
            toShoe(reply.get(i)).ifPresent(shoes::add);
        }
        return shoes;
    }

    @Override
    public Optional<Shoe> byId(String id) {
        return toShoe(eval(RedisScripts.BY_ID, CatalogKeys.docPrefix(GENERATION_PLACEHOLDER), id).get(1));
    }

    @Override
    public Optional<GenerationInfo> generation() {
        Response reply = call(() -> redis.execute("EVAL", RedisScripts.GENERATION, "1", CatalogKeys.CURRENT,
                CatalogKeys.latest(GENERATION_PLACEHOLDER)));
        return reply == null ? Optional.empty() : Optional.of(new GenerationInfo(reply.get(0).toLong(), reply.get(1).toLong()));
    }

    @Override
    public SearchPage search(SearchQuery query) {
        RedisSearchCursor cursor = query.cursor().map(RedisSearchCursor::decode).orElse(null);
        Optional<String> matching = RediSearchQuery.of(query);
        if (matching.isEmpty()) {
            return new SearchPage(List.of(), 0, Optional.empty());
        }
        String index = CatalogKeys.index(generation().map(GenerationInfo::generation).orElseThrow(this::noCatalog));
        String pageQuery = cursor == null ? matching.get() : RediSearchQuery.until(matching.get(), cursor.until());
        int served = cursor == null ? 0 : cursor.servedAtUntil().size();
        Response reply = ftSearch(index, pageQuery, query.n() + served);
        List<Shoe> page = new ArrayList<>();
        for (int i = 2; i < reply.size(); i += 2) {
            toShoe(reply.get(i)).filter(shoe -> cursor == null || !cursor.servedAtUntil().contains(shoe.id())).ifPresent(page::add);
        }
        page.sort(LATEST_FIRST);
        page = page.subList(0, Math.min(query.n(), page.size()));
        boolean more = reply.get(0).toLong() - served > page.size();
        long total = cursor == null ? reply.get(0).toLong() : cursor.total();
        Optional<String> next = more && !page.isEmpty() ? Optional.of(RedisSearchCursor.after(total, page, cursor).encode()) : Optional.empty();
        return new SearchPage(List.copyOf(page), total, next);
    }

    private Response ftSearch(String index, String query, int limit) {
        return call(() -> redis.execute("FT.SEARCH", index, query, "SORTBY", ShoeFields.DATE_UPDATED, "DESC",
                "LIMIT", "0", Integer.toString(limit)));
    }

    private Response eval(String script, String... args) {
        String[] command = new String[args.length + 3];
        command[0] = script;
        command[1] = "1";
        command[2] = CatalogKeys.CURRENT;
        System.arraycopy(args, 0, command, 3, args.length);
        Response reply = call(() -> redis.execute("EVAL", command));
        if (reply == null) {
            throw noCatalog();
        }
        return reply;
    }

    private StoreUnavailableException noCatalog() {
        return new StoreUnavailableException(StoreName.REDIS, "no catalog loaded in Redis yet (" + CatalogKeys.CURRENT + " is not set)", null);
    }

    private static Optional<Shoe> toShoe(Response hash) {
        if (hash == null || hash.size() == 0) {
            return Optional.empty(); // deleted between the index and the read: skip, never fail
        }
        Map<String, String> fields = new HashMap<>();
        for (int i = 0; i + 1 < hash.size(); i += 2) {
            fields.put(hash.get(i).toString(), hash.get(i + 1).toString());
        }
        return Optional.of(ShoeHash.fromHash(fields));
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
