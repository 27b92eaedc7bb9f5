package dev.shoecatalog.query.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Lua scripts that read the current generation and its data in one round trip and one atomic step,
 * so a reload can never show a reader a mix of generations. Key layouts come from
 * {@link dev.shoecatalog.model.CatalogKeys} as templates in ARGV with {@code {g}} for the generation.
 * The scripts live in {@code src/main/resources/redis/}, where the benchmarks read them too.
 */
final class RedisScripts {

    /** KEYS[1] = current; ARGV = sorted set template, doc prefix template, n. Returns {g, hash, hash, ...} or nil. */
    static final String LATEST = load("latest");

    /** KEYS[1] = current; ARGV = doc prefix template, id. Returns {g, hash} or nil. */
    static final String BY_ID = load("by-id");

    /** KEYS[1] = current; ARGV = latest template. Returns {g, count} or nil. */
    static final String GENERATION = load("generation");

    private RedisScripts() {
    }

    private static String load(String name) {
        try (InputStream script = RedisScripts.class.getResourceAsStream("/redis/" + name + ".lua")) {
            if (script == null) {
                throw new IllegalStateException("missing resource /redis/" + name + ".lua");
            }
            return new String(script.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
