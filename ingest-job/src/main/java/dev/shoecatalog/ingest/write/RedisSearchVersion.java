package dev.shoecatalog.ingest.write;

import java.io.Serializable;

/**
 * What the server's search module needs from the job. RediSearch 1.x ignores {@code ON HASH PREFIX}
 * and is told each document ({@code FT.ADD ... NOSAVE}: indexed, no hash written); 2.x and later
 * (Redis Stack, Redis 8) index the hashes of a prefix by themselves.
 */
public enum RedisSearchVersion implements Serializable {
    NONE, V1_ADD, V2_PREFIX
}
