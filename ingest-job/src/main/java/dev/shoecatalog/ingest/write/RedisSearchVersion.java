package dev.shoecatalog.ingest.write;

import java.io.Serializable;

/**
 * What the server's search module needs from the job. RediSearch 1.x ignores {@code ON HASH PREFIX}
 * and indexes only hashes added with {@code FT.ADDHASH}; 2.x and later (Redis Stack, Redis 8) index
 * hashes by prefix by themselves.
 */
public enum RedisSearchVersion implements Serializable {
    NONE, V1_ADDHASH, V2_PREFIX
}
