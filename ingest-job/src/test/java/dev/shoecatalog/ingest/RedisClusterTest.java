package dev.shoecatalog.ingest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import dev.shoecatalog.dataset.DatasetWriter;
import dev.shoecatalog.ingest.config.RedisSettings;
import dev.shoecatalog.model.CatalogKeys;
import dev.shoecatalog.testsupport.Datasets;
import dev.shoecatalog.testsupport.ExpectedCatalog;
import dev.shoecatalog.testsupport.IngestJobProcess;
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
 * records, rollback, the lease, and a master that stops answering mid-load. The cluster's search module (RediSearch 1.x here) indexes one shard only, so
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
            assertThat(stores.redisGenerationsWithKeys()).contains(first).allMatch(g -> g >= first - 1);
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

    @Test
    void twoLoadsStartedTogetherOnAClusterLoadOnceAndTheOtherExits4() throws Exception {
        Path log = TestStores.logDir().resolve("cluster-together.log");
        Process a = IngestJobProcess.start(log, jobArgs(Datasets.sample(), "--rejects", dir.resolve("a").toString()));
        Process b = IngestJobProcess.start(log, jobArgs(Datasets.sample(), "--rejects", dir.resolve("b").toString()));
        List<Integer> exits = new ArrayList<>(List.of(waitFor(a), waitFor(b)));
        exits.sort(null);
        assertThat(exits).as("exit codes of the two runs (see %s)", log).containsExactly(0, 4);
        try (StoreReader stores = new StoreReader(settings(), TestStores.elasticsearch())) {
            assertServes(stores, ExpectedCatalog.of(Datasets.sample()));
        }
    }

    /**
     * A master paused (SIGSTOP: it holds its connections and answers nothing) while the job writes: the
     * run fails with exit 1 and one line; once the master answers again, readers have the generation they
     * had, whole, and the next run removes what the failed one left. (With the cluster down, the failed
     * run cannot release its lease either: a short one lets the next run start soon.)
     */
    @Test
    void aMasterStoppedMidLoadFailsTheRunAndReadersKeepTheirGeneration() throws Exception {
        assertThat(job().run(Datasets.sample(), "--redis-client-type", "cluster")).isZero();
        Path big = dir.resolve("big");
        new DatasetWriter(13, 0.0, 3.5).write(big, 6000, 2);
        ExpectedCatalog sample = ExpectedCatalog.of(Datasets.sample());
        Path log = TestStores.logDir().resolve("cluster-master-stopped.log");
        Files.deleteIfExists(log);
        try (StoreReader stores = new StoreReader(settings(), TestStores.elasticsearch())) {
            long served = stores.redisGeneration().orElseThrow();
            Process load = IngestJobProcess.start(log, jobArgs(big, "--master", "local[1]", "--redis-batch-size", "5",
                    "--partitions", "1", "--timeout-ms", "1000", "--redis-max-retries", "1", "--lease-seconds", "6"));
            RedisServer stopped = cluster.masters().get(1);
            try {
                await(() -> stores.redisHasDocuments(served + 1), load, log);
                signal("STOP", stopped.pid());
                assertThat(load.waitFor(3, TimeUnit.MINUTES)).as("the run ends (see %s)", log).isTrue();
            } finally {
                signal("CONT", stopped.pid());
            }
            assertThat(load.exitValue()).as("the run's exit code (see %s)", log).isEqualTo(1);
            assertThat(Files.readString(log)).contains("Load failed");
            cluster.awaitHealthy();
            assertThat(stores.redisGeneration()).hasValue(served);
            assertServes(stores, sample);

            assertThat(job().run(Datasets.sample(), "--redis-client-type", "cluster")).isZero();
            assertThat(stores.redisGenerationsWithKeys()).as("the failed run's generation is removed")
                    .doesNotContain(served + 1).contains(served);
        }
    }

    private String[] jobArgs(Path dataset, String... extra) {
        List<String> args = new ArrayList<>(List.of("--dataset", dataset.toString(), "--redis-client-type", "cluster",
                "--redis-url", cluster.url(), "--elasticsearch-hosts", TestStores.elasticsearch().url(), "--max-shrink", "1"));
        args.addAll(List.of(extra));
        if (!args.contains("--master")) {
            args.addAll(List.of("--master", "local[2]"));
        }
        if (!args.contains("--rejects")) {
            args.addAll(List.of("--rejects", dir.resolve("rejects").toString()));
        }
        return args.toArray(String[]::new);
    }

    private static int waitFor(Process process) throws InterruptedException {
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("the job did not end within 5 minutes");
        }
        return process.exitValue();
    }

    private static void await(java.util.function.BooleanSupplier condition, Process process, Path log) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (!condition.getAsBoolean()) {
            assertThat(process.isAlive()).as("the job is still running (see %s)", log).isTrue();
            assertThat(System.nanoTime()).as("waiting (see %s)", log).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private static void signal(String signal, long pid) throws Exception {
        assertThat(new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).start().waitFor()).isZero();
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
