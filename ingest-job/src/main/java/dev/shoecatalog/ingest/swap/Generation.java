package dev.shoecatalog.ingest.swap;

import java.util.OptionalLong;

import dev.shoecatalog.ingest.write.RedisSearchVersion;

/**
 * A generation being loaded, and what readers use until it is committed.
 *
 * @param number          the new generation
 * @param previousRedis   {@code shoes:current} before the run
 * @param previousElastic the generation behind the {@code shoes} alias before the run
 */
public record Generation(long number, OptionalLong previousRedis, OptionalLong previousElastic, RedisSearchVersion search) {
}
