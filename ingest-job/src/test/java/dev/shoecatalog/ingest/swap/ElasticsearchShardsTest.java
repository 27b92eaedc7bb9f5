package dev.shoecatalog.ingest.swap;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ElasticsearchShardsTest {

    @Test
    void oneShardUntilACatalogPassesTwentyGigabytesThenOnePerTwenty() {
        assertThat(ElasticsearchShards.forProducts(0)).isEqualTo(1);
        assertThat(ElasticsearchShards.forProducts(2_900_000)).as("a 10M-row export").isEqualTo(1);
        assertThat(ElasticsearchShards.forProducts(40_000_000)).isEqualTo(1);
        assertThat(ElasticsearchShards.forProducts(40_000_001)).isEqualTo(2);
        assertThat(ElasticsearchShards.forProducts(200_000_000)).isEqualTo(5);
        assertThat(ElasticsearchShards.forProducts(Long.MAX_VALUE / 1_000)).isEqualTo(ElasticsearchShards.MAX_SHARDS);
    }
}
