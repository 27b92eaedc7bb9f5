package dev.shoecatalog.query.store;

/**
 * Lua scripts that read the current generation and its data in one round trip and one atomic step,
 * so a reload can never show a reader a mix of generations. Key layouts come from
 * {@link dev.shoecatalog.model.CatalogKeys} as templates in ARGV with {@code {g}} for the generation.
 */
final class RedisScripts {

    /** KEYS[1] = current; ARGV = sorted set template, doc prefix template, n. Returns {g, hash, hash, ...} or nil. */
    static final String LATEST = """
            local g = redis.call('GET', KEYS[1])
            if not g then return nil end
            local function key(template) return (string.gsub(template, '{g}', g)) end
            local ids = redis.call('ZREVRANGE', key(ARGV[1]), 0, tonumber(ARGV[3]) - 1)
            local prefix = key(ARGV[2])
            local out = {g}
            for _, id in ipairs(ids) do
              out[#out + 1] = redis.call('HGETALL', prefix .. id)
            end
            return out
            """;

    /** KEYS[1] = current; ARGV = doc prefix template, id. Returns {g, hash} or nil. */
    static final String BY_ID = """
            local g = redis.call('GET', KEYS[1])
            if not g then return nil end
            return {g, redis.call('HGETALL', (string.gsub(ARGV[1], '{g}', g)) .. ARGV[2])}
            """;

    /** KEYS[1] = current; ARGV = latest template. Returns {g, count} or nil. */
    static final String GENERATION = """
            local g = redis.call('GET', KEYS[1])
            if not g then return nil end
            return {g, redis.call('ZCARD', (string.gsub(ARGV[1], '{g}', g)))}
            """;

    private RedisScripts() {
    }
}
