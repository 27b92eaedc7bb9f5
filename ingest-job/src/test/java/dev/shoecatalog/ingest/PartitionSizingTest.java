package dev.shoecatalog.ingest;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Ranking and write partitions grow with the catalog, never fewer than the cores. */
class PartitionSizingTest {

    @ParameterizedTest(name = "{0} products, {1} per partition, {2} cores: {3}")
    @CsvSource({
            "2853, 100000, 2, 2",
            "285477, 100000, 2, 3",
            "2900000, 100000, 2, 29",
            "2900000, 100000, 64, 64",
            "100000, 100000, 1, 1",
            "100001, 100000, 1, 2",
            "10000000000, 1, 2, 2147483647"})
    void onePartitionPerSliceOfProductsAndAtLeastOnePerCore(long products, int perPartition, int cores, int partitions) {
        assertThat(IngestRun.partitionsFor(products, perPartition, cores)).isEqualTo(partitions);
    }
}
