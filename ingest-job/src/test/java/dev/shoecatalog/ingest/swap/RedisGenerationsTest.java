package dev.shoecatalog.ingest.swap;

import java.time.Duration;
import java.util.Map;

import dev.shoecatalog.ingest.config.RedisSettings;
import dev.shoecatalog.model.CatalogKeys;
import dev.shoecatalog.model.PackedRanks;
import dev.shoecatalog.testsupport.TestStores;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** Count and drop of a generation whose layout takes many round trips, on a real Redis. */
class RedisGenerationsTest {

    /**
     * 600,000 products are 9,375 document lists: ten pipelines of UNLINKs from one client, more than its
     * pool has connections, so a pipeline that kept its connection would block the eleventh for ever. The
     * colors are found from the generation's own color hashes, without a scan.
     */
    @Test
    void aLargeGenerationIsCountedAndDroppedInManyRoundTripsFromOneClient() {
        RedisSettings settings = RedisSettings.of(TestStores.redisUrl(), null, 100, 10_000);
        RedisGenerations generations = new RedisGenerations(settings);
        long g = 900_001;
        generations.writeLayout(g, 600_000, 130_000, 100, "none");
        try (Jedis jedis = settings.connect()) {
            jedis.rpush(CatalogKeys.docList(g, 9_000), "[\"a\"]", "");
            // A color in its bucket, one in a string of its own (named by its empty value), both in the
            // last of the 2,032 color hashes; and what a generation of the layout before them holds.
            String bucket = CatalogKeys.colorBucket(g, 2_031);
            jedis.hset(bucket.getBytes(), "rare".getBytes(), PackedRanks.encode(new long[] {3}));
            jedis.hset(bucket.getBytes(), "common".getBytes(), new byte[0]);
            jedis.set(CatalogKeys.color(g, "common").getBytes(), PackedRanks.encode(new long[] {1, 2}));
            jedis.set(CatalogKeys.color(g, "kept").getBytes(), PackedRanks.encode(new long[] {4}));
            jedis.sadd(CatalogKeys.colorKeys(g), "earlier");
            jedis.zadd(CatalogKeys.color(g, "earlier"), 5, "5");
            assertTimeoutPreemptively(Duration.ofSeconds(30), () -> assertThat(generations.count(g)).isEqualTo(1));
            assertTimeoutPreemptively(Duration.ofSeconds(30), () -> generations.drop(g));
            assertThat(jedis.exists(CatalogKeys.docList(g, 9_000), bucket, CatalogKeys.color(g, "common"),
                    CatalogKeys.colorKeys(g), CatalogKeys.color(g, "earlier"))).isZero();
            assertThat(jedis.exists(CatalogKeys.color(g, "kept"))).as("named by no bucket: not this generation's to drop").isTrue();
            jedis.del(CatalogKeys.color(g, "kept"));
            assertThat(jedis.hgetAll(CatalogKeys.meta(g))).isEqualTo(Map.of());
        }
    }
}
