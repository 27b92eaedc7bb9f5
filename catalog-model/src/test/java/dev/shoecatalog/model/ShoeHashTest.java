package dev.shoecatalog.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ShoeHashTest {

    private static final Shoe SHOE = new Shoe("abc", "Runner", "Nike", "nike", null,
            List.of("Shoes", "Womens Shoes"), List.of("Black/Red"), List.of("black", "black/red", "red"),
            Instant.parse("2019-04-25T12:35:00.123Z"), Instant.parse("2019-05-01T09:27:22Z"),
            19.5, 29.95, "USD", List.of("6 M US", "7"), null, "https://example.com/p");

    @Test
    void hashRoundTripsTheDocument() {
        assertThat(ShoeHash.fromHash(ShoeHash.toHash(SHOE))).isEqualTo(SHOE);
    }

    @Test
    void hashKeepsDatesAsMillisAndIsoAndLeavesOutAbsentValues() {
        Map<String, String> hash = ShoeHash.toHash(SHOE);
        assertThat(hash).containsEntry("dateUpdated", "1556702842000")
                .containsEntry("dateAddedIso", "2019-04-25T12:35:00.123Z")
                .containsEntry("colorKeys", "black,black/red,red")
                .doesNotContainKeys("manufacturer", "imageUrl");
    }

    @Test
    void sourceRoundTripsTheDocument() {
        assertThat(ShoeSource.fromSource(ShoeSource.toSource(SHOE))).isEqualTo(SHOE);
        assertThat(ShoeSource.toSource(SHOE)).containsEntry("dateUpdated", "2019-05-01T09:27:22Z");
    }

    @Test
    void generationOfIndexReadsOnlyOurIndexNames() {
        assertThat(CatalogKeys.generationOfIndex(CatalogKeys.index(42))).isEqualTo(42);
        assertThat(CatalogKeys.generationOfIndex("shoes-x")).isEqualTo(-1);
        assertThat(CatalogKeys.generationOfIndex("other-1")).isEqualTo(-1);
    }
}
