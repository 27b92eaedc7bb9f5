package dev.shoecatalog.ingest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import dev.shoecatalog.testsupport.Datasets;
import dev.shoecatalog.testsupport.ExpectedCatalog;
import dev.shoecatalog.testsupport.TestStores;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/** After a run, both stores hold the products of the input, and "latest" agrees across stores and with the input. */
class LoadIntoBothStoresTest {

    @TempDir
    Path rejects;

    static Stream<String> datasets() {
        return Stream.of("sample", "seed");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("datasets")
    void storesHoldTheSameProductsAndTheSameLatestOrderAsTheInput(String which) {
        Path dataset = which.equals("sample") ? Datasets.sample() : Datasets.seed().orElse(null);
        Assumptions.assumeTrue(dataset != null, Datasets.seedMissing());
        ExpectedCatalog expected = ExpectedCatalog.of(dataset);

        int exit = new JobRunner(TestStores.redisUrl(), TestStores.elasticsearch(), rejects).run(dataset);

        assertThat(exit).isZero();
        try (StoreReader stores = new StoreReader(TestStores.redisUrl(), TestStores.elasticsearch())) {
            assertThat(stores.redisIds()).isEqualTo(expected.ids());
            assertThat(stores.elasticIds()).isEqualTo(expected.ids());
            List<String> colorKeys = new ArrayList<>(expected.colorKeys());
            colorKeys.add(null);
            for (String colorKey : colorKeys) {
                List<String> want = expected.latest(colorKey, 20);
                assertThat(stores.redisLatest(colorKey, 20)).as("Redis latest 20 for color %s", colorKey).isEqualTo(want);
                assertThat(stores.elasticLatest(colorKey, 20)).as("Elasticsearch latest 20 for color %s", colorKey).isEqualTo(want);
            }
        }
    }
}
