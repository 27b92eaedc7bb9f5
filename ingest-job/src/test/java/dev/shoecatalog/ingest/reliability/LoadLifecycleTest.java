package dev.shoecatalog.ingest.reliability;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import dev.shoecatalog.dataset.DatasetWriter;
import dev.shoecatalog.ingest.JobRunner;
import dev.shoecatalog.ingest.StoreReader;
import dev.shoecatalog.model.CatalogKeys;
import dev.shoecatalog.testsupport.Datasets;
import dev.shoecatalog.testsupport.ElasticsearchEndpoint;
import dev.shoecatalog.testsupport.ElasticsearchFaultProxy;
import dev.shoecatalog.testsupport.ExpectedCatalog;
import dev.shoecatalog.testsupport.IngestJobProcess;
import dev.shoecatalog.testsupport.TestStores;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.exceptions.JedisDataException;

import static dev.shoecatalog.ingest.reliability.SharedCatalog.assertServes;
import static dev.shoecatalog.ingest.reliability.SharedCatalog.await;
import static dev.shoecatalog.ingest.reliability.SharedCatalog.reader;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The life of a catalog across runs: the commit point (a cleanup that fails after the switch does not
 * fail the run or touch what readers use), one load at a time (the lease), rollback, and a
 * least-privilege Redis user. Each test starts from an empty catalog in the shared test stores.
 */
class LoadLifecycleTest {

    @TempDir
    static Path dir;

    private static Path other;
    private static ExpectedCatalog sample;
    private static ExpectedCatalog otherCatalog;

    @BeforeAll
    static void datasets() throws Exception {
        other = dir.resolve("other");
        new DatasetWriter(11, 0.01, 3.5).write(other, 800, 2);
        sample = ExpectedCatalog.of(Datasets.sample());
        otherCatalog = ExpectedCatalog.of(other);
    }

    @BeforeEach
    void emptyCatalog() {
        SharedCatalog.empty();
    }

    private static JobRunner job() {
        return SharedCatalog.job(dir.resolve("rejects"));
    }

    /** Generations present in each store, whatever their state. */
    private static void assertHeld(Set<Long> redis, Set<Long> elasticsearch) {
        try (StoreReader stores = reader()) {
            assertThat(stores.redisGenerationsWithKeys()).as("generations with keys in Redis").isEqualTo(redis);
            assertThat(stores.elasticGenerations()).as("generation indexes in Elasticsearch").isEqualTo(elasticsearch);
        }
    }

    @Test
    void aCleanupThatFailsAfterTheSwitchKeepsTheNewGenerationAndTheNextRunRemovesTheLeftover() {
        try (ElasticsearchFaultProxy proxy = ElasticsearchFaultProxy.start(TestStores.elasticsearch().url())) {
            JobRunner throughProxy = new JobRunner(TestStores.redisUrl(), ElasticsearchEndpoint.plain(proxy.url()), dir.resolve("rejects"));
            assertThat(throughProxy.run(Datasets.sample())).isZero();
            assertThat(throughProxy.run(other)).isZero();

            proxy.refuseIndexDeletions(true);
            assertThat(throughProxy.run(Datasets.sample())).as("a failed cleanup after the switch is no failed run").isZero();
            assertThat(proxy.refusedDeletions()).isPositive();
            assertServes(3, sample);
            assertHeld(Set.of(2L, 3L), Set.of(1L, 2L, 3L));
            try (StoreReader stores = reader()) {
                assertThat(stores.jedis().hget(CatalogKeys.meta(3), "cleanupProblems"))
                        .contains("could not remove generation 1 from Elasticsearch");
            }

            proxy.refuseIndexDeletions(false);
            assertThat(throughProxy.run(other)).isZero();
            assertServes(4, otherCatalog);
            assertHeld(Set.of(3L, 4L), Set.of(3L, 4L));
        }
    }

    /** A user that may do everything a load needs but switch Redis readers ({@code {shoes}:current} is read-only to it). */
    private static String userWhoseRedisSwitchFails() {
        String password = "switchless-" + System.nanoTime();
        try (StoreReader stores = reader()) {
            stores.jedis().aclSetUser("switchless", "reset", "on", ">" + password, "~" + CatalogKeys.LOCK, "~" + CatalogKeys.REGISTRY,
                    "~" + CatalogKeys.SEQUENCE, "~" + CatalogKeys.meta("*"), "~shoes:[0-9]*", "~shoes-*", "%R~" + CatalogKeys.CURRENT,
                    "+@all", "-@admin", "-@dangerous");
        }
        return TestStores.redisUrl().replace("redis://", "redis://switchless:" + password + "@");
    }

    @Test
    void whenRedisCannotSwitchElasticsearchIsSwitchedBackAndWhenThatFailsTooRollbackRepairs() {
        assertThat(job().run(Datasets.sample())).isZero();
        String switchless = userWhoseRedisSwitchFails();
        try (ElasticsearchFaultProxy proxy = ElasticsearchFaultProxy.start(TestStores.elasticsearch().url())) {
            JobRunner cannotSwitchRedis = new JobRunner(switchless, ElasticsearchEndpoint.plain(proxy.url()), dir.resolve("rejects"));

            assertThat(cannotSwitchRedis.run(other)).as("Redis refuses the switch; the alias goes back").isEqualTo(1);
            assertServes(1, sample);

            // The failed run's number is never used again: the next run loads 3.
            proxy.refuseAliasUpdatesAfter(1); // the switch passes, the switch back is refused
            assertThat(cannotSwitchRedis.run(other)).as("neither switch could be undone").isEqualTo(1);
            try (StoreReader stores = reader()) {
                assertThat(stores.redisGeneration()).as("Redis readers").hasValue(1);
                assertThat(stores.elasticIndexesBehindAlias()).as("Elasticsearch readers").containsExactly(CatalogKeys.index(3));
                assertThat(stores.elasticIds()).isEqualTo(otherCatalog.ids());
            }
        } finally {
            try (StoreReader stores = reader()) {
                stores.jedis().aclDelUser("switchless");
            }
        }
        assertThat(job().run(Datasets.sample(), "--rollback")).as("rollback of a split catalog").isZero();
        assertServes(1, sample);
        assertThat(job().run(other)).isZero();
        assertServes(4, otherCatalog);
        assertHeld(Set.of(1L, 4L), Set.of(1L, 4L));
    }

    @Test
    void twoRunsStartedTogetherLoadOnceAndTheOtherExits4HavingWrittenNothing() throws Exception {
        Path rejectsA = dir.resolve("together-a");
        Path rejectsB = dir.resolve("together-b");
        Path log = TestStores.logDir().resolve("lifecycle-together.log");
        Process a = IngestJobProcess.start(log, jobArgs(Datasets.sample(), rejectsA));
        Process b = IngestJobProcess.start(log, jobArgs(Datasets.sample(), rejectsB));
        List<Integer> exits = new java.util.ArrayList<>(List.of(waitFor(a), waitFor(b)));
        exits.sort(null);
        assertThat(exits).as("exit codes of the two runs (see " + log + ")").containsExactly(0, 4);
        assertServes(1, sample);
        assertHeld(Set.of(1L), Set.of(1L));
        // The dataset has no rejected row, so neither run writes rejects; the loser did not even list the dataset.
        assertThat(Files.exists(rejectsA) && Files.exists(rejectsB)).isFalse();
        try (StoreReader stores = reader()) {
            assertThat(stores.jedis().exists(CatalogKeys.LOCK)).as("the winner released the lease").isFalse();
        }
    }

    @Test
    void aKilledRunHoldsTheCatalogUntilItsLeaseExpiresThenTheNextRunLoadsAndRemovesWhatItLeft() throws Exception {
        assertThat(job().run(Datasets.sample())).isZero();
        Path log = TestStores.logDir().resolve("lifecycle-killed.log");
        Process killed = IngestJobProcess.start(log, jobArgs(other, dir.resolve("killed"), "--lease-seconds", "6",
                "--redis-batch-size", "10", "--partitions", "1"));
        try (StoreReader stores = reader()) {
            await(() -> stores.redisHasDocuments(2), killed, log);
        }
        killed.destroyForcibly().waitFor(); // SIGKILL: the driver cannot release its lease

        assertThat(job().run(other)).as("a run right after the kill").isEqualTo(4);
        assertServes(1, sample);

        try (StoreReader stores = reader()) {
            await(() -> !stores.jedis().exists(CatalogKeys.LOCK), null, log);
        }
        assertThat(job().run(other)).as("a run after the lease expired").isZero();
        assertServes(3, otherCatalog);
        assertHeld(Set.of(1L, 3L), Set.of(1L, 3L));
    }

    @Test
    void rollbackServesThePreviousLoadInBothStoresAndTheNextLoadMovesForward() {
        assertThat(job().run(Datasets.sample(), "--rollback")).as("rollback of an empty catalog").isEqualTo(3);
        assertThat(job().run(Datasets.sample())).isZero();
        assertThat(job().run(Datasets.sample(), "--rollback")).as("rollback with nothing kept").isEqualTo(3);
        assertServes(1, sample);

        assertThat(job().run(other)).isZero();
        assertServes(2, otherCatalog);
        assertThat(job().run(Datasets.sample(), "--rollback")).isZero();
        assertServes(1, sample);
        assertHeld(Set.of(1L, 2L), Set.of(1L, 2L));
        assertThat(job().run(Datasets.sample(), "--rollback")).as("a second rollback: nothing older is kept").isEqualTo(3);
        assertServes(1, sample);

        assertThat(job().run(other)).isZero();
        assertServes(3, otherCatalog);
        assertHeld(Set.of(1L, 3L), Set.of(1L, 3L));
    }

    @Test
    void aRedisUserWithoutAdminCommandsLoadsTheCatalogWithItsSearchIndex() {
        String password = "loader-" + System.nanoTime();
        try (StoreReader stores = reader()) {
            stores.jedis().aclSetUser("loader", "reset", "on", ">" + password, "~shoes:*", "~{shoes}:*", "~shoes-*", "+@all", "-@admin", "-@dangerous");
        }
        String loaderUrl = TestStores.redisUrl().replace("redis://", "redis://loader:" + password + "@");
        try {
            try (StoreReader asLoader = new StoreReader(loaderUrl, TestStores.elasticsearch())) {
                assertThatThrownBy(() -> asLoader.jedis().moduleList()).isInstanceOf(JedisDataException.class).hasMessageContaining("NOPERM");
            }
            assertThat(new JobRunner(loaderUrl, TestStores.elasticsearch(), dir.resolve("rejects")).run(Datasets.sample())).isZero();
            assertServes(1, sample);
            try (StoreReader stores = reader()) {
                assertThat(stores.jedis().hget(CatalogKeys.meta(1), "searchIndex")).isEqualTo("v1");
                assertThat(stores.searchIndexDocuments(1)).isEqualTo(sample.ids().size());
            }
        } finally {
            try (StoreReader stores = reader()) {
                stores.jedis().aclDelUser("loader");
            }
        }
    }

    private static String[] jobArgs(Path dataset, Path rejects, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("--master", "local[1]", "--dataset", dataset.toString(),
                "--redis-url", TestStores.redisUrl(), "--elasticsearch-hosts", TestStores.elasticsearch().url(),
                "--rejects", rejects.toString(), "--max-shrink", "1"));
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    private static int waitFor(Process process) throws InterruptedException {
        if (!process.waitFor(5, java.util.concurrent.TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("the job did not end within 5 minutes");
        }
        return process.exitValue();
    }

    /**
     * What the layout before this one left (a hash per document named by a "latest" set, color sets named by
     * a set, untagged control keys, both registries) is removed by the first load, once readers use it, and
     * no new generation takes one of its numbers.
     */
    @Test
    void theFirstLoadRemovesTheCatalogOfTheEarlierLayout() {
        try (StoreReader stores = reader()) {
            redis.clients.jedis.Jedis jedis = stores.jedis();
            for (long g : List.of(4L, 5L)) {
                jedis.hset("shoes:" + g + ":doc:a", java.util.Map.of("id", "a", "name", "old"));
                jedis.zadd("shoes:" + g + ":latest", 1, "a");
                jedis.zadd("shoes:" + g + ":color:red", 1, "a");
                jedis.hset("shoes:" + g + ":meta", "products", "1");
            }
            jedis.sadd("shoes:5:colors", "red");
            jedis.sadd("shoes:generations", "4"); // the oldest registry: no set of color keys
            jedis.hset("shoes:registry", "5", "committed run=old at=2026-01-01T00:00:00Z");
            jedis.set("shoes:current", "5");
            jedis.set("shoes:sequence", "5");
        }
        assertThat(job().run(Datasets.sample())).isZero();
        assertServes(6, sample);
        try (StoreReader stores = reader()) {
            assertThat(stores.jedis().keys("shoes:[45]:*")).isEmpty();
            assertThat(stores.jedis().exists("shoes:current", "shoes:registry", "shoes:generations", "shoes:sequence")).isZero();
        }
    }
}
