package dev.shoecatalog.query.store;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
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

    private final RedisDataSource redis;

    RedisShoeStore(RedisDataSource redis) {
        this.redis = redis;
    }

    @Override
    public StoreName name() {
        return StoreName.REDIS;
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
        long offset = query.cursor().map(RedisShoeStore::offset).orElse(0L);
        Optional<String> search = RediSearchQuery.of(query);
        if (search.isEmpty()) {
            return new SearchPage(List.of(), 0, Optional.empty());
        }
        long g = generation().map(GenerationInfo::generation).orElseThrow(this::noCatalog);
        Response reply = call(() -> redis.execute("FT.SEARCH", CatalogKeys.index(g), search.get(),
                "SORTBY", ShoeFields.DATE_UPDATED, "DESC", "LIMIT", Long.toString(offset), Integer.toString(query.n())));
        long total = reply.get(0).toLong();
        List<Shoe> shoes = new ArrayList<>();
        for (int i = 2; i < reply.size(); i += 2) {
            toShoe(reply.get(i)).ifPresent(shoes::add);
        }
        long next = offset + shoes.size();
        Optional<String> cursor = shoes.isEmpty() || next >= total ? Optional.empty() : Optional.of(cursor(next));
        return new SearchPage(shoes, total, cursor);
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

    private static String cursor(long offset) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("r:" + offset).getBytes(StandardCharsets.UTF_8));
    }

    private static long offset(String cursor) {
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!decoded.startsWith("r:")) {
                throw new InvalidCursorException("not a cursor of the redis store");
            }
            long offset = Long.parseLong(decoded.substring(2));
            if (offset < 0) {
                throw new InvalidCursorException("negative offset");
            }
            return offset;
        } catch (IllegalArgumentException e) {
            throw new InvalidCursorException("not a cursor of the redis store");
        }
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
