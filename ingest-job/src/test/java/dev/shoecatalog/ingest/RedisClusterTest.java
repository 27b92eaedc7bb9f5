package dev.shoecatalog.ingest;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.shoecatalog.dataset.DatasetWriter;
import dev.shoecatalog.ingest.config.RedisSettings;
import dev.shoecatalog.model.CatalogKeys;
import dev.shoecatalog.testsupport.Datasets;
import dev.shoecatalog.testsupport.ExpectedCatalog;
import dev.shoecatalog.testsupport.RedisCluster;
import dev.shoecatalog.testsupport.RedisServer;
import dev.shoecatalog.testsupport.TestStores;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The job on a real Redis Cluster of three masters: the catalog spread over all of them, the oracle's
 * answers, reloads that keep one generation for rollback and remove the one before from its own
 * records, and rollback. The cluster's search module (RediSearch 1.x here) indexes one shard only, so
 * the catalog is loaded without a Redis search index and the summary says so.
 */
class RedisClusterTest {

    private static RedisCluster cluster;

    @TempDir
    Path dir;

    @BeforeAll
    static void startCluster() {
        cluster = RedisCluster.start(TestStores.logDir());
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    private static RedisSettings settings() {
        return RedisSettings.of("cluster", cluster.url(), null, null, null, 100, 10_000);
    }

    private JobRunner job() {
        return new JobRunner(cluster.url(), TestStores.elasticsearch(), dir.resolve("rejects"));
    }

    @Test
    void loadsReloadsAndRollsBackOnACluster() throws Exception {
        Path other = dir.resolve("other");
        new DatasetWriter(11, 0.0, 3.5).write(other, 700, 2);
        ExpectedCatalog sample = ExpectedCatalog.of(Datasets.sample());
        ExpectedCatalog otherCatalog = ExpectedCatalog.of(other);

        assertThat(job().run(Datasets.sample(), "--redis-client-type", "cluster")).isZero();
        try (StoreReader stores = new StoreReader(settings(), TestStores.elasticsearch())) {
            long first = stores.redisGeneration().orElseThrow();
            assertServes(stores, sample);
            assertThat(stores.redisGenerationsWithKeys()).containsExactly(first);
            for (RedisServer master : cluster.masters()) {
                try (Jedis node = new Jedis("127.0.0.1", master.port())) {
                    assertThat(node.dbSize()).as("keys on the master at port %d", master.port()).isGreaterThan(10);
                }
            }
            Map<String, String> meta = stores.redisMeta(first);
            assertThat(meta.get(CatalogKeys.META_SEARCH_INDEX)).isEqualTo("none");
            assertThat(meta.get("searchIndexNote")).contains("Redis Cluster");

            assertThat(job().run(other, "--redis-client-type", "cluster")).isZero();
            assertServes(stores, otherCatalog);
            assertThat(job().run(Datasets.sample(), "--redis-client-type", "cluster")).isZero();
            assertServes(stores, sample);
            // The previous generation stays for rollback; the one before it is gone from every master.
            assertThat(stores.redisGenerationsWithKeys()).containsExactly(first + 1, first + 2);

            assertThat(job().run(Datasets.sample(), "--redis-client-type", "cluster", "--rollback")).isZero();
            assertThat(stores.redisGeneration()).hasValue(first + 1);
            assertServes(stores, otherCatalog);
            assertThat(stores.elasticIndexesBehindAlias()).containsExactly(CatalogKeys.index(first + 1));
        }
    }

    private static void assertServes(StoreReader stores, ExpectedCatalog expected) {
        assertThat(stores.redisIds()).isEqualTo(expected.ids());
        assertThat(stores.redisLatest(null, 30)).isEqualTo(expected.latest(null, 30));
        for (String colorKey : expected.commonColorKeys(8)) {
            assertThat(stores.redisLatest(colorKey, 20)).as("Redis, %s", colorKey).isEqualTo(expected.latest(colorKey, 20));
        }
        for (String id : List.copyOf(expected.ids()).subList(0, 20)) {
            assertThat(stores.redisDoc(id)).as(id).isEqualTo(expected.document(id).orElseThrow());
        }
        assertThat(stores.elasticIds()).isEqualTo(expected.ids());
        assertThat(Set.copyOf(stores.redisIds())).hasSize(expected.ids().size());
    }
}
