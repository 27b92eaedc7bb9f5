package dev.shoecatalog.ingest.reliability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import dev.shoecatalog.ingest.JobRunner;
import dev.shoecatalog.ingest.StoreReader;
import dev.shoecatalog.model.CatalogKeys;
import dev.shoecatalog.testsupport.TestStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile files beside a good one: each is loaded, rejected row by row with a reason, or skipped
 * and named in the summary; the good file always loads; the run never crashes; and every record
 * read is accounted for (loaded or rejected).
 */
class BadInputCorpusTest {

    private static final String HEADER = "name,brand,dateUpdated,colors\n";
    private static final String GOOD = HEADER + """
            Good Runner,Acme,2019-01-01T00:00:00Z,Red
            Good Walker,Acme,2019-01-02T00:00:00Z,Blue
            Good Hiker,Acme,2019-01-03T00:00:00Z,Green
            """;
    private static final List<String> GOOD_NAMES = List.of("Good Runner", "Good Walker", "Good Hiker");

    @TempDir
    Path dir;

    /** What one run left: its exit code, the meta of the generation and the rejects written. */
    private record Outcome(int exit, Map<String, String> meta, List<String> rejects, List<String> names) {
        long meta(String key) {
            return Long.parseLong(meta.getOrDefault(key, "0"));
        }
    }

    private Outcome load(String badName, byte[] bad, String... options) throws IOException {
        Path dataset = Files.createDirectories(dir.resolve("dataset"));
        Files.writeString(dataset.resolve("good.csv"), GOOD);
        Files.write(dataset.resolve(badName), bad);
        Path rejects = dir.resolve("rejects");
        List<String> args = new java.util.ArrayList<>(List.of("--max-reject-ratio", "1.0"));
        args.addAll(List.of(options));
        int exit = new JobRunner(TestStores.redisUrl(), TestStores.elasticsearch(), rejects).run(dataset, args.toArray(String[]::new));
        try (StoreReader stores = new StoreReader(TestStores.redisUrl(), TestStores.elasticsearch())) {
            long g = stores.redisGeneration().orElseThrow();
            List<String> names = stores.redisIds().stream().map(id -> stores.redisDoc(id).name()).toList();
            return new Outcome(exit, stores.jedis().hgetAll(CatalogKeys.meta(g)), rejectLines(rejects), names);
        }
    }

    private static List<String> rejectLines(Path rejects) throws IOException {
        if (!Files.exists(rejects)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(rejects)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".json")).flatMap(f -> {
                try {
                    return Files.readAllLines(f).stream();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
    }

    /** The run succeeded, the good rows are in, and rows read = products' rows + rejects. */
    private static void assertLoadedAndAccountedFor(Outcome outcome, long loadedFromBadFile) {
        assertThat(outcome.exit()).isZero();
        assertThat(outcome.names()).containsAll(GOOD_NAMES);
        assertThat(outcome.meta("rowsRead")).isEqualTo(GOOD_NAMES.size() + loadedFromBadFile + outcome.meta("rejected"));
        assertThat(outcome.rejects()).hasSize((int) outcome.meta("rejected"));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void anUnterminatedQuoteIsOneRejectedRecordThatKeepsTheRestOfTheFileInItsRawText() throws Exception {
        Outcome outcome = load("broken-quote.csv", utf8(HEADER + """
                Before,Acme,2019-02-01T00:00:00Z,Red
                "Broken,Acme,2019-02-02T00:00:00Z,Red
                After,Acme,2019-02-03T00:00:00Z,Red
                """));
        assertLoadedAndAccountedFor(outcome, 1);
        assertThat(outcome.names()).contains("Before");
        assertThat(outcome.rejects()).singleElement().satisfies(line -> assertThat(line).contains("broken-quote.csv", "After"));
    }

    @Test
    void valuesAStoreWouldRefuseAreRejectedRowByRowAndEverythingElseLoads() throws Exception {
        String longId = "x".repeat(600);
        Outcome outcome = load("refused-by-stores.csv", utf8("""
                id,name,brand,dateUpdated,colors,prices.amountMin,prices.amountMax
                p-nan,Not A Number,Acme,2019-03-01T00:00:00Z,Red,NaN,10
                p-inf,Infinite,Acme,2019-03-02T00:00:00Z,Red,5,Infinity
                p-big,Too Big,Acme,2019-03-03T00:00:00Z,Red,1e400,1e400
                %s,Long Id,Acme,2019-03-04T00:00:00Z,Red,5,10
                p-ok,Fine Price,Acme,2019-03-05T00:00:00Z,Red,5.50,10
                """.formatted(longId)));
        assertLoadedAndAccountedFor(outcome, 1);
        assertThat(outcome.names()).contains("Fine Price").doesNotContain("Not A Number", "Infinite", "Too Big", "Long Id");
        assertThat(outcome.meta("rejects:invalid_price")).isEqualTo(3);
        assertThat(outcome.meta("rejects:id_too_long")).isEqualTo(1);
        // Each reject names the column at fault and its value (at most 300 characters of it).
        assertThat(outcome.rejects()).hasSize(4)
                .anySatisfy(line -> assertThat(line).contains("refused-by-stores.csv", "invalid_price", "Not A Number",
                        "\"column\":\"prices.amountMin\"", "\"value\":\"NaN\""))
                .anySatisfy(line -> assertThat(line).contains("invalid_price", "\"column\":\"prices.amountMax\"", "\"value\":\"Infinity\""))
                .anySatisfy(line -> assertThat(line).contains("refused-by-stores.csv", "id_too_long", longId, "\"column\":\"id\"",
                        "\"value\":\"" + longId.substring(0, 300) + "\""));
    }

    @Test
    void binaryGarbageAfterAValidHeaderIsRejectedRowByRow() throws Exception {
        byte[] garbage = new byte[64 * 1024];
        new Random(7).nextBytes(garbage);
        byte[] header = utf8(HEADER);
        byte[] file = new byte[header.length + garbage.length];
        System.arraycopy(header, 0, file, 0, header.length);
        System.arraycopy(garbage, 0, file, header.length, garbage.length);
        Outcome outcome = load("garbage.csv", file);
        assertLoadedAndAccountedFor(outcome, 0);
        assertThat(outcome.meta("rejected")).isPositive();
    }

    @Test
    void aBinaryFileIsSkippedAndNamed() throws Exception {
        byte[] garbage = new byte[64 * 1024];
        new Random(11).nextBytes(garbage);
        Outcome outcome = load("image.csv", garbage);
        assertLoadedAndAccountedFor(outcome, 0);
        assertThat(outcome.meta().get("unrecognizedFiles")).endsWith("image.csv");
    }

    @Test
    void aTenMegabyteCellIsRejectedWithItsReasonWhenTheBoundAllowsItAndRefusesTheDatasetUnderTheDefault() throws Exception {
        String huge = "x".repeat(10 * 1024 * 1024);
        byte[] file = utf8(HEADER
                + "Normal,Acme,2019-03-01T00:00:00Z,Red\n"
                + "Huge,Acme,2019-03-02T00:00:00Z," + huge + "\n"
                + "\"" + huge + "\",Acme,2019-03-03T00:00:00Z,Red\n"
                + "Also Normal,Acme,2019-03-04T00:00:00Z,Red\n");
        Outcome outcome = load("huge-cell.csv", file, "--max-cell-chars", "20000000");
        assertLoadedAndAccountedFor(outcome, 2);
        assertThat(outcome.names()).contains("Normal", "Also Normal");
        assertThat(outcome.meta("rejects:field_too_long")).isEqualTo(2);
        assertThat(outcome.rejects()).filteredOn(line -> line.contains("field_too_long"))
                .allSatisfy(line -> assertThat(line).contains("\"value\":\"" + "x".repeat(300) + "\""))
                .anySatisfy(line -> assertThat(line).contains("\"column\":\"colors\""))
                .anySatisfy(line -> assertThat(line).contains("\"column\":\"name\""));

        assertThat(load("huge-cell.csv", file).exit()).as("past --max-cell-chars' default of 1,000,000").isEqualTo(3);
    }

    @Test
    void textThatIsNotUtf8IsRejectedNotLoadedGarbled() throws Exception {
        Outcome outcome = load("latin1.csv", (HEADER + "Café Crème,Acme,2019-04-01T00:00:00Z,Rouge\nPlain,Acme,2019-04-02T00:00:00Z,Red\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        assertLoadedAndAccountedFor(outcome, 1);
        assertThat(outcome.names()).contains("Plain").noneMatch(name -> name.contains("\uFFFD"));
        assertThat(outcome.meta("rejects:not_utf8")).isEqualTo(1);
        assertThat(outcome.rejects()).singleElement().satisfies(line -> assertThat(line).contains("\"column\":\"name\"", "Caf"));
    }

    @Test
    void aUtf16FileIsSkippedAndNamed() throws Exception {
        Outcome outcome = load("utf16.csv", (HEADER + "Wide,Acme,2019-04-01T00:00:00Z,Red\n").getBytes(StandardCharsets.UTF_16));
        assertLoadedAndAccountedFor(outcome, 0);
        assertThat(outcome.meta().get("unrecognizedFiles")).endsWith("utf16.csv");
    }

    @Test
    void aFileWithOnlyAHeaderAddsNothing() throws Exception {
        Outcome outcome = load("header-only.csv", utf8(HEADER));
        assertLoadedAndAccountedFor(outcome, 0);
        assertThat(outcome.meta("rejected")).isZero();
        assertThat(outcome.names()).hasSize(GOOD_NAMES.size());
    }

    @Test
    void anEmptyFileIsSkippedAndNamed() throws Exception {
        Outcome outcome = load("empty.csv", new byte[0]);
        assertLoadedAndAccountedFor(outcome, 0);
        assertThat(outcome.meta().get("unrecognizedFiles")).endsWith("empty.csv");
    }

    @Test
    void withDuplicateHeadersTheFirstColumnOfAName() throws Exception {
        Outcome outcome = load("duplicates.csv", utf8("""
                name,Name,dateUpdated,colors,dateUpdated
                First Name,Second Name,2019-05-01T00:00:00Z,Red,not a date
                """));
        assertLoadedAndAccountedFor(outcome, 1);
        assertThat(outcome.names()).contains("First Name").doesNotContain("Second Name");
    }

    @Test
    void tenThousandColumnsLoad() throws Exception {
        String extraHeader = IntStream.range(0, 10_000 - 4).mapToObj(i -> "extra" + i).collect(Collectors.joining(","));
        String extraCells = IntStream.range(0, 10_000 - 4).mapToObj(Integer::toString).collect(Collectors.joining(","));
        Outcome outcome = load("wide.csv", utf8("name,brand,dateUpdated,colors," + extraHeader + "\n"
                + "Wide One,Acme,2019-06-01T00:00:00Z,Red," + extraCells + "\n"
                + "Wide Two,Acme,2019-06-02T00:00:00Z,Red," + extraCells + "\n"));
        assertLoadedAndAccountedFor(outcome, 2);
        assertThat(outcome.names()).contains("Wide One", "Wide Two");
    }
}
