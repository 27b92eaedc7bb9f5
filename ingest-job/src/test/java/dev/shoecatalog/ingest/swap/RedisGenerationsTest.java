package dev.shoecatalog.ingest.swap;

import java.time.Duration;
import java.util.Map;

import dev.shoecatalog.ingest.config.RedisSettings;
import dev.shoecatalog.model.CatalogKeys;
import dev.shoecatalog.testsupport.TestStores;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** Count and drop of a generation whose layout takes many round trips, on a real Redis. */
class RedisGenerationsTest {

    /**
     * 600,000 products are 9,375 document lists: ten pipelines of UNLINKs from one client, more than its
     * pool has connections, so a pipeline that kept its connection would block the eleventh for ever.
     */
    @Test
    void aLargeGenerationIsCountedAndDroppedInManyRoundTripsFromOneClient() {
        RedisSettings settings = RedisSettings.of(TestStores.redisUrl(), null, 100, 10_000);
        RedisGenerations generations = new RedisGenerations(settings);
        long g = 900_001;
        generations.writeLayout(g, 600_000, 100, "none");
        try (Jedis jedis = settings.connect()) {
            jedis.rpush(CatalogKeys.docList(g, 9_000), "[\"a\"]", "");
            assertTimeoutPreemptively(Duration.ofSeconds(30), () -> assertThat(generations.count(g)).isEqualTo(1));
            assertTimeoutPreemptively(Duration.ofSeconds(30), () -> generations.drop(g));
            assertThat(jedis.exists(CatalogKeys.docList(g, 9_000))).isFalse();
            assertThat(jedis.hgetAll(CatalogKeys.meta(g))).isEqualTo(Map.of());
        }
    }
}
