package dev.shoecatalog.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Stream;

import dev.shoecatalog.model.CatalogKeys;
import dev.shoecatalog.testsupport.Datasets;
import dev.shoecatalog.testsupport.TestStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad input gets a clear exit code, loses nothing silently, and never becomes current half-written. */
class BadInputTest {

    private static final String MESSY = """
            name,dateUpdated,colors
            Good One,2019-01-01T00:00:00Z,Red
            Good Two,2019-01-02T00:00:00Z,Blue
            Too Many,2019-01-03T00:00:00Z,Red,extra
            ,2019-01-04T00:00:00Z,Red
            No Date,,Red
            """;

    @TempDir
    Path dir;

    private JobRunner job() {
        return new JobRunner(TestStores.redisUrl(), TestStores.elasticsearch(), dir.resolve("rejects"));
    }

    private Path dataset(String name, String... filesAndContents) throws IOException {
        Path dataset = Files.createDirectories(dir.resolve(name));
        for (int i = 0; i < filesAndContents.length; i += 2) {
            Files.writeString(dataset.resolve(filesAndContents[i]), filesAndContents[i + 1]);
        }
        return dataset;
    }

    private static OptionalLong current() {
        try (StoreReader stores = new StoreReader(TestStores.redisUrl(), TestStores.elasticsearch())) {
            return stores.redisGeneration();
        }
    }

    @Test
    void rejectedRowsAreWrittenWithFileRecordAndReason() throws Exception {
        Path dataset = dataset("messy", "messy.csv", MESSY);

        assertThat(job().run(dataset, "--max-reject-ratio", "0.7")).isZero();

        List<String> rejects;
        try (Stream<Path> files = Files.walk(dir.resolve("rejects"))) {
            rejects = files.filter(f -> f.getFileName().toString().endsWith(".json"))
                    .flatMap(f -> {
                        try {
                            return Files.readAllLines(f).stream();
                        } catch (IOException e) {
                            throw new RuntimeException(e);
                        }
                    }).toList();
        }
        assertThat(rejects).hasSize(3);
        assertThat(rejects).anySatisfy(line -> assertThat(line).contains("messy.csv", "\"record\":3", "malformed_record"));
        assertThat(rejects).anySatisfy(line -> assertThat(line).contains("\"record\":4", "missing_name"));
        assertThat(rejects).anySatisfy(line -> assertThat(line).contains("\"record\":5", "missing_date"));
        try (StoreReader stores = new StoreReader(TestStores.redisUrl(), TestStores.elasticsearch())) {
            assertThat(stores.redisIds()).hasSize(2);
            long g = stores.redisGeneration().orElseThrow();
            assertThat(stores.jedis().hgetAll(CatalogKeys.meta(g)))
                    .containsEntry("rejects:malformed_record", "1")
                    .containsEntry("rejects:missing_name", "1")
                    .containsEntry("rejects:missing_date", "1")
                    .containsEntry("products", "2");
        }
    }

    @Test
    void tooManyRejectsRefusesTheDatasetAndKeepsTheCurrentGeneration() throws Exception {
        Path dataset = dataset("too-many", "messy.csv", MESSY);
        assertThat(job().run(Datasets.sample())).isZero();
        OptionalLong before = current();

        assertThat(job().run(dataset)).isEqualTo(IngestJob.DATASET_REFUSED);

        assertThat(current()).isEqualTo(before);
    }

    @Test
    void aFileWithoutKnownColumnsIsReportedAndTheOthersLoad() throws Exception {
        Path dataset = dataset("mixed", "good.csv", "name,dateUpdated\nShoe,2019-01-01T00:00:00Z\n",
                "junk.csv", "foo,bar\n1,2\n");

        assertThat(job().run(dataset)).isZero();

        try (StoreReader stores = new StoreReader(TestStores.redisUrl(), TestStores.elasticsearch())) {
            long g = stores.redisGeneration().orElseThrow();
            assertThat(stores.jedis().hget(CatalogKeys.meta(g), "unrecognizedFiles")).endsWith("junk.csv");
            assertThat(stores.redisIds()).hasSize(1);
        }
    }

    @Test
    void datasetsWithNothingToLoadAreRefused() throws Exception {
        assertThat(job().run(Datasets.sample())).isZero();
        OptionalLong before = current();

        assertThat(job().run(dir.resolve("does-not-exist"))).isEqualTo(IngestJob.DATASET_REFUSED);
        assertThat(job().run(Files.createDirectories(dir.resolve("empty")))).isEqualTo(IngestJob.DATASET_REFUSED);
        assertThat(job().run(dataset("junk-only", "junk.csv", "foo,bar\n1,2\n"))).isEqualTo(IngestJob.DATASET_REFUSED);
        assertThat(job().run(dataset("header-only", "shoes.csv", "name,dateUpdated\n"))).isEqualTo(IngestJob.DATASET_REFUSED);

        assertThat(current()).isEqualTo(before);
    }

    @Test
    void badOptionsAreAUsageError() {
        assertThat(IngestJob.execute("--no-such-option")).isEqualTo(2);
        assertThat(IngestJob.execute("--help")).isZero();
    }
}
