package dev.shoecatalog.ingest;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import dev.shoecatalog.dataset.DatasetWriter;
import dev.shoecatalog.model.Shoe;
import dev.shoecatalog.testsupport.Datasets;
import dev.shoecatalog.testsupport.ExpectedCatalog;
import dev.shoecatalog.testsupport.TestStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** Reloads switch readers from one complete generation to the next, and give the same documents for the same data. */
class ReloadTest {

    @TempDir
    Path dir;

    @Test
    void rerunOnTheSameDataGivesTheSameDocumentsAndIds() {
        JobRunner job = new JobRunner(TestStores.redisUrl(), TestStores.elasticsearch(), dir);
        try (StoreReader stores = new StoreReader(TestStores.redisUrl(), TestStores.elasticsearch())) {
            assertThat(job.run(Datasets.sample())).isZero();
            long first = stores.redisGeneration().orElseThrow();
            Map<String, Shoe> before = documents(stores);

            assertThat(job.run(Datasets.sample())).isZero();

            assertThat(stores.redisGeneration()).hasValue(first + 1);
            assertThat(stores.elasticIndexesBehindAlias()).containsExactly("shoes-" + (first + 1));
            assertThat(documents(stores)).isEqualTo(before);
            assertThat(stores.elasticIds()).isEqualTo(before.keySet());
            // The previous generation stays for rollback; the one before it is gone.
            assertThat(stores.redisHasGeneration(first)).isTrue();
            assertThat(stores.redisHasGeneration(first - 1)).isFalse();
        }
    }

    @Test
    void sequentialWritesLoadTheSameCatalogAsConcurrentOnes() {
        JobRunner job = new JobRunner(TestStores.redisUrl(), TestStores.elasticsearch(), dir);
        ExpectedCatalog expected = ExpectedCatalog.of(Datasets.sample());
        try (StoreReader stores = new StoreReader(TestStores.redisUrl(), TestStores.elasticsearch())) {
            assertThat(job.run(Datasets.sample(), "--writes", "concurrent")).isZero();
            Map<String, Shoe> concurrent = documents(stores);

            assertThat(job.run(Datasets.sample(), "--writes", "sequential")).isZero();

            assertThat(documents(stores)).isEqualTo(concurrent);
            assertThat(stores.elasticIds()).isEqualTo(expected.ids());
            for (String colorKey : expected.colorKeys()) {
                assertThat(stores.redisLatest(colorKey, 20)).as("Redis, %s", colorKey).isEqualTo(expected.latest(colorKey, 20));
                assertThat(stores.elasticLatest(colorKey, 20)).as("Elasticsearch, %s", colorKey).isEqualTo(expected.latest(colorKey, 20));
            }
        }
    }

    @Test
    void readersSeeOneCompleteGenerationAtEveryMomentOfAReload() throws Exception {
        Path small = Datasets.sample();
        Path other = dir.resolve("other");
        new DatasetWriter(7, 0.01, 3.5).write(other, 600, 3);
        ExpectedCatalog sample = ExpectedCatalog.of(small);
        ExpectedCatalog smaller = ExpectedCatalog.of(other);
        Map<Long, List<String>> topByCount = Map.of((long) sample.ids().size(), sample.latest(null, 10),
                (long) smaller.ids().size(), smaller.latest(null, 10));
        JobRunner job = new JobRunner(TestStores.redisUrl(), TestStores.elasticsearch(), dir.resolve("rejects"));
        assertThat(job.run(small)).isZero();

        AtomicBoolean loading = new AtomicBoolean(true);
        ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
        AtomicInteger reads = new AtomicInteger();
        Thread reader = new Thread(() -> {
            try (StoreReader stores = new StoreReader(TestStores.redisUrl(), TestStores.elasticsearch())) {
                while (loading.get()) {
                    check("redis", stores.redisSnapshot(10), topByCount, problems);
                    check("elasticsearch", stores.elasticSnapshot(10), topByCount, problems);
                    reads.incrementAndGet();
                }
            } catch (RuntimeException e) {
                problems.add("reader failed: " + e);
            }
        });
        reader.start();
        try {
            assertThat(job.run(other)).isZero();
            assertThat(job.run(small)).isZero();
        } finally {
            loading.set(false);
            reader.join();
        }
        assertThat(problems).isEmpty();
        assertThat(reads.get()).isGreaterThan(10);
    }

    private static void check(String store, StoreReader.Snapshot seen, Map<Long, List<String>> topByCount,
                              ConcurrentLinkedQueue<String> problems) {
        List<String> expected = topByCount.get(seen.count());
        if (expected == null || !expected.equals(seen.top())) {
            problems.add(store + " showed " + seen.count() + " products with top " + seen.top());
        }
    }

    private static Map<String, Shoe> documents(StoreReader stores) {
        Map<String, Shoe> documents = new TreeMap<>();
        Set<String> ids = stores.redisIds();
        for (String id : ids) {
            documents.put(id, stores.redisDoc(id));
        }
        return documents;
    }
}
