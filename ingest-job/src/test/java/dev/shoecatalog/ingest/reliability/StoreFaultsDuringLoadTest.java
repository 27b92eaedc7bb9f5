package dev.shoecatalog.ingest.reliability;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import dev.shoecatalog.dataset.DatasetWriter;
import dev.shoecatalog.ingest.JobRunner;
import dev.shoecatalog.ingest.StoreReader;
import dev.shoecatalog.model.CatalogKeys;
import dev.shoecatalog.testsupport.ElasticsearchFaultProxy;
import dev.shoecatalog.testsupport.ElasticsearchFaultProxy.Answer;
import dev.shoecatalog.testsupport.Datasets;
import dev.shoecatalog.testsupport.ElasticsearchEndpoint;
import dev.shoecatalog.testsupport.ElasticsearchServer;
import dev.shoecatalog.testsupport.ExpectedCatalog;
import dev.shoecatalog.testsupport.IngestJobProcess;
import dev.shoecatalog.testsupport.RedisServer;
import dev.shoecatalog.testsupport.SlowLinkProxy;
import dev.shoecatalog.testsupport.TestStores;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fault matrix of a load: a store killed, stopped, overloaded (429) or slow while the job writes.
 * Each time the job either retries through it or fails cleanly, readers keep the previous complete
 * generation until a complete one replaces it, and what ends up loaded is exactly the input: every
 * expected product once, nothing more. The stores are this class's own, since tests kill them.
 */
class StoreFaultsDuringLoadTest {

    @TempDir
    static Path dir;

    private static RedisServer redis;
    private static ElasticsearchServer elasticsearch;
    private static Path dataset;
    private static ExpectedCatalog expected;

    /** What a reader saw before a faulty run: the generation and the top ids in each store. */
    private record Before(long generation, List<String> redisTop, List<String> elasticTop) {
    }

    @BeforeAll
    static void startStores() throws Exception {
        redis = RedisServer.start(TestStores.logDir());
        elasticsearch = ElasticsearchServer.start(TestStores.logDir());
        dataset = dir.resolve("catalog");
        new DatasetWriter(23, 0.01, 3.5).write(dataset, 20_000, 2);
        expected = ExpectedCatalog.of(dataset);
    }

    @AfterAll
    static void stopStores() {
        if (elasticsearch != null) {
            elasticsearch.close();
        }
        if (redis != null) {
            redis.close();
        }
    }

    @BeforeEach
    void loadTheSample() {
        assertThat(job(elasticsearch.endpoint().url()).run(Datasets.sample())).isZero();
    }

    private static JobRunner job(String elasticsearchUrl) {
        return job(redis.url(), elasticsearchUrl);
    }

    private static JobRunner job(String redisUrl, String elasticsearchUrl) {
        return new JobRunner(redisUrl, ElasticsearchEndpoint.plain(elasticsearchUrl), dir.resolve("rejects"));
    }

    private static StoreReader reader() {
        return new StoreReader(redis.url(), elasticsearch.endpoint());
    }

    private static Before before() {
        try (StoreReader stores = reader()) {
            return new Before(stores.redisGeneration().orElseThrow(), stores.redisLatest(null, 10), stores.elasticLatest(null, 10));
        }
    }

    /** Readers still get the generation they had, complete, in both stores; the failed one is gone. */
    private static void assertReadersKept(Before before) {
        try (StoreReader stores = reader()) {
            assertThat(stores.redisGeneration()).hasValue(before.generation());
            assertThat(stores.redisLatest(null, 10)).isEqualTo(before.redisTop());
            assertThat(stores.redisHasGeneration(before.generation() + 1)).as("failed generation removed").isFalse();
            assertThat(stores.elasticIndexesBehindAlias()).containsExactly(CatalogKeys.index(before.generation()));
            assertThat(stores.elasticLatest(null, 10)).isEqualTo(before.elasticTop());
        }
    }

    /** Both stores serve exactly the dataset's products, each once, in the expected order. */
    private static void assertExactlyTheDataset() {
        try (StoreReader stores = reader()) {
            assertThat(stores.redisIds()).isEqualTo(expected.ids());
            assertThat(stores.elasticSnapshot(1).count()).isEqualTo(expected.ids().size());
            assertThat(stores.elasticIds()).isEqualTo(expected.ids());
            assertThat(stores.redisLatest(null, 20)).isEqualTo(expected.latest(null, 20));
            assertThat(stores.elasticLatest(null, 20)).isEqualTo(expected.latest(null, 20));
        }
    }

    private static void await(BooleanSupplier condition, CompletableFuture<Integer> run) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(run).as("the load ended before the fault could be injected").isNotDone();
            assertThat(System.nanoTime()).as("the load never started writing").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    @Test
    void elasticsearchKilledAndRestartedMidLoadTheJobRetriesThroughAndLoadsEverything() throws Exception {
        Before before = before();
        CompletableFuture<Integer> run = CompletableFuture.supplyAsync(() -> job(elasticsearch.endpoint().url())
                .run(dataset, "--elasticsearch-bulk-actions", "50", "--partitions", "1", "--elasticsearch-max-retries", "12"));
        try (StoreReader stores = reader()) {
            await(() -> stores.elasticIndexed(before.generation() + 1) > 0, run);
        }
        elasticsearch.kill();
        try (StoreReader stores = reader()) {
            assertThat(stores.redisGeneration()).as("Redis readers during the outage").hasValue(before.generation());
            assertThat(stores.redisLatest(null, 10)).isEqualTo(before.redisTop());
        }
        elasticsearch.restart();

        assertThat(run.get(5, TimeUnit.MINUTES)).isZero();
        try (StoreReader stores = reader()) {
            assertThat(stores.redisGeneration()).hasValue(before.generation() + 1);
        }
        assertExactlyTheDataset();
    }

    @Test
    void elasticsearchStoppedMidLoadFailsTheRunAndARerunCompletes() throws Exception {
        Before before = before();
        CompletableFuture<Integer> run = CompletableFuture.supplyAsync(() -> job(elasticsearch.endpoint().url())
                .run(dataset, "--elasticsearch-bulk-actions", "50", "--partitions", "1"));
        try (StoreReader stores = reader()) {
            await(() -> stores.elasticIndexed(before.generation() + 1) > 0, run);
        }
        elasticsearch.stop();
        assertThat(run.get(5, TimeUnit.MINUTES)).isEqualTo(1);
        elasticsearch.restart();
        assertReadersKept(before);

        assertThat(job(elasticsearch.endpoint().url()).run(dataset)).isZero();
        assertExactlyTheDataset();
    }

    @Test
    void redisKilledMidLoadFailsTheRunAndARerunOnTheRestartedServerCompletes() throws Exception {
        Before before = before();
        CompletableFuture<Integer> run = CompletableFuture.supplyAsync(() -> job(elasticsearch.endpoint().url())
                .run(dataset, "--redis-batch-size", "10", "--partitions", "1"));
        try (StoreReader stores = reader()) {
            await(() -> stores.redisHasDocuments(before.generation() + 1), run);
        }
        redis.kill();
        assertThat(run.get(5, TimeUnit.MINUTES)).isEqualTo(1);

        // Without persistence the restarted Redis is empty; the next run loads it from scratch.
        redis = RedisServer.start(TestStores.logDir(), null, redis.port());
        try (StoreReader stores = reader()) {
            assertThat(stores.elasticIndexesBehindAlias()).as("Elasticsearch readers")
                    .containsExactly(CatalogKeys.index(before.generation()));
            assertThat(stores.elasticLatest(null, 10)).isEqualTo(before.elasticTop());
            assertThat(stores.elasticHasIndex(before.generation() + 1)).as("failed generation removed").isFalse();
        }
        assertThat(job(elasticsearch.endpoint().url()).run(dataset)).isZero();
        assertExactlyTheDataset();
    }

    @Test
    void bulkRequestsAnswered429AreRetriedUntilEverythingIsLoadedOnce() {
        try (ElasticsearchFaultProxy overloaded = ElasticsearchFaultProxy.start(elasticsearch.endpoint().url())) {
            overloaded.plan(Answer.REJECT_REQUEST, Answer.REJECT_HALF_THE_ITEMS, Answer.PASS);

            assertThat(job(overloaded.url()).run(dataset, "--elasticsearch-bulk-actions", "500", "--elasticsearch-max-retries", "8"))
                    .isZero();

            assertThat(overloaded.rejectedRequests()).isPositive();
            assertThat(overloaded.rejectedItems()).isPositive();
        }
        assertExactlyTheDataset();
    }

    @Test
    void aClusterThatKeepsAnswering429FailsTheRunCleanly() {
        Before before = before();
        try (ElasticsearchFaultProxy overloaded = ElasticsearchFaultProxy.start(elasticsearch.endpoint().url())) {
            overloaded.plan(Answer.REJECT_REQUEST);
            assertThat(job(overloaded.url()).run(dataset, "--elasticsearch-max-retries", "2")).isEqualTo(1);
            assertThat(overloaded.rejectedRequests()).isGreaterThanOrEqualTo(3);
        }
        assertReadersKept(before);
    }

    @Test
    void slowStoresOnlySlowTheLoad() {
        try (SlowLinkProxy slowRedis = SlowLinkProxy.start(redis.port());
             SlowLinkProxy slowElasticsearch = SlowLinkProxy.start(elasticsearch.port())) {
            slowRedis.delay(Duration.ofMillis(5));
            slowElasticsearch.delay(Duration.ofMillis(50));

            assertThat(job("redis://127.0.0.1:" + slowRedis.port(), "http://127.0.0.1:" + slowElasticsearch.port())
                    .run(dataset, "--elasticsearch-bulk-actions", "200")).isZero();
        }
        assertExactlyTheDataset();
    }

    @Test
    void aRedisConnectionResetMidWriteIsRetriedAndTheLoadCompletes() {
        try (SlowLinkProxy flaky = SlowLinkProxy.start(redis.port())) {
            // Only a writer's connection carries this much; the driver's small control calls are left alone.
            flaky.resetOneConnectionAfter(300_000);
            assertThat(job("redis://127.0.0.1:" + flaky.port(), elasticsearch.endpoint().url())
                    .run(dataset, "--redis-batch-size", "100", "--partitions", "1")).isZero();
            assertThat(flaky.resets()).as("connections reset mid-write").isEqualTo(1);
        }
        assertExactlyTheDataset();
    }

    @Test
    void redisRefusingWritesAtItsMemoryLimitEndsTheRunInOneLineNamingTheCause() throws Exception {
        Before before = before();
        Path log = TestStores.logDir().resolve("faults-redis-oom.log");
        java.nio.file.Files.deleteIfExists(log);
        try (StoreReader stores = reader()) {
            long used = Long.parseLong(stores.jedis().info("memory").lines().filter(l -> l.startsWith("used_memory:"))
                    .findFirst().orElseThrow().substring("used_memory:".length()).strip());
            stores.jedis().configSet("maxmemory", Long.toString(used + 1_000_000));
            // An estimate far too low (as after a load of much smaller products), so that the job's
            // admission check lets the load start and Redis itself refuses the writes.
            stores.jedis().hset(CatalogKeys.meta(before.generation()), "redisBytesPerProduct", "1");
        }
        try {
            int exit = IngestJobProcess.run(log, java.util.Map.of(), "--master", "local[2]", "--dataset", dataset.toString(),
                    "--redis-url", redis.url(), "--elasticsearch-hosts", elasticsearch.endpoint().url(),
                    "--rejects", dir.resolve("rejects-oom").toString(), "--max-shrink", "1");
            assertThat(exit).isEqualTo(1);
        } finally {
            try (StoreReader stores = reader()) {
                stores.jedis().configSet("maxmemory", "0");
            }
        }
        List<String> lines = java.nio.file.Files.readAllLines(log);
        assertThat(lines).as("no stack trace by default").noneMatch(line -> line.startsWith("\tat ") || line.startsWith("Caused by"));
        assertThat(lines).filteredOn(line -> line.contains("OOM")).as("the cause, once").hasSize(1);
        assertThat(lines.get(lines.size() - 1)).contains("Load failed, readers keep the current generation", "Redis refused a write",
                "OOM command not allowed");
        assertReadersKept(before);
    }

    @Test
    void aStoreSlowerThanTheTimeoutFailsTheRunCleanly() {
        Before before = before();
        try (SlowLinkProxy stalled = SlowLinkProxy.start(elasticsearch.port())) {
            stalled.delay(Duration.ofSeconds(3));
            assertThat(job("http://127.0.0.1:" + stalled.port()).run(dataset, "--timeout-ms", "1000",
                    "--elasticsearch-max-retries", "1")).isEqualTo(1);
        }
        assertReadersKept(before);
    }
}
