package dev.shoecatalog.ingest.reliability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shoecatalog.dataset.DatasetWriter;
import dev.shoecatalog.ingest.JobRunner;
import dev.shoecatalog.ingest.LocalSpark;
import dev.shoecatalog.ingest.StoreReader;
import dev.shoecatalog.ingest.config.ElasticsearchSettings;
import dev.shoecatalog.ingest.config.RedisSettings;
import dev.shoecatalog.ingest.normalize.LatestRank;
import dev.shoecatalog.ingest.normalize.ProductAggregation;
import dev.shoecatalog.ingest.normalize.RowRules;
import dev.shoecatalog.ingest.read.CsvDatasetReader;
import dev.shoecatalog.ingest.read.DatasetFiles;
import dev.shoecatalog.ingest.report.FailureMessage;
import dev.shoecatalog.ingest.report.RejectsOutput;
import dev.shoecatalog.ingest.swap.CatalogLease;
import dev.shoecatalog.ingest.swap.ElasticsearchGenerations;
import dev.shoecatalog.ingest.swap.GenerationRecord;
import dev.shoecatalog.ingest.swap.RedisGenerations;
import dev.shoecatalog.ingest.write.RedisSearchVersion;
import dev.shoecatalog.ingest.write.RedisLayout;
import dev.shoecatalog.ingest.write.RedisWriter;
import dev.shoecatalog.model.CatalogKeys;
import dev.shoecatalog.testsupport.ElasticsearchEndpoint;
import dev.shoecatalog.testsupport.ElasticsearchFaultProxy;
import dev.shoecatalog.testsupport.ExpectedCatalog;
import dev.shoecatalog.testsupport.IngestJobProcess;
import dev.shoecatalog.testsupport.TestStores;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.apache.spark.sql.functions.col;
import static dev.shoecatalog.ingest.reliability.SharedCatalog.assertServes;
import static dev.shoecatalog.ingest.reliability.SharedCatalog.await;
import static dev.shoecatalog.ingest.reliability.SharedCatalog.reader;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Exports that went wrong and runs that stalled never shrink, corrupt or race the catalog: the shrink
 * guard, malformed records weighed by the lines they swallowed, a generation sequence whose numbers are
 * used once, and a driver paused past its lease. Each test starts from an empty catalog.
 */
class CatalogSafetyTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    private static Path full;
    private static ExpectedCatalog fullCatalog;

    @BeforeAll
    static void datasets() throws Exception {
        full = dir.resolve("full");
        new DatasetWriter(31, 0.0, 3.5).write(full, 6_000, 2);
        fullCatalog = ExpectedCatalog.of(full);
    }

    @BeforeEach
    void emptyCatalog() {
        SharedCatalog.empty();
    }

    private static JobRunner job() {
        return SharedCatalog.job(dir.resolve("rejects"));
    }

    /** Runs the job as its own process with the production defaults (no test default for --max-shrink); returns exit code and output. */
    private static Run runProcess(String name, Path dataset, String... extra) throws IOException {
        Path log = TestStores.logDir().resolve("safety-" + name + ".log");
        Files.deleteIfExists(log);
        List<String> args = new ArrayList<>(List.of("--master", "local[2]", "--dataset", dataset.toString(),
                "--redis-url", TestStores.redisUrl(), "--elasticsearch-hosts", TestStores.elasticsearch().url(),
                "--rejects", dir.resolve("rejects-" + name).toString()));
        args.addAll(List.of(extra));
        int exit = IngestJobProcess.run(log, Map.of(), args.toArray(String[]::new));
        return new Run(exit, Files.readString(log));
    }

    private record Run(int exit, String output) {
    }

    /** The export's larger file cut after a tenth of its bytes, mid-record, as a partial download leaves it. */
    private static Path cutExport() throws IOException {
        Path cut = Files.createDirectories(dir.resolve("cut"));
        List<Path> files = csvFiles(full);
        Path larger = files.stream().max(Comparator.comparingLong(CatalogSafetyTest::size)).orElseThrow();
        for (Path file : files) {
            byte[] bytes = Files.readAllBytes(file);
            int length = file.equals(larger) ? bytes.length / 10 : bytes.length;
            Files.write(cut.resolve(file.getFileName()), java.util.Arrays.copyOf(bytes, length));
        }
        return cut;
    }

    /** The export with its larger file missing. */
    private static Path exportMissingAFile() throws IOException {
        Path missing = Files.createDirectories(dir.resolve("missing"));
        List<Path> files = csvFiles(full);
        Path smaller = files.stream().min(Comparator.comparingLong(CatalogSafetyTest::size)).orElseThrow();
        Files.copy(smaller, missing.resolve(smaller.getFileName()));
        return missing;
    }

    private static List<Path> csvFiles(Path dataset) throws IOException {
        try (var files = Files.list(dataset)) {
            return files.filter(f -> f.toString().endsWith(".csv")).sorted().toList();
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aShortExportIsRefusedWithBothCountsAndReadersKeepEveryProduct() throws Exception {
        assertThat(job().run(full, "--max-shrink", "0.25")).isZero();
        assertServes(1, fullCatalog);
        int products = fullCatalog.ids().size();

        Path cut = cutExport();
        Run cutRun = runProcess("cut", cut);
        assertThat(cutRun.exit()).as(cutRun.output()).isEqualTo(3);
        int cutProducts = ExpectedCatalog.of(cut).ids().size();
        assertThat(cutRun.output()).contains("the new catalog has " + cutProducts + " products")
                .contains("than the " + products + " readers use").contains("--max-shrink 1");
        assertServes(1, fullCatalog);

        assertThat(job().run(exportMissingAFile(), "--max-shrink", "0.25")).isEqualTo(3);
        assertServes(1, fullCatalog);
        try (StoreReader stores = reader()) {
            assertThat(stores.redisGenerationsWithKeys()).as("refused before writing: nothing of another generation").containsExactly(1L);
            assertThat(stores.elasticGenerations()).containsExactly(1L);
        }

        assertThat(job().run(cut, "--max-shrink", "1")).isZero();
        assertServes(2, ExpectedCatalog.of(cut));
    }

    /** 200 rows; the second opens a quote it never closes, so the rest of the file is one record. */
    private static Path runawayQuote(String name, int rows, int padding) throws IOException {
        Path folder = Files.createDirectories(dir.resolve(name));
        StringBuilder csv = new StringBuilder("id,name,brand,dateUpdated,colors\n");
        csv.append("r1,First shoe,Acme,2019-05-01T09:27:22Z,Red\n");
        csv.append("r2,\"Runaway shoe,Acme,2019-05-01T09:27:22Z,Red\n");
        for (int i = 3; i <= rows; i++) {
            csv.append("r").append(i).append(",Shoe ").append(i).append(' ').append("x".repeat(padding))
                    .append(",Acme,2019-05-01T09:27:22Z,Blue\n");
        }
        Files.writeString(folder.resolve("shoes.csv"), csv);
        return folder;
    }

    @Test
    void anUnterminatedQuoteWeighsTheLinesItSwallowedAndACellPastTheBoundRefusesTheDataset() throws Exception {
        Path quoted = runawayQuote("runaway", 200, 0);
        assertThat(job().run(quoted, "--max-reject-ratio", "0.1")).as("199 of 200 lines are one malformed record").isEqualTo(3);
        assertThat(job().run(quoted, "--max-reject-ratio", "1")).as("with any share allowed, the one good row loads").isZero();
        JsonNode reject = onlyReject(dir.resolve("rejects"));
        assertThat(reject.path("reason").asText()).isEqualTo("malformed_record");
        assertThat(reject.path("record").asLong()).isEqualTo(2);
        assertThat(reject.path("lines").asLong()).isEqualTo(199);
        assertThat(reject.path("value").asText()).startsWith("r2,\"Runaway shoe").hasSizeLessThanOrEqualTo(300);

        // 200 rows of 5,000 characters: the runaway cell passes a 100,000-character bound long before the file ends.
        Path long_ = runawayQuote("runaway-long", 200, 5_000);
        Run refused = runProcess("runaway-long", long_, "--max-cell-chars", "100000", "--max-reject-ratio", "1");
        assertThat(refused.exit()).as(refused.output()).isEqualTo(3);
        assertThat(refused.output()).contains("shoes.csv has a cell longer than --max-cell-chars 100000").doesNotContain("OutOfMemoryError");
        try (StoreReader stores = reader()) {
            assertThat(stores.redisGeneration()).as("readers untouched").hasValue(1);
        }
    }

    private static JsonNode onlyReject(Path rejects) throws IOException {
        List<Path> parts;
        try (var files = Files.walk(rejects)) {
            parts = files.filter(f -> f.getFileName().toString().equals(RejectsOutput.FILE))
                    .sorted(Comparator.comparingLong(f -> f.toFile().lastModified())).toList();
        }
        List<String> lines = Files.readAllLines(parts.get(parts.size() - 1));
        assertThat(lines).hasSize(1);
        return JSON.readTree(lines.get(0));
    }

    @Test
    void failedRunsNeverReuseANumberAndALateWriteOfAnAbandonedGenerationAddsNothing() throws Exception {
        assertThat(job().run(full, "--max-shrink", "0.25")).isZero();
        List<Long> sequence = new ArrayList<>(List.of(sequence()));
        Path cut = cutExport();
        for (int i = 0; i < 5; i++) {
            assertThat(job().run(cut, "--max-shrink", "0.25")).as("refused before writing").isEqualTo(3);
            sequence.add(sequence());
        }
        try (ElasticsearchFaultProxy proxy = ElasticsearchFaultProxy.start(TestStores.elasticsearch().url())) {
            proxy.refuseAliasUpdatesAfter(0);
            JobRunner cannotSwitch = new JobRunner(TestStores.redisUrl(), ElasticsearchEndpoint.plain(proxy.url()), dir.resolve("rejects"));
            for (int i = 0; i < 5; i++) {
                assertThat(cannotSwitch.run(full)).as("refused after writing, at the switch").isEqualTo(1);
                sequence.add(sequence());
            }
        }
        // Refusals before writing take no number; each run that wrote took its own, above the last.
        assertThat(sequence).containsExactly(1L, 1L, 1L, 1L, 1L, 1L, 2L, 3L, 4L, 5L, 6L);
        assertServes(1, fullCatalog);

        // A cancelled task of generation 6 that writes after its run gave up adds nothing.
        assertThat(lateWrite(full, 6)).contains("generation 6 is no longer loading");
        try (StoreReader stores = reader()) {
            assertThat(stores.redisHasGeneration(6)).isFalse();
            assertThat(stores.jedis().keys(CatalogKeys.generationPrefix(6) + "*")).isEmpty();
        }

        assertThat(job().run(full)).isZero();
        assertServes(7, fullCatalog);
        try (StoreReader stores = reader()) {
            assertThat(stores.redisGenerationsWithKeys()).containsExactly(1L, 7L);
            assertThat(stores.elasticGenerations()).containsExactly(1L, 7L);
            assertThat(stores.jedis().hget(CatalogKeys.REGISTRY, "7")).startsWith("committed run=");
        }
    }

    private static long sequence() {
        try (StoreReader stores = reader()) {
            return Long.parseLong(stores.jedis().get(CatalogKeys.SEQUENCE));
        }
    }

    @Test
    void aDriverPausedPastItsLeaseMovesNoReadersAndTheRunThatTookOverIsServedByBothStores() throws Exception {
        assertThat(job().run(full)).isZero();
        Path cut = cutExport();
        Path log = TestStores.logDir().resolve("safety-paused.log");
        Files.deleteIfExists(log);
        Process paused = IngestJobProcess.start(log, "--master", "local[1]", "--dataset", full.toString(),
                "--redis-url", TestStores.redisUrl(), "--elasticsearch-hosts", TestStores.elasticsearch().url(),
                "--rejects", dir.resolve("rejects-paused").toString(), "--lease-seconds", "3",
                "--redis-batch-size", "5", "--partitions", "1");
        try (StoreReader stores = reader()) {
            await(() -> stores.redisHasDocuments(2), paused, log);
            signal("STOP", paused);
            await(() -> !stores.jedis().exists(CatalogKeys.LOCK), null, log);
        }
        try {
            assertThat(job().run(cut)).as("the run that takes the catalog over").isZero();
        } finally {
            signal("CONT", paused);
        }
        assertThat(paused.waitFor(3, TimeUnit.MINUTES)).isTrue();
        assertThat(paused.exitValue()).as("the paused run (see " + log + ")").isNotZero();
        assertServes(3, ExpectedCatalog.of(cut));
        try (StoreReader stores = reader()) {
            assertThat(stores.redisHasGeneration(2)).as("the paused run's generation is gone").isFalse();
            assertThat(stores.elasticHasIndex(2)).isFalse();
        }
        assertThat(Files.readString(log)).contains("Load failed");
    }

    private static void signal(String signal, Process process) throws Exception {
        assertThat(new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).start().waitFor()).isZero();
    }

    @Test
    void aLoadThatWouldNotFitInRedisIsRefusedBeforeWritingAndLoadsOnceThereIsRoom() throws Exception {
        assertThat(job().run(full)).isZero();
        long perProduct;
        try (StoreReader stores = reader()) {
            perProduct = Long.parseLong(stores.jedis().hget(CatalogKeys.meta(1), "redisBytesPerProduct"));
            assertThat(perProduct).as("bytes per product the load measured").isBetween(200L, 20_000L);
            // Room for half a generation more.
            stores.jedis().configSet("maxmemory", Long.toString(usedMemory(stores) + perProduct * fullCatalog.ids().size() / 2));
        }
        try {
            long usedBefore;
            try (StoreReader stores = reader()) {
                usedBefore = usedMemory(stores);
            }
            Run refused = runProcess("no-room", full);
            assertThat(refused.exit()).as(refused.output()).isEqualTo(5);
            assertThat(refused.output()).contains("No room in Redis, nothing written", "the new generation needs about", "leaves");
            try (StoreReader stores = reader()) {
                assertThat(stores.jedis().get(CatalogKeys.SEQUENCE)).as("no number taken").isEqualTo("1");
                assertThat(stores.redisGenerationsWithKeys()).containsExactly(1L);
                assertThat(usedMemory(stores)).as("used memory").isBetween(usedBefore - 200_000, usedBefore + 200_000);
                stores.jedis().configSet("maxmemory", Long.toString(usedMemory(stores) + 3 * perProduct * fullCatalog.ids().size()));
            }
            assertThat(job().run(full)).as("with room for it").isZero();
            assertServes(2, fullCatalog);
        } finally {
            try (StoreReader stores = reader()) {
                stores.jedis().configSet("maxmemory", "0");
            }
        }
    }

    private static long usedMemory(StoreReader stores) {
        return Long.parseLong(stores.jedis().info("memory").lines().filter(line -> line.startsWith("used_memory:")).findFirst()
                .orElseThrow().substring("used_memory:".length()).strip());
    }

    /**
     * Without a search index: RediSearch 1.x's own {@code FT.DROP} scans for its index's keys (counted
     * among Redis's commands), which the job cannot change; its 2.x successor keeps no such keys.
     */
    @Test
    void generationsAreRemovedFromTheirOwnKeysWithoutScanningTheKeyspace() {
        assertThat(job().run(full, "--redis-search", "off")).isZero();
        assertThat(job().run(full, "--redis-search", "off")).isZero();
        try (StoreReader stores = reader()) {
            stores.jedis().configResetStat();
        }
        assertThat(job().run(full, "--redis-search", "off")).as("the load that removes generation 1").isZero();
        try (StoreReader stores = reader()) {
            String stats = stores.jedis().info("commandstats");
            assertThat(stats).as("commands Redis ran during the load").doesNotContain("cmdstat_scan:", "cmdstat_keys:");
            assertThat(stats).contains("cmdstat_unlink:");
            assertThat(stores.redisGenerationsWithKeys()).containsExactly(2L, 3L);
        }
        assertServes(3, fullCatalog);
    }

    @Test
    void replicasThatCannotBePlacedAreAwaitedAtMostTheTimeoutThenReadersUseThePrimaries() {
        // One node: a replica can never be assigned, so the index stays yellow.
        assertThat(job().run(full, "--elasticsearch-replicas", "1-1", "--timeout-ms", "2000")).isZero();
        assertServes(1, fullCatalog);
    }

    @Test
    void switchesAreConditionalOnWhatReadersUsedWhenTheRunLooked() {
        assertThat(job().run(full)).isZero();
        assertThat(job().run(full)).isZero();
        assertThat(staleAliasSwitch(2, Set.of(1L)))
                .as("an alias switch conditional on generation 1, which readers left").contains("aliases_not_found");
        assertThat(staleRedisSwitch(2, OptionalLong.of(1))).contains("FENCED readers use generation 2");
        assertServes(2, fullCatalog);
    }

    /** What a writer task of generation g, started again after its run gave up, reports: the message it failed with. */
    private static String lateWrite(Path dataset, long g) throws IOException {
        SparkSession spark = LocalSpark.session();
        Dataset<Row> rows = RowRules.apply(CsvDatasetReader.read(spark, DatasetFiles.list(dataset.toString(),
                spark.sparkContext().hadoopConfiguration()))).filter(col(RowRules.REJECT_REASON).isNull());
        Dataset<Row> products = LatestRank.apply(ProductAggregation.apply(rows), 1);
        try {
            products.foreachPartition(new RedisWriter(RedisSettings.of(TestStores.redisUrl(), null, 50, 5000),
                    new RedisLayout(g, 1, 1, RedisSearchVersion.NONE), 0, spark.sparkContext().longAccumulator()));
            return "written";
        } catch (Exception e) { // Spark throws its checked exceptions undeclared
            return FailureMessage.of(e);
        }
    }

    /** Tries, as a run that saw readers on {@code expected}, to move the alias to generation g; returns the refusal. */
    private static String staleAliasSwitch(long g, Set<Long> expected) {
        ElasticsearchEndpoint endpoint = TestStores.elasticsearch();
        ElasticsearchSettings settings = new ElasticsearchSettings(List.of(endpoint.url()), null, endpoint.username(),
                endpoint.password(), null, endpoint.caCert() == null ? null : endpoint.caCert().toString(), 100, 1_000_000, 0, 5000,
                1, "0");
        try (ElasticsearchGenerations elasticsearch = new ElasticsearchGenerations(settings)) {
            elasticsearch.switchTo(OptionalLong.of(g), expected);
            return "switched";
        } catch (RuntimeException e) {
            return e.getMessage();
        }
    }

    /** Tries, holding the lease but having seen readers on {@code expected}, to switch Redis readers to g; returns the refusal. */
    private static String staleRedisSwitch(long g, OptionalLong expected) {
        RedisSettings settings = RedisSettings.of(TestStores.redisUrl(), null, 50, 5000);
        try (CatalogLease lease = CatalogLease.acquire(settings, Duration.ofSeconds(10))) {
            new RedisGenerations(settings).switchTo(g, expected, GenerationRecord.State.COMMITTED.label() + " ", null, lease.holder());
            return "switched";
        } catch (RuntimeException e) {
            return e.getMessage();
        }
    }
}
