package dev.shoecatalog.ingest.reliability;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;

import dev.shoecatalog.ingest.JobRunner;
import dev.shoecatalog.ingest.StoreReader;
import dev.shoecatalog.model.CatalogKeys;
import dev.shoecatalog.testsupport.ExpectedCatalog;
import dev.shoecatalog.testsupport.TestStores;

import static org.assertj.core.api.Assertions.assertThat;

/** The catalog in the shared test stores, as the lifecycle tests load, inspect and empty it. */
final class SharedCatalog {

    private SharedCatalog() {
    }

    static StoreReader reader() {
        return new StoreReader(TestStores.redisUrl(), TestStores.elasticsearch());
    }

    static JobRunner job(Path rejects) {
        return new JobRunner(TestStores.redisUrl(), TestStores.elasticsearch(), rejects);
    }

    static void empty() {
        try (StoreReader stores = reader()) {
            stores.removeWholeCatalog();
        }
    }

    /** Both stores serve generation g, complete: exactly the expected products, in the expected order. */
    static void assertServes(long g, ExpectedCatalog expected) {
        try (StoreReader stores = reader()) {
            assertThat(stores.redisGeneration()).hasValue(g);
            assertThat(stores.elasticIndexesBehindAlias()).containsExactly(CatalogKeys.index(g));
            assertThat(stores.redisIds()).isEqualTo(expected.ids());
            assertThat(stores.elasticIds()).isEqualTo(expected.ids());
            assertThat(stores.elasticSnapshot(1).count()).isEqualTo(expected.ids().size());
            assertThat(stores.redisLatest(null, 10)).isEqualTo(expected.latest(null, 10));
            assertThat(stores.elasticLatest(null, 10)).isEqualTo(expected.latest(null, 10));
        }
    }

    /** Waits (2 minutes at most) for the condition, failing if {@code mustStayAlive} (when given) ends first. */
    static void await(BooleanSupplier condition, Process mustStayAlive, Path log) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (!condition.getAsBoolean()) {
            if (mustStayAlive != null) {
                assertThat(mustStayAlive.isAlive()).as("the job ended too early (see " + log + ")").isTrue();
            }
            assertThat(System.nanoTime()).as("waited 2 minutes").isLessThan(deadline);
            Thread.sleep(10);
        }
    }
}
