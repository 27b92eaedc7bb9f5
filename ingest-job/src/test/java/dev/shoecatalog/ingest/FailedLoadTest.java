package dev.shoecatalog.ingest;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.shoecatalog.dataset.DatasetWriter;
import dev.shoecatalog.model.CatalogKeys;
import dev.shoecatalog.testsupport.Datasets;
import dev.shoecatalog.testsupport.ElasticsearchServer;
import dev.shoecatalog.testsupport.RedisServer;
import dev.shoecatalog.testsupport.TestStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** A load that fails mid-way leaves readers on the previous generation in both stores. */
class FailedLoadTest {

    @TempDir
    Path dir;

    @Test
    void elasticsearchStoppedDuringTheLoadFailsTheRunAndKeepsThePreviousGeneration() throws Exception {
        Path big = dir.resolve("big");
        new DatasetWriter(11, 0.0, 3.5).write(big, 120_000, 3);
        try (RedisServer redis = RedisServer.start(TestStores.logDir());
             ElasticsearchServer elasticsearch = ElasticsearchServer.start(TestStores.logDir())) {
            JobRunner job = new JobRunner(redis.url(), elasticsearch.endpoint(), dir.resolve("rejects"));
            assertThat(job.run(Datasets.sample())).isZero();
            long previous;
            List<String> redisTop;
            List<String> elasticTop;
            try (StoreReader stores = new StoreReader(redis.url(), elasticsearch.endpoint())) {
                previous = stores.redisGeneration().orElseThrow();
                redisTop = stores.redisLatest(null, 10);
                elasticTop = stores.elasticLatest(null, 10);
            }

            CompletableFuture<Integer> failing = CompletableFuture.supplyAsync(() ->
                    job.run(big, "--elasticsearch-bulk-actions", "50", "--partitions", "1"));
            try (StoreReader stores = new StoreReader(redis.url(), elasticsearch.endpoint())) {
                String loading = CatalogKeys.latest(previous + 1);
                while (!stores.jedis().exists(loading) && !failing.isDone()) {
                    Thread.sleep(20);
                }
            }
            elasticsearch.stop();
            assertThat(failing.get(5, TimeUnit.MINUTES)).isEqualTo(1);

            elasticsearch.restart();
            try (StoreReader stores = new StoreReader(redis.url(), elasticsearch.endpoint())) {
                assertThat(stores.redisGeneration()).hasValue(previous);
                assertThat(stores.redisLatest(null, 10)).isEqualTo(redisTop);
                assertThat(stores.jedis().exists(CatalogKeys.latest(previous + 1))).as("aborted generation removed").isFalse();
                assertThat(stores.elasticIndexesBehindAlias()).containsExactly(CatalogKeys.index(previous));
                assertThat(stores.elasticLatest(null, 10)).isEqualTo(elasticTop);
            }
            // The next run cleans up what the failed one left in Elasticsearch and completes.
            assertThat(job.run(Datasets.sample())).isZero();
            try (StoreReader stores = new StoreReader(redis.url(), elasticsearch.endpoint())) {
                assertThat(stores.redisGeneration()).hasValue(previous + 1);
                assertThat(stores.elasticLatest(null, 10)).isEqualTo(elasticTop);
            }
        }
    }
}
