package dev.shoecatalog.query.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Lua scripts that read the current generation and its data in one round trip and one atomic step,
 * so a reload can never show a reader a mix of generations. Key layouts come from
 * {@link dev.shoecatalog.model.CatalogKeys} as templates in ARGV with {@code {g}} for the generation.
 * The scripts live in {@code src/main/resources/redis/}, where the benchmarks read them too. They are
 * called by SHA-1 with {@code EVALSHA_RO} (the text is sent only when the server does not have it yet,
 * with {@code EVAL_RO}): read-only calls, which a read-only Redis user and a replica accept.
 */
final class RedisScripts {

    /** A script's text and the SHA-1 Redis knows it by. */
    record Script(String source, String sha1) {
    }

    /** The newest shoes, of a color or all: {g, colorKeep or nil, doc, doc, ...} or nil. */
    static final Script LATEST = load("latest");

    /** One shoe by id: {g, doc or nil} or nil. */
    static final Script BY_ID = load("by-id");

    /** The current generation, its products and when it finished loading: {g, count, finished} or nil. */
    static final Script GENERATION = load("generation");

    /** Documents of given ranks of one generation (no key read first: the caller knows the generation). */
    static final Script DOCS = load("docs");

    private RedisScripts() {
    }

    private static Script load(String name) {
        try (InputStream script = RedisScripts.class.getResourceAsStream("/redis/" + name + ".lua")) {
            if (script == null) {
                throw new IllegalStateException("missing resource /redis/" + name + ".lua");
            }
            byte[] source = script.readAllBytes();
            return new Script(new String(source, StandardCharsets.UTF_8),
                    HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(source)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
