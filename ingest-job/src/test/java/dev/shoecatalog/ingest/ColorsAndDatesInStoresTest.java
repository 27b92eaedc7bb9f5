package dev.shoecatalog.ingest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import dev.shoecatalog.model.ProductIds;
import dev.shoecatalog.testsupport.TestStores;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** Color matching and date precision as readers see them in both stores. */
class ColorsAndDatesInStoresTest {

    @TempDir
    static Path dir;

    private static final String CSV = """
            id,name,brand,colors,dateAdded,dateUpdated
            wine,Wine Boot,Acme,Dark Wine Red,2019-01-01T00:00:00Z,2019-05-01T09:27:22Z
            loud,Loud Pump,Acme,RED,2019-01-01T00:00:00Z,2019-04-25T12:35:00.123Z
            mixed,Mixed Flat,Acme,"Black/Red, White",2019-01-01T00:00:00Z,2019-04-25T12:35:00.122Z
            tired,Tired Loafer,Acme,Tired,2019-01-01T00:00:00Z,2019-06-01T00:00:00Z
            wood,Redwood Mule,Acme,Redwood,2019-01-01T00:00:00Z,2019-06-02T00:00:00Z
            """;

    @BeforeAll
    static void load() throws Exception {
        Path dataset = Files.createDirectories(dir.resolve("data"));
        Files.writeString(dataset.resolve("shoes.csv"), CSV);
        assertThat(new JobRunner(TestStores.redisUrl(), TestStores.elasticsearch(), dir.resolve("rejects")).run(dataset)).isZero();
    }

    @Test
    void redMatchesRedWordsAndValuesButNotWordsContainingRed() {
        try (StoreReader stores = new StoreReader(TestStores.redisUrl(), TestStores.elasticsearch())) {
            assertThat(stores.redisLatest("red", 10)).containsExactly("wine", "loud", "mixed");
            assertThat(stores.elasticLatest("red", 10)).containsExactly("wine", "loud", "mixed");
            assertThat(stores.redisLatest("dark wine red", 10)).containsExactly("wine");
            assertThat(stores.elasticLatest("black/red", 10)).containsExactly("mixed");
        }
    }

    @Test
    void datesKeepTheirTimeToTheMillisecond() {
        try (StoreReader stores = new StoreReader(TestStores.redisUrl(), TestStores.elasticsearch())) {
            assertThat(stores.redisDoc("loud").dateUpdated()).isEqualTo(java.time.Instant.parse("2019-04-25T12:35:00.123Z"));
            // 1 ms apart: ordered by time, not by day.
            assertThat(stores.redisLatest(null, 10)).containsExactly("wood", "tired", "wine", "loud", "mixed");
            assertThat(stores.elasticLatest(null, 10)).containsExactly("wood", "tired", "wine", "loud", "mixed");
        }
    }

    @Test
    void productsWithoutIdGetAStableHashOfBrandAndName() {
        assertThat(ProductIds.of(" Acme ", "Wine  BOOT")).isEqualTo(ProductIds.of("acme", "wine boot")).hasSize(32);
    }
}
